package be.fwb.ead.shared;

import java.util.List;
import java.util.Map;

import be.fwb.ead.IntegrationTest;
import be.fwb.ead.security.Accounts;
import be.fwb.ead.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Input is bounded before it is examined (issue 15, findings 3 and 6): a 20,000-character e-mail is refused at once
 * while health keeps answering, every text field has a maximum length, NUL bytes and far dates are refused, and none
 * of them is a 500.
 */
class InputLimitsIntegrationTest extends IntegrationTest {

	@Autowired Accounts accounts;
	@LocalServerPort int port;

	private String token;

	@BeforeEach
	void coordinator() {
		await(accounts.create("coord", "mot-de-passe-coord", Role.COORDINATOR, "Coordination", null));
		token = apiToken("coord", "mot-de-passe-coord");
	}

	@Test
	void aTwentyThousandCharacterEmailIsRefusedAtOnceWhileHealthKeepsAnswering() {
		String email = "a@" + ".".repeat(20_000) + "@";
		WebClient client = WebClient.create("http://localhost:" + port);
		// Four such requests at once, and the health check beside them.
		Mono<List<Long>> refusals = Flux.range(0, 4).flatMap(i -> {
			long start = System.nanoTime();
			return client.post().uri("/api/vacataires").headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("firstname", "Léa", "lastname", "Martin", "email", email))
				.exchangeToMono(r -> r.bodyToMono(String.class).map(body -> {
					assertThat(r.statusCode().value()).isEqualTo(400);
					assertThat(body).contains("« email » dépasse 254 caractères");
					return (System.nanoTime() - start) / 1_000_000;
				}));
		}).collectList();
		long healthStart = System.nanoTime();
		List<Long> millis = await(refusals.zipWith(client.get().uri("/actuator/health").exchangeToMono(r -> Mono.just(r.statusCode().value())),
				(times, health) -> {
					assertThat(health).isEqualTo(200);
					return times;
				}));
		long healthMillis = (System.nanoTime() - healthStart) / 1_000_000;
		System.out.println("Courriel de 20 000 caractères refusé en " + millis + " ms ; santé en " + healthMillis + " ms");
		assertThat(millis).allSatisfy(ms -> assertThat(ms).isLessThan(1000));
		assertThat(count("select count(*) from vacataire")).isZero();
	}

	@Test
	void everyTextFieldIsBoundedAndNulBytesAndFarDatesAreRefused() {
		post("/api/vacataires", Map.of("firstname", "L".repeat(201), "lastname", "Martin")).expectStatus().isBadRequest()
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.detail").isEqualTo("Le champ « firstname » dépasse 200 caractères (201).");
		post("/api/vacataires", Map.of("firstname", "Léa", "lastname", "Mar\u0000tin")).expectStatus().isBadRequest()
			.expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("caractère nul"));
		post("/api/vacataires", Map.of("firstname", "Léa", "lastname", "Martin", "idnumber", "x".repeat(101))).expectStatus().isBadRequest();
		post("/api/vacataires", Map.of("firstname", "Léa", "lastname", "Martin", "phone", "abc")).expectStatus().isBadRequest()
			.expectBody().jsonPath("$.field").isEqualTo("phone");
		post("/api/assignments", Map.of("vacataireId", 1, "moduleId", 1, "role", "AUTHOR", "startsOn", "2026-09-01",
				"endsOn", "2027-06-30", "derogationReason", "r".repeat(3000))).expectStatus().isBadRequest()
			.expectBody().jsonPath("$.detail").isEqualTo("Le champ « derogationReason » dépasse 500 caractères (3000).");
		post("/api/assignments", Map.of("vacataireId", 1, "moduleId", 1, "role", "AUTHOR", "startsOn", "+999999999-01-01",
				"endsOn", "+999999999-12-31", "hours", 10)).expectStatus().isBadRequest()
			.expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).startsWith("Date hors des limites"));
		web.get().uri(raw("/api/audit/changes?from=%2B999999999-01-01")).headers(h -> h.setBearerAuth(token)).exchange()
			.expectStatus().isBadRequest().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		web.get().uri(raw("/api/reviews?reviewer=a%00b")).headers(h -> h.setBearerAuth(token)).exchange()
			.expectStatus().isBadRequest().expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("caractère nul"));
		assertThat(count("select count(*) from vacataire")).isZero();
	}

	@Test
	void aPagesFormIsBoundedTooAndAnswersAFrenchPage() {
		WebSession session = signIn("coord", "mot-de-passe-coord");
		String page = web.post().uri("/comptes").cookie("SESSION", session.cookie()).accept(MediaType.TEXT_HTML)
			.body(BodyInserters.fromFormData("_csrf", session.csrf()).with("username", "nouveau").with("role", "REVIEWER")
				.with("displayName", "N".repeat(20_000)).with("password", "un-mot-de-passe-solide"))
			.exchange().expectStatus().isBadRequest().expectBody(String.class).returnResult().getResponseBody();
		assertThat(page).contains("Le champ « displayName » dépasse 200 caractères");
		assertThat(count("select count(*) from account where username = 'nouveau'")).isZero();

		// From the form's page (the browser says so): back to it, the message beside the field and what was typed kept.
		web.post().uri("/comptes").cookie("SESSION", session.cookie()).accept(MediaType.TEXT_HTML)
			.header("Referer", "http://localhost:" + port + "/comptes")
			.body(BodyInserters.fromFormData("_csrf", session.csrf()).with("username", "nouveau").with("role", "REVIEWER")
				.with("displayName", "N".repeat(300)).with("password", "un-mot-de-passe-solide"))
			.exchange().expectStatus().isSeeOther().expectHeader().location("/comptes");
		String back = web.get().uri("/comptes").cookie("SESSION", session.cookie()).accept(MediaType.TEXT_HTML).exchange()
			.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
		assertThat(back).contains("Le champ « displayName » dépasse 200 caractères (300).").contains("&quot;displayName&quot;:&quot;")
			.contains("&quot;errors&quot;:{&quot;displayName&quot;");
		assertThat(count("select count(*) from account where username = 'nouveau'")).isZero();
	}

	@Test
	void aReturnAddressWithBracesGoesHomeInsteadOfFailing() {
		web.get().uri(java.net.URI.create("http://localhost:" + port + "/langue?lang=en&retour=/x%7Bzz%7D")).exchange()
			.expectStatus().is3xxRedirection().expectHeader().location("/");
		web.get().uri("/langue?lang=fr&retour=/vacataires").exchange().expectStatus().is3xxRedirection()
			.expectHeader().location("/vacataires");
	}

	/** An address sent as it is written (percent-escapes included), not as a template. */
	private java.net.URI raw(String pathAndQuery) {
		return java.net.URI.create("http://localhost:" + port + pathAndQuery);
	}

	private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec post(String path, Map<String, ?> body) {
		return web.post().uri(path).headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
			.exchange();
	}

}
