package be.fwb.ead.events;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import be.fwb.ead.audit.Change;
import be.fwb.ead.audit.ChangeLog;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A listener for the tests of the registry (a test-only bean, found by the component scan on the test class path): it
 * notes what it saw of its publisher's change, writes its own line in the change log, then fails as often as its event
 * asks.
 */
@Component
class Probes {

	/** The event: {@code token} names the publisher's change (the summary of its change-log line). */
	record Probe(String token, int failures) {
	}

	/** A delivery that completed: how many lines of its publisher's change it saw (1 once committed). */
	record Received(String token, long publisherLinesSeen, int attempt) {
	}

	private final DatabaseClient db;
	private final ChangeLog changes;
	private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
	private final List<Received> received = new CopyOnWriteArrayList<>();

	Probes(DatabaseClient db, ChangeLog changes) {
		this.db = db;
		this.changes = changes;
	}

	@ModuleListener
	Mono<Void> on(Probe probe) {
		int attempt = attempts.computeIfAbsent(probe.token(), t -> new AtomicInteger()).incrementAndGet();
		return db.sql("select count(*) from change_log where summary = :t")
			.bind("t", probe.token())
			.map(r -> r.get(0, Long.class))
			.one()
			.flatMap(seen -> changes.record("probe", Change.of("probe", 0, null, "listened", probe.token() + " écouté"))
				.then(attempt <= probe.failures() ? Mono.error(new IllegalStateException("échec voulu, essai " + attempt))
						: Mono.fromRunnable(() -> received.add(new Received(probe.token(), seen, attempt)))));
	}

	List<Received> received(String token) {
		return received.stream().filter(r -> r.token().equals(token)).toList();
	}

	int attempts(String token) {
		AtomicInteger n = attempts.get(token);
		return n == null ? 0 : n.get();
	}
}
