package be.fwb.ead.assignments;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import be.fwb.ead.IntegrationTest;
import be.fwb.ead.evaluations.Evaluations;
import be.fwb.ead.security.Accounts;
import be.fwb.ead.security.Role;
import be.fwb.ead.sync.SyncLauncher;
import be.fwb.ead.sync.SyncMode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/** The lifecycle over HTTP: who may do what, the problem details of refusals, and a vacataire's own data only. */
class LifecycleApiIntegrationTest extends IntegrationTest {

	@Autowired Accounts accounts;
	@Autowired SyncLauncher launcher;
	@Autowired Evaluations evaluations;

	private String coordinator;
	private String reviewer;

	@BeforeEach
	void accountsAndCatalogue() {
		syncedCatalogue();
		await(accounts.create("coord", "mot-de-passe-coord", Role.COORDINATOR, "Coordinatrice", null));
		await(accounts.create("relect", "mot-de-passe-relect", Role.REVIEWER, "Relecteur", null));
		coordinator = apiToken("coord", "mot-de-passe-coord");
		reviewer = apiToken("relect", "mot-de-passe-relect");
	}

	@Test
	void aCoordinatorCreatesAVacataireAndARuleRefusesAnAssignmentWithAProblem() {
		long id = ((Number) web.post().uri("/api/vacataires").headers(h -> h.setBearerAuth(coordinator))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("firstname", "Zoë", "lastname", "Lambert", "email", "Zoe.Lambert@ead.test", "status", "ACTIF"))
			.exchange()
			.expectStatus().isCreated()
			.expectBody(Map.class).returnResult().getResponseBody().get("id")).longValue();
		long module = count("select min(id) from module");
		web.post().uri("/api/assignments").headers(h -> h.setBearerAuth(coordinator)).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("vacataireId", id, "moduleId", module, "role", "AUTHOR", "startsOn", "2026-09-01",
					"endsOn", "2027-06-30", "hours", 20))
			.exchange()
			.expectStatus().isEqualTo(422)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.title").isEqualTo("Refusé par une règle")
			.jsonPath("$.detail").value(d -> assertThat((String) d).contains("Aucun titre de Zoë Lambert"))
			// What mends it: a derogation's reason, named as the request names it.
			.jsonPath("$.field").isEqualTo("derogationReason");
		web.post().uri("/api/vacataires").headers(h -> h.setBearerAuth(coordinator)).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("firstname", "A", "lastname", "B", "email", "pas un courriel"))
			.exchange()
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("courriel invalide"));
		web.get().uri("/api/vacataires/" + id + "/timeline").headers(h -> h.setBearerAuth(coordinator)).exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$[0].summary").isEqualTo("Fiche créée (actif) : Zoë Lambert")
			.jsonPath("$[0].author").isEqualTo("coord");
	}

	/** A session over the API: planned, a registration, its seats changed and refused below it, the registration withdrawn. */
	@Test
	void aCoordinatorChangesASessionsSeatsAndWithdrawsARegistration() {
		long v = count("select min(id) from vacataire");
		long session = ((Number) web.post().uri("/api/trainings").headers(h -> h.setBearerAuth(coordinator))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("kind", "INITIAL", "topic", "MOODLE", "title", "Moodle pour les tuteurs",
					"startsAt", clock.instant().plus(java.time.Duration.ofDays(3)).toString(), "durationMinutes", 180, "mode", "VIRTUAL",
					"capacity", 1))
			.exchange()
			.expectStatus().isCreated()
			.expectBody(Map.class).returnResult().getResponseBody().get("id")).longValue();
		String registrations = "/api/trainings/" + session + "/registrations";
		web.post().uri(registrations).headers(h -> h.setBearerAuth(coordinator)).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("vacataireId", v)).exchange().expectStatus().isNoContent();
		web.put().uri("/api/trainings/" + session + "/capacity").headers(h -> h.setBearerAuth(coordinator))
			.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("capacity", 0)).exchange()
			.expectStatus().isBadRequest()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.detail").isEqualTo("Une session compte de 1 à 500 places.").jsonPath("$.field").isEqualTo("capacity");
		web.put().uri("/api/trainings/" + session + "/capacity").headers(h -> h.setBearerAuth(coordinator))
			.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("capacity", 12)).exchange()
			.expectStatus().isNoContent();
		web.get().uri("/api/trainings/" + session).headers(h -> h.setBearerAuth(coordinator)).exchange()
			.expectStatus().isOk().expectBody().jsonPath("$.capacity").isEqualTo(12).jsonPath("$.registered").isEqualTo(1);
		web.put().uri("/api/trainings/" + session + "/capacity").headers(h -> h.setBearerAuth(reviewer))
			.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("capacity", 3)).exchange().expectStatus().isForbidden();
		web.delete().uri(registrations + "/" + v).headers(h -> h.setBearerAuth(reviewer)).exchange().expectStatus().isForbidden();
		web.delete().uri(registrations + "/" + v).headers(h -> h.setBearerAuth(coordinator)).exchange().expectStatus().isNoContent();
		web.delete().uri(registrations + "/" + v).headers(h -> h.setBearerAuth(coordinator)).exchange()
			.expectStatus().isNotFound()
			.expectBody().jsonPath("$.detail").isEqualTo("Ce vacataire n’est pas inscrit à cette session.");
		web.get().uri(registrations).headers(h -> h.setBearerAuth(coordinator)).exchange()
			.expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(0);
	}

	@Test
	void aReviewerReadsAssignmentsButNeitherWritesNorReadsPersonalFiles() {
		long v = count("select min(id) from vacataire");
		web.get().uri("/api/assignments").headers(h -> h.setBearerAuth(reviewer)).exchange().expectStatus().isOk();
		web.get().uri("/api/titles").headers(h -> h.setBearerAuth(reviewer)).exchange().expectStatus().isOk();
		web.post().uri("/api/assignments").headers(h -> h.setBearerAuth(reviewer)).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of()).exchange().expectStatus().isForbidden();
		for (String path : List.of("/timeline", "/evaluations", "/contracts", "/trainings")) {
			web.get().uri("/api/vacataires/" + v + path).headers(h -> h.setBearerAuth(reviewer)).exchange()
				.expectStatus().isForbidden();
		}
		web.get().uri("/api/me").headers(h -> h.setBearerAuth(reviewer)).exchange().expectStatus().isForbidden();
	}

	@Test
	void aVacataireSeesOnlyTheirOwnDataAndAcknowledgesTheirEvaluation() {
		long mine = count("select min(id) from vacataire");
		long other = count("select max(id) from vacataire");
		await(accounts.create("zoe", "mot-de-passe-zoe", Role.VACATAIRE, "Zoë", mine));
		String me = apiToken("zoe", "mot-de-passe-zoe");
		List<Evaluations.Score> scores = await(evaluations.grid().map(c -> new Evaluations.Score(c.id(), 3, null)).collectList());
		long myEvaluation = await(evaluations.record(mine, clock.today(), scores, "Bien", "coord"));
		long theirs = await(evaluations.record(other, clock.today(), scores, "Bien", "coord"));

		web.get().uri("/api/me").headers(h -> h.setBearerAuth(me)).exchange()
			.expectStatus().isOk().expectBody().jsonPath("$.id").isEqualTo(mine);
		web.get().uri("/api/me/evaluations").headers(h -> h.setBearerAuth(me)).exchange()
			.expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(1).jsonPath("$[0].id").isEqualTo(myEvaluation);
		web.post().uri("/api/me/evaluations/" + theirs + "/acknowledgement").headers(h -> h.setBearerAuth(me))
			.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("comment", "pas à moi")).exchange()
			.expectStatus().isNotFound();
		web.post().uri("/api/me/evaluations/" + myEvaluation + "/acknowledgement").headers(h -> h.setBearerAuth(me))
			.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("comment", "Merci")).exchange()
			.expectStatus().isOk().expectBody().jsonPath("$.vacataireComment").isEqualTo("Merci");
		web.get().uri("/api/vacataires/" + other).headers(h -> h.setBearerAuth(me)).exchange().expectStatus().isForbidden();
		web.get().uri("/api/vacataires/" + mine + "/evaluations").headers(h -> h.setBearerAuth(me)).exchange()
			.expectStatus().isForbidden();
		assertThat(count("select count(*) from evaluation where acknowledged_at is not null")).isEqualTo(1);
	}
}
