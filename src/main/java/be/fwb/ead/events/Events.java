package be.fwb.ead.events;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes what changed in a module to the modules that react to it ({@link ModuleListener}), through the event
 * publication registry: the event is written, once per listener, in the transaction of the change that causes it (so
 * it is committed or rolled back with it), then delivered after the commit. A delivery that fails, or that a crash
 * cut, is made again (at start-up, then on a schedule) until it completes or its attempts run out.
 */
@Service
public class Events {

	/** How events are written in the registry (records; dates as ISO-8601 text). */
	static final JsonMapper JSON = JsonMapper.builder().build();

	private final EventPublications publications;
	private final Listeners listeners;
	private final EventDispatcher dispatcher;
	private final Clock clock;

	Events(EventPublications publications, Listeners listeners, EventDispatcher dispatcher, Clock clock) {
		this.publications = publications;
		this.listeners = listeners;
		this.dispatcher = dispatcher;
		this.clock = clock;
	}

	/**
	 * Publishes the event in the current transaction; its listeners get it after the commit. Fails outside a
	 * transaction: the event would not share the fate of its change.
	 *
	 * @param event a record, written as JSON; must not be {@literal null}
	 */
	public Mono<Void> publish(Object event) {
		List<String> to = listeners.of(event.getClass()).stream().map(Listeners.Listener::id).toList();
		if (to.isEmpty()) {
			return Mono.empty();
		}
		return TransactionSynchronizationManager.forCurrentTransaction()
			.filter(TransactionSynchronizationManager::isActualTransactionActive)
			.onErrorResume(NoTransactionException.class, e -> Mono.empty())
			.switchIfEmpty(Mono.error(() -> new IllegalStateException(
					"An event is published in the transaction of the change that causes it: " + event.getClass().getName())))
			.flatMap(transaction -> Mono.fromCallable(() -> JSON.writeValueAsString(event))
				.flatMap(payload -> publications.write(event.getClass().getName(), payload, to, clock.instant()))
				.doOnNext(ids -> transaction.registerSynchronization(new TransactionSynchronization() {
					@Override
					public Mono<Void> afterCommit() {
						return Mono.fromRunnable(() -> dispatcher.later(ids));
					}
				})))
			.then();
	}

	/**
	 * Completes when the deliveries started on this instance have ended (the reactions to the reactions included):
	 * for a caller, or a test, that reads what the listeners wrote. A failed delivery waits for its next attempt.
	 */
	public Mono<Void> settled() {
		return dispatcher.settled();
	}
}
