package be.fwb.ead.events;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The event publication registry as the health endpoint shows it: the deliveries waiting and those given up. One given
 * up is {@code DEGRADED} (a module did not react to a change: see the log and {@code event_publication.last_error});
 * the service still answers, the health stays 200. Shown as {@code events} (the bean name without its suffix).
 */
@Component("eventsHealthIndicator")
class EventsHealth implements ReactiveHealthIndicator {

	static final Status DEGRADED = new Status("DEGRADED", "Des réactions entre modules ont échoué ; le service fonctionne");

	private final EventPublications publications;

	EventsHealth(EventPublications publications) {
		this.publications = publications;
	}

	@Override
	public Mono<Health> health() {
		return publications.figures().map(f -> {
			Health.Builder health = f.failed() > 0 ? Health.status(DEGRADED) : Health.up();
			health.withDetail("pending", f.pending()).withDetail("failed", f.failed());
			if (f.oldestPending() != null) {
				health.withDetail("oldestPending", f.oldestPending().toString());
			}
			return health.build();
		}).onErrorResume(e -> Mono.just(Health.unknown().withDetail("events", "illisible (base de données injoignable)").build()));
	}
}
