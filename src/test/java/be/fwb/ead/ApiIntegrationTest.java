package be.fwb.ead;

import java.util.Map;

import be.fwb.ead.security.Accounts;
import be.fwb.ead.security.Role;
import be.fwb.ead.sync.SyncLauncher;
import be.fwb.ead.sync.SyncMode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTTP API: tokens, roles, the contract of the lists and details, and problem details for every refusal. */
class ApiIntegrationTest extends IntegrationTest {

	@Autowired
	Accounts accounts;

	@Autowired
	SyncLauncher launcher;

	private String coordinator;
	private String reviewer;

	@BeforeEach
	void accountsAndCatalogue() {
		syncedCatalogue();
		await(accounts.create("coord", "mot-de-passe-coord", Role.COORDINATOR, "Coordinatrice", null));
		await(accounts.create("relect", "mot-de-passe-relect", Role.REVIEWER, "Relecteur", null));
		await(accounts.create("vac", "mot-de-passe-vac", Role.VACATAIRE, "Vacataire", null));
		coordinator = apiToken("coord", "mot-de-passe-coord");
		reviewer = apiToken("relect", "mot-de-passe-relect");
	}

	@Test
	void aTokenIsIssuedForGoodCredentialsAndRefusedWithAProblemOtherwise() {
		web.post().uri("/api/auth/token").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("username", "coord", "password", "mauvais"))
			.exchange()
			.expectStatus().isUnauthorized()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("mot de passe incorrect"));
		web.post().uri("/api/auth/token").contentType(MediaType.APPLICATION_JSON).bodyValue("{pas du json")
			.exchange()
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("JSON"));
	}

	@Test
	void everyApiEndpointRequiresARoleAndAnswersProblemDetails() {
		web.get().uri("/api/modules").exchange()
			.expectStatus().isUnauthorized()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.title").isEqualTo("Authentification requise");
		web.get().uri("/api/modules").headers(h -> h.setBearerAuth("faux-jeton")).exchange().expectStatus().isUnauthorized();
		String vacataire = apiToken("vac", "mot-de-passe-vac");
		web.get().uri("/api/modules").headers(h -> h.setBearerAuth(vacataire)).exchange()
			.expectStatus().isForbidden()
			.expectBody().jsonPath("$.detail").isEqualTo("Votre rôle ne permet pas cette action.");
		web.post().uri("/api/sync").headers(h -> h.setBearerAuth(reviewer)).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("mode", "FULL")).exchange()
			.expectStatus().isForbidden();
		web.get().uri("/api/sync/runs").headers(h -> h.setBearerAuth(reviewer)).exchange().expectStatus().isOk();
	}

	@Test
	void aCoordinatorStartsASyncAndFollowsIt() {
		web.post().uri("/api/sync").headers(h -> h.setBearerAuth(coordinator)).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("mode", "full")).exchange()
			.expectStatus().isAccepted()
			.expectBody().jsonPath("$.id").isNumber().jsonPath("$.status").isEqualTo("RUNNING");
		await(launcher.whenIdle());
		web.get().uri("/api/sync/runs?limit=5").headers(h -> h.setBearerAuth(coordinator)).exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$[0].status").isEqualTo("SUCCEEDED")
			.jsonPath("$[0].moodleCalls").isEqualTo(11)
			.jsonPath("$[0].counts.modules.created").isEqualTo(0)
			.jsonPath("$[0].mode").isEqualTo("FULL")
			.jsonPath("$[1].status").isEqualTo("SUCCEEDED")
			.jsonPath("$[1].counts.modules.created").isEqualTo(522);
		web.post().uri("/api/sync").headers(h -> h.setBearerAuth(coordinator)).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("mode", "PARTIEL")).exchange()
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("FULL, INCREMENTAL"));
		web.get().uri("/api/sync/runs/999999").headers(h -> h.setBearerAuth(coordinator)).exchange()
			.expectStatus().isNotFound()
			.expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("999999"));
	}

	@Test
	void modulesAreFoundWithoutRegardToCaseOrAccentsAndPaged() {
		web.get().uri("/api/modules?q=ECRIRE un texte&size=5").headers(h -> h.setBearerAuth(reviewer)).exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.total").value(t -> assertThat(((Number) t).intValue()).isGreaterThan(5))
			.jsonPath("$.items.length()").isEqualTo(5)
			.jsonPath("$.page").isEqualTo(0)
			.jsonPath("$.size").isEqualTo(5)
			.jsonPath("$.items[0].fullname").value(n -> assertThat((String) n).contains("Écrire un texte"))
			.jsonPath("$.items[0].categoryPath[0]").isEqualTo("Enseignement à distance (EAD)")
			.jsonPath("$.items[0].authors").isArray()
			.jsonPath("$.items[0].tutors").isArray()
			.jsonPath("$.items[0].moodleCourseId").isNumber()
			.jsonPath("$.items[0].learnerCount").isNumber()
			.jsonPath("$.items[0].archived").isEqualTo(false);
		web.get().uri("/api/modules?size=0").headers(h -> h.setBearerAuth(reviewer)).exchange()
			.expectStatus().isBadRequest()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("« size »"));
		web.get().uri("/api/modules?page=abc").headers(h -> h.setBearerAuth(reviewer)).exchange()
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("« page »"));
		web.get().uri("/api/modules?q=%25").headers(h -> h.setBearerAuth(reviewer)).exchange()
			.expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(0);
		web.get().uri("/api/vacataires?q=" + "x".repeat(201)).headers(h -> h.setBearerAuth(reviewer)).exchange()
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("trop longue"));
	}

	@Test
	void aModuleAndAVacataireCanBeOpened() {
		long moduleId = count("select min(m.id) from module m join module_role r on r.module_id = m.id");
		web.get().uri("/api/modules/{id}", moduleId).headers(h -> h.setBearerAuth(coordinator)).exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.id").isEqualTo(moduleId).jsonPath("$.shortname").isNotEmpty();
		web.get().uri("/api/modules/0").headers(h -> h.setBearerAuth(coordinator)).exchange()
			.expectStatus().isNotFound()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
		web.get().uri("/api/vacataires?q=zoe").headers(h -> h.setBearerAuth(coordinator)).exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.total").value(t -> assertThat(((Number) t).intValue()).isPositive())
			.jsonPath("$.items[0].firstname").isEqualTo("Zoë")
			.jsonPath("$.items[0].status").isEqualTo("ACTIF")
			.jsonPath("$.items[0].moodleUserId").isNumber()
			.jsonPath("$.items[0].modules[0].moduleId").isNumber()
			.jsonPath("$.items[0].modules[0].role").value(r -> assertThat((String) r).isIn("AUTHOR", "TUTOR"));
		long vacataireId = count("select min(id) from vacataire");
		web.get().uri("/api/vacataires/{id}", vacataireId).headers(h -> h.setBearerAuth(reviewer)).exchange()
			.expectStatus().isOk().expectBody().jsonPath("$.id").isEqualTo(vacataireId);
	}

	@Test
	void theMoodleTokenAndPasswordsAreNeverReturned() {
		String runs = web.get().uri("/api/sync/runs").headers(h -> h.setBearerAuth(coordinator)).exchange()
			.expectBody(String.class).returnResult().getResponseBody();
		String docs = web.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(runs + docs).doesNotContain(be.fwb.ead.moodlesim.SimulatedMoodle.DEMO_TOKEN)
			.doesNotContain("mot-de-passe-coord");
		assertThat(docs).contains("/api/modules").contains("/api/sync");
	}

	@Autowired
	@org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
	org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping mappings;

	@Test
	void theOpenApiDescriptionDocumentsEveryApiEndpointAndNoPage() {
		String docs = web.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		java.util.Set<String> apiPaths = new java.util.TreeSet<>();
		mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternsCondition().getPatterns().forEach(p -> {
			if (p.getPatternString().startsWith("/api/")) {
				apiPaths.add(p.getPatternString());
			}
		}));
		assertThat(apiPaths).hasSizeGreaterThan(30);
		assertThat(apiPaths).allSatisfy(path -> assertThat(docs).contains("\"" + path + "\""));
		assertThat(docs).doesNotContain("\"/modules\"").doesNotContain("/connexion").doesNotContain("\"/synchronisations\"");
	}
}
