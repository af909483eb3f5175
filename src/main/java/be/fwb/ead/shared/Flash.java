package be.fwb.ead.shared;

import org.jspecify.annotations.Nullable;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The outcome of a form, carried across its redirect (post, redirect, get) in the session and shown once by the next
 * page: a message key for a success, or the service's French message for a refusal.
 *
 * @param error {@literal true} for a refusal
 * @param code a message key (success), or {@literal null}
 * @param text the refusal's message, or {@literal null}
 */
public record Flash(boolean error, @Nullable String code, @Nullable String text) {

	public static final String ATTRIBUTE = "ead.flash";

	/**
	 * Runs {@code action}; a success leaves the message {@code successCode}, a refusal by a rule or bad input leaves
	 * its message. Other errors go on (they are the service's, not the person's).
	 */
	public static Mono<Boolean> outcome(ServerWebExchange exchange, Mono<?> action, String successCode) {
		return action.then(put(exchange, new Flash(false, successCode, null)).thenReturn(true))
			.onErrorResume(e -> e instanceof Refused || e instanceof InvalidRequest || e instanceof Conflict
					|| e instanceof NotFound, e -> put(exchange, new Flash(true, null, e.getMessage())).thenReturn(false));
	}

	private static Mono<Void> put(ServerWebExchange exchange, Flash flash) {
		return exchange.getSession().doOnNext(s -> s.getAttributes().put(ATTRIBUTE, flash)).then();
	}

	/** The flash left by the previous request, removed from the session. */
	public static Mono<Flash> take(ServerWebExchange exchange) {
		return exchange.getSession().mapNotNull(s -> (Flash) s.getAttributes().remove(ATTRIBUTE));
	}
}
