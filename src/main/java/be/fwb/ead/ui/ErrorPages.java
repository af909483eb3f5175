package be.fwb.ead.ui;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import be.fwb.ead.shared.Conflict;
import be.fwb.ead.shared.InputLimits;
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

	private final Viewers viewers;
	private final ServerResponse.Context context;

	ErrorPages(Viewers viewers, ServerCodecConfigurer codecs, ObjectProvider<ViewResolver> views) {
		this.viewers = viewers;
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
		// A form's field the address binding could not read (a date of year 215, letters for a number): back to the form,
		// as typed, the message beside the field — as for a refusal of the service.
		InvalidRequest unreadable = unreadableField(exchange, ex);
		java.net.URI back = unreadable == null ? null : formPage(exchange);
		if (back != null) {
			return Flash.leaveRefusal(exchange, unreadable).then(Mono.defer(() -> {
				exchange.getResponse().setStatusCode(HttpStatus.SEE_OTHER);
				exchange.getResponse().getHeaders().setLocation(back);
				return exchange.getResponse().setComplete();
			}));
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

	/** A field of a posted form that could not be read as its type, as a refusal naming it; else null. */
	static @Nullable InvalidRequest unreadableField(ServerWebExchange exchange, Throwable ex) {
		MediaType type = exchange.getRequest().getHeaders().getContentType();
		if (!org.springframework.http.HttpMethod.POST.equals(exchange.getRequest().getMethod()) || type == null
				|| !MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(type)) {
			return null;
		}
		if (ex instanceof InvalidRequest invalid && invalid.field() != null) {
			// A field over its length (InputLimits), read before the handler: the form's own refusal, as any other.
			return invalid;
		}
		if (ex instanceof WebExchangeBindException bind && bind.getFieldError() != null) {
			FieldError field = bind.getFieldError();
			return InvalidRequest.ofField(field.getField(), "Valeur non reconnue : « " + field.getRejectedValue() + " »"
					+ expected(bind.getFieldType(field.getField())) + ".");
		}
		if (ex instanceof ServerWebInputException input && input.getCause() instanceof TypeMismatchException mismatch
				&& mismatch.getPropertyName() != null) {
			return InvalidRequest.ofField(mismatch.getPropertyName(), "Valeur non reconnue : « " + mismatch.getValue() + " »"
					+ expected(mismatch.getRequiredType()) + ".");
		}
		return null;
	}

	/** The page the form was on, when the browser says it and it is one of this service's (same host); else null. */
	private static java.net.@Nullable URI formPage(ServerWebExchange exchange) {
		String referer = exchange.getRequest().getHeaders().getFirst(org.springframework.http.HttpHeaders.REFERER);
		if (referer == null || referer.length() > 2000) {
			return null;
		}
		try {
			java.net.URI from = java.net.URI.create(referer);
			java.net.URI self = exchange.getRequest().getURI();
			if (from.getHost() == null || !from.getHost().equalsIgnoreCase(self.getHost()) || from.getPort() != self.getPort()
					|| from.getRawPath() == null || !from.getRawPath().startsWith("/")) {
				return null;
			}
			return java.net.URI.create(from.getRawPath() + (from.getRawQuery() == null ? "" : "?" + from.getRawQuery()));
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	/** Who is signed in, read from the session: the security context of the request is gone by now. */
	private Mono<Viewer> viewer(ServerWebExchange exchange) {
		return exchange.getSession()
			.mapNotNull(s -> (SecurityContext) s.getAttribute(
					WebSessionServerSecurityContextRepository.DEFAULT_SPRING_SECURITY_CONTEXT_ATTR_NAME))
			.mapNotNull(SecurityContext::getAuthentication)
			.filter(a -> a.isAuthenticated() && !(a instanceof AnonymousAuthenticationToken))
			.flatMap(a -> viewers.byUsername(a.getName()));
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
			return " (attendu : une date existante, écrite comme 2026-09-01, entre " + InputLimits.EARLIEST.getYear() + " et "
					+ InputLimits.LATEST.getYear() + ")";
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
			return "Un paramètre de l’adresse est invalide.";
		}
		if (ex instanceof ResponseStatusException e && status == HttpStatus.FORBIDDEN && e.getReason() != null) {
			// The security chain's own French reasons (a role that may not, a stale form).
			return e.getReason();
		}
		return null;
	}
}
