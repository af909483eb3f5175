package be.fwb.ead.assignments;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import be.fwb.ead.vacataires.DepartureCheck;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A vacataire does not leave (« Sorti ») with an assignment still to start: it is cancelled first, on their page. One
 * under way does not hold the departure; it runs to its end date unless ended sooner.
 */
@Component
class PlannedAssignments implements DepartureCheck {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private final DatabaseClient db;
	private final Clock clock;

	PlannedAssignments(DatabaseClient db, Clock clock) {
		this.db = db;
		this.clock = clock;
	}

	@Override
	public Mono<String> objection(long vacataireId) {
		return db.sql("select m.fullname, a.starts_on from assignment a join module_name m on m.id = a.module_id "
				+ "where a.vacataire_id = :v and a.starts_on > :today order by a.starts_on, m.sort_key")
			.bind("v", vacataireId)
			.bind("today", LocalDate.now(clock))
			.map(r -> "« " + r.get("fullname", String.class) + " » (à partir du " + DAY.format(r.get("starts_on", LocalDate.class)) + ")")
			.all()
			.collectList()
			.filter(planned -> !planned.isEmpty())
			.map(planned -> (planned.size() == 1 ? "Une affectation n'a pas encore commencé : " : planned.size()
					+ " affectations n'ont pas encore commencé : ") + String.join(", ", planned)
					+ ". Annulez-" + (planned.size() == 1 ? "la" : "les") + " d'abord, sur la fiche (« Annuler »).");
	}
}
