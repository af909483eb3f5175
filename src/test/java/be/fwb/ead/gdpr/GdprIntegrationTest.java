package be.fwb.ead.gdpr;

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

/** Everything held about one person exported; their erasure by anonymisation, guarded; the retention rule. */
class GdprIntegrationTest extends IntegrationTest {

	@Autowired SyncLauncher launcher;
	@Autowired Accounts accounts;
	@Autowired Evaluations evaluations;
	@Autowired Retention retention;

	private String coordinator;
	private long vacataire;

	@BeforeEach
	void catalogue() {
		syncedCatalogue();
		await(accounts.create("coord", "mot-de-passe-coord", Role.COORDINATOR, "Coordination", null));
		coordinator = apiToken("coord", "mot-de-passe-coord");
		vacataire = count("select min(vacataire_id) from module_role");
		List<Evaluations.Score> scores = await(evaluations.grid().map(c -> new Evaluations.Score(c.id(), 3, null)).collectList());
		await(evaluations.record(vacataire, clock.today(), scores, "Suivi attentif.", "coord"));
		await(accounts.create("vac", "mot-de-passe-du-vacataire", Role.VACATAIRE, "Vacataire", vacataire));
	}

	@Test
	void everyTableAndColumnOfTheAccessReportHasAFrenchLabel(
			@Autowired org.springframework.context.MessageSource messages) {
		List<Map<String, Object>> columns = await(db.sql("""
				select table_name, column_name from information_schema.columns
				where table_schema = current_schema()
				  and (table_name in ('vacataire', 'evaluation_score', 'candidacy_score') or table_name in (
				       select table_name from information_schema.columns where table_schema = current_schema()
				       and column_name = 'vacataire_id'))
				  and table_name in (select table_name from information_schema.tables
				                     where table_schema = current_schema() and table_type = 'BASE TABLE')""")
			.fetch().all().collectList());
		assertThat(columns).hasSizeGreaterThan(80);
		List<String> missing = new java.util.ArrayList<>();
		for (java.util.Locale locale : List.of(java.util.Locale.forLanguageTag("fr-BE"))) {
			for (Map<String, Object> c : columns) {
				for (String code : List.of("gdpr.table." + c.get("table_name"), "gdpr.column." + c.get("column_name"))) {
					if (messages.getMessage(code, null, null, locale) == null) {
						missing.add(locale + " " + code);
					}
				}
			}
		}
		assertThat(missing.stream().distinct().toList()).as("libellés du rapport d'accès à ajouter aux messages").isEmpty();
	}

	@Test
	void theAccessReportReadsAsSentencesWithoutInternalKeysAndReadingNoEvaluationLogsNoRead(
			@Autowired be.fwb.ead.recruitment.Recruitment recruitment) {
		long campaign = await(recruitment.open("Tuteurs 2027", LocalDate.of(2026, 11, 1), LocalDate.of(2027, 1, 31),
				List.of(new be.fwb.ead.recruitment.Recruitment.Need("Secondaire inférieur – CE1D", "Français", "TUTOR", 60)), "coord"));
		long candidacy = await(recruitment.apply(campaign, new be.fwb.ead.vacataires.VacataireFile.Identity("François", "Renard",
				"francois.renard@ead.test", null, null, null), List.of(new be.fwb.ead.recruitment.Recruitment.Document("CV",
						"cv-renard.pdf", LocalDate.of(2026, 3, 12)), new be.fwb.ead.recruitment.Recruitment.Document("Diplôme",
								"aesi-renard.pdf", null)), "coord"));
		long candidate = await(recruitment.candidacy(candidacy)).vacataireId();
		WebSession coord = signIn("coord", "mot-de-passe-coord");
		for (String path : List.of("/vacataires/" + candidate + "/donnees", "/vacataires/" + candidate + "/donnees/imprimable")) {
			String html = web.get().uri(path).cookie("SESSION", coord.cookie()).accept(MediaType.TEXT_HTML).exchange()
				.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
			assertThat(html).as(path).contains("CV, fichier cv-renard.pdf, reçu le 12/03/2026 ; Diplôme, fichier aesi-renard.pdf")
				.doesNotContain("receivedOn").doesNotContain("filename")
				.doesNotContain("Clé de recherche").doesNotContain("Clé de tri").doesNotContain("renard francois")
				.contains("repris de Moodle").doesNotContain("rôles Moodle : repris");
		}

		// The evaluations section of a page: every view with evaluations is a read, none when there are none. Views by one
		// reader within 15 minutes of the last one count on one line (going back and forth wrote 26 lines in 10 minutes).
		String reads = "select count(*) from access_log where what = 'évaluations' and vacataire_id = ";
		String counted = "select coalesce(sum(times), 0) from access_log where what = 'évaluations' and vacataire_id = ";
		for (int view = 0; view < 3; view++) {
			web.get().uri("/vacataires/" + candidate + "/evaluations").cookie("SESSION", coord.cookie()).header("HX-Request", "true")
				.exchange().expectStatus().isOk();
			web.get().uri("/vacataires/" + vacataire + "/evaluations").cookie("SESSION", coord.cookie()).header("HX-Request", "true")
				.exchange().expectStatus().isOk();
			clock.advance(java.time.Duration.ofMinutes(14));
		}
		assertThat(count(reads + candidate)).as("rien à lire, rien de journalisé").isZero();
		assertThat(count(reads + vacataire)).as("trois vues à moins de 15 minutes l’une de l’autre : une ligne").isEqualTo(1);
		assertThat(count(counted + vacataire)).as("chaque vue comptée").isEqualTo(3);
		var line = await(db.sql("select at, last_at from access_log where times = 3 and vacataire_id = " + vacataire)
			.map(r -> java.time.Duration.between(r.get("at", java.time.Instant.class), r.get("last_at", java.time.Instant.class))).one());
		assertThat(line).as("de la première à la dernière vue").isBetween(java.time.Duration.ofMinutes(28), java.time.Duration.ofMinutes(29));
		clock.advance(java.time.Duration.ofMinutes(2));
		web.get().uri("/vacataires/" + vacataire + "/evaluations").cookie("SESSION", coord.cookie()).header("HX-Request", "true")
			.exchange().expectStatus().isOk();
		assertThat(count(reads + vacataire)).as("16 minutes après la dernière : une nouvelle ligne").isEqualTo(2);
		web.get().uri("/api/vacataires/" + vacataire + "/evaluations").headers(h -> h.setBearerAuth(coordinator)).exchange()
			.expectStatus().isOk();
		assertThat(count(reads + vacataire)).as("par l’API : une autre voie, une autre ligne").isEqualTo(3);
		String journal = web.get().uri("/journal?vacataire=" + vacataire).cookie("SESSION", coord.cookie()).accept(MediaType.TEXT_HTML)
			.exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
		assertThat(journal).contains("(3 lectures, la dernière le ");
	}

	@Test
	void everythingHeldAboutAPersonIsExportedAndNoPasswordHash() {
		String email = await(db.sql("select moodle_email from vacataire where id = " + vacataire).map(r -> r.get(0, String.class)).one());
		String json = web.get().uri("/api/vacataires/" + vacataire + "/personal-data").headers(h -> h.setBearerAuth(coordinator))
			.exchange().expectStatus().isOk()
			.expectHeader().valueMatches("Content-Disposition", "attachment; filename=\"donnees-personnelles-vacataire-\\d+\\.json\"")
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(json).contains(email).contains("\"module_role\"").contains("\"evaluation\"").contains("Suivi attentif.")
			.contains("\"evaluation_score\"").contains("\"change_log\"").contains("\"account\"").contains("\"username\":\"vac\"")
			.doesNotContain("password").doesNotContain("{bcrypt}");
		web.get().uri("/api/vacataires/999999/personal-data").headers(h -> h.setBearerAuth(coordinator)).exchange()
			.expectStatus().isNotFound();
	}

	@Test
	void anonymisationIsRefusedWhileThePersonWorksAndThenKeepsOnlyWhatTheLawRequires() {
		Map<String, String> reason = Map.of("reason", "Demande de la personne du 20/11/2026");
		web.post().uri("/api/vacataires/" + vacataire + "/anonymisation").headers(h -> h.setBearerAuth(coordinator))
			.contentType(MediaType.APPLICATION_JSON).bodyValue(reason).exchange()
			.expectStatus().isEqualTo(422).expectBody().jsonPath("$.detail")
			.value(d -> assertThat((String) d).startsWith("La personne a encore un rôle dans un module courant de Moodle"));
		// Removed from Moodle (the roles go with the archived modules).
		await(db.sql("update module set archived_at = :now where id in (select module_id from module_role where vacataire_id = "
				+ vacataire + ")").bind("now", clock.instant()).then());
		web.post().uri("/api/vacataires/" + vacataire + "/anonymisation").headers(h -> h.setBearerAuth(coordinator))
			.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of()).exchange().expectStatus().isBadRequest();
		web.post().uri("/api/vacataires/" + vacataire + "/anonymisation").headers(h -> h.setBearerAuth(coordinator))
			.contentType(MediaType.APPLICATION_JSON).bodyValue(reason).exchange()
			.expectStatus().isOk().expectBody()
			.jsonPath("$.deleted.evaluation").isEqualTo(1)
			.jsonPath("$.deleted.account").isEqualTo(1)
			.jsonPath("$.kept.assignment").exists();
		assertThat(count("select count(*) from vacataire where id = " + vacataire + " and firstname = 'Anonymisé' and email is null "
				+ "and moodle_email is null and moodle_user_id is null and anonymised_at is not null")).isOne();
		assertThat(count("select count(*) from evaluation where vacataire_id = " + vacataire)).isZero();
		assertThat(count("select count(*) from account where vacataire_id = " + vacataire)).isZero();
		assertThat(count("select count(*) from change_log where action = 'anonymised' and reason like 'Demande de la personne%'"))
			.isOne();
		web.post().uri("/api/vacataires/" + vacataire + "/anonymisation").headers(h -> h.setBearerAuth(coordinator))
			.contentType(MediaType.APPLICATION_JSON).bodyValue(reason).exchange().expectStatus().isEqualTo(422);
	}

	@Test
	void unsuccessfulCandidatesAreAnonymisedAfterTheRetentionPeriod() {
		long old = candidate("Ancien", "2024-01-10");
		long recent = candidate("Récent", clock.today().minusMonths(2).toString());
		web.post().uri("/api/gdpr/retention").headers(h -> h.setBearerAuth(coordinator)).exchange()
			.expectStatus().isOk().expectBody()
			.jsonPath("$.anonymised.length()").isEqualTo(1)
			.jsonPath("$.anonymised[0]").isEqualTo((int) old)
			.jsonPath("$.after").isEqualTo("P1Y");
		assertThat(count("select count(*) from vacataire where anonymised_at is not null and id = " + old)).isOne();
		assertThat(count("select count(*) from vacataire where anonymised_at is null and id = " + recent)).isOne();
		assertThat(count("select count(*) from change_log where entity = 'gdpr_retention'")).isOne();
		assertThat(await(retention.apply("test").map(RetentionReport::anonymised))).isEmpty();
	}

	private long candidate(String name, String updated) {
		return await(db.sql("""
				insert into vacataire (firstname, lastname, email, status, search_key, sort_key, created_at, updated_at)
				values (:n, 'Candidat', :e, 'NON_RETENU', :n, :n, :at::timestamptz, :at::timestamptz) returning id""")
			.bind("n", name)
			.bind("e", name.toLowerCase() + "@example.be")
			.bind("at", updated + "T10:00:00Z")
			.map(r -> r.get("id", Long.class))
			.one());
	}
}
