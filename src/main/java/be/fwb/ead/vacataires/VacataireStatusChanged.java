package be.fwb.ead.vacataires;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A vacataire's status changed (published by {@link VacataireFile#changeStatus}, in its transaction), by
 * {@code author}, with the reason given. The assignments and the trainings listen: a vacataire who leaves keeps none
 * to come.
 */
public record VacataireStatusChanged(long vacataireId, VacataireStatus from, VacataireStatus to, @Nullable String reason,
		String author, Instant at) {

	/** The vacataire is no longer of the corps, or never will be: sorti, non retenu. */
	public boolean leaves() {
		return to.gone();
	}
}
