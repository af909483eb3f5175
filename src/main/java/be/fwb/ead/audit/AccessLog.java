package be.fwb.ead.audit;

import java.time.Clock;
import java.time.Instant;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Who read a vacataire's evaluations, when, and through what (a page, the API, the plugin, their own space). */
@Component
public class AccessLog {

	private final DatabaseClient db;
	private final Clock clock;

	AccessLog(DatabaseClient db, Clock clock) {
		this.db = db;
		this.clock = clock;
	}

	/**
	 * Records a read.
	 *
	 * @param reader the account (or "vacataire:12" for the vacataire themself)
	 * @param what what was read, in French ("évaluations")
	 * @param via the page, the API route or the plugin
	 */
	public Mono<Void> read(String reader, long vacataireId, String what, String via) {
		// Only for a vacataire who exists: reading an unknown one reads nothing.
		return db.sql("""
				insert into access_log (at, reader, vacataire_id, what, via)
				select :at, :reader, id, :what, :via from vacataire_name where id = :v""")
			.bind("at", Instant.now(clock))
			.bind("reader", reader)
			.bind("v", vacataireId)
			.bind("what", what)
			.bind("via", via)
			.then();
	}
}
