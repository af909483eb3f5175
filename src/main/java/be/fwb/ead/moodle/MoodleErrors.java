package be.fwb.ead.moodle;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/** Classifies Moodle's error codes as permanent or transient (see docs/architecture.md, "Erreurs Moodle"). */
final class MoodleErrors {

	/** Codes that mean "try again later"; every other Moodle error code is permanent. */
	private static final Set<String> TRANSIENT = Set.of("sitemaintenance", "upgraderunning", "dmlreadexception",
			"dmlwriteexception", "dbsessionwaittimeout", "dmltransactionexception", "sessionwaiterr");

	private MoodleErrors() {
	}

	static MoodleException fromBody(String function, @Nullable String exception, @Nullable String errorcode,
			@Nullable String message) {
		String code = errorcode == null ? "inconnu" : errorcode;
		String text = "Moodle a refusé l'appel " + function + " (" + code + ")"
				+ (message == null ? "" : " : " + message);
		return TRANSIENT.contains(code) ? new MoodleException.Transient(function, code, text, null)
				: new MoodleException.Permanent(function, code, text);
	}

	static MoodleException fromStatus(String function, int status) {
		if (status >= 500 || status == 429 || status == 408) {
			return new MoodleException.Transient(function, null,
					"Moodle a répondu HTTP " + status + " à l'appel " + function, null);
		}
		String why = status == 403 ? " : les services web ou le protocole REST sont désactivés sur le site" : "";
		return new MoodleException.Permanent(function, null, "Moodle a répondu HTTP " + status + " à l'appel "
				+ function + why);
	}

	/** A French sentence a coordinator can act on, for the sync run's error. */
	static String advice(@Nullable String errorcode) {
		if (errorcode == null) {
			return "";
		}
		return switch (errorcode) {
			case "invalidtoken" -> " Le jeton Moodle (MOODLE_TOKEN) est inconnu ou expiré : créez un nouveau jeton "
					+ "(Administration du site > Serveur > Services web > Gérer les jetons).";
			case "accessexception" -> " Accès refusé : jeton expiré, adresse IP non autorisée, service désactivé, "
					+ "utilisateur suspendu ou fonction absente du service externe.";
			case "nopermissions", "requireloginerror" -> " L'utilisateur du jeton n'a pas les permissions "
					+ "nécessaires : vérifiez son rôle système (voir README).";
			case "sitemaintenance", "upgraderunning" -> " Le site Moodle est en maintenance ; réessayez plus tard.";
			default -> "";
		};
	}
}
