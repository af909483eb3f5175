package be.fwb.ead.sync;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Moodle as the service sees it, without calling it (a health check must stay cheap): the last sync and the circuit
 * breaker. A failed last sync or an open breaker is {@code DEGRADED} (the service still answers; the health endpoint
 * stays 200), so that a load balancer does not take every instance out when Moodle is down.
 */
@Component("moodle")
class MoodleHealth implements ReactiveHealthIndicator {

	static final Status DEGRADED = new Status("DEGRADED", "Moodle ne répond pas comme attendu ; le service fonctionne");

	private final SyncRuns runs;
	private final CircuitBreakerRegistry breakers;

	MoodleHealth(SyncRuns runs, CircuitBreakerRegistry breakers) {
		this.runs = runs;
		this.breakers = breakers;
	}

	@Override
	public Mono<Health> health() {
		String breaker = breakers.circuitBreaker("moodle").getState().name();
		return runs.latest(1).next().map(run -> {
			boolean fine = run.status() != SyncStatus.FAILED && !"OPEN".equals(breaker);
			Health.Builder health = fine ? Health.up() : Health.status(DEGRADED);
			health.withDetail("lastSync", run.id()).withDetail("lastSyncStatus", run.status().name())
				.withDetail("lastSyncStartedAt", run.startedAt().toString()).withDetail("circuitBreaker", breaker);
			if (run.error() != null) {
				health.withDetail("lastSyncError", run.error());
			}
			return health.build();
		}).defaultIfEmpty(Health.unknown().withDetail("lastSync", "aucune").withDetail("circuitBreaker", breaker).build())
			// Without the database, the last sync is unknown: the database's own indicator says DOWN (503), this one
			// must not turn the answer into an error (500).
			.onErrorResume(e -> Mono.just(Health.unknown().withDetail("lastSync", "illisible (base de données injoignable)")
				.withDetail("circuitBreaker", breaker).build()));
	}
}
