package be.fwb.ead.titles;

import java.util.Map;

import be.fwb.ead.gdpr.PersonalDataProvider;
import be.fwb.ead.gdpr.PersonalRows;
import org.springframework.core.annotation.Order;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The titles' part of a person's data: the titles they hold, deleted by an erasure. */
@Component
@Order(80)
class TitlePersonalData implements PersonalDataProvider {

	private final DatabaseClient db;

	TitlePersonalData(DatabaseClient db) {
		this.db = db;
	}

	@Override
	public Flux<Section> export(Person person) {
		return PersonalRows.read(db, Section.Kind.OWN, "vacataire_title",
				"select row_to_json(t)::text as j from vacataire_title t where vacataire_id = :v", person.id()).flux();
	}

	@Override
	public Mono<Erased> preview(Person person) {
		return PersonalRows.count(db, "select count(*) from vacataire_title where vacataire_id = :v", person.id())
			.map(n -> Erased.deleted(Map.of("vacataire_title", n)));
	}

	@Override
	public Mono<Erased> erase(Person person) {
		return PersonalRows.change(db, "delete from vacataire_title where vacataire_id = :v", person.id())
			.map(n -> Erased.deleted(Map.of("vacataire_title", n)));
	}
}
