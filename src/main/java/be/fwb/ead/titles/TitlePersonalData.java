package be.fwb.ead.titles;

import be.fwb.ead.gdpr.OwnRowsProvider;
import org.springframework.core.annotation.Order;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/** The titles' part of a person's data: the titles they hold, deleted by an erasure. */
@Component
@Order(80)
class TitlePersonalData extends OwnRowsProvider {

	TitlePersonalData(DatabaseClient db) {
		super(db, "vacataire_title");
	}
}
