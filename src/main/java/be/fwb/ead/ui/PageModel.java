package be.fwb.ead.ui;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** What every page's layout needs: who is signed in, the CSRF token of its forms, and where it is. */
@ControllerAdvice(annotations = PageController.class)
class PageModel {

	private final Viewers viewers;

	PageModel(Viewers viewers) {
		this.viewers = viewers;
	}

	@ModelAttribute("viewer")
	Mono<Viewer> viewer() {
		return ReactiveSecurityContextHolder.getContext()
			.map(SecurityContext::getAuthentication)
			.filter(auth -> auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken))
			.flatMap(auth -> viewers.byUsername(auth.getName()));
	}

	/** Subscribing to the token makes Spring Security save it in the session; forms and htmx send it back. */
	@ModelAttribute("_csrf")
	Mono<CsrfToken> csrf(ServerWebExchange exchange) {
		Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
		return token == null ? Mono.empty() : token;
	}

	/**
	 * The outcome of the form posted just before, if any (shown once). Only a whole page's GET takes it: the model of a
	 * POST is resolved after its handler left the outcome, for the redirect that follows; and an htmx request for a
	 * part of a page (a live search answering late, a section loading) shows no layout, so taking it there would lose
	 * the outcome before the page that shows it arrives.
	 */
	@ModelAttribute("flash")
	Mono<Flash> flash(ServerWebExchange exchange) {
		HttpHeaders headers = exchange.getRequest().getHeaders();
		boolean part = headers.containsHeader("HX-Request") && !headers.containsHeader("HX-Boosted");
		return HttpMethod.GET.equals(exchange.getRequest().getMethod()) && !part ? Flash.take(exchange) : Mono.empty();
	}

	@ModelAttribute("currentPath")
	String currentPath(ServerWebExchange exchange) {
		return exchange.getRequest().getPath().pathWithinApplication().value();
	}

	/** The request's path and query, to come back to the same page after switching language. */
	@ModelAttribute("currentUri")
	String currentUri(ServerWebExchange exchange) {
		String query = exchange.getRequest().getURI().getRawQuery();
		return currentPath(exchange) + (query == null ? "" : "?" + query);
	}
}
