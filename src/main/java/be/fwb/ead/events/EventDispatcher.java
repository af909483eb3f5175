package be.fwb.ead.events;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers the publications to their listeners: each delivery takes its publication (so that two instances never
 * deliver it at once), calls the listener in a new transaction that also marks the publication completed, and on a
 * failure records it and when to try again, until the attempts run out. Deliveries run after the publisher's commit
 * (in the background), at start-up (what a crash left undelivered) and on a schedule (what failed and is due again).
 */
@Component
class EventDispatcher {

	private static final Logger log = LoggerFactory.getLogger(EventDispatcher.class);

	private final EventPublications publications;
	private final Listeners listeners;
	private final EventSettings settings;
	private final TransactionalOperator newTransaction;
	private final Clock clock;
	private final JsonMapper json;
	private final Set<Mono<Void>> running = ConcurrentHashMap.newKeySet();
	private final AtomicBoolean retrying = new AtomicBoolean();

	EventDispatcher(EventPublications publications, Listeners listeners, EventSettings settings,
			ReactiveTransactionManager transactions, Clock clock) {
		this.publications = publications;
		this.listeners = listeners;
		this.settings = settings;
		this.newTransaction = TransactionalOperator.create(transactions,
				new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_REQUIRES_NEW));
		this.clock = clock;
		this.json = Events.JSON;
	}

	/** Delivers these publications in the background (after their publisher's commit). */
	void later(Collection<Long> ids) {
		inBackground(dispatch(ids));
	}

	/** Delivers these publications now, one after the other; how many completed. */
	Mono<Long> dispatch(Collection<Long> ids) {
		return Flux.fromIterable(ids).concatMap(id -> deliver(id, clock.instant())).filter(done -> done).count();
	}

	/**
	 * Delivers again every publication due at {@code now}: those a crash left undelivered, those whose lease ran out,
	 * those that failed and whose wait is over. How many completed.
	 */
	Mono<Long> retryDue(Instant now) {
		return publications.due(now, 1000).collectList().flatMap(ids -> Flux.fromIterable(ids)
			.concatMap(id -> deliver(id, now))
			.filter(done -> done)
			.count()
			.doOnNext(done -> {
				if (!ids.isEmpty()) {
					log.info("Événements relivrés : {} sur {} à reprendre", done, ids.size());
				}
			}));
	}

	/** Completes when no delivery started here is running any more (those they cause included). */
	Mono<Void> settled() {
		return Mono.defer(() -> {
			List<Mono<Void>> now = List.copyOf(running);
			return now.isEmpty() ? Mono.empty() : Mono.when(now).then(settled());
		});
	}

	@EventListener(ApplicationReadyEvent.class)
	void onStartup() {
		retryInBackground("démarrage");
	}

	@Scheduled(cron = "${ead.events.retry-cron:30 * * * * *}")
	void onSchedule() {
		retryInBackground("planificateur");
	}

	private void retryInBackground(String why) {
		if (!retrying.compareAndSet(false, true)) {
			return;
		}
		Instant now = clock.instant();
		inBackground(retryDue(now)
			.then(publications.purgeCompleted(now.minus(settings.keepCompleted())))
			.doOnError(e -> log.error("Reprise des événements ({}) impossible : {}", why, e.toString()))
			.doFinally(s -> retrying.set(false))
			.then());
	}

	/** One delivery: true when the listener completed; false when it failed or the publication was not due. */
	private Mono<Boolean> deliver(long id, Instant now) {
		return publications.claim(id, now, now.plus(settings.lease()))
			.flatMap(claimed -> run(claimed, now))
			.defaultIfEmpty(false);
	}

	private Mono<Boolean> run(EventPublications.Claimed claimed, Instant now) {
		Listeners.Listener listener = listeners.byId(claimed.listenerId());
		Class<?> type = listeners.eventType(claimed.eventType());
		if (listener == null || type == null) {
			// Another instance (a newer version, during a rolling deployment) may know it: tried again like a failure.
			return failed(claimed, "aucun écouteur " + claimed.listenerId() + " pour " + claimed.eventType() + " ici", now);
		}
		return Mono.fromCallable(() -> json.readValue(claimed.payload(), type))
			.flatMap(event -> listener.on(event).then(Mono.defer(() -> publications.complete(claimed.id(), clock.instant())))
				.as(newTransaction::transactional))
			.timeout(settings.listenerTimeout())
			.thenReturn(true)
			.onErrorResume(e -> failed(claimed, e.getClass().getSimpleName() + " : " + e.getMessage(), now));
	}

	/** Records the failure of the attempt made at {@code now}: the next one after a wait, or none. */
	private Mono<Boolean> failed(EventPublications.Claimed claimed, String error, Instant now) {
		boolean last = claimed.attempts() >= settings.maxAttempts();
		@Nullable Instant next = last ? null : now.plus(settings.retryAfter(claimed.attempts()));
		if (last) {
			log.error("Événement {} ({}) abandonné après {} essais par {} : {} — publication {} en état FAILED", claimed.eventType(),
					claimed.id(), claimed.attempts(), claimed.listenerId(), error, claimed.id());
		}
		else {
			log.warn("Événement {} ({}) : {} a échoué (essai {} sur {}), nouvel essai à {} : {}", claimed.eventType(), claimed.id(),
					claimed.listenerId(), claimed.attempts(), settings.maxAttempts(), next, error);
		}
		String kept = error.length() > 2000 ? error.substring(0, 2000) : error;
		return publications.failed(claimed.id(), kept, next).thenReturn(false);
	}

	private void inBackground(Mono<?> work) {
		Sinks.Empty<Void> done = Sinks.empty();
		Mono<Void> finished = done.asMono();
		running.add(finished);
		work.doFinally(s -> {
			running.remove(finished);
			done.tryEmitEmpty();
		}).subscribe(null, e -> log.error("Livraison d’événements interrompue", e));
	}
}
