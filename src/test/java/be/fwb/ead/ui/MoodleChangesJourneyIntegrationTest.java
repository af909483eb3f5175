package be.fwb.ead.ui;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import be.fwb.ead.moodlesim.MoodleDataset;
import be.fwb.ead.reviews.Reviews;
import be.fwb.ead.reviews.Rubrics;
import be.fwb.ead.security.Accounts;
import be.fwb.ead.security.Role;
import be.fwb.ead.sync.SyncLauncher;
import be.fwb.ead.sync.SyncMode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Moodle changes, as people see it: an activity rewritten after its module's approval makes the module « à
 * revoir » for the reviewer, naming the activity; a module that left Moodle is history on its vacataires' pages; a
 * hidden category shows as such in the catalogue.
 */
class MoodleChangesJourneyIntegrationTest extends BrowserTest {

	@Autowired Accounts accounts;
	@Autowired SyncLauncher launcher;
	@Autowired Reviews reviews;
	@Autowired Rubrics rubrics;

	private long module;
	private long course;

	@BeforeEach
	void catalogueAndAccounts() {
		syncedCatalogue();
		module = count("select min(module_id) from module_role where role = 'AUTHOR'");
		course = count("select moodle_course_id from module where id = " + module);
		await(accounts.create("coord", "mot-de-passe-coord", Role.COORDINATOR, "Claire Coordination", null));
		await(accounts.create("relect", "mot-de-passe-relect", Role.REVIEWER, "Rémi Relecture", null));
	}

	@Test
	void anActivityRewrittenAfterTheApprovalShowsItsModuleÀRevoirNamingTheActivity() {
		Reviews.Actor reviewer = new Reviews.Actor("relect", false);
		long id = await(reviews.plan(module, "relect", null, null, "coord"));
		await(reviews.start(id, reviewer));
		List<Reviews.FindingInput> findings = new ArrayList<>();
		for (Rubrics.Criterion c : await(rubrics.latest(Rubrics.DEFAULT)).criteria()) {
			findings.add(c.kind() == Rubrics.Kind.SCALE ? new Reviews.FindingInput(c.id(), 4, null, null)
					: new Reviews.FindingInput(c.id(), null, true, null));
		}
		await(reviews.record(id, findings, reviewer));
		await(reviews.approve(id, reviewer));
		awaitReactions();
		MoodleDataset.Activity lesson = MOODLE.dataset().activities(course).stream().filter(a -> a.name().startsWith("Leçon 2"))
			.findFirst().orElseThrow();
		MOODLE.dataset().editActivity(course, lesson.cmid(), "Leçon 2 – nouvelle version", Instant.now().getEpochSecond());

		// The coordinator syncs from the dashboard, as every morning.
		browser.signIn("coord", "mot-de-passe-coord");
		new Select(browser.find(By.id("sync-mode"))).selectByValue("FULL");
		browser.find(By.id("start-sync")).click();
		browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("run-2"), "Réussie"));
		browser.signOut();

		browser.signIn("relect", "mot-de-passe-relect");
		browser.find(By.linkText("Revues qualité")).click();
		assertThat(browser.text(By.id("to-revisit"))).contains("Leçon 2 – nouvelle version").contains("modifiée")
			.contains("anciennement « " + lesson.name() + " »");
		assertAccessible("revues, à revoir");
		browser.screenshot("a-revoir-activite-nommee");
		browser.find(By.cssSelector("#to-revisit a")).click();
		browser.waitForText(By.id("to-revisit-flag"), "Leçon 2 – nouvelle version");
		assertThat(browser.text(By.id("to-revisit-flag"))).contains("À revoir").contains("page");
		assertAccessible("module à revoir");
	}

	@Test
	void aModuleThatLeftTheEadIsHistoryAndAHiddenCategoryShowsAsSuch() {
		long vacataire = count("select min(vacataire_id) from module_role where role = 'AUTHOR' and module_id = " + module);
		MOODLE.dataset().moveCourse(course, 90);
		await(launcher.execute(SyncMode.FULL, "test"));

		browser.signIn("coord", "mot-de-passe-coord");
		browser.go("/vacataires/" + vacataire);
		assertThat(browser.text(By.id("vacataire-former-modules"))).contains("Archivé").contains("Conception");
		assertThat(browser.all(By.cssSelector("#vacataire-modules a[href$='/modules/" + module + "']"))).isEmpty();
		assertAccessible("vacataire, historique");
		browser.find(By.cssSelector("#vacataire-former-modules a")).click();
		assertThat(browser.text(By.id("h-people"))).contains("historique");

		MoodleDataset.Category hidden = MOODLE.dataset().categories().stream().filter(c -> !c.visible()).findFirst().orElseThrow();
		browser.go("/modules?subject=" + hidden.id());
		assertThat(new Select(browser.find(By.id("subject"))).getFirstSelectedOption().getText()).endsWith("(masquée)");
		assertThat(browser.all(By.cssSelector("#resultats tbody tr"))).isNotEmpty()
			.allSatisfy(row -> assertThat(row.getText()).contains("Catégorie masquée"));
		assertAccessible("modules d'une catégorie masquée");
		browser.find(By.cssSelector("#resultats tbody td:first-child a")).click();
		assertThat(browser.text(By.id("category-hidden"))).isEqualTo("Catégorie masquée");
	}
}
