package be.fwb.ead.security;

import java.net.InetSocketAddress;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.security.util.matcher.InetAddressMatcher;
import org.springframework.security.util.matcher.InetAddressMatchers;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The address a request comes from, as the sign-in throttle counts it. {@code X-Forwarded-For} is believed only when
 * the direct peer is one of the trusted reverse proxies ({@code ead.security.trusted-proxies}, addresses or CIDR
 * ranges); then the address is the right-most one of that header that is not itself a trusted proxy. Anyone else could
 * write any address in the header, so without a trusted proxy the header is ignored.
 */
@Component
class ClientAddress {

	private final List<InetAddressMatcher> proxies;

	@org.springframework.beans.factory.annotation.Autowired
	ClientAddress(SecuritySettings settings) {
		this(settings.trustedProxies());
	}

	ClientAddress(List<String> trustedProxies) {
		this.proxies = trustedProxies.stream()
			.map(String::trim)
			.filter(p -> !p.isEmpty())
			.map(InetAddressMatchers::fromIpAddress)
			.toList();
	}

	String of(ServerWebExchange exchange) {
		InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
		String peer = remote == null || remote.getAddress() == null ? "inconnue" : remote.getAddress().getHostAddress();
		return of(peer, exchange.getRequest().getHeaders().getFirst("X-Forwarded-For"));
	}

	/** The client's address, given the direct peer and the {@code X-Forwarded-For} header (or {@literal null}). */
	String of(String peer, @Nullable String forwardedFor) {
		if (forwardedFor == null || forwardedFor.length() > 1000 || !trusted(peer)) {
			return peer;
		}
		String[] hops = forwardedFor.split(",");
		for (int i = hops.length - 1; i >= 0; i--) {
			String hop = hops[i].trim();
			if (!looksLikeAddress(hop)) {
				return peer;
			}
			if (!trusted(hop)) {
				return hop;
			}
		}
		return peer;
	}

	private boolean trusted(String address) {
		if (!looksLikeAddress(address)) {
			return false;
		}
		return proxies.stream().anyMatch(p -> p.matches(address));
	}

	/** Digits, hexadecimal letters, dots and colons only: never a host name (which the matcher would resolve). */
	private static boolean looksLikeAddress(String s) {
		if (s.isEmpty() || s.length() > 45) {
			return false;
		}
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (!(Character.digit(c, 16) >= 0 || c == '.' || c == ':')) {
				return false;
			}
		}
		return true;
	}
}
