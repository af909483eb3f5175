package be.fwb.ead.security;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.ServerRedirectStrategy;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.logout.RedirectServerLogoutSuccessHandler;
import org.springframework.security.web.server.authentication.logout.ServerLogoutSuccessHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.header.ServerHttpHeadersWriter;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/** How the web UI signs people in and out, and what it answers when they may not see a page. */
final class LoginFlow {

	static final String LOGIN_PAGE = "/connexion";

	/** htmx sends this header; such a request gets an instruction to go to the sign-in page, not the page itself. */
	private static final String HTMX = "HX-Request";

	private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
			+ "form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

	private LoginFlow() {
	}

	/** A vacataire's account is refused at the coordinators' sign-in: it has nothing to see there. */
	static final class StaffOnly extends AuthenticationException {

		StaffOnly() {
			super("Ce compte n’a pas accès à l’interface de coordination.");
		}
	}

	static ReactiveAuthenticationManager staffOnly(ReactiveAuthenticationManager passwords) {
		return authentication -> passwords.authenticate(authentication)
			.flatMap(done -> done.getAuthorities()
				.stream()
				.anyMatch(a -> a.getAuthority().equals("ROLE_" + Role.COORDINATOR.name())
						|| a.getAuthority().equals("ROLE_" + Role.REVIEWER.name()))
					? Mono.just(done) : Mono.error(new StaffOnly()));
	}

	/** The session attribute that carries the username of a refused sign-in to the page that asks again (never the password). */
	static final String TYPED_USERNAME = "ead.login.username";

	static ServerAuthenticationFailureHandler failure() {
		ServerRedirectStrategy redirect = new DefaultServerRedirectStrategy();
		return (exchange, e) -> keepUsername(exchange.getExchange()).then(redirect.sendRedirect(exchange.getExchange(),
				URI.create(LOGIN_PAGE + (e instanceof StaffOnly
						|| e instanceof org.springframework.security.oauth2.core.OAuth2AuthenticationException ? "?refuse"
						: e instanceof LoginThrottle.TooManyAttempts ? "?bloque" : "?erreur"))));
	}

	/** The username typed (the form, read once already by the sign-in, is cached), kept in the session for the next page. */
	private static Mono<Void> keepUsername(org.springframework.web.server.ServerWebExchange exchange) {
		return exchange.getFormData()
			.mapNotNull(form -> form.getFirst("username"))
			.filter(username -> !username.isBlank() && username.length() <= 200)
			.flatMap(username -> exchange.getSession().doOnNext(s -> s.getAttributes().put(TYPED_USERNAME, username.trim())))
			.then();
	}

	static ServerLogoutSuccessHandler loggedOut() {
		RedirectServerLogoutSuccessHandler handler = new RedirectServerLogoutSuccessHandler();
		handler.setLogoutSuccessUrl(URI.create(LOGIN_PAGE + "?deconnecte"));
		return handler;
	}

	static ServerAuthenticationEntryPoint signInFirst() {
		RedirectServerAuthenticationEntryPoint redirect = new RedirectServerAuthenticationEntryPoint(LOGIN_PAGE);
		return (exchange, e) -> {
			if (exchange.getRequest().getHeaders().containsHeader(HTMX)) {
				exchange.getResponse().setStatusCode(HttpStatus.UNAUTHORIZED);
				exchange.getResponse().getHeaders().set("HX-Redirect", LOGIN_PAGE);
				return exchange.getResponse().setComplete();
			}
			return redirect.commence(exchange, e);
		};
	}

	/**
	 * The forms' CSRF tokens, masked per page as by default, and also read from a multipart body: an upload form
	 * ({@code enctype="multipart/form-data"}) sends its hidden {@code _csrf} field there, not in the header htmx sets.
	 * The controllers read the parts with {@code exchange.getMultipartData()}, which caches them, so reading them here
	 * first costs nothing.
	 */
	static org.springframework.security.web.server.csrf.ServerCsrfTokenRequestHandler csrfTokens() {
		var tokens = new org.springframework.security.web.server.csrf.XorServerCsrfTokenRequestAttributeHandler();
		tokens.setTokenFromMultipartDataEnabled(true);
		return tokens;
	}

	/**
	 * A form whose CSRF token is missing or no longer the session's (a page kept open across a sign-in, a forged
	 * request): the error page says so, in French, with the menu; nothing was done.
	 */
	static ServerAccessDeniedHandler staleForm() {
		return (exchange, e) -> Mono.error(new ResponseStatusException(HttpStatus.FORBIDDEN,
				"Ce formulaire a expiré ou ne vient pas de cette page : rien n’a été fait. Rechargez la page et recommencez."));
	}

	/** Rendered by the error pages in the reader's language, with the status 403. */
	static ServerAccessDeniedHandler forbidden() {
		// A service's own refusal says why in French (« Seul le relecteur désigné… »); the rules of the chain say
		// only « Access Denied ».
		return (exchange, e) -> Mono.error(new ResponseStatusException(HttpStatus.FORBIDDEN,
				e.getMessage() == null || e.getMessage().isBlank() || "Access Denied".equals(e.getMessage())
						? "Votre rôle ne permet pas cette action." : e.getMessage()));
	}

	/**
	 * Where a sign-in goes back to: the page asked for before it, kept in the session, but never a sign-in or sign-out
	 * address ({@code /connexion}, {@code /login}, {@code /deconnexion}, {@code /logout}): replayed after the sign-in,
	 * it would show the sign-in form again or a 404. Without a page to go back to, the dashboard.
	 */
	static org.springframework.security.web.server.savedrequest.ServerRequestCache returnAfterSignIn() {
		var sessions = new org.springframework.security.web.server.savedrequest.WebSessionServerRequestCache();
		return new org.springframework.security.web.server.savedrequest.ServerRequestCache() {

			@Override
			public Mono<Void> saveRequest(org.springframework.web.server.ServerWebExchange exchange) {
				return signingInOrOut(exchange.getRequest().getPath().pathWithinApplication().value()) ? Mono.empty()
						: sessions.saveRequest(exchange);
			}

			@Override
			public Mono<URI> getRedirectUri(org.springframework.web.server.ServerWebExchange exchange) {
				return sessions.getRedirectUri(exchange).filter(uri -> !signingInOrOut(uri.getPath()));
			}

			@Override
			public Mono<org.springframework.http.server.reactive.ServerHttpRequest> removeMatchingRequest(
					org.springframework.web.server.ServerWebExchange exchange) {
				return sessions.removeMatchingRequest(exchange);
			}
		};
	}

	private static boolean signingInOrOut(@org.jspecify.annotations.Nullable String path) {
		return path == null || path.equals(LOGIN_PAGE) || path.equals("/login") || path.startsWith("/login/")
				|| path.equals("/deconnexion") || path.equals("/logout");
	}

	/** The UI loads nothing from elsewhere and runs no inline script; the OpenAPI viewer needs its own inline code. */
	static ServerHttpHeadersWriter contentSecurityPolicy() {
		return exchange -> {
			String path = exchange.getRequest().getPath().value();
			if (!path.startsWith("/swagger-ui")) {
				exchange.getResponse().getHeaders().set("Content-Security-Policy", CSP);
			}
			return Mono.empty();
		};
	}
}
