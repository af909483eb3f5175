package be.fwb.ead.ui;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import be.fwb.ead.security.Accounts;
import be.fwb.ead.shared.Conflict;
import be.fwb.ead.shared.InvalidRequest;
import be.fwb.ead.shared.NotFound;
import be.fwb.ead.shared.Refused;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Every error of the web UI as a page of the product: in the reader's language, inside the layout with the menu of
 * the person signed in, whatever failed (a page's refusal, an unknown address or id, a bad parameter, a role that may
 * not, a stale form, a failure of the service). The API's errors stay problem details ({@code /api/**},
 * {@code /actuator/**}, {@code /v3/api-docs/**} are left to their own handlers).
 */
@Component
@Order(-2)
class ErrorPages implements WebExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

	private static final List<String> NOT_PAGES = List.of("/api/", "/actuator", "/v3/api-docs", "/swagger-ui");

	private final Accounts accounts;
	private final ServerResponse.Context context;

	ErrorPages(Accounts accounts, ServerCodecConfigurer codecs, ObjectProvider<ViewResolver> views) {
		this.accounts = accounts;
		List<HttpMessageWriter<?>> writers = codecs.getWriters();
		List<ViewResolver> resolvers = views.orderedStream().toList();
		this.context = new ServerResponse.Context() {
			@Override
			public List<HttpMessageWriter<?>> messageWriters() {
				return writers;
			}

			@Override
			public List<ViewResolver> viewResolvers() {
				return resolvers;
			}
		};
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		String path = exchange.getRequest().getPath().pathWithinApplication().value();
		if (exchange.getResponse().isCommitted() || NOT_PAGES.stream().anyMatch(path::startsWith)) {
			return Mono.error(ex);
		}
		HttpStatus status = status(ex);
		if (status.is5xxServerError()) {
			log.error("Erreur de la page {} {}", exchange.getRequest().getMethod(), path, ex);
		}
		Map<String, Object> model = new HashMap<>();
		model.put("status", status.value());
		String detail = detail(ex, status);
		if (detail != null) {
			model.put("detail", detail);
		}
		model.put("currentPath", path);
		String query = exchange.getRequest().getURI().getRawQuery();
		model.put("currentUri", path + (query == null ? "" : "?" + query));
		Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
		exchange.getResponse().getHeaders().clear();
		return Mono.zip(viewer(exchange).map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty()),
				(token == null ? Mono.<CsrfToken>empty() : token).map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty()))
			.flatMap(found -> {
				found.getT1().ifPresent(v -> model.put("viewer", v));
				found.getT2().ifPresent(t -> {
					model.put("_csrf", t);
					exchange.getAttributes().put(CsrfToken.class.getName(), Mono.just(t));
				});
				return ServerResponse.status(status).contentType(MediaType.TEXT_HTML).render("error/page", model);
			})
			.flatMap(response -> response.writeTo(exchange, context));
	}

	/** Who is signed in, read from the session: the security context of the request is gone by now. */
	private Mono<Viewer> viewer(ServerWebExchange exchange) {
		return exchange.getSession()
			.mapNotNull(s -> (SecurityContext) s.getAttribute(
					WebSessionServerSecurityContextRepository.DEFAULT_SPRING_SECURITY_CONTEXT_ATTR_NAME))
			.mapNotNull(SecurityContext::getAuthentication)
			.filter(a -> a.isAuthenticated() && !(a instanceof AnonymousAuthenticationToken))
			.flatMap(a -> accounts.byUsername(a.getName()))
			.map(a -> new Viewer(a.username(), a.displayName(), a.role()));
	}

	static HttpStatus status(Throwable ex) {
		if (ex instanceof NotFound) {
			return HttpStatus.NOT_FOUND;
		}
		if (ex instanceof InvalidRequest) {
			return HttpStatus.BAD_REQUEST;
		}
		if (ex instanceof Refused) {
			return HttpStatus.valueOf(422);
		}
		if (ex instanceof Conflict) {
			return HttpStatus.CONFLICT;
		}
		if (ex instanceof AccessDeniedException) {
			return HttpStatus.FORBIDDEN;
		}
		if (ex instanceof ResponseStatusException e) {
			HttpStatus resolved = HttpStatus.resolve(e.getStatusCode().value());
			return resolved == null ? HttpStatus.INTERNAL_SERVER_ERROR : resolved;
		}
		return HttpStatus.INTERNAL_SERVER_ERROR;
	}

	/** What a parameter of this type looks like, in words: « (attendu : une date comme 2026-09-01) ». */
	private static String expected(@Nullable Class<?> type) {
		if (type == java.time.LocalDate.class) {
			return " (attendu : une date existante, écrite comme 2026-09-01)";
		}
		if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
			return " (attendu : un nombre entier)";
		}
		return "";
	}

	/** What to tell the reader beyond the status: the service's French message, or which parameter is wrong. */
	static @Nullable String detail(Throwable ex, HttpStatus status) {
		if (ex instanceof NotFound || ex instanceof InvalidRequest || ex instanceof Refused || ex instanceof Conflict) {
			return ex.getMessage();
		}
		if (ex instanceof WebExchangeBindException bind && bind.getFieldError() != null) {
			FieldError field = bind.getFieldError();
			return "Valeur invalide pour le paramètre « " + field.getField() + " » : « " + field.getRejectedValue() + " ».";
		}
		if (ex instanceof ServerWebInputException input) {
			if (input.getCause() instanceof TypeMismatchException mismatch && mismatch.getPropertyName() != null) {
				return "Valeur invalide pour le paramètre « " + mismatch.getPropertyName() + " » : « " + mismatch.getValue() + " »"
						+ expected(mismatch.getRequiredType()) + ".";
			}
			if (input.getMethodParameter() != null && input.getMethodParameter().getParameterName() != null) {
				return "Valeur invalide ou manquante pour « " + input.getMethodParameter().getParameterName() + " ».";
			}
			return "Un paramètre de l'adresse est invalide.";
		}
		if (ex instanceof ResponseStatusException e && status == HttpStatus.FORBIDDEN && e.getReason() != null) {
			// The security chain's own French reasons (a role that may not, a stale form).
			return e.getReason();
		}
		return null;
	}
}
