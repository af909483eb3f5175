package be.fwb.ead.assignments;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
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
 * The assignments' part of a person's data: their assignments, kept through an erasure (payroll and accounting), and the
 * reconciliations of their Moodle roles, deleted. An erasure is refused during a current assignment; whoever was
 * assigned worked for the EAD: no retention rule erases them.
 */
@Component
@Order(30)
class AssignmentPersonalData implements PersonalDataProvider {

	private final DatabaseClient db;
	private final Clock clock;

	AssignmentPersonalData(DatabaseClient db, Clock clock) {
		this.db = db;
		this.clock = clock;
	}

	@Override
	public Map<String, String> kept() {
		return Map.of("assignment", "obligations comptables et de paie (conservation légale), sans l’identité");
	}

	@Override
	public Mono<String> refusal(long personId) {
		return db.sql("select count(*) from assignment where vacataire_id = :v and ends_on >= :today")
			.bind("v", personId)
			.bind("today", LocalDate.now(clock))
			.map(r -> r.get(0, Long.class))
			.one()
			.filter(n -> n > 0)
			.map(n -> "La personne a une affectation en cours ou à venir : terminez-la d’abord, ou annulez-la si elle n’a pas commencé.");
	}

	@Override
	public Flux<Section> export(Person person) {
		return Flux.concat(
				PersonalRows.read(db, OWN, "assignment", "select row_to_json(t)::text as j from assignment t where vacataire_id = :v",
						person.id()),
				PersonalRows.read(db, OWN, "reconciliation_ack",
						"select row_to_json(t)::text as j from reconciliation_ack t where vacataire_id = :v", person.id()));
	}

	@Override
	public Mono<Erased> preview(Person person) {
		return PersonalRows.count(db, "select count(*) from reconciliation_ack where vacataire_id = :v", person.id())
			.map(n -> Erased.deleted(Map.of("reconciliation_ack", n)));
	}

	@Override
	public Mono<Erased> erase(Person person) {
		return PersonalRows.change(db, "delete from reconciliation_ack where vacataire_id = :v", person.id())
			.map(n -> Erased.deleted(Map.of("reconciliation_ack", n)));
	}

	@Override
	public Flux<Long> holds(List<Long> people) {
		return db.sql("select distinct vacataire_id from assignment where vacataire_id = any(:people)")
			.bind("people", people.toArray(Long[]::new))
			.map(r -> r.get("vacataire_id", Long.class))
			.all();
	}
}
