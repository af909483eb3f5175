package be.fwb.ead.reviews;

import be.fwb.ead.gdpr.OwnRowsProvider;
import org.springframework.core.annotation.Order;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/** The quality reviews' part of a person's data: their answers to review findings, deleted by an erasure. */
@Component
@Order(70)
class ReviewPersonalData extends OwnRowsProvider {

	ReviewPersonalData(DatabaseClient db) {
		super(db, "finding_answer");
	}
}
