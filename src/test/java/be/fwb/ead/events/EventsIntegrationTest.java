package be.fwb.ead.events;

import java.util.List;
import java.util.UUID;

import be.fwb.ead.IntegrationTest;
import be.fwb.ead.audit.Change;
import be.fwb.ead.audit.ChangeLog;
import be.fwb.ead.events.Probes.Probe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event publication registry: an event is written with the change that causes it and shares its fate, reaches its
 * listener after the commit, in a transaction of the listener's own, and is delivered again after a failure or a
 * crash until it completes or its attempts run out.
 */
class EventsIntegrationTest extends IntegrationTest {

	@Autowired Events events;
	@Autowired EventDispatcher dispatcher;
	@Autowired EventPublications publications;
	@Autowired EventSettings settings;
	@Autowired EventsHealth health;
	@Autowired Probes probes;
	@Autowired ChangeLog changes;
	@Autowired TransactionalOperator transaction;

	private final String token = "sonde " + UUID.randomUUID();

	@Test
	void aPublicationIsWrittenInTheTransactionOfItsChangeAndRolledBackWithIt() {
		Mono<Void> change = change(new Probe(token, 0))
			.then(publications(token).doOnNext(n -> assertThat(n).as("written, seen inside the transaction").isOne()))
			.then(Mono.error(new IllegalStateException("le changement échoue")));

		StepVerifier.create(change.as(transaction::transactional)).expectErrorMessage("le changement échoue").verify();
		await(events.settled());

		assertThat(count("select count(*) from change_log where summary = '" + token + "'")).isZero();
		assertThat(await(publications(token))).as("rolled back with its change").isZero();
		assertThat(probes.attempts(token)).as("never delivered").isZero();
	}

	@Test
	void theListenerGetsTheEventAfterTheCommitAndSeesTheChange() {
		await(change(new Probe(token, 0)).as(transaction::transactional));
		await(events.settled());

		assertThat(probes.received(token)).singleElement().satisfies(r -> {
			assertThat(r.publisherLinesSeen()).as("the publisher's change, committed").isOne();
			assertThat(r.attempt()).isOne();
		});
		assertThat(state()).isEqualTo("COMPLETED 1");
	}

	@Test
	void anEventIsPublishedInATransactionOnly() {
		StepVerifier.create(events.publish(new Probe(token, 0))).expectError(IllegalStateException.class).verify();
		assertThat(await(publications(token))).isZero();
	}

	@Test
	void aFailingListenerLeavesThePublishersChangeAloneAndCompletesOnALaterAttempt() {
		await(change(new Probe(token, 1)).as(transaction::transactional));
		await(events.settled());

		assertThat(count("select count(*) from change_log where summary = '" + token + "'")).as("the publisher's change stays").isOne();
		assertThat(count("select count(*) from change_log where summary = '" + token + " écouté'"))
			.as("the listener's own work, rolled back with it").isZero();
		assertThat(state()).isEqualTo("PUBLISHED 1");
		assertThat(text("select last_error from event_publication where payload->>'token' = '" + token + "'"))
			.contains("échec voulu, essai 1");

		assertThat(await(dispatcher.retryDue(clock.instant()))).as("not due again yet").isZero();
		clock.advance(settings.retryAfter(1).plusSeconds(1));
		assertThat(await(dispatcher.retryDue(clock.instant()))).isOne();

		assertThat(probes.received(token)).singleElement().satisfies(r -> assertThat(r.attempt()).isEqualTo(2));
		assertThat(state()).isEqualTo("COMPLETED 2");
		assertThat(count("select count(*) from change_log where summary = '" + token + " écouté'")).isOne();
	}

	@Test
	void aListenerThatKeepsFailingIsGivenUpAfterItsAttemptsAndTheHealthSaysSo() {
		await(change(new Probe(token, 1000)).as(transaction::transactional));
		await(events.settled());
		for (int attempt = 1; attempt < settings.maxAttempts(); attempt++) {
			clock.advance(settings.retryAfter(attempt).plusSeconds(1));
			await(dispatcher.retryDue(clock.instant()));
		}

		assertThat(probes.attempts(token)).isEqualTo(settings.maxAttempts());
		assertThat(state()).isEqualTo("FAILED " + settings.maxAttempts());
		clock.advance(settings.longestRetryAfter().plusSeconds(1));
		assertThat(await(dispatcher.retryDue(clock.instant()))).as("given up").isZero();
		assertThat(probes.attempts(token)).isEqualTo(settings.maxAttempts());
		assertThat(await(health.health())).satisfies(h -> {
			assertThat(h.getStatus()).isEqualTo(new Status("DEGRADED"));
			assertThat(h.getDetails()).containsEntry("failed", 1L).containsEntry("pending", 0L);
		});
	}

	@Test
	void aPublicationACrashLeftUndeliveredAfterTheCommitIsDeliveredAtStartUp() {
		// The change and its publication committed, then the instance died before delivering it: no delivery ran.
		await(changes.record("test", Change.of("probe", 0, null, "created", token))
			.then(publications.write(Probe.class.getName(), "{\"token\":\"" + token + "\",\"failures\":0}",
					List.of(listenerId()), clock.instant()))
			.as(transaction::transactional));
		assertThat(state()).isEqualTo("PUBLISHED 0");

		dispatcher.onStartup();
		await(events.settled());

		assertThat(probes.received(token)).singleElement().satisfies(r -> assertThat(r.publisherLinesSeen()).isOne());
		assertThat(state()).isEqualTo("COMPLETED 1");
	}

	@Test
	void aDeliveryCutByACrashIsMadeAgainOnceItsLeaseEnds() {
		await(changes.record("test", Change.of("probe", 0, null, "created", token))
			.then(publications.write(Probe.class.getName(), "{\"token\":\"" + token + "\",\"failures\":0}",
					List.of(listenerId()), clock.instant()))
			.as(transaction::transactional));
		long id = count("select id from event_publication where payload->>'token' = '" + token + "'");
		// Taken by an instance that died while its listener ran: nobody else takes it while its lease holds.
		await(publications.claim(id, clock.instant(), clock.instant().plus(settings.lease())));
		assertThat(await(dispatcher.retryDue(clock.instant()))).isZero();

		clock.advance(settings.lease().plusSeconds(1));
		assertThat(await(dispatcher.retryDue(clock.instant()))).isOne();
		assertThat(probes.received(token)).hasSize(1);
		assertThat(state()).isEqualTo("COMPLETED 2");
	}

	private Mono<Void> change(Probe probe) {
		return changes.record("test", Change.of("probe", 0, null, "created", probe.token())).then(events.publish(probe));
	}

	private Mono<Long> publications(String token) {
		return db.sql("select count(*) from event_publication where payload->>'token' = :t")
			.bind("t", token)
			.map(r -> r.get(0, Long.class))
			.one();
	}

	private String state() {
		return text("select state || ' ' || attempts from event_publication where payload->>'token' = '" + token + "'");
	}

	private String listenerId() {
		return Probes.class.getName() + ".on(Probe)";
	}

	private String text(String sql) {
		return await(db.sql(sql).map(r -> r.get(0, String.class)).one());
	}
}
