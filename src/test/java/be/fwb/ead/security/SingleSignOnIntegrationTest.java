package be.fwb.ead.security;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import be.fwb.ead.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.test.context.TestPropertySource;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Single sign-on, configured: the sign-in page offers it, it sends the browser to the provider, and a person it
 * names gets in only with an enabled coordinator or reviewer account of that username (the role is the service's).
 */
@TestPropertySource(properties = {
		"spring.security.oauth2.client.registration.fwb.client-id=ead-tutors",
		"spring.security.oauth2.client.registration.fwb.client-secret=secret-du-client-sso",
		"spring.security.oauth2.client.registration.fwb.scope=openid,profile",
		"spring.security.oauth2.client.registration.fwb.authorization-grant-type=authorization_code",
		"spring.security.oauth2.client.registration.fwb.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
		"spring.security.oauth2.client.provider.fwb.authorization-uri=https://sso.example.be/auth",
		"spring.security.oauth2.client.provider.fwb.token-uri=https://sso.example.be/token",
		"spring.security.oauth2.client.provider.fwb.jwk-set-uri=https://sso.example.be/certs",
		"spring.security.oauth2.client.provider.fwb.user-name-attribute=preferred_username" })
class SingleSignOnIntegrationTest extends IntegrationTest {

	@Autowired ReactiveOAuth2UserService<OidcUserRequest, OidcUser> users;
	@Autowired ReactiveClientRegistrationRepository registrations;
	@Autowired Accounts accounts;

	@Test
	void theSignInPageOffersItAndSendsTheBrowserToTheProvider() {
		assertThat(web.get().uri("/connexion").exchange().expectStatus().isOk().expectBody(String.class).returnResult()
			.getResponseBody()).contains("id=\"sso-link\"").contains("Se connecter avec le compte de la Fédération");
		web.get().uri("/oauth2/authorization/fwb").exchange().expectStatus().isFound()
			.expectHeader().value("Location", l -> assertThat(l).startsWith("https://sso.example.be/auth?response_type=code&client_id=ead-tutors")
				.contains("scope=openid%20profile").contains("state="));
	}

	@Test
	void onlyAnEnabledStaffAccountOfThatUsernameGetsInWithItsOwnRole() {
		await(accounts.create("claire.coord", "mot-de-passe-local-123", Role.COORDINATOR, "Claire", null));
		await(accounts.create("vera.vac", "mot-de-passe-local-456", Role.VACATAIRE, "Véra", null));
		ClientRegistration fwb = await(registrations.findByRegistrationId("fwb"));
		OidcUser user = await(users.loadUser(request(fwb, "claire.coord")));
		assertThat(user.getName()).isEqualTo("claire.coord");
		assertThat(user.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_COORDINATOR");
		for (String who : new String[] { "vera.vac", "inconnu" }) {
			StepVerifier.create(users.loadUser(request(fwb, who)))
				.expectErrorSatisfies(e -> assertThat(e).isInstanceOf(OAuth2AuthenticationException.class)
					.hasMessageContaining("Connexion refusée"))
				.verify();
		}
	}

	private static OidcUserRequest request(ClientRegistration registration, String username) {
		Instant now = Instant.now();
		OidcIdToken id = new OidcIdToken("id-token", now, now.plusSeconds(300), Map.of("sub", "sub-" + username, "iss",
				"https://sso.example.be", "preferred_username", username));
		return new OidcUserRequest(registration, new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "access", now,
				now.plusSeconds(300), Set.of("openid", "profile")), id);
	}
}
