package be.fwb.ead.security;

import java.util.Map;

import be.fwb.ead.IntegrationTest;
import be.fwb.ead.moodlesim.SimulatedMoodle;
import be.fwb.ead.sync.SyncLauncher;
import be.fwb.ead.sync.SyncMode;
import be.fwb.ead.sync.SyncStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Password guessing is throttled and locked out, bearer tokens expire and can be revoked, pages carry the security
 * headers, and neither the Moodle token nor a password ever shows in the logs, the errors or the answers.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecurityIntegrationTest extends IntegrationTest {

	static final String PASSWORD = "mot-de-passe-tres-secret-1234";

	@Autowired Accounts accounts;
	@Autowired SyncLauncher launcher;

	@BeforeEach
	void accountsAndNoPastFailures() {
		await(accounts.create("coord", PASSWORD, Role.COORDINATOR, "Coordination", null));
		await(accounts.create("autre", "mot-de-passe-autre-5678", Role.COORDINATOR, "Autre", null));
	}

	@Test
	void fiveWrongPasswordsLockTheAccountForAWhileEvenWithTheRightOne() {
		for (int i = 0; i < LoginThrottle.PER_ACCOUNT; i++) {
			token("coord", "devine-" + i).expectStatus().isUnauthorized();
		}
		token("coord", PASSWORD).expectStatus().isEqualTo(429)
			.expectHeader().exists("Retry-After")
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).startsWith("Trop d’essais de connexion infructueux"));
		// Another account is not locked (the address's threshold is higher).
		token("autre", "mot-de-passe-autre-5678").expectStatus().isOk();
		// The sign-in form is locked too, and says so.
		String cookie = web.get().uri("/connexion").exchange().returnResult(String.class).getResponseCookies().getFirst("SESSION").getValue();
		String login = web.get().uri("/connexion").cookie("SESSION", cookie).exchange().expectBody(String.class).returnResult()
			.getResponseBody();
		web.post().uri("/connexion").cookie("SESSION", cookie)
			.body(BodyInserters.fromFormData("username", "coord").with("password", PASSWORD).with("_csrf", csrf(login)))
			.exchange().expectStatus().isFound().expectHeader().location("/connexion?bloque");
		assertThat(web.get().uri("/connexion?bloque").exchange().expectBody(String.class).returnResult().getResponseBody())
			.contains("Trop d’essais de connexion infructueux");

		// Fifteen minutes later, the right password works and clears the failures.
		clock.advance(LoginThrottle.WINDOW.plusMinutes(1));
		token("coord", PASSWORD).expectStatus().isOk();
		assertThat(count("select count from login_attempt where kind = 'account' and key = 'coord'")).isZero();
	}

	@Test
	void aRefusedSignInKeepsTheUsernameTypedAndNeverThePassword() {
		String cookie = web.get().uri("/connexion").exchange().returnResult(String.class).getResponseCookies().getFirst("SESSION").getValue();
		String login = web.get().uri("/connexion").cookie("SESSION", cookie).exchange().expectBody(String.class).returnResult()
			.getResponseBody();
		assertThat(login).containsPattern("id=\"username\"[^>]*autofocus").doesNotContainPattern("id=\"password\"[^>]*autofocus");
		web.post().uri("/connexion").cookie("SESSION", cookie)
			.body(BodyInserters.fromFormData("username", "coord").with("password", "pas-le-bon-mot-de-passe").with("_csrf", csrf(login)))
			.exchange().expectStatus().isFound().expectHeader().location("/connexion?erreur");
		String again = web.get().uri("/connexion?erreur").cookie("SESSION", cookie).exchange().expectBody(String.class).returnResult()
			.getResponseBody();
		assertThat(again).contains("Identifiant ou mot de passe incorrect").contains("value=\"coord\"")
			.doesNotContain("pas-le-bon-mot-de-passe");
		assertThat(again).as("le mot de passe, vide, a le focus").containsPattern("id=\"password\"[^>]*autofocus")
			.doesNotContainPattern("id=\"username\"[^>]*autofocus");
		// Shown once: the next visit starts empty.
		assertThat(web.get().uri("/connexion").cookie("SESSION", cookie).exchange().expectBody(String.class).returnResult()
			.getResponseBody()).doesNotContain("value=\"coord\"");
	}

	@Test
	void aTokenCanBeRevokedAndExpires() {
		String token = (String) token("coord", PASSWORD).expectStatus().isOk().expectBody(Map.class).returnResult()
			.getResponseBody().get("token");
		web.get().uri("/api/modules").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk();
		web.delete().uri("/api/auth/token").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isNoContent();
		web.get().uri("/api/modules").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isUnauthorized();

		String other = (String) token("coord", PASSWORD).expectStatus().isOk().expectBody(Map.class).returnResult()
			.getResponseBody().get("token");
		// Expired: its 8 hours are over (the instance trusts a live token at most 5 s, never past its expiry).
		clock.advance(java.time.Duration.ofHours(8).plusSeconds(1));
		web.get().uri("/api/modules").headers(h -> h.setBearerAuth(other)).exchange().expectStatus().isUnauthorized();
		// Tokens are stored hashed: the token itself is nowhere in the database.
		assertThat(count("select count(*) from api_token where token_hash = '" + other + "'")).isZero();
	}

	@Test
	void pagesCarryTheSecurityHeaders() {
		web.get().uri("/connexion").exchange()
			.expectHeader().valueMatches("Content-Security-Policy", ".*default-src 'self'.*frame-ancestors 'none'.*")
			.expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
			.expectHeader().valueEquals("X-Frame-Options", "DENY")
			.expectHeader().valueEquals("Referrer-Policy", "same-origin")
			.expectHeader().valueMatches("Cache-Control", ".*no-store.*");
		// A form without its CSRF token is refused.
		web.post().uri("/connexion").body(BodyInserters.fromFormData("username", "coord").with("password", PASSWORD))
			.exchange().expectStatus().isForbidden();
	}

	@Test
	void theMoodleTokenAndPasswordsNeverShowInLogsErrorsOrAnswers(CapturedOutput output) {
		// A sync whose token Moodle refuses, errors of every kind, failed and successful sign-ins.
		MOODLE.revokeToken();
		assertThat(await(launcher.execute(SyncMode.FULL, "test")).status()).isEqualTo(SyncStatus.FAILED);
		token("coord", "faux-" + PASSWORD).expectStatus().isUnauthorized();
		String token = (String) token("coord", PASSWORD).expectStatus().isOk().expectBody(Map.class).returnResult()
			.getResponseBody().get("token");
		String runs = web.get().uri("/api/sync/runs").headers(h -> h.setBearerAuth(token)).exchange()
			.expectBody(String.class).returnResult().getResponseBody();
		String health = web.get().uri("/actuator/health").headers(h -> h.setBearerAuth(token)).exchange()
			.expectBody(String.class).returnResult().getResponseBody();
		String refused = web.post().uri("/api/vacataires").headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"password\": \"" + PASSWORD + "\", \"firstname\": 12}").exchange()
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(runs).contains("jeton");
		// The logs were captured: the failed sync is in them (without its token).
		assertThat(output.getAll()).contains("échouée");
		for (String text : new String[] { output.getAll(), runs, health, refused }) {
			assertThat(text).doesNotContain(SimulatedMoodle.DEMO_TOKEN).doesNotContain(PASSWORD).doesNotContain(token)
				.doesNotContain("secret-partage-des-tests");
		}
	}

	private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec token(String username, String password) {
		return web.post().uri("/api/auth/token").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("username", username, "password", password)).exchange();
	}

}
