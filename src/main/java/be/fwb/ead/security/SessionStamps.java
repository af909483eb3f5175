package be.fwb.ead.security;

import java.net.URI;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/**
 * Web sessions follow their account. At sign-in the session keeps the account's security stamp, which the database
 * draws anew whenever the account's password, role or enabled flag changes (a trigger, so every writer obeys it). On
 * each request of a signed-in session the current stamp is read from the database (one query by the unique username),
 * so a change made on any instance ends the session on every instance: the session is invalidated and the browser
 * sent to the sign-in page ({@code ?expiree}), or answered 401 with {@code HX-Redirect} for htmx.
 */
@Component
class SessionStamps {

	/** The session attribute that holds the stamp the session was opened with. */
	static final String ATTRIBUTE = "ead.securityStamp";

	private static final String HTMX = "HX-Request";

	private final DatabaseClient db;

	SessionStamps(DatabaseClient db) {
		this.db = db;
	}

	/** The stamp of an enabled account, or empty (unknown or disabled). */
	Mono<String> current(String username) {
		return db.sql("select security_stamp::text as stamp from account where username = :u and enabled")
			.bind("u", username)
			.map(r -> r.get("stamp", String.class))
			.one();
	}

	/** After a successful sign-in (form or single sign-on): remember the stamp, then go where the user was going. */
	ServerAuthenticationSuccessHandler remember() {
		RedirectServerAuthenticationSuccessHandler redirect = new RedirectServerAuthenticationSuccessHandler();
		redirect.setRequestCache(LoginFlow.returnAfterSignIn());
		return (WebFilterExchange exchange, Authentication authentication) -> current(authentication.getName()).defaultIfEmpty("")
			.flatMap(stamp -> exchange.getExchange().getSession().doOnNext(s -> s.getAttributes().put(ATTRIBUTE, stamp)))
			.then(redirect.onAuthenticationSuccess(exchange, authentication));
	}

	/** The check on every request of the web chain. */
	WebFilter filter() {
		return (exchange, chain) -> {
			String path = exchange.getRequest().getPath().pathWithinApplication().value();
			if (path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/img/") || path.startsWith("/webjars/")) {
				return chain.filter(exchange);
			}
			return exchange.getSession().flatMap(session -> {
				String username = signedIn(session);
				if (username == null) {
					return chain.filter(exchange);
				}
				Object remembered = session.getAttributes().get(ATTRIBUTE);
				return current(username).defaultIfEmpty("")
					.flatMap(stamp -> !stamp.isEmpty() && stamp.equals(remembered) ? chain.filter(exchange)
							: session.invalidate().then(signInAgain(exchange)));
			});
		};
	}

	private static @Nullable String signedIn(WebSession session) {
		Object context = session.getAttributes().get(WebSessionServerSecurityContextRepository.DEFAULT_SPRING_SECURITY_CONTEXT_ATTR_NAME);
		if (context instanceof SecurityContext c && c.getAuthentication() != null && c.getAuthentication().isAuthenticated()) {
			return c.getAuthentication().getName();
		}
		return null;
	}

	private static Mono<Void> signInAgain(ServerWebExchange exchange) {
		if (exchange.getRequest().getHeaders().containsHeader(HTMX)) {
			exchange.getResponse().setStatusCode(HttpStatus.UNAUTHORIZED);
			exchange.getResponse().getHeaders().set("HX-Redirect", LoginFlow.LOGIN_PAGE + "?expiree");
			return exchange.getResponse().setComplete();
		}
		return new DefaultServerRedirectStrategy().sendRedirect(exchange, URI.create(LoginFlow.LOGIN_PAGE + "?expiree"));
	}
}
