package be.fwb.ead.audit;

import java.time.Instant;

import be.fwb.ead.IntegrationTest;
import be.fwb.ead.security.Accounts;
import be.fwb.ead.security.Role;
import be.fwb.ead.sync.SyncLauncher;
import be.fwb.ead.sync.SyncMode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit trail: every change by the sync recorded with before and after, the log append-only, the reads of
 * evaluations logged, and all of it searchable and exportable by coordinators only.
 */
class AuditIntegrationTest extends IntegrationTest {

	@Autowired SyncLauncher launcher;
	@Autowired ChangeLog changes;
	@Autowired Accounts accounts;

	private String coordinator;

	@BeforeEach
	void catalogueAndAccounts() {
		syncedCatalogue();
		await(accounts.create("coord", "mot-de-passe-coord", Role.COORDINATOR, "Coordination", null));
		await(accounts.create("relect", "mot-de-passe-relect", Role.REVIEWER, "Relecteur", null));
		coordinator = apiToken("coord", "mot-de-passe-coord");
	}

	@Test
	void theSyncsChangesAreRecordedWithBeforeAndAfter() {
		long modules = count("select count(*) from module");
		assertThat(count("select count(*) from change_log where author = 'synchronisation Moodle' and entity = 'moodle_course'"))
			.isEqualTo(modules);
		assertThat(count("select count(*) from change_log where author = 'synchronisation Moodle' and entity = 'module_role'"))
			.isEqualTo(count("select count(*) from module_role"));
		long course = count("select min(moodle_course_id) from module");
		long module = count("select id from module where moodle_course_id = " + course);
		String before = await(db.sql("select fullname from module where id = " + module).map(r -> r.get(0, String.class)).one());
		MOODLE.dataset().renameCourse(course, "Module renommé dans Moodle", Instant.now().getEpochSecond() + 60);
		await(launcher.execute(SyncMode.INCREMENTAL, "test"));

		web.get().uri("/api/audit/changes?entity=module&q=renommé").headers(h -> h.setBearerAuth(coordinator)).exchange()
			.expectStatus().isOk().expectBody()
			.jsonPath("$.total").isEqualTo(1)
			.jsonPath("$.items[0].author").isEqualTo("synchronisation Moodle")
			.jsonPath("$.items[0].entityId").isEqualTo((int) module)
			.jsonPath("$.items[0].action").isEqualTo("updated")
			.jsonPath("$.items[0].before").value(b -> assertThat((String) b).contains(before))
			.jsonPath("$.items[0].after").value(a -> assertThat((String) a).contains("Module renommé dans Moodle"));
		// A role link shows in the vacataire's timeline.
		long vacataire = count("select min(vacataire_id) from module_role");
		assertThat(count("select count(*) from change_log where entity = 'module_role' and vacataire_id = " + vacataire)).isPositive();
	}

	@Test
	void theLogIsAppendOnly() {
		await(changes.record("coord", Change.of("vacataire", 1, null, "updated", "Essai")));
		long lines = count("select count(*) from change_log");
		StepVerifier.create(db.sql("update change_log set summary = 'effacé'").then()).expectErrorMatches(e ->
				String.valueOf(e.getMessage()).contains("ajout seul")).verify();
		StepVerifier.create(db.sql("delete from change_log").then()).expectErrorMatches(e ->
				String.valueOf(e.getMessage()).contains("ajout seul")).verify();
		assertThat(count("select count(*) from change_log")).isEqualTo(lines);
		assertThat(count("select count(*) from change_log where summary = 'Essai'")).isOne();
	}

	@Test
	void readsOfEvaluationsAreLoggedAndTheTrailIsForCoordinatorsOnly() {
		long vacataire = count("select min(id) from vacataire");
		String name = await(db.sql("select name from vacataire_name where id = " + vacataire).map(r -> r.get(0, String.class)).one());
		// An evaluation to read: a read of none is not logged.
		await(db.sql("""
				insert into evaluation (vacataire_id, evaluator, evaluated_on, created_at)
				values (:v, 'coord', :on, :at)""").bind("v", vacataire).bind("on", clock.today().minusMonths(2))
			.bind("at", clock.instant()).then());
		web.get().uri("/api/vacataires/" + vacataire + "/evaluations").headers(h -> h.setBearerAuth(coordinator)).exchange()
			.expectStatus().isOk();
		await(accounts.create("vac", "mot-de-passe-vac", Role.VACATAIRE, "Vé", vacataire));
		String me = apiToken("vac", "mot-de-passe-vac");
		web.get().uri("/api/me/evaluations").headers(h -> h.setBearerAuth(me)).exchange().expectStatus().isOk();

		web.get().uri("/api/audit/reads?vacataireId=" + vacataire).headers(h -> h.setBearerAuth(coordinator)).exchange()
			.expectStatus().isOk().expectBody()
			.jsonPath("$.total").isEqualTo(2)
			.jsonPath("$.items[0].reader").isEqualTo("vacataire:" + vacataire)
			.jsonPath("$.items[1].reader").isEqualTo("coord")
			.jsonPath("$.items[1].what").isEqualTo("évaluations")
			.jsonPath("$.items[1].via").isEqualTo("API GET /api/vacataires/" + vacataire + "/evaluations")
			.jsonPath("$.items[1].vacataireName").isEqualTo(name);
		// On the journal's page, in words: whose file by name, the person themself, how.
		String journal = web.get().uri("/journal").cookie("SESSION", signIn("coord", "mot-de-passe-coord").cookie())
			.accept(org.springframework.http.MediaType.TEXT_HTML).exchange().expectStatus().isOk().expectBody(String.class)
			.returnResult().getResponseBody();
		String reads = journal.substring(journal.indexOf("id=\"reads\""));
		assertThat(reads).contains(">" + org.springframework.web.util.HtmlUtils.htmlEscape(name, "UTF-8") + "</a>",
				"la personne elle-même", "son espace (API)", "l’API, son dossier")
			.doesNotContain("API GET", "vacataire:");
		String reviewer = apiToken("relect", "mot-de-passe-relect");
		web.get().uri("/api/audit/changes").headers(h -> h.setBearerAuth(reviewer)).exchange().expectStatus().isForbidden();
		// Hostile search words are words, not patterns.
		web.get().uri("/api/audit/changes?q={q}", "%_' or 1=1 --").headers(h -> h.setBearerAuth(coordinator)).exchange()
			.expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(0);
		web.get().uri("/api/audit/changes?from=hier").headers(h -> h.setBearerAuth(coordinator)).exchange()
			.expectStatus().isBadRequest();
	}
}
