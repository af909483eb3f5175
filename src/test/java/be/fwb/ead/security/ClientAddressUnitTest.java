package be.fwb.ead.security;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code X-Forwarded-For} names the client only when the direct peer is a trusted reverse proxy. */
class ClientAddressUnitTest {

	private final ClientAddress behindProxy = new ClientAddress(List.of("10.0.0.0/8", "192.0.2.1"));
	private final ClientAddress direct = new ClientAddress(List.of());

	@Test
	void withoutATrustedProxyTheHeaderIsIgnored() {
		assertThat(direct.of("198.51.100.4", "203.0.113.7")).isEqualTo("198.51.100.4");
		assertThat(behindProxy.of("198.51.100.4", "203.0.113.7")).as("a peer that is not a proxy").isEqualTo("198.51.100.4");
	}

	@Test
	void behindTrustedProxiesTheRightMostUntrustedHopIsTheClient() {
		assertThat(behindProxy.of("10.1.2.3", "203.0.113.7")).isEqualTo("203.0.113.7");
		// What the client wrote itself (the left-most hops) is not believed.
		assertThat(behindProxy.of("10.1.2.3", "1.2.3.4, 203.0.113.7, 192.0.2.1")).isEqualTo("203.0.113.7");
		assertThat(behindProxy.of("10.1.2.3", null)).isEqualTo("10.1.2.3");
	}

	@Test
	void aHeaderThatIsNotAListOfAddressesNamesTheProxyItself() {
		assertThat(behindProxy.of("10.1.2.3", "evil.example.org")).isEqualTo("10.1.2.3");
		assertThat(behindProxy.of("10.1.2.3", "x".repeat(5000))).isEqualTo("10.1.2.3");
	}
}
