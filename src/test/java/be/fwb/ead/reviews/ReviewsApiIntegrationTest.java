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
		syncedCatalogue();
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
			.expectBody().jsonPath("$.detail").isEqualTo("Ce module a déjà une revue en cours : terminez-la avant d’en planifier une autre.");

		web.post().uri("/api/reviews/" + id + "/start").headers(h -> h.setBearerAuth(other)).exchange().expectStatus().isForbidden();
		web.post().uri("/api/reviews/" + id + "/start").headers(h -> h.setBearerAuth(reviewer)).exchange().expectStatus().isOk();
		web.post().uri("/api/reviews/" + id + "/approve").headers(h -> h.setBearerAuth(reviewer)).exchange()
			.expectStatus().isEqualTo(422)
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).startsWith("9 critères n’ont pas encore de constat"));

		List<Map<String, Object>> findings = new ArrayList<>();
		for (Rubrics.Criterion c : await(rubrics.latest(Rubrics.DEFAULT)).criteria()) {
			findings.add(c.kind() == Rubrics.Kind.SCALE ? Map.of("criterionId", c.id(), "score", 3, "comment", "Correct.")
					: Map.of("criterionId", c.id(), "passed", true));
		}
		web.put().uri("/api/reviews/" + id + "/findings").headers(h -> h.setBearerAuth(reviewer)).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(findings).exchange().expectStatus().isOk();
		web.post().uri("/api/reviews/" + id + "/request-changes").headers(h -> h.setBearerAuth(reviewer))
			.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("deadline", clock.today().plusDays(10).toString()))
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

	@Test
	void theAuthorsSeeTheFindingsOnTheirModulesAndAnswerThemOnlyThey() {
		long authored = count("select min(module_id) from module_role where role = 'AUTHOR'");
		long author = count("select min(vacataire_id) from module_role where role = 'AUTHOR' and module_id = " + authored);
		long stranger = count("select min(id) from vacataire where id not in (select vacataire_id from module_role where module_id = "
				+ authored + ") and id not in (select vacataire_id from assignment where module_id = " + authored + ")");
		await(accounts.create("auteur", "mot-de-passe-auteur", Role.VACATAIRE, "Autrice", author));
		await(accounts.create("etranger", "mot-de-passe-etranger", Role.VACATAIRE, "Étranger", stranger));
		String mine = apiToken("auteur", "mot-de-passe-auteur");
		String theirs = apiToken("etranger", "mot-de-passe-etranger");
		long id = ((Number) web.post().uri("/api/reviews").headers(h -> h.setBearerAuth(coordinator)).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("moduleId", authored, "reviewer", "relect")).exchange()
			.expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id")).longValue();
		// A planned review is not shown yet.
		web.get().uri("/api/me/reviews").headers(h -> h.setBearerAuth(mine)).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.length()").isEqualTo(0);
		web.post().uri("/api/reviews/" + id + "/start").headers(h -> h.setBearerAuth(reviewer)).exchange().expectStatus().isOk();
		Rubrics.Criterion first = await(rubrics.latest(Rubrics.DEFAULT)).criteria().get(0);
		web.put().uri("/api/reviews/" + id + "/findings").headers(h -> h.setBearerAuth(reviewer)).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(List.of(Map.of("criterionId", first.id(), "score", 2, "comment", "Balises absentes en séquence 2.")))
			.exchange().expectStatus().isOk();

		web.get().uri("/api/me/reviews").headers(h -> h.setBearerAuth(mine)).exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.length()").isEqualTo(1)
			.jsonPath("$[0].reviewId").isEqualTo((int) id)
			.jsonPath("$[0].state").isEqualTo("IN_REVIEW")
			.jsonPath("$[0].answerable").isEqualTo(true)
			.jsonPath("$[0].findings[0].criterion").isEqualTo(first.label())
			.jsonPath("$[0].findings[0].value").isEqualTo("2 / 4")
			.jsonPath("$[0].findings[0].comment").isEqualTo("Balises absentes en séquence 2.")
			.jsonPath("$[0].reviewer").doesNotExist();
		web.get().uri("/api/me/reviews").headers(h -> h.setBearerAuth(theirs)).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.length()").isEqualTo(0);

		long finding = count("select id from review_finding where review_id = " + id);
		web.post().uri("/api/me/findings/" + finding + "/answers").headers(h -> h.setBearerAuth(theirs))
			.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("text", "Je ne suis pas concerné.")).exchange()
			.expectStatus().isNotFound();
		web.post().uri("/api/me/findings/" + finding + "/answers").headers(h -> h.setBearerAuth(mine))
			.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("text", " ")).exchange()
			.expectStatus().isBadRequest().expectBody().jsonPath("$.detail").isEqualTo("Une réponse a un texte, de 4000 caractères au plus.");
		web.post().uri("/api/me/findings/" + finding + "/answers").headers(h -> h.setBearerAuth(mine))
			.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("text", "Balises ajoutées.")).exchange()
			.expectStatus().isCreated();
		web.get().uri("/api/reviews/" + id).headers(h -> h.setBearerAuth(reviewer)).exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.findings[0].answers[0].text").isEqualTo("Balises ajoutées.")
			.jsonPath("$.findings[0].answers[0].author").isNotEmpty();
		// Staff routes stay closed to vacataires, and the vacataire's route to staff.
		web.get().uri("/api/reviews/" + id).headers(h -> h.setBearerAuth(mine)).exchange().expectStatus().isForbidden();
		web.get().uri("/api/me/reviews").headers(h -> h.setBearerAuth(reviewer)).exchange().expectStatus().isForbidden();
	}

	@Test
	void campaignsArePreviewedAndCreatedByCoordinatorsAndFollowedByAll() {
		Map<String, Object> request = Map.of("name", "Campagne de printemps", "size", 4, "reviewers", List.of("relect", "autre"));
		web.post().uri("/api/campaigns").headers(h -> h.setBearerAuth(reviewer)).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(request).exchange().expectStatus().isForbidden();
		web.post().uri("/api/campaigns/preview").headers(h -> h.setBearerAuth(coordinator)).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(request).exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.picks.length()").isEqualTo(4)
			.jsonPath("$.loadAfter.relect").isEqualTo(2)
			.jsonPath("$.loadAfter.autre").isEqualTo(2);
		assertThat(count("select count(*) from review")).isZero();
		web.post().uri("/api/campaigns").headers(h -> h.setBearerAuth(coordinator)).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", "X", "size", 4, "reviewers", List.of("personne"))).exchange()
			.expectStatus().isBadRequest().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("personne"));
		long id = ((Number) web.post().uri("/api/campaigns").headers(h -> h.setBearerAuth(coordinator))
			.contentType(MediaType.APPLICATION_JSON).bodyValue(request).exchange()
			.expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id")).longValue();
		web.get().uri("/api/campaigns/" + id).headers(h -> h.setBearerAuth(reviewer)).exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.total").isEqualTo(4)
			.jsonPath("$.planned").isEqualTo(4)
			.jsonPath("$.percentDone").isEqualTo(0);
		web.get().uri("/api/reviews/candidates?horizonDays=3").headers(h -> h.setBearerAuth(reviewer)).exchange()
			.expectStatus().isBadRequest();
		web.get().uri("/api/reviews/load").headers(h -> h.setBearerAuth(reviewer)).exchange().expectStatus().isOk().expectBody()
			.jsonPath("$[?(@.reviewer == 'relect')].planned").isEqualTo(List.of(2));
	}
}
