package be.fwb.ead.workspace.plugin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import be.fwb.ead.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request stamped at the edge of the window cannot be replayed once its nonce could have been forgotten (issue 15,
 * finding 8): the window is checked to the millisecond and nonces are kept twice the window plus a margin. The clock
 * is moved, never waited for.
 */
class PluginReplayIntegrationTest extends IntegrationTest {

	static final String SECRET = "secret-du-test-de-rejeu";

	@Autowired DatabaseClient database;

	@Test
	void aRequestStampedAtTheWindowsEdgeIsNotAcceptedAgainAfterTwiceTheWindow() {
		await(database.sql("truncate plugin_nonce").then());
		PluginSettings settings = new PluginSettings(SECRET, Duration.ofSeconds(5));
		Nonces nonces = new Nonces(database, settings);
		Instant start = Instant.parse("2026-12-02T10:00:00.300Z");
		AtomicReference<Instant> now = new AtomicReference<>(start);
		Clock clock = new Clock() {
			@Override
			public java.time.ZoneId getZone() {
				return ZoneOffset.UTC;
			}

			@Override
			public Clock withZone(java.time.ZoneId zone) {
				return this;
			}

			@Override
			public Instant instant() {
				return now.get();
			}
		};
		PluginAuthentication authentication = new PluginAuthentication(settings, nonces, clock);
		long stamp = start.getEpochSecond() + 5;
		String nonce = "nonce-du-rejeu-0123456789";

		assertThat(send(authentication, stamp, nonce)).as("accepted at first").isTrue();
		// Another request comes in 10.4 s later: the first nonce may be purged by then.
		now.set(start.plusMillis(10_400));
		send(authentication, start.getEpochSecond() + 10, "un-autre-nonce-0123456789");
		assertThat(send(authentication, stamp, nonce)).as("the replay, 10.4 s later").isFalse();
		assertThat(count("select count(*) from plugin_nonce where nonce = '" + nonce + "'")).as("the nonce is still kept").isOne();
	}

	@Test
	void anEighteenDigitTimestampIsRefusedNotAnError() {
		PluginSettings settings = new PluginSettings(SECRET, Duration.ofSeconds(300));
		PluginAuthentication authentication = new PluginAuthentication(settings, new Nonces(database, settings), Clock.systemUTC());
		MockServerWebExchange exchange = exchange(999_999_999_999_999_999L, "nonce-du-test-0123456789");
		await(authentication.filter(exchange, e -> reactor.core.publisher.Mono.empty()).thenReturn(true));
		assertThat(exchange.getResponse().getStatusCode().value()).isEqualTo(401);
	}

	private boolean send(PluginAuthentication authentication, long stamp, String nonce) {
		AtomicBoolean passed = new AtomicBoolean();
		MockServerWebExchange exchange = exchange(stamp, nonce);
		await(authentication.filter(exchange, e -> reactor.core.publisher.Mono.fromRunnable(() -> passed.set(true))).thenReturn(true));
		return passed.get();
	}

	private static MockServerWebExchange exchange(long stamp, String nonce) {
		String signature = PluginSignature.sign(SECRET, PluginSignature.canonical("GET", "/api/plugin/workspace", Long.toString(stamp),
				nonce, "42", PluginSignature.sha256(new byte[0])));
		return MockServerWebExchange.from(MockServerHttpRequest.get("/api/plugin/workspace")
			.header(PluginSignature.TIMESTAMP, Long.toString(stamp))
			.header(PluginSignature.NONCE, nonce)
			.header(PluginSignature.USER, "42")
			.header(PluginSignature.SIGNATURE, signature));
	}
}
