package be.fwb.ead.reviews;

import java.util.Map;

import be.fwb.ead.gdpr.PersonalDataProvider;
import be.fwb.ead.gdpr.PersonalRows;
import org.springframework.core.annotation.Order;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The quality reviews' part of a person's data: their answers to review findings, deleted by an erasure. */
@Component
@Order(70)
class ReviewPersonalData implements PersonalDataProvider {

	private final DatabaseClient db;

	ReviewPersonalData(DatabaseClient db) {
		this.db = db;
	}

	@Override
	public Flux<Section> export(Person person) {
		return PersonalRows.read(db, Section.Kind.OWN, "finding_answer",
				"select row_to_json(t)::text as j from finding_answer t where vacataire_id = :v", person.id()).flux();
	}

	@Override
	public Mono<Erased> preview(Person person) {
		return PersonalRows.count(db, "select count(*) from finding_answer where vacataire_id = :v", person.id())
			.map(n -> Erased.deleted(Map.of("finding_answer", n)));
	}

	@Override
	public Mono<Erased> erase(Person person) {
		return PersonalRows.change(db, "delete from finding_answer where vacataire_id = :v", person.id())
			.map(n -> Erased.deleted(Map.of("finding_answer", n)));
	}
}
