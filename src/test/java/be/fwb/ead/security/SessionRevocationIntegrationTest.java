package be.fwb.ead.security;

import java.util.Map;
import java.util.function.Consumer;

import be.fwb.ead.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A web session follows its account (issue 15, finding 1): a coordinator signed in on the UI whose account another
 * coordinator disables, whose password is changed or whose role is changed cannot use the session any more, not even
 * for the form it already holds a CSRF token for.
 */
class SessionRevocationIntegrationTest extends IntegrationTest {

	static final String PASSWORD = "mot-de-passe-de-x-1234";

	@Autowired Accounts accounts;

	private String other;

	@BeforeEach
	void twoCoordinators() {
		await(accounts.create("x", PASSWORD, Role.COORDINATOR, "Coordinatrice X", null));
		await(accounts.create("y", "mot-de-passe-de-y-5678", Role.COORDINATOR, "Coordinateur Y", null));
		other = apiToken("y", "mot-de-passe-de-y-5678");
	}

	@Test
	void anUntouchedSessionKeepsWorking() {
		WebSession x = signIn("x", PASSWORD);
		createAccountThrough(x, "cree.par.x").expectStatus().is3xxRedirection().expectHeader().location("/comptes");
		assertThat(count("select count(*) from account where username = 'cree.par.x'")).isOne();
	}

	@Test
	void aDisabledCoordinatorsSessionIsRefusedOnItsNextFormPost() {
		WebSession x = signIn("x", PASSWORD);
		web.put().uri("/api/accounts/x/enabled").headers(h -> h.setBearerAuth(other)).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("enabled", false)).exchange().expectStatus().isOk();

		createAccountThrough(x, "intrus").expectStatus().isFound().expectHeader().location("/connexion?expiree");
		// The session is gone, its CSRF token with it.
		reEnableThrough(x).expectStatus().isForbidden();
		assertThat(count("select count(*) from account where username = 'intrus'")).isZero();
		assertThat(count("select count(*) from account where username = 'x' and enabled")).isZero();
		// The session is gone: even re-enabled, the old cookie opens nothing.
		web.put().uri("/api/accounts/x/enabled").headers(h -> h.setBearerAuth(other)).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("enabled", true)).exchange().expectStatus().isOk();
		web.get().uri("/comptes").cookie("SESSION", x.cookie()).accept(MediaType.TEXT_HTML).exchange()
			.expectStatus().isFound().expectHeader().valueMatches("Location", ".*/connexion.*");
		assertThat(web.get().uri("/connexion?expiree").exchange().expectBody(String.class).returnResult().getResponseBody())
			.contains("Votre session a pris fin");
	}

	@Test
	void aChangedPasswordEndsTheSession() {
		WebSession x = signIn("x", PASSWORD);
		web.put().uri("/api/accounts/x/password").headers(h -> h.setBearerAuth(other)).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("password", "un-tout-nouveau-mot-de-passe")).exchange().expectStatus().isNoContent();

		createAccountThrough(x, "intrus").expectStatus().isFound().expectHeader().location("/connexion?expiree");
		assertThat(count("select count(*) from account where username = 'intrus'")).isZero();
	}

	@Test
	void aChangedRoleEndsTheSessionAndHtmxIsToldToSignInAgain() {
		WebSession x = signIn("x", PASSWORD);
		await(db.sql("update account set role = 'REVIEWER' where username = 'x'").then());

		web.get().uri("/comptes").cookie("SESSION", x.cookie()).header("HX-Request", "true").exchange()
			.expectStatus().isUnauthorized().expectHeader().valueEquals("HX-Redirect", "/connexion?expiree");
		createAccountThrough(x, "intrus").expectStatus().isForbidden();
		assertThat(count("select count(*) from account where username = 'intrus'")).isZero();
	}

	private WebTestClient.ResponseSpec createAccountThrough(WebSession session, String username) {
		return post(session, "/comptes", form -> form.with("username", username).with("displayName", "Nouveau compte")
			.with("role", "COORDINATOR").with("password", "un-mot-de-passe-tout-neuf"));
	}

	private WebTestClient.ResponseSpec reEnableThrough(WebSession session) {
		return post(session, "/comptes/x/activation", form -> form.with("enabled", "true"));
	}

	private WebTestClient.ResponseSpec post(WebSession session, String path,
			Consumer<BodyInserters.FormInserter<String>> fields) {
		BodyInserters.FormInserter<String> form = BodyInserters.fromFormData("_csrf", session.csrf());
		fields.accept(form);
		return web.post().uri(path).cookie("SESSION", session.cookie()).accept(MediaType.TEXT_HTML).body(form).exchange();
	}
}
