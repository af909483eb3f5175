package be.fwb.ead.ui;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import be.fwb.ead.security.Accounts;
import be.fwb.ead.security.Role;
import be.fwb.ead.sync.SyncLauncher;
import be.fwb.ead.sync.SyncMode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A coordinator's whole lifecycle journey in a real browser: define a title, open a recruitment campaign, enter a
 * candidate, score and retain them, record their title and their initial training, assign them to tutor a module
 * (after a refusal over the workload cap), and evaluate them. Screenshots under {@code target/screenshots}.
 */
class LifecycleJourneyIntegrationTest extends BrowserTest {

	@Autowired
	Accounts accounts;

	@Autowired
	SyncLauncher launcher;

	@BeforeEach
	void catalogueAndAccount() {
		syncedCatalogue();
		await(accounts.create("coord", "mot-de-passe-coord", Role.COORDINATOR, "Claire Coordination", null));
	}

	@Test
	void aCoordinatorRecruitsACandidateThroughToAnAssignmentAndRecordsATrainingAndAnEvaluation() {
		String level = await(db.sql("select p.name from moodle_category c join moodle_category p on p.id = c.parent_id "
				+ "where c.name = 'Mathématiques' and p.name like '%CE1D%'").map(r -> r.get(0, String.class)).one());
		LocalDate today = clock.today();
		browser.signIn("coord", "mot-de-passe-coord");

		// A title covering mathematics at that level.
		browser.find(By.linkText("Titres")).click();
		browser.type(By.id("t-code"), "AESI-MATH").type(By.id("t-name"), "AESI mathématiques")
			.type(By.id("t-level1"), level).type(By.id("t-subject1"), "Mathématiques");
		browser.find(By.cssSelector("#title-form button[type=submit]")).click();
		browser.waitForText(By.id("flash"), "Enregistré.");
		assertThat(browser.text(By.id("titles"))).contains("AESI-MATH").contains(level + " / Mathématiques (requis)");

		// A campaign with its need, and a candidate with their documents.
		browser.find(By.linkText("Recrutement")).click();
		browser.type(By.id("c-name"), "Tuteurs de mathématiques 2026-2027")
			.setValue(By.id("c-opens"), today.minusDays(1).toString())
			.setValue(By.id("c-closes"), today.plusDays(30).toString())
			.type(By.id("n-level-1"), level).type(By.id("n-subject-1"), "Mathématiques").type(By.id("n-hours-1"), "120");
		browser.find(By.cssSelector("#campaign-form button[type=submit]")).click();
		browser.waitForText(By.tagName("h1"), "Tuteurs de mathématiques 2026-2027");
		browser.type(By.id("k-first"), "François").type(By.id("k-last"), "Renard").type(By.id("k-email"), "francois.renard@ead.test")
			.type(By.id("d-file-1"), "cv-renard.pdf");
		new Select(browser.find(By.id("d-kind-2"))).selectByVisibleText("Diplôme");
		browser.type(By.id("d-file-2"), "aesi-renard.pdf");
		browser.find(By.cssSelector("#candidacy-form button[type=submit]")).click();
		browser.waitForText(By.id("flash"), "Candidature enregistrée.");

		// Scored on the grid, each score justified, then retained.
		browser.find(By.linkText("François Renard")).click();
		for (WebElement score : browser.all(By.cssSelector("#score-form select[name^=score-]"))) {
			new Select(score).selectByValue("4");
		}
		for (WebElement why : browser.all(By.cssSelector("#score-form input[name^=why-]"))) {
			why.sendKeys("Dossier solide, entretien convaincant");
		}
		browser.find(By.id("score")).click();
		assertThat(browser.text(By.id("scores"))).contains("coord").contains("Dossier solide");
		// The grid shows the coordinator's own scores again, to change one without typing all again.
		assertThat(browser.all(By.cssSelector("#score-form select[name^=score-]")))
			.allSatisfy(select -> assertThat(new Select(select).getFirstSelectedOption().getAttribute("value")).isEqualTo("4"));
		assertThat(browser.all(By.cssSelector("#score-form input[name^=why-]")))
			.allSatisfy(why -> assertThat(why.getDomProperty("value")).isEqualTo("Dossier solide, entretien convaincant"));
		assertThat(browser.text(By.id("documents"))).contains("cv-renard.pdf").contains("aesi-renard.pdf");
		browser.find(By.id("decide")).click();
		browser.waitForText(By.id("decision"), "Retenu");
		assertAccessible("candidature");
		browser.screenshot("recrutement-candidature-retenue");

		// The vacataire's file: retained, with the decision in the timeline.
		browser.find(By.linkText("Fiche du vacataire")).click();
		browser.waitForText(By.id("status"), "Retenu");
		assertThat(browser.text(By.id("historique"))).contains("Décision : retenu").contains("Statut : candidat → retenu");
		String vacatairePage = browser.driver().getCurrentUrl();

		// The title, in the section htmx loads into the page.
		new Select(browser.find(By.id("g-title"))).selectByVisibleText("AESI-MATH – AESI mathématiques");
		browser.find(By.cssSelector("#grant-form button[type=submit]")).click();
		assertThat(browser.text(By.id("held-titles"))).contains("AESI-MATH");

		// Tutoring is refused until the initial training is completed.
		chooseModuleAndAssign("mathematiques 1re secondaire", "40");
		browser.waitForText(By.id("flash"), "n’a pas terminé la formation requise pour une affectation en tutorat");

		// Two initial sessions, the registration, the attendance.
		for (String[] session : List.of(new String[] { "MOODLE", "Moodle pour les tuteurs" },
				new String[] { "TUTORING", "Tutorat à distance – les bases" })) {
			browser.find(By.linkText("Formations")).click();
			browser.type(By.id("s-title"), session[1]);
			new Select(browser.find(By.id("s-topic"))).selectByValue(session[0]);
			// Under way (started half an hour ago, three hours long): one registers until it ends, completes once it began.
			LocalDateTime startsAt = LocalDateTime.now(clock).minusMinutes(30).truncatedTo(ChronoUnit.MINUTES);
			browser.setValue(By.id("s-at"), startsAt.toString());
			browser.find(By.cssSelector("#session-form button[type=submit]")).click();
			// Wait for the answer before leaving the page: navigating away at once could abort the form's POST.
			browser.waitForText(By.id("flash"), "Enregistré.");
			browser.go(path(vacatairePage));
			new Select(browser.find(By.id("t-session"))).selectByVisibleText(session[1] + " – "
					+ startsAt.toLocalDate().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")) + " (0/20)");
			browser.find(By.cssSelector("#formations form button[type=submit]")).click();
			browser.waitForText(By.id("flash"), "Inscription enregistrée.");
			browser.find(By.linkText(session[1])).click();
			new Select(browser.find(By.id("o-0"))).selectByValue("completed");
			browser.find(By.cssSelector("#registrations button[type=submit]")).click();
			browser.waitForText(By.id("registrations"), "Terminée");
		}
		assertAccessible("session de formation");
		browser.screenshot("formation-presences");

		// The assignment: refused over the cap, then accepted.
		browser.go(path(vacatairePage));
		assertThat(browser.all(By.id("training-missing"))).isEmpty();
		chooseModuleAndAssign("mathematiques 1re secondaire", "400");
		browser.waitForText(By.id("flash"), "Plafond d’heures dépassé");
		// The hours are what to mend: the message stands beside them too, and they are kept.
		WebElement hours = browser.find(By.id("a-hours"));
		assertThat(hours.getDomAttribute("aria-invalid")).isEqualTo("true");
		assertThat(browser.text(By.id(hours.getDomAttribute("aria-describedby").split(" ")[0]))).contains("Plafond d’heures dépassé");
		assertThat(hours.getDomProperty("value")).isEqualTo("400");
		chooseModuleAndAssign("mathematiques 1re secondaire", "40");
		browser.waitForText(By.id("flash"), "Affectation enregistrée.");
		assertThat(browser.text(By.id("assignments"))).contains("Mathématiques").contains("Tutorat").contains("titre requis");
		// The page opens on the assignments, and the confirmation is there in sight, not at the top of the page.
		browser.waitFor(d -> Boolean.TRUE.equals(browser.script("var r = document.getElementById('flash').getBoundingClientRect();"
				+ " return r.top >= 0 && r.bottom <= window.innerHeight;")));

		// A module chosen from the list while the search typed just before has not answered yet stays chosen: the late
		// answer does not replace it (typed and chosen in one script, well within the search's 300 ms delay).
		String chosen = (String) browser.script("""
				const search = document.getElementById('a-module-q'), list = document.getElementById('a-module');
				search.value = 'physique';
				search.dispatchEvent(new Event('input', { bubbles: true }));
				const other = [...list.options].findIndex(o => !o.text.toLowerCase().includes('physique'));
				list.selectedIndex = other;
				list.dispatchEvent(new Event('change', { bubbles: true }));
				return list.value;""");
		browser.waitFor(d -> Boolean.TRUE.equals(browser.script(
				"return !!window.htmx && document.querySelectorAll('.htmx-request').length === 0 && performance.getEntriesByType('resource')"
						+ ".some(e => e.name.includes('/affectations/choix-module?moduleQ=physique'));")));
		browser.waitFor(d -> browser.script("return document.querySelectorAll('.htmx-request').length === 0;"));
		assertThat(browser.find(By.id("a-module")).getDomProperty("value")).as("le module choisi reste choisi").isEqualTo(chosen);

		// The evaluation on the grid.
		browser.find(By.cssSelector("#evaluation-new summary")).click();
		for (WebElement three : browser.all(By.cssSelector("#evaluation-form input[type=radio][value='3']"))) {
			three.click();
		}
		browser.type(By.id("e-comment"), "Très bon premier trimestre.");
		browser.find(By.id("evaluate")).click();
		browser.waitForText(By.id("flash"), "Évaluation enregistrée.");
		// The section loads after the page (htmx): wait for it.
		browser.waitForText(By.id("evaluations"), "moyenne pondérée 3,0 / 4");
		assertThat(browser.text(By.id("historique"))).contains("Affecté en tutorat").contains("Évaluation du");
		assertAccessible("fiche du vacataire");
		browser.screenshot("fiche-vacataire-affecte-forme-evalue");
	}

	private void chooseModuleAndAssign(String search, String hours) {
		browser.type(By.id("a-module-q"), search);
		browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("a-module"), "Mathématiques"));
		// The live search done (no request in flight) and its options in; chosen again if a late answer replaced them.
		browser.waitFor(d -> d.findElements(By.cssSelector(".htmx-request")).isEmpty()
				&& new Select(d.findElement(By.id("a-module"))).getOptions().stream().allMatch(o -> o.getText().contains("Mathématiques")));
		browser.waitFor(d -> {
			new Select(d.findElement(By.id("a-module"))).selectByIndex(0);
			return true;
		});
		browser.setValue(By.id("a-start"), clock.today().minusDays(1).toString())
			.setValue(By.id("a-end"), clock.today().plusMonths(6).toString())
			.type(By.id("a-hours"), hours);
		browser.find(By.id("assign")).click();
	}

	private static String path(String url) {
		return url.replaceFirst("^https?://[^/]+", "").replaceFirst("#.*$", "");
	}

}
