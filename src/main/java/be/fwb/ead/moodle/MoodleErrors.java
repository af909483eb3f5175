package be.fwb.ead.moodle;

import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Classifies Moodle's error codes as permanent or transient (see docs/architecture.md, « Erreurs Moodle »), and says
 * in French what a Moodle administrator must do about each refusal. What Moodle 5.1 answers was read in its source:
 * webservice/lib.php ({@code authenticate_user}, {@code authenticate_by_token}, {@code load_function_info}: an expired
 * token, a disabled service, a function missing from the service all answer {@code accessexception}, the reason only
 * in {@code debuginfo}, which the site sends only when debugging), lib/classes/exception/required_capability_exception.php
 * ({@code nopermissions}, the capability's name in the message), enrol/externallib.php (a course's context error
 * wrapped in a {@code moodle_exception} whose errorcode is a sentence).
 */
final class MoodleErrors {

	/** Codes that mean "try again later"; every other Moodle error code is permanent. */
	private static final Set<String> TRANSIENT = Set.of("sitemaintenance", "upgraderunning", "dmlreadexception",
			"dmlwriteexception", "dbsessionwaittimeout", "dmltransactionexception", "sessionwaiterr");

	private static final String SERVICES = "Administration du site > Serveur > Services web > Services externes";
	private static final String TOKENS = "Administration du site > Serveur > Services web > Gérer les jetons";
	private static final String ROLES = "Administration du site > Utilisateurs > Permissions > Définition des rôles";

	/** What each function the sync calls needs of the token user's role (README, step 2), to name the missing one. */
	private static final Map<String, String> CAPABILITIES = Map.of(
			"core_enrol_get_enrolled_users_with_capability",
			"moodle/course:enrolreview (inscriptions actives ; elle suffit aussi pour lister les participants), "
					+ "moodle/role:review, moodle/user:viewdetails",
			"core_course_get_contents", "moodle/course:view, moodle/course:viewhiddencourses, moodle/course:viewhiddenactivities",
			"core_course_get_categories", "moodle/category:viewhiddencategories",
			"core_user_get_users_by_field", "moodle/user:viewdetails, moodle/user:viewalldetails, moodle/site:viewuseridentity",
			"local_eadtutors_get_changes", "local/eadtutors:readchanges",
			"core_competency_list_competency_frameworks", "moodle/competency:competencyview",
			"core_competency_list_competencies", "moodle/competency:competencyview");

	static final String TOKEN_EXPIRED = " Le jeton Moodle a expiré (sa date « Valid until » est passée) et Moodle l’a supprimé : "
			+ "créez un nouveau jeton pour l’utilisateur de la synchronisation en décochant « Valid until » (" + TOKENS
			+ " > Create token ; Moodle propose 30 jours par défaut), puis mettez-le dans MOODLE_TOKEN.";

	static final String SERVICE_REFUSED = " Moodle refuse toute fonction au jeton : le plus souvent, son service externe n’est "
			+ "pas activé (" + SERVICES + " > le service > Edit : cochez « Enabled », que Moodle laisse décoché à la création). "
			+ "Sinon : core_webservice_get_site_info n’est pas dans ce service, le service est réservé aux utilisateurs "
			+ "autorisés (« Authorised users only ») sans l’utilisateur de la synchronisation, ou une restriction d’adresse IP "
			+ "l’exclut.";

	private MoodleErrors() {
	}

	static MoodleException fromBody(String function, @Nullable String exception, @Nullable String errorcode,
			@Nullable String message, @Nullable String debuginfo) {
		// A PHP Error (not a Moodle exception) has no errorcode: a fault of Moodle's own code for that request.
		String code = errorcode != null ? errorcode : "Error".equals(exception) ? "phperror" : "inconnu";
		String text = message;
		if (code.chars().anyMatch(Character::isWhitespace)) {
			// A function that wrapped another error in a moodle_exception built from a sentence: the sentence is the
			// errorcode (enrol/externallib.php does so when a course's context cannot be entered).
			text = code;
			code = "errorcoursecontextnotvalid";
		}
		String said = "Moodle a refusé l’appel " + function + " (" + code + ")" + (text == null ? "" : " : " + text)
				+ (debuginfo == null ? "" : " [" + shortened(debuginfo.replaceAll("\\s+", " ").trim()) + "]");
		return TRANSIENT.contains(code) ? new MoodleException.Transient(function, code, said, null)
				: new MoodleException.Permanent(function, code, said, advice(function, code, debuginfo));
	}

	private static String shortened(String text) {
		return text.length() <= 300 ? text : text.substring(0, 299) + "…";
	}

	static MoodleException fromStatus(String function, int status) {
		if (status >= 500 || status == 429 || status == 408) {
			return new MoodleException.Transient(function, null,
					"Moodle a répondu HTTP " + status + " à l’appel " + function, null);
		}
		String why = status == 403 ? " : les services web ou le protocole REST sont désactivés sur le site" : "";
		return new MoodleException.Permanent(function, null, "Moodle a répondu HTTP " + status + " à l’appel " + function + why,
				status == 403 ? " Activez les services web (Administration du site > Général > Fonctionnalités avancées > « Enable web "
						+ "services ») et le protocole REST (Administration du site > Serveur > Services web > Gérer les protocoles)." : "");
	}

	/**
	 * The refusal of the first call explained by a second one: Moodle deletes an expired token on its first use, so an
	 * {@code accessexception} followed by {@code invalidtoken} is an expired token; two {@code accessexception}s in a row
	 * are a service that refuses the function (most often: not enabled).
	 */
	static MoodleException diagnosed(MoodleException first, MoodleException second) {
		if ("invalidtoken".equals(second.errorcode())) {
			return new MoodleException.Permanent(first.function(), "accessexception",
					first.getMessage() + ", puis « jeton inconnu » au second essai", TOKEN_EXPIRED);
		}
		if ("accessexception".equals(second.errorcode())) {
			return first;
		}
		return second;
	}

	/** A French sentence a coordinator can pass on to the Moodle administrator, for the sync run's error. */
	static String advice(String function, @Nullable String errorcode, @Nullable String debuginfo) {
		if (errorcode == null) {
			return "";
		}
		String debug = debuginfo == null ? "" : debuginfo;
		return switch (errorcode) {
			case "invalidtoken" -> " Le jeton Moodle (MOODLE_TOKEN) est inconnu du site : il a été supprimé, ou il avait une date "
					+ "d’expiration (« Valid until ») et Moodle l’a supprimé à sa première utilisation après cette date. Créez un "
					+ "nouveau jeton en décochant « Valid until » (" + TOKENS + " > Create token).";
			case "accessexception" -> debug.contains("token expired") ? TOKEN_EXPIRED
					: debug.contains("webservice/rest:use") ? " Le rôle de l’utilisateur du jeton n’a pas la capacité "
							+ "webservice/rest:use (" + ROLES + ")."
					: debug.contains("Invalid service - IP") ? " Une restriction d’adresse IP du jeton ou du service exclut le "
							+ "service EAD (" + TOKENS + ")."
					: "core_webservice_get_site_info".equals(function) ? SERVICE_REFUSED
					: " La fonction " + function + " n’est pas dans le service externe du jeton, ou ce service n’est pas activé : "
							+ SERVICES + " > le service > Functions (Add functions) et Edit (« Enabled »).";
			case "nopermissions" -> " Le rôle système de l’utilisateur du jeton n’a pas une capacité qu’il faut à " + function
					+ " (Moodle la nomme ci-dessus)" + (CAPABILITIES.containsKey(function) ? " ; il lui faut : "
							+ CAPABILITIES.get(function) : "")
					+ ". Ajoutez-la au rôle (" + ROLES + ") ; voir le README, « Setting up Moodle for the sync ».";
			case "criteriaerror" -> " Le rôle de l’utilisateur du jeton n’a pas la capacité moodle/category:viewhiddencategories, "
					+ "nécessaire pour connaître les catégories masquées (" + ROLES + ").";
			case "requireloginerror", "errorcoursecontextnotvalid" -> " L’utilisateur du jeton ne peut pas entrer dans ce cours : "
					+ "son rôle système doit avoir moodle/course:view (et moodle/course:viewhiddencourses pour un cours masqué).";
			case "wsaccessusersuspended", "wsaccessuserdeleted", "wsaccessusernologin", "wsaccessuserunconfirmed",
					"wsaccessuserexpired", "usernotconfirmed" -> " Le compte Moodle de l’utilisateur du jeton est suspendu, "
							+ "supprimé, non confirmé, expiré ou en authentification « nologin » : rétablissez-le "
							+ "(Administration du site > Utilisateurs > Comptes).";
			case "sitemaintenance", "upgraderunning" -> " Le site Moodle est en maintenance ; réessayez plus tard.";
			default -> "";
		};
	}
}
