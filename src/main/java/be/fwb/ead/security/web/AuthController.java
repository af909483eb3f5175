package be.fwb.ead.security.web;

import java.time.Instant;

import be.fwb.ead.security.Accounts;
import be.fwb.ead.security.ApiTokens;
import be.fwb.ead.shared.InvalidRequest;
import be.fwb.ead.ui.ProblemResponses;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Exchanges a username and password for a bearer token. */
@RestController
@Tag(name = "Authentification", description = "Obtenir un jeton d’accès.")
@RequestMapping("/api/auth")
class AuthController {

	private final org.springframework.security.authentication.ReactiveAuthenticationManager passwords;
	private final Accounts accounts;
	private final ApiTokens tokens;

	AuthController(be.fwb.ead.security.PasswordCheck passwords, Accounts accounts, ApiTokens tokens,
			be.fwb.ead.security.LoginThrottle throttle) {
		this.passwords = throttle.around(passwords);
		this.accounts = accounts;
		this.tokens = tokens;
	}

	record Credentials(@Nullable @NotBlank @Size(max = 200) String username,
			@Nullable @NotBlank @Size(max = 200) String password) {
	}

	record Token(String token, Instant expiresAt) {
	}

	@PostMapping("/token")
	Mono<Token> token(@RequestBody(required = false) @Validated @Nullable Credentials credentials) {
		if (credentials == null || credentials.username() == null || credentials.password() == null) {
			return Mono.error(new InvalidRequest("Envoyez {\"username\": …, \"password\": …} en JSON."));
		}
		return passwords
			.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(credentials.username(), credentials.password()))
			.flatMap(auth -> accounts.byUsername(auth.getName()))
			.flatMap(tokens::issue)
			.map(issued -> new Token(issued.token(), issued.expiresAt()));
	}

	/** Revokes the bearer token this request carries (signing out of the API); it is refused from then on. */
	@org.springframework.web.bind.annotation.DeleteMapping("/token")
	@org.springframework.web.bind.annotation.ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> revoke(ServerWebExchange exchange) {
		String header = exchange.getRequest().getHeaders().getFirst(org.springframework.http.HttpHeaders.AUTHORIZATION);
		return header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) ? Mono.empty()
				: tokens.revoke(header.substring(7).trim()).then();
	}

	@ExceptionHandler(be.fwb.ead.security.LoginThrottle.TooManyAttempts.class)
	org.springframework.http.ResponseEntity<ProblemDetail> locked(be.fwb.ead.security.LoginThrottle.TooManyAttempts e,
			ServerWebExchange exchange) {
		return org.springframework.http.ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(org.springframework.http.HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, e.retryAfter().toSeconds())))
			.body(ProblemResponses.problem(HttpStatus.TOO_MANY_REQUESTS, "Trop d’essais", e.getMessage(),
					exchange.getRequest().getPath().value()));
	}

	@ExceptionHandler(AuthenticationException.class)
	ProblemDetail refused(AuthenticationException e, ServerWebExchange exchange) {
		return ProblemResponses.problem(HttpStatus.UNAUTHORIZED, "Identification refusée",
				"Nom d’utilisateur ou mot de passe incorrect, ou compte désactivé.", exchange.getRequest().getPath().value());
	}
}
