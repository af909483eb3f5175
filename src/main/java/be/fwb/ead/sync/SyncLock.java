package be.fwb.ead.sync;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * One sync at a time across every instance sharing the database: a PostgreSQL session-level advisory lock, held on a
 * connection of its own for the whole run. If the instance dies, PostgreSQL closes the session and frees the lock.
 */
@Component
class SyncLock {

	/** "EADSYNC" in ASCII: the advisory lock key, the same on every instance. */
	private static final long KEY = 0x4541_4453_594E_43L;

	private final ConnectionFactory connections;

	SyncLock(ConnectionFactory connections) {
		this.connections = connections;
	}

	/** The held lock, or {@link SyncAlreadyRunning} when another run holds it. */
	Mono<Held> acquire() {
		return Mono.from(connections.create()).flatMap(conn -> Mono
			.from(conn.createStatement("select pg_try_advisory_lock($1) as locked").bind("$1", KEY).execute())
			.flatMap(result -> Mono.from(result.map((row, meta) -> row.get("locked", Boolean.class))))
			.flatMap(locked -> Boolean.TRUE.equals(locked) ? Mono.just(new Held(conn))
					: Mono.from(conn.close()).then(Mono.error(new SyncAlreadyRunning())))
			.onErrorResume(e -> e instanceof SyncAlreadyRunning ? Mono.error(e)
					: Mono.from(conn.close()).then(Mono.error(e))));
	}

	/** A held lock; {@link #release()} frees it and gives the connection back. */
	static final class Held {
		private final Connection conn;
		private final Sinks.Empty<Void> released = Sinks.empty();

		private Held(Connection conn) {
			this.conn = conn;
		}

		Mono<Void> release() {
			return Mono.from(conn.createStatement("select pg_advisory_unlock($1)").bind("$1", KEY).execute())
				.flatMap(result -> Mono.from(result.getRowsUpdated()))
				.onErrorResume(e -> Mono.empty())
				.then(Mono.from(conn.close()))
				.doFinally(signal -> released.tryEmitEmpty());
		}

		/** The connection whose session holds the lock (for a test that makes its unlock fail). */
		Connection connection() {
			return conn;
		}

		/** Completes once {@link #release()} has run: the lock is free for the next run. */
		Mono<Void> released() {
			return released.asMono();
		}
	}
}
