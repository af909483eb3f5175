package be.fwb.ead.audit;

import java.time.Clock;
import java.time.Duration;
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

	/** A read repeated within this time of a line's last read (same reader, person, data and way) extends that line. */
	static final Duration REPEATED_WITHIN = Duration.ofMinutes(15);

	/**
	 * Records a read: a line, or one more read on the line of the same reader's last read of the same data of the same
	 * person the same way, when that was less than {@link #REPEATED_WITHIN} ago.
	 *
	 * @param reader the account (or "vacataire:12" for the vacataire themself)
	 * @param what what was read, in French ("évaluations")
	 * @param via the page, the API route or the plugin
	 */
	public Mono<Void> read(String reader, long vacataireId, String what, String via) {
		Instant now = Instant.now(clock);
		// Only for a vacataire who exists: reading an unknown one reads nothing.
		// A line another read is extending at this instant is skipped, not waited for (100 reads at once of one person by
		// one reader would queue on its lock): that read extends an older line of the window, or gets a line of its own.
		return db.sql("""
				with recent as (
				    select id from access_log
				    where vacataire_id = :v and reader = :reader and what = :what and via = :via and coalesce(last_at, at) > :since
				    order by at desc, id desc limit 1 for update skip locked),
				repeated as (
				    update access_log a set last_at = :at, times = a.times + 1 from recent where a.id = recent.id returning a.id)
				insert into access_log (at, reader, vacataire_id, what, via)
				select :at, :reader, id, :what, :via from vacataire_name
				where id = :v and not exists (select 1 from repeated)""")
			.bind("at", now)
			.bind("since", now.minus(REPEATED_WITHIN))
			.bind("reader", reader)
			.bind("v", vacataireId)
			.bind("what", what)
			.bind("via", via)
			.then();
	}
}
