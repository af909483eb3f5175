package be.fwb.ead.ui.web;

import be.fwb.ead.ui.ProblemResponses;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * The API's refusals that happen before any controller (no handler for this content type, this method or this
 * address) answer a French problem detail too, like those of the controllers ({@link ApiProblems}), instead of the
 * framework's default JSON.
 */
@Component
@Order(-2)
class ApiErrors implements WebExceptionHandler {

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		if (!exchange.getRequest().getPath().value().startsWith("/api/") || !(ex instanceof ResponseStatusException status)
				|| exchange.getResponse().isCommitted()) {
			return Mono.error(ex);
		}
		exchange.getResponse().getHeaders().addAll(status.getHeaders());
		return ProblemResponses.write(exchange, HttpStatus.valueOf(status.getStatusCode().value()),
				ApiProblems.title(status.getStatusCode()), ApiProblems.french(status));
	}
}
