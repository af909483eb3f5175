package be.fwb.ead.vacataires;

import reactor.core.publisher.Mono;

/**
 * What another capability holds against a vacataire's departure (« Sorti »), implemented by the owner of what is held
 * (the assignments: one planned and not started is cancelled first). {@link VacataireFile#changeStatus} refuses the
 * departure with the sentence.
 */
public interface DepartureCheck {

	/** A French sentence saying what to do before the vacataire leaves, or empty when nothing holds it. */
	Mono<String> objection(long vacataireId);
}
