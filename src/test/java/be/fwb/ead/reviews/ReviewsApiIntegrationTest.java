package be.fwb.ead.reviews;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import be.fwb.ead.IntegrationTest;
import be.fwb.ead.security.Accounts;
import be.fwb.ead.security.Role;
import be.fwb.ead.sync.SyncLauncher;
import be.fwb.ead.sync.SyncMode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/** Reviews over HTTP: who may plan and act, and the problem details of refusals. */
class ReviewsApiIntegrationTest extends IntegrationTest {

	@Autowired Accounts accounts;
	@Autowired SyncLauncher launcher;
	@Autowired Rubrics rubrics;

	private String coordinator;
	private String reviewer;
	private String other;
	private long module;

	@BeforeEach
	void accounts() {
		await(launcher.execute(SyncMode.FULL, "test"));
		await(accounts.create("coord", "mot-de-passe-coord", Role.COORDINATOR, "Coordinatrice", null));
		await(accounts.create("relect", "mot-de-passe-relect", Role.REVIEWER, "Relecteur", null));
		await(accounts.create("autre", "mot-de-passe-autre", Role.REVIEWER, "Autre relectrice", null));
		coordinator = apiToken("coord", "mot-de-passe-coord");
		reviewer = apiToken("relect", "mot-de-passe-relect");
		other = apiToken("autre", "mot-de-passe-autre");
		module = count("select min(id) from module");
	}

	@Test
	void aCoordinatorPlansTheDesignatedReviewerActsAndOthersAreRefused() {
		Map<String, Object> plan = Map.of("moduleId", module, "reviewer", "relect");
		web.post().uri("/api/reviews").headers(h -> h.setBearerAuth(reviewer)).contentType(MediaType.APPLICATION_JSON).bodyValue(plan)
			.exchange().expectStatus().isForbidden();
		long id = ((Number) web.post().uri("/api/reviews").headers(h -> h.setBearerAuth(coordinator))
			.contentType(MediaType.APPLICATION_JSON).bodyValue(plan).exchange()
			.expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id")).longValue();
		web.post().uri("/api/reviews").headers(h -> h.setBearerAuth(coordinator)).contentType(MediaType.APPLICATION_JSON).bodyValue(plan)
			.exchange().expectStatus().isEqualTo(409)
			.expectBody().jsonPath("$.detail").isEqualTo("Ce module a déjà une revue en cours : terminez-la avant d'en planifier une autre.");

		web.post().uri("/api/reviews/" + id + "/start").headers(h -> h.setBearerAuth(other)).exchange().expectStatus().isForbidden();
		web.post().uri("/api/reviews/" + id + "/start").headers(h -> h.setBearerAuth(reviewer)).exchange().expectStatus().isOk();
		web.post().uri("/api/reviews/" + id + "/approve").headers(h -> h.setBearerAuth(reviewer)).exchange()
			.expectStatus().isEqualTo(422)
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).startsWith("9 critère(s) sans constat à ce tour"));

		List<Map<String, Object>> findings = new ArrayList<>();
		for (Rubrics.Criterion c : await(rubrics.latest(Rubrics.DEFAULT)).criteria()) {
			findings.add(c.kind() == Rubrics.Kind.SCALE ? Map.of("criterionId", c.id(), "score", 3, "comment", "Correct.")
					: Map.of("criterionId", c.id(), "passed", true));
		}
		web.put().uri("/api/reviews/" + id + "/findings").headers(h -> h.setBearerAuth(reviewer)).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(findings).exchange().expectStatus().isOk();
		web.post().uri("/api/reviews/" + id + "/request-changes").headers(h -> h.setBearerAuth(reviewer))
			.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("deadline", LocalDate.now().plusDays(10).toString()))
			.exchange().expectStatus().isOk();
		web.post().uri("/api/reviews/" + id + "/recheck").headers(h -> h.setBearerAuth(reviewer)).exchange().expectStatus().isOk();
		web.put().uri("/api/reviews/" + id + "/findings").headers(h -> h.setBearerAuth(reviewer)).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(findings).exchange().expectStatus().isOk();
		web.post().uri("/api/reviews/" + id + "/approve").headers(h -> h.setBearerAuth(reviewer)).exchange().expectStatus().isOk();
		web.get().uri("/api/reviews/" + id).headers(h -> h.setBearerAuth(other)).exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.review.state").isEqualTo("APPROVED")
			.jsonPath("$.review.round").isEqualTo(2)
			// Scales at 3 of 4 count 2/3: 15 × 2/3 + 4 = 14 of 19 = 74 %, above the 70 % threshold.
			.jsonPath("$.review.score").isEqualTo(74)
			.jsonPath("$.events.length()").isEqualTo(5);
		web.get().uri("/api/reviews?state=APPROVED&reviewer=relect").headers(h -> h.setBearerAuth(coordinator)).exchange()
			.expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(1);
		web.put().uri("/api/rubrics/EAD-QUALITE").headers(h -> h.setBearerAuth(reviewer)).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", "x", "passThreshold", 50, "criteria", List.of())).exchange().expectStatus().isForbidden();
	}
}
