package be.fwb.ead.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import be.fwb.ead.demo.DemoData;
import be.fwb.ead.security.Accounts;
import be.fwb.ead.security.Role;
import be.fwb.ead.sync.SyncLauncher;
import be.fwb.ead.sync.SyncMode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first deployment in a real browser, from the first-day demo data (the site synced, ~1,186 Moodle roles, titles
 * of the decree defined but none granted, last year's initial training sessions, nothing assigned): a coordinator
 * records titles by import, last year's training by session, and adopts the Moodle roles as assignments, in at most
 * ten actions (a click that submits, or a file chosen); the Rapprochement is left with the few roles a rule refuses.
 */
class FirstDeploymentJourneyIntegrationTest extends BrowserTest {

	@Autowired
	Accounts accounts;

	@Autowired
	SyncLauncher launcher;

	@Autowired
	ApplicationContext context;

	private final AtomicInteger actions = new AtomicInteger();

	@BeforeEach
	void firstDay() {
		syncedCatalogue();
		await(DemoData.firstDay(context));
		await(accounts.create("coord", "mot-de-passe-coord", Role.COORDINATOR, "Claire Coordination", null));
	}

	@Test
	void aCoordinatorBringsTheReconciliationFromEveryMoodleRoleToTheFewARuleRefusesInAtMostTenActions() throws Exception {
		long roles = count("select count(*) from module_role r join module m on m.id = r.module_id where m.archived_at is null");
		assertThat(roles).as("rôles Moodle du site réaliste").isBetween(1_100L, 1_300L);
		Path titles = Files.createTempFile("titres-", ".csv");
		Files.writeString(titles, await(DemoData.titlesFile(db)));
		browser.signIn("coord", "mot-de-passe-coord");

		browser.go("/affectations/rapprochement");
		assertThat(browser.text(By.cssSelector(".count")).replaceAll("\\D", "")).endsWith(String.valueOf(roles));
		assertThat(count("select count(*) from assignment")).isZero();

		// Titles in bulk: the import page, the file.
		browser.go("/vacataires/import");
		act(() -> browser.find(By.id("i-file")).sendKeys(titles.toString()));
		act(() -> browser.find(By.cssSelector("#import-form button[type=submit]")).click());
		browser.waitForText(By.id("import-report"), "titres ajoutés");
		// The page says who still lacks a title covering their modules (not found by the file), each a link to their file.
		int lacking = browser.all(By.cssSelector("#lacking-title li a")).size();
		assertThat(lacking).as("vacataires sans titre couvrant").isPositive().isLessThan(10);

		// Last year's initial training, recorded as history on each past session's page.
		for (String session : new String[] { "Moodle pour les vacataires EAD (session de l'an dernier)",
				"Tutorer à distance (session de l'an dernier)",
				"Concevoir un module en ligne : balises et calibrage (session de l'an dernier)" }) {
			browser.go("/formations");
			browser.find(By.linkText(session)).click();
			browser.waitForText(By.tagName("h1"), session);
			act(() -> browser.find(By.id("record-past-all")).click());
			act(() -> browser.find(By.id("record-past-submit")).click());
			browser.waitForText(By.id("flash"), "Enregistré.");
		}

		// The adoption of every Moodle role without assignment: preview, then confirm.
		browser.go("/affectations/rapprochement");
		act(() -> browser.find(By.id("adopt")).click());
		browser.waitForText(By.id("adoption-summary"), "affectations seront créées");
		assertAccessible("aperçu de l'adoption");
		browser.screenshot("premier-jour-apercu-adoption");
		act(() -> browser.find(By.id("confirm")).click());
		browser.waitForText(By.id("adoption-summary"), "affectations créées");
		assertThat(browser.text(By.id("refused"))).contains("Aucun titre de");
		browser.screenshot("premier-jour-adoption-faite");

		long assignments = count("select count(*) from assignment");
		long left = count("select count(*) from module_role r join module m on m.id = r.module_id where m.archived_at is null "
				+ "and not exists (select 1 from assignment a where a.vacataire_id = r.vacataire_id and a.module_id = r.module_id "
				+ "and a.role = r.role)");
		assertThat(assignments + left).isEqualTo(roles);
		assertThat(left).as("les quelques rôles qu’une règle refuse").isPositive().isLessThan(roles / 20);
		assertThat(count("select count(*) from change_log where entity = 'assignment' and action = 'created'"))
			.as("une entrée du journal par affectation").isEqualTo(assignments);
		assertThat(count("select count(*) from assignment where role = 'TUTOR'")).isPositive();
		// Adopted without hours: the list says so (not « 0 »).
		browser.go("/affectations");
		assertThat(browser.text(By.cssSelector("#assignment-list tbody tr td.num"))).isEqualTo("non précisées");

		browser.go("/affectations/rapprochement");
		assertThat(browser.text(By.cssSelector(".count"))).contains("sur " + left);
		assertThat(actions.get()).as("actions de la coordinatrice").isLessThanOrEqualTo(10);
		browser.screenshot("premier-jour-rapprochement-reste");
	}

	private void act(Runnable action) {
		actions.incrementAndGet();
		action.run();
	}
}
