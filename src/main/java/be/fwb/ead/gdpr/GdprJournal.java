package be.fwb.ead.gdpr;

import be.fwb.ead.gdpr.PersonalDataProvider.Person;
import reactor.core.publisher.Mono;

/**
 * Where the GDPR module's own acts are recorded: the journal, implemented by its owner (the audit module), since the
 * GDPR module writes no table.
 */
public interface GdprJournal {

	/**
	 * Records an erasure, inside its transaction, after every owner's part (the journal's own pseudonymisation
	 * included): its outcome, and its reason with the person's identifiers pseudonymised.
	 *
	 * @param summary the line's summary, for people
	 */
	Mono<Void> erased(Person person, PersonalData.Erasure erasure, String summary, String reason, String author);

	/** Records a run of the retention rules and whom it erased. */
	Mono<Void> retentionApplied(RetentionReport report, String summary, String author);
}
