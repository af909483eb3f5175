package be.fwb.ead.sync;

import java.time.Duration;

import be.fwb.ead.IntegrationTest;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.r2dbc.spi.ConnectionFactories;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sync whose instance died is marked FAILED when the service starts, not only at the next sync; the Moodle health
 * indicator answers, not fails, when the database is gone (issue 15, finding 7).
 */
class SyncStartupIntegrationTest extends IntegrationTest {

	@Autowired SyncScheduler scheduler;

	@Test
	void aRunLeftRunningByADeadInstanceIsMarkedFailedAtStartUp() {
		await(db.sql("insert into sync_run (mode, status, started_at, triggered_by) values ('FULL', 'RUNNING', :startedAt, 'test')")
			.bind("startedAt", clock.instant().minus(Duration.ofHours(1))).then());

		scheduler.onStartup();

		String status = await(Mono.defer(() -> db.sql("select status from sync_run").map(r -> r.get(0, String.class)).one())
			.filter("FAILED"::equals)
			.repeatWhenEmpty(300, tries -> tries.delayElements(Duration.ofMillis(100))));
		assertThat(status).isEqualTo("FAILED");
		assertThat(count("select count(*) from sync_run where error like 'Synchronisation interrompue%'")).isOne();
	}

	@Test
	void theMoodleHealthAnswersWhenTheDatabaseIsGone() {
		DatabaseClient gone = DatabaseClient.create(ConnectionFactories.get("r2dbc:postgresql://postgres@127.0.0.1:1/absente"));
		MoodleHealth health = new MoodleHealth(new SyncRuns(gone), CircuitBreakerRegistry.ofDefaults());

		assertThat(await(health.health().timeout(Duration.ofSeconds(30))).getStatus()).isEqualTo(Status.UNKNOWN);
	}
}
