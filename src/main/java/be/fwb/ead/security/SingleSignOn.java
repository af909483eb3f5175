package be.fwb.ead.security;

import java.util.List;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import reactor.core.publisher.Mono;

/**
 * Signing in through the department's OpenID Connect provider (optional): the provider says who the person is
 * ({@code preferred_username}), the service says what they may do — they must have an enabled coordinator or reviewer
 * account with that username. Anyone else is refused.
 */
final class SingleSignOn {

	private SingleSignOn() {
	}

	static ReactiveOAuth2UserService<OidcUserRequest, OidcUser> users(Accounts accounts) {
		OidcReactiveOAuth2UserService provider = new OidcReactiveOAuth2UserService();
		return request -> provider.loadUser(request).flatMap(user -> {
			String username = user.getPreferredUsername() != null ? user.getPreferredUsername() : user.getEmail();
			if (username == null) {
				return Mono.error(refused("le fournisseur ne donne ni preferred_username ni e-mail"));
			}
			return accounts.byUsername(username)
				.filter(a -> a.enabled() && (a.role() == Role.COORDINATOR || a.role() == Role.REVIEWER))
				.switchIfEmpty(Mono.error(refused("aucun compte actif de coordination ou de relecture n’a l’identifiant " + username)))
				.map(a -> (OidcUser) new DefaultOidcUser(List.of(new SimpleGrantedAuthority("ROLE_" + a.role().name())), user.getIdToken(),
						user.getUserInfo(), user.getPreferredUsername() != null ? "preferred_username" : "email"));
		});
	}

	private static OAuth2AuthenticationException refused(String why) {
		return new OAuth2AuthenticationException(new OAuth2Error("access_denied", "Connexion refusée : " + why + ".", null));
	}
}
