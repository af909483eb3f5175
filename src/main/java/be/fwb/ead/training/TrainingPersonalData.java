package be.fwb.ead.training;

import java.util.Map;

import be.fwb.ead.gdpr.PersonalDataProvider;
import be.fwb.ead.gdpr.PersonalRows;
import org.springframework.core.annotation.Order;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The training's part of a person's data: their registrations (attendance, completion), deleted by an erasure. */
@Component
@Order(50)
class TrainingPersonalData implements PersonalDataProvider {

	private final DatabaseClient db;

	TrainingPersonalData(DatabaseClient db) {
		this.db = db;
	}

	@Override
	public Flux<Section> export(Person person) {
		return PersonalRows.read(db, Section.Kind.OWN, "training_registration",
				"select row_to_json(t)::text as j from training_registration t where vacataire_id = :v", person.id()).flux();
	}

	@Override
	public Mono<Erased> preview(Person person) {
		return PersonalRows.count(db, "select count(*) from training_registration where vacataire_id = :v", person.id())
			.map(n -> Erased.deleted(Map.of("training_registration", n)));
	}

	@Override
	public Mono<Erased> erase(Person person) {
		return PersonalRows.change(db, "delete from training_registration where vacataire_id = :v", person.id())
			.map(n -> Erased.deleted(Map.of("training_registration", n)));
	}
}
