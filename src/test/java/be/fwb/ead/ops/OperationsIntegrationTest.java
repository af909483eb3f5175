package be.fwb.ead.ops;

import be.fwb.ead.IntegrationTest;
import be.fwb.ead.security.Accounts;
import be.fwb.ead.security.Role;
import be.fwb.ead.sync.SyncLauncher;
import be.fwb.ead.sync.SyncMode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** What the IT team watches: health (database, Moodle, circuit breaker) and the Prometheus metrics. */
class OperationsIntegrationTest extends IntegrationTest {

	@Autowired SyncLauncher launcher;
	@Autowired Accounts accounts;

	private String coordinator;

	@BeforeEach
	void account() {
		await(accounts.create("coord", "mot-de-passe-coord", Role.COORDINATOR, "Coordination", null));
		coordinator = apiToken("coord", "mot-de-passe-coord");
	}

	@Test
	void healthSaysWhatIsUpAndMoodleDownIsDegradedNotDown() {
		await(launcher.execute(SyncMode.FULL, "test"));
		web.get().uri("/actuator/health").headers(h -> h.setBearerAuth(coordinator)).exchange()
			.expectStatus().isOk().expectBody()
			.jsonPath("$.status").isEqualTo("UP")
			.jsonPath("$.components.r2dbc.status").isEqualTo("UP")
			.jsonPath("$.components.moodle.status").isEqualTo("UP")
			.jsonPath("$.components.moodle.details.lastSyncStatus").isEqualTo("SUCCEEDED")
			.jsonPath("$.components.moodle.details.circuitBreaker").isEqualTo("CLOSED")
			.jsonPath("$.components.events.status").isEqualTo("UP")
			.jsonPath("$.components.events.details.failed").isEqualTo(0)
			.jsonPath("$.components.circuitBreakers").exists();
		// Anonymous: the status only.
		web.get().uri("/actuator/health").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.status").isEqualTo("UP").jsonPath("$.components").doesNotExist();

		MOODLE.revokeToken();
		await(launcher.execute(SyncMode.INCREMENTAL, "test"));
		web.get().uri("/actuator/health").headers(h -> h.setBearerAuth(coordinator)).exchange()
			.expectStatus().isOk().expectBody()
			.jsonPath("$.status").isEqualTo("DEGRADED")
			.jsonPath("$.components.moodle.status").isEqualTo("DEGRADED")
			.jsonPath("$.components.moodle.details.lastSyncError").value(e -> assertThat((String) e).contains("jeton"));
	}

	@Test
	void prometheusHasTheSyncsTheMoodleCallsAndTheHttpLatency() {
		await(launcher.execute(SyncMode.FULL, "test"));
		web.get().uri("/api/modules").headers(h -> h.setBearerAuth(coordinator)).exchange().expectStatus().isOk();
		String metrics = web.get().uri("/actuator/prometheus").headers(h -> h.setBearerAuth(coordinator)).exchange()
			.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
		assertThat(metrics)
			.containsPattern("ead_sync_duration_seconds_count\\{[^}]*mode=\"FULL\"[^}]*status=\"SUCCEEDED\"[^}]*\\} [1-9]")
			.containsPattern("ead_moodle_calls_total\\{[^}]*function=\"core_webservice_get_site_info\"[^}]*outcome=\"ok\"[^}]*\\} [1-9]")
			.containsPattern("ead_sync_changes_total\\{[^}]*change=\"created\"[^}]*kind=\"modules\"[^}]*\\} 522")
			.contains("http_server_requests_seconds")
			.contains("resilience4j_circuitbreaker_state");
		web.get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
	}
}
