package be.fwb.ead.ui;

import be.fwb.ead.shared.PageController;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The sign-in page. Spring Security handles the form's POST on the same address and comes back here with
 * {@code ?erreur} (wrong credentials), {@code ?refuse} (a vacataire's account), {@code ?deconnecte}, or {@code ?expiree} (the session ended because its
 * account was disabled, or its password or role changed).
 */
@PageController
class LoginPage {

	private final org.springframework.beans.factory.ObjectProvider<org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository> sso;

	LoginPage(org.springframework.beans.factory.ObjectProvider<org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository> sso) {
		this.sso = sso;
	}

	@GetMapping("/connexion")
	Mono<String> login(ServerWebExchange exchange, Model model) {
		model.addAttribute("sso", sso.getIfAvailable() != null);
		MultiValueMap<String, String> query = exchange.getRequest().getQueryParams();
		model.addAttribute("failed", query.containsKey("erreur"));
		model.addAttribute("refused", query.containsKey("refuse"));
		model.addAttribute("locked", query.containsKey("bloque"));
		model.addAttribute("loggedOut", query.containsKey("deconnecte"));
		model.addAttribute("expired", query.containsKey("expiree"));
		// After a refused sign-in, the username typed comes back (the password never does).
		return exchange.getSession()
			.doOnNext(s -> model.addAttribute("username", s.getAttributes().remove(TYPED_USERNAME)))
			.thenReturn("login");
	}

	/** Where the sign-in's failure leaves the username typed ({@code security.LoginFlow}). */
	private static final String TYPED_USERNAME = "ead.login.username";
}
