package be.fwb.ead.audit;

import java.util.Map;

import be.fwb.ead.gdpr.PersonalDataProvider;
import be.fwb.ead.gdpr.PersonalRows;
import org.springframework.core.annotation.Order;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static be.fwb.ead.gdpr.PersonalDataProvider.Section.Kind.OWN;

/**
 * The audit's part of a person's data: the journal's lines about them, kept through an erasure (proof) but
 * pseudonymised — in those lines and in every other that names them ({@link ChangeLog#pseudonymise}) — and the reads
 * of their file, deleted. Last of the owners, so that the pseudonymisation follows everything the others did.
 */
@Component
@Order(100)
class JournalPersonalData implements PersonalDataProvider {

	private final DatabaseClient db;
	private final ChangeLog changes;

	JournalPersonalData(DatabaseClient db, ChangeLog changes) {
		this.db = db;
		this.changes = changes;
	}

	@Override
	public Map<String, String> kept() {
		return Map.of("change_log", "preuve de qui a décidé quoi (intérêt légitime, obligation de preuve), en ajout seul");
	}

	@Override
	public Flux<Section> export(Person person) {
		return Flux.concat(
				PersonalRows.read(db, OWN, "access_log", "select row_to_json(t)::text as j from access_log t where vacataire_id = :v",
						person.id()),
				PersonalRows.read(db, OWN, "change_log", "select row_to_json(t)::text as j from change_log t where vacataire_id = :v",
						person.id()));
	}

	@Override
	public Mono<Erased> preview(Person person) {
		return PersonalRows.count(db, "select count(*) from access_log where vacataire_id = :v", person.id())
			.zipWhen(reads -> changes.countNaming(person.id(), person.identifiers(), person.usernames()),
					(reads, lines) -> new Erased(Map.of("access_log", reads), lines));
	}

	@Override
	public Mono<Erased> erase(Person person) {
		return PersonalRows.change(db, "delete from access_log where vacataire_id = :v", person.id())
			.zipWhen(reads -> changes.pseudonymise(person.id(), person.identifiers(), person.usernames(), person.pseudonym()),
					(reads, lines) -> new Erased(Map.of("access_log", reads), lines));
	}
}
