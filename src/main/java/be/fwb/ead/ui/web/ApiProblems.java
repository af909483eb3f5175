package be.fwb.ead.ui.web;

import be.fwb.ead.shared.Conflict;
import be.fwb.ead.shared.InvalidRequest;
import be.fwb.ead.shared.NotFound;
import be.fwb.ead.shared.Refused;
import be.fwb.ead.ui.ProblemResponses;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.MissingRequestValueException;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import org.springframework.web.reactive.resource.NoResourceFoundException;
import reactor.core.publisher.Mono;

/**
 * Every API error is an RFC 9457 problem detail with a French {@code detail} a person can act on. Internal errors
 * say nothing of the internals.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiProblems extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

	@ExceptionHandler(InvalidRequest.class)
	ProblemDetail invalid(InvalidRequest e, ServerWebExchange exchange) {
		ProblemDetail problem = ProblemResponses.problem(HttpStatus.BAD_REQUEST, "Requête invalide", e.getMessage(), path(exchange));
		// An extension member (RFC 9457): the field at fault, as the request names it.
		if (e.field() != null) {
			problem.setProperty("field", e.field());
		}
		return problem;
	}

	@ExceptionHandler(NotFound.class)
	ProblemDetail notFound(NotFound e, ServerWebExchange exchange) {
		return ProblemResponses.problem(HttpStatus.NOT_FOUND, "Introuvable", e.getMessage(), path(exchange));
	}

	@ExceptionHandler(Refused.class)
	ProblemDetail refused(Refused e, ServerWebExchange exchange) {
		ProblemDetail problem = ProblemResponses.problem(HttpStatus.UNPROCESSABLE_CONTENT, "Refusé par une règle", e.getMessage(),
				path(exchange));
		// As for an invalid request: the field the rule bears on, when one can mend it (the hours over the cap).
		if (e.field() != null) {
			problem.setProperty("field", e.field());
		}
		return problem;
	}

	@ExceptionHandler(Conflict.class)
	ProblemDetail conflict(Conflict e, ServerWebExchange exchange) {
		return ProblemResponses.problem(HttpStatus.CONFLICT, "Conflit", e.getMessage(), path(exchange));
	}

	/** Refused by a rule on who may act (the role allowed the call, the service refused this person). */
	@ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
	ProblemDetail forbidden(org.springframework.security.access.AccessDeniedException e, ServerWebExchange exchange) {
		return ProblemResponses.problem(HttpStatus.FORBIDDEN, "Accès refusé", e.getMessage(), path(exchange));
	}

	@ExceptionHandler(Exception.class)
	@Nullable
	ProblemDetail internal(Exception e, ServerWebExchange exchange) {
		if (e instanceof reactor.netty.channel.AbortedException || exchange.getResponse().isCommitted()) {
			// The client went away (or the answer is already on its way): nothing to answer, nothing broken.
			log.debug("Réponse interrompue sur {} : {}", path(exchange), e.toString());
			return null;
		}
		log.error("Erreur interne sur {}", path(exchange), e);
		return ProblemResponses.problem(HttpStatus.INTERNAL_SERVER_ERROR, "Erreur interne",
				"Une erreur interne est survenue ; elle a été journalisée. Réessayez plus tard ou contactez l’équipe technique.",
				path(exchange));
	}

	@Override
	protected Mono<ResponseEntity<Object>> handleExceptionInternal(Exception ex, @Nullable Object body,
			@Nullable HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
		ProblemDetail problem = ProblemResponses.problem(HttpStatus.valueOf(status.value()), title(status),
				french(ex), path(exchange));
		// Always a problem detail, whatever the request accepted or the handler announced.
		HttpHeaders out = new HttpHeaders();
		if (headers != null) {
			out.addAll(headers);
		}
		out.setContentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON);
		return Mono.just(ResponseEntity.status(status).headers(out).body(problem));
	}

	static String french(Exception ex) {
		// A limit of the input (InputLimits), met while reading the body or the address: its own message says which.
		for (Throwable cause = ex; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof InvalidRequest invalid) {
				return invalid.getMessage();
			}
		}
		if (ex instanceof WebExchangeBindException bind) {
			StringBuilder sb = new StringBuilder("Données invalides :");
			bind.getFieldErrors().forEach(f -> sb.append(" « ").append(f.getField()).append(" » ")
				.append(f.getDefaultMessage()).append(';'));
			return sb.toString();
		}
		if (ex instanceof MissingRequestValueException missing) {
			return "Valeur obligatoire absente : « " + missing.getName() + " ».";
		}
		if (ex instanceof ServerWebInputException input) {
			var parameter = input.getMethodParameter();
			String name = parameter == null ? null : parameter.getParameterName();
			return name == null || parameter.hasParameterAnnotation(org.springframework.web.bind.annotation.RequestBody.class)
					? "Le corps de la requête est illisible ou mal formé : envoyez un JSON valide."
					: "Le paramètre « " + name + " » a une valeur invalide.";
		}
		if (ex instanceof UnsupportedMediaTypeStatusException unsupported) {
			return "Type de contenu non pris en charge : envoyez " + (unsupported.getSupportedMediaTypes().isEmpty() ? "application/json"
					: String.join(" ou ", unsupported.getSupportedMediaTypes().stream().map(Object::toString).toList())) + ".";
		}
		if (ex instanceof NotAcceptableStatusException) {
			return "Format de réponse non disponible : demandez application/json.";
		}
		if (ex instanceof MethodNotAllowedException m) {
			return "Méthode HTTP " + m.getHttpMethod() + " non autorisée sur cette adresse.";
		}
		if (ex instanceof NoResourceFoundException) {
			return "Aucune ressource à cette adresse.";
		}
		return "La requête n’a pas pu être traitée.";
	}

	static String title(HttpStatusCode status) {
		return switch (status.value()) {
			case 400 -> "Requête invalide";
			case 404 -> "Introuvable";
			case 405 -> "Méthode non autorisée";
			case 406 -> "Format non disponible";
			case 413 -> "Requête trop volumineuse";
			case 415 -> "Type de contenu non pris en charge";
			default -> HttpStatus.valueOf(status.value()).getReasonPhrase();
		};
	}

	private static String path(ServerWebExchange exchange) {
		return exchange.getRequest().getPath().value();
	}
}
