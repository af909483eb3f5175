package be.fwb.ead.ui;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Tells the browser how long the server took for each response, in a {@code Server-Timing} header (visible in the
 * browser's developer tools and read by the page benchmark): from the request's arrival to the response's commit,
 * which for a page is after it was rendered.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ServerTiming implements WebFilter {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		long start = System.nanoTime();
		exchange.getResponse().beforeCommit(() -> {
			double ms = (System.nanoTime() - start) / 1_000_000.0;
			exchange.getResponse().getHeaders().add("Server-Timing", String.format(java.util.Locale.ROOT, "app;dur=%.1f", ms));
			return Mono.empty();
		});
		return chain.filter(exchange);
	}
}
