package be.fwb.ead.training;

import be.fwb.ead.gdpr.OwnRowsProvider;
import org.springframework.core.annotation.Order;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/** The training's part of a person's data: their registrations (attendance, completion), deleted by an erasure. */
@Component
@Order(50)
class TrainingPersonalData extends OwnRowsProvider {

	TrainingPersonalData(DatabaseClient db) {
		super(db, "training_registration");
	}
}
