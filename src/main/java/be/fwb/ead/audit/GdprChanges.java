package be.fwb.ead.audit;

import java.util.Map;

import be.fwb.ead.gdpr.GdprJournal;
import be.fwb.ead.gdpr.PersonalData;
import be.fwb.ead.gdpr.PersonalDataProvider.Person;
import be.fwb.ead.gdpr.RetentionReport;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The GDPR module's acts as lines of the change log: an erasure (its reason pseudonymised), a run of the retention rules. */
@Component
class GdprChanges implements GdprJournal {

	private final ChangeLog changes;

	GdprChanges(ChangeLog changes) {
		this.changes = changes;
	}

	@Override
	public Mono<Void> erased(Person person, PersonalData.Erasure erasure, String summary, String reason, String author) {
		return changes.record(author, Change.of("vacataire", person.id(), person.id(), "anonymised", summary)
			.withStates(null, Map.of("deleted", erasure.deleted(), "redactedJournalLines", erasure.redactedJournalLines(), "kept",
					erasure.kept()))
			.because(ChangeLog.pseudonymised(reason, person.identifiers(), person.pseudonym())));
	}

	@Override
	public Mono<Void> retentionApplied(RetentionReport report, String summary, String author) {
		return changes.record(author, Change.of("gdpr_retention", 0, null, "applied", summary)
			.withStates(null, Map.of("anonymised", report.anonymised(), "after", report.after().toString())));
	}
}
