package be.fwb.ead.vacataires;

import org.jspecify.annotations.Nullable;

/**
 * Which vacataires to list. Every part is optional.
 *
 * @param q words of the name, e-mail, username or id number, without regard to case or accents
 * @param status one status ({@code CANDIDAT}, {@code RETENU}, {@code ACTIF}, {@code SUSPENDU}, {@code SORTI},
 * {@code NON_RETENU})
 * @param withoutModule only vacataires retained or active who hold no role on a current module
 */
public record VacataireFilter(@Nullable String q, @Nullable String status, boolean withoutModule) {

	/** The statuses a vacataire can have, in the order of the lifecycle. */
	public static final java.util.List<String> STATUSES = java.util.List.of("CANDIDAT", "RETENU", "ACTIF", "SUSPENDU",
			"SORTI", "NON_RETENU");

	public VacataireFilter {
		if (status != null && status.isBlank()) {
			status = null;
		}
		if (status != null) {
			status = VacataireStatus.of(status).name();
		}
	}
}
