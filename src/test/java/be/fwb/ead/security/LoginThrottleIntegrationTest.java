package be.fwb.ead.security;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import be.fwb.ead.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in throttling under concurrency (issue 15, finding 2): attempts are counted before the password is checked, a
 * burst cannot unlock an account, failures from one address slow it down without locking its other users out, and an
 * unknown username costs a bcrypt comparison like a known one.
 */
class LoginThrottleIntegrationTest extends IntegrationTest {

	static final String PASSWORD = "mot-de-passe-tres-secret-1234";

	@Autowired Accounts accounts;
	@LocalServerPort int port;

	private WebClient client;

	@BeforeEach
	void aCoordinator() {
		await(accounts.create("coord", PASSWORD, Role.COORDINATOR, "Coordination", null));
		client = WebClient.create("http://localhost:" + port);
	}

	@Test
	void fortyParallelWrongPasswordsAreNotAllCheckedAndLeaveTheAccountLocked() {
		List<Integer> statuses = burst(Flux.range(0, 40).map(i -> "devine-" + i), "203.0.113.1");

		assertThat(statuses.stream().filter(s -> s == 401).count()).as("checked: " + statuses).isEqualTo(LoginThrottle.PER_ACCOUNT);
		assertThat(statuses.stream().filter(s -> s == 429).count()).isEqualTo(40 - LoginThrottle.PER_ACCOUNT);
		assertThat(attempt("coord", PASSWORD, "203.0.113.1").block(Duration.ofSeconds(30))).isEqualTo(429);
	}

	@Test
	void theRightPasswordInABurstCannotUnlockTheAccount() {
		List<Integer> statuses = burst(Flux.range(0, 21).map(i -> i == 10 ? PASSWORD : "devine-" + i), "203.0.113.2");

		assertThat(statuses.stream().filter(s -> s == 200).count()).isLessThanOrEqualTo(1);
		assertThat(attempt("coord", PASSWORD, "203.0.113.2").block(Duration.ofSeconds(30))).as("after the burst " + statuses)
			.isEqualTo(429);
	}

	@Test
	void failuresOnOtherAccountsFromOneAddressSlowItDownButDoNotLockItsRealUserOut() {
		String shared = "203.0.113.3";
		List<Integer> statuses = Flux.range(0, 45)
			.flatMap(i -> attempt("inconnu-" + i, "devine", shared), 45)
			.collectList().block(Duration.ofMinutes(2));
		assertThat(statuses).containsOnly(401);

		long start = System.nanoTime();
		assertThat(attempt("coord", PASSWORD, shared).block(Duration.ofSeconds(30))).isEqualTo(200);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).as("the address is slowed down").isGreaterThanOrEqualTo(Duration.ofMillis(900));
		// Another address is neither slowed nor locked.
		assertThat(attempt("coord", PASSWORD, "198.51.100.9").block(Duration.ofSeconds(30))).isEqualTo(200);
	}

	@Test
	void anUnknownUsernameTakesAsLongAsAKnownOne() {
		// Warm up (the first requests load classes).
		attempt("coord", PASSWORD, "198.51.100.20").block(Duration.ofSeconds(30));
		attempt("personne", PASSWORD, "198.51.100.20").block(Duration.ofSeconds(30));
		long known = 0;
		long unknown = 0;
		for (int i = 0; i < 4; i++) {
			known += timed(attempt("coord", "faux-" + i, "198.51.100.2" + i));
			unknown += timed(attempt("personne-" + i, "faux-" + i, "198.51.100.3" + i));
		}
		assertThat(unknown).as("unknown %d ms, known %d ms", unknown / 1_000_000, known / 1_000_000).isGreaterThan(known / 2);
	}

	private long timed(Mono<Integer> attempt) {
		long start = System.nanoTime();
		assertThat(attempt.block(Duration.ofSeconds(30))).isEqualTo(401);
		return System.nanoTime() - start;
	}

	private List<Integer> burst(Flux<String> passwords, String address) {
		return passwords.flatMap(p -> attempt("coord", p, address), 64).collectList().block(Duration.ofMinutes(2));
	}

	private Mono<Integer> attempt(String username, String password, String address) {
		return client.post().uri("/api/auth/token").contentType(MediaType.APPLICATION_JSON).header("X-Forwarded-For", address)
			.bodyValue(Map.of("username", username, "password", password))
			.exchangeToMono(r -> r.releaseBody().thenReturn(r.statusCode().value()));
	}
}
