package be.fwb.ead.events;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The event publication registry: the table {@code event_publication}, one row per event and listener. */
@Component
class EventPublications {

	/** A publication taken for delivery: the attempt it is at (1 for the first). */
	record Claimed(long id, String listenerId, String eventType, String payload, int attempts) {
	}

	/** What the registry holds: publications waiting (or being delivered), given up, and the oldest waiting. */
	record Figures(long pending, long failed, @Nullable Instant oldestPending) {
	}

	private final DatabaseClient db;

	EventPublications(DatabaseClient db) {
		this.db = db;
	}

	/** Writes one publication per listener, in the caller's transaction; their ids. */
	Mono<List<Long>> write(String eventType, String payload, List<String> listenerIds, Instant now) {
		return db.sql("""
				insert into event_publication (event_type, listener_id, payload, published_at, next_attempt_at)
				select :type, l, :payload::jsonb, :now, :now from unnest(:listeners::text[]) l
				returning id""")
			.bind("type", eventType)
			.bind("payload", payload)
			.bind("listeners", listenerIds.toArray(String[]::new))
			.bind("now", now)
			.map(r -> r.get("id", Long.class))
			.all()
			.collectList();
	}

	/**
	 * Takes the publication for one delivery if it is waiting and due: counts the attempt and holds it until
	 * {@code leaseEnd} (another delivery, here or on another instance, leaves it alone meanwhile). Empty otherwise.
	 */
	Mono<Claimed> claim(long id, Instant now, Instant leaseEnd) {
		return db.sql("""
				update event_publication set attempts = attempts + 1, last_attempt_at = :now, next_attempt_at = :lease
				where id = :id and state = 'PUBLISHED' and next_attempt_at <= :now
				returning id, listener_id, event_type, payload::text as payload, attempts""")
			.bind("id", id)
			.bind("now", now)
			.bind("lease", leaseEnd)
			.map(r -> new Claimed(r.get("id", Long.class), r.get("listener_id", String.class), r.get("event_type", String.class),
					r.get("payload", String.class), r.get("attempts", Integer.class)))
			.one();
	}

	/**
	 * Marks the publication completed, in the listener's transaction. Fails when it is no longer waiting (another
	 * delivery completed it after this one's lease ran out): the listener's work is then rolled back.
	 */
	Mono<Void> complete(long id, Instant now) {
		return db.sql("update event_publication set state = 'COMPLETED', completed_at = :now, last_error = null "
				+ "where id = :id and state = 'PUBLISHED'")
			.bind("id", id)
			.bind("now", now)
			.fetch()
			.rowsUpdated()
			.flatMap(n -> n == 1 ? Mono.<Void>empty()
					: Mono.error(new IllegalStateException("Publication " + id + " completed by another delivery")));
	}

	/** Records a failed delivery: to be tried again at {@code next}, or given up ({@code FAILED}). */
	Mono<Void> failed(long id, String error, @Nullable Instant next) {
		var spec = db.sql("""
				update event_publication set last_error = :error,
				       state = case when :next::timestamptz is null then 'FAILED' else 'PUBLISHED' end,
				       next_attempt_at = coalesce(:next::timestamptz, next_attempt_at)
				where id = :id and state = 'PUBLISHED'""")
			.bind("id", id)
			.bind("error", error);
		return (next == null ? spec.bindNull("next", Instant.class) : spec.bind("next", next)).then();
	}

	/** The publications waiting and due, the oldest first. */
	Flux<Long> due(Instant now, int limit) {
		return db.sql("select id from event_publication where state = 'PUBLISHED' and next_attempt_at <= :now "
				+ "order by next_attempt_at, id limit :limit")
			.bind("now", now)
			.bind("limit", limit)
			.map(r -> r.get("id", Long.class))
			.all();
	}

	/** Deletes the publications completed before {@code before}; how many. */
	Mono<Long> purgeCompleted(Instant before) {
		return db.sql("delete from event_publication where state = 'COMPLETED' and completed_at < :before")
			.bind("before", before)
			.fetch()
			.rowsUpdated();
	}

	Mono<Figures> figures() {
		return db.sql("""
				select count(*) filter (where state = 'PUBLISHED') as pending, count(*) filter (where state = 'FAILED') as failed,
				       min(published_at) filter (where state = 'PUBLISHED') as oldest
				from event_publication where state <> 'COMPLETED'""")
			.map(r -> new Figures(r.get("pending", Long.class), r.get("failed", Long.class), r.get("oldest", Instant.class)))
			.one();
	}
}
