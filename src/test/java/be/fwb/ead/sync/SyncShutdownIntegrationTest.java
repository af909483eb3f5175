package be.fwb.ead.sync;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import be.fwb.ead.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** A graceful shutdown lets a running sync end, or interrupts it past the wait with nothing written. */
class SyncShutdownIntegrationTest extends IntegrationTest {

	@Autowired SyncLauncher launcher;

	/** A background sync of a previous test may still be releasing its lock: start when it is free. */
	private reactor.core.publisher.Mono<SyncRun> start() {
		return launcher.start(SyncMode.FULL, "test").retryWhen(reactor.util.retry.Retry.fixedDelay(100, Duration.ofMillis(50))
			.filter(SyncAlreadyRunning.class::isInstance));
	}

	@AfterEach
	void fastMoodleAgain() {
		MOODLE.latency(Duration.ZERO);
	}

	@Test
	void aRunningSyncEndsBeforeTheShutdownGoesOn() throws InterruptedException {
		MOODLE.latency(Duration.ofMillis(150));
		SyncRun run = await(start());
		CountDownLatch stopped = new CountDownLatch(1);
		new SyncShutdown(launcher, Duration.ofSeconds(30)).stop(stopped::countDown);
		assertThat(stopped.await(30, TimeUnit.SECONDS)).isTrue();
		assertThat(count("select count(*) from sync_run where status = 'SUCCEEDED' and id = " + run.id())).isOne();
		assertThat(count("select count(*) from module")).isEqualTo(522);
	}

	@Test
	void pastTheWaitTheSyncIsInterruptedAndNothingIsWritten() throws InterruptedException {
		MOODLE.latency(Duration.ofMillis(400));
		SyncRun run = await(start());
		CountDownLatch stopped = new CountDownLatch(1);
		new SyncShutdown(launcher, Duration.ofMillis(200)).stop(stopped::countDown);
		assertThat(stopped.await(10, TimeUnit.SECONDS)).isTrue();
		await(launcher.whenIdle());
		// The run is recorded as cut (now or by the next one), and its transaction never committed.
		await(db.sql("select 1").then());
		MOODLE.latency(Duration.ZERO);
		SyncRun next = await(launcher.execute(SyncMode.FULL, "test").retryWhen(reactor.util.retry.Retry.fixedDelay(100,
				Duration.ofMillis(50)).filter(SyncAlreadyRunning.class::isInstance)));
		assertThat(count("select count(*) from sync_run where status = 'FAILED' and id = " + run.id())).isOne();
		assertThat(next.status()).isEqualTo(SyncStatus.SUCCEEDED);
		assertThat(next.counts().get("modules").get("created")).as("nothing of the cut run was written").isEqualTo(522);
	}
}
