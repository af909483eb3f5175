package be.fwb.ead.vacataires;

import java.util.Locale;
import java.util.Set;

import be.fwb.ead.shared.InvalidRequest;
import org.jspecify.annotations.Nullable;

/**
 * Which vacataires to list. Every part is optional.
 *
 * @param q words of the name, e-mail, username or id number, without regard to case or accents
 * @param status one status ({@code CANDIDAT}, {@code RETENU}, {@code ACTIF}, {@code SUSPENDU}, {@code SORTI},
 * {@code NON_RETENU})
 * @param withoutModule only vacataires who hold no role on a current module
 */
public record VacataireFilter(@Nullable String q, @Nullable String status, boolean withoutModule) {

	/** The statuses a vacataire can have, in the order of the lifecycle. */
	public static final java.util.List<String> STATUSES = java.util.List.of("CANDIDAT", "RETENU", "ACTIF", "SUSPENDU",
			"SORTI", "NON_RETENU");

	private static final Set<String> KNOWN = Set.copyOf(STATUSES);

	public VacataireFilter {
		if (status != null && status.isBlank()) {
			status = null;
		}
		if (status != null) {
			status = status.trim().toUpperCase(Locale.ROOT);
			if (!KNOWN.contains(status)) {
				throw new InvalidRequest("Statut inconnu : « " + status + " ». Valeurs admises : " + String.join(", ", STATUSES)
						+ ".");
			}
		}
	}
}
