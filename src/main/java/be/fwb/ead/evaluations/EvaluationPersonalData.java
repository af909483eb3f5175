package be.fwb.ead.evaluations;

import java.util.LinkedHashMap;
import java.util.Map;

import be.fwb.ead.gdpr.PersonalDataProvider;
import be.fwb.ead.gdpr.PersonalRows;
import org.springframework.core.annotation.Order;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static be.fwb.ead.gdpr.PersonalDataProvider.Section.Kind.LINKED;
import static be.fwb.ead.gdpr.PersonalDataProvider.Section.Kind.OWN;

/**
 * The evaluations' part of a person's data: their evaluations, the scores of each and the evaluation planned for them,
 * deleted by an erasure.
 */
@Component
@Order(40)
class EvaluationPersonalData implements PersonalDataProvider {

	private final DatabaseClient db;

	EvaluationPersonalData(DatabaseClient db) {
		this.db = db;
	}

	@Override
	public Flux<Section> export(Person person) {
		return Flux.concat(
				PersonalRows.read(db, OWN, "evaluation", "select row_to_json(t)::text as j from evaluation t where vacataire_id = :v",
						person.id()),
				PersonalRows.read(db, LINKED, "evaluation_score", """
						select row_to_json(t)::text as j from evaluation_score t join evaluation e on e.id = t.evaluation_id
						where e.vacataire_id = :v""", person.id()),
				PersonalRows.read(db, OWN, "evaluation_plan",
						"select row_to_json(t)::text as j from evaluation_plan t where vacataire_id = :v", person.id()));
	}

	@Override
	public Mono<Erased> preview(Person person) {
		return PersonalRows.count(db, """
				select count(*) from evaluation_score where evaluation_id in (select id from evaluation where vacataire_id = :v)""",
				person.id())
			.zipWhen(scores -> PersonalRows.count(db, "select count(*) from evaluation where vacataire_id = :v", person.id()))
			.zipWhen(counted -> PersonalRows.count(db, "select count(*) from evaluation_plan where vacataire_id = :v", person.id()),
					(counted, plans) -> erased(counted.getT1(), counted.getT2(), plans));
	}

	@Override
	public Mono<Erased> erase(Person person) {
		return PersonalRows.change(db, """
				delete from evaluation_score where evaluation_id in (select id from evaluation where vacataire_id = :v)""", person.id())
			.zipWhen(scores -> PersonalRows.change(db, "delete from evaluation where vacataire_id = :v", person.id()))
			.zipWhen(deleted -> PersonalRows.change(db, "delete from evaluation_plan where vacataire_id = :v", person.id()),
					(deleted, plans) -> erased(deleted.getT1(), deleted.getT2(), plans));
	}

	private static Erased erased(long scores, long evaluations, long plans) {
		Map<String, Long> deleted = new LinkedHashMap<>();
		deleted.put("evaluation_score", scores);
		deleted.put("evaluation", evaluations);
		deleted.put("evaluation_plan", plans);
		return Erased.deleted(deleted);
	}
}
