package be.fwb.ead.referentials;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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

/** The référentiel endpoints over HTTP: roles, the mappings file round trip, problem details, Moodle's frameworks. */
class ReferentialsApiIntegrationTest extends IntegrationTest {

	private static final MediaType CSV = MediaType.parseMediaType("text/csv");

	@Autowired Accounts accounts;
	@Autowired SyncLauncher launcher;
	@Autowired Referentials referentials;
	@Autowired Coverage coverage;

	private String coordinator;
	private String reviewer;
	private long referential;

	@BeforeEach
	void accountsCatalogueAndReferential() throws IOException {
		syncedCatalogue();
		await(accounts.create("coord", "mot-de-passe-coord", Role.COORDINATOR, "Coordinatrice", null));
		await(accounts.create("relect", "mot-de-passe-relect", Role.REVIEWER, "Relecteur", null));
		coordinator = apiToken("coord", "mot-de-passe-coord");
		reviewer = apiToken("relect", "mot-de-passe-relect");
		try (InputStream in = getClass().getResourceAsStream("/referentials/francais-tronc-commun.csv")) {
			referential = await(referentials.importFile(in.readAllBytes(), "coord")).id();
		}
	}

	@Test
	void theMappingsExportedAsCsvImportBackUnchangedAndABrokenFileGetsAProblemNamingItsLines() {
		long module = count("select min(id) from module");
		await(coverage.map(List.of(new Coverage.Mapping(module, count("select id from competency where idnumber = 'FR-LIRE-2'"),
				Coverage.Depth.MASTERED)), "coord"));
		byte[] csv = web.get().uri("/api/referentials/" + referential + "/mappings.csv").headers(h -> h.setBearerAuth(reviewer))
			.exchange().expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
		String text = new String(csv, StandardCharsets.UTF_8);
		assertThat(text).startsWith("\uFEFFModule (nom abrégé);Compétence (numéro d'identification);Profondeur;").contains(";FR-LIRE-2;maîtrisée;");

		web.post().uri("/api/referentials/" + referential + "/mappings/import").headers(h -> h.setBearerAuth(reviewer))
			.contentType(CSV).bodyValue(csv).exchange().expectStatus().isForbidden();
		Map<?, ?> report = web.post().uri("/api/referentials/" + referential + "/mappings/import").headers(h -> h.setBearerAuth(coordinator))
			.contentType(CSV).bodyValue(csv).exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
		assertThat(report.get("applied")).isEqualTo(true);
		assertThat(report.get("unchanged")).isEqualTo(1);
		assertThat(report.get("created")).isEqualTo(0);

		String broken = text.replace(";FR-LIRE-2;maîtrisée;", ";FR-LIRE-2;beaucoup;");
		web.post().uri("/api/referentials/" + referential + "/mappings/import").headers(h -> h.setBearerAuth(coordinator))
			.contentType(CSV).bodyValue(broken.getBytes(StandardCharsets.UTF_8)).exchange()
			.expectStatus().isEqualTo(422)
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.detail").isEqualTo("1 ligne à corriger ; rien n’a été importé.")
			.jsonPath("$.lines[0].line").isEqualTo(2)
			.jsonPath("$.lines[0].errors[0]").value(e -> assertThat((String) e).contains("« beaucoup »"));
		assertThat(count("select count(*) from competency_mapping where depth = 'MASTERED'")).isEqualTo(1);
	}

	@Test
	void examsAreReadByAllStaffAndChangedOrDeletedByCoordinatorsOnly() {
		Map<String, Object> ceb = Map.of("name", "Certificat d'études de base", "level", "Primaire", "parts",
				List.of(Map.of("name", "Lecture", "weight", 100, "competencies", List.of("FR-LIRE-1-1-a"))));
		web.put().uri("/api/exams/CEB").headers(h -> h.setBearerAuth(reviewer)).contentType(MediaType.APPLICATION_JSON).bodyValue(ceb)
			.exchange().expectStatus().isForbidden();
		web.put().uri("/api/exams/CEB").headers(h -> h.setBearerAuth(coordinator)).contentType(MediaType.APPLICATION_JSON).bodyValue(ceb)
			.exchange().expectStatus().isOk();
		web.get().uri("/api/exams/ceb").headers(h -> h.setBearerAuth(reviewer)).exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.parts[0].competencies[0]").isEqualTo("FR-LIRE-1-1-a");
		web.get().uri("/api/referentials/to-produce").headers(h -> h.setBearerAuth(reviewer)).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$[0].examParts[0]").isEqualTo("CEB – Lecture");
		web.delete().uri("/api/exams/CEB").headers(h -> h.setBearerAuth(reviewer)).exchange().expectStatus().isForbidden();
		web.delete().uri("/api/exams/CEB").headers(h -> h.setBearerAuth(coordinator)).exchange().expectStatus().isNoContent();
		web.get().uri("/api/exams/CEB").headers(h -> h.setBearerAuth(reviewer)).exchange().expectStatus().isNotFound()
			.expectBody().jsonPath("$.detail").isEqualTo("Aucun examen n’a le code « CEB ».");
	}

	@Test
	void moodlesFrameworksAreReadByACoordinatorAndTheirErrorsAreProblems() {
		web.post().uri("/api/referentials/moodle").headers(h -> h.setBearerAuth(reviewer)).exchange().expectStatus().isForbidden();
		web.post().uri("/api/referentials/moodle").headers(h -> h.setBearerAuth(coordinator)).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$[0].idnumber").isEqualTo("EAD-TRANSV").jsonPath("$[0].imported.version").isEqualTo(1);
		MOODLE.disableCompetencies();
		web.post().uri("/api/referentials/moodle").headers(h -> h.setBearerAuth(coordinator)).exchange()
			.expectStatus().isEqualTo(422)
			.expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("ne sont pas activées"));
	}
}
