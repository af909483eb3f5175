package be.fwb.ead.ui;

import java.time.LocalDate;

import be.fwb.ead.assignments.Assignment;
import be.fwb.ead.assignments.Assignments;
import be.fwb.ead.assignments.NewAssignment;
import be.fwb.ead.security.Accounts;
import be.fwb.ead.security.Role;
import be.fwb.ead.vacataires.VacataireFile;
import be.fwb.ead.vacataires.VacataireStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a newcomer coordinator met on the demo (2026-12-02), in the browser: ending an assignment from the
 * reconciliation, a refused assignment form, the list of assignments searched and filtered, a training sign-up.
 */
class NewcomerJourneyIntegrationTest extends BrowserTest {

	@Autowired Accounts accounts;
	@Autowired VacataireFile files;
	@Autowired Assignments assignments;
	@Autowired be.fwb.ead.training.Training training;

	@BeforeEach
	void catalogueAndAccount() {
		syncedCatalogue();
		await(accounts.create("coord", "mot-de-passe-coord", Role.COORDINATOR, "Claire Coordination", null));
		// The journeys assign conception by hand to people without trainings: conception requires none here (tutoring does).
		await(training.require(java.util.List.of(new be.fwb.ead.training.Training.Requirement("TUTOR", "INITIAL", "MOODLE"),
				new be.fwb.ead.training.Training.Requirement("TUTOR", "INITIAL", "TUTORING")), "coord"));
	}

	private long handEntered(String first, String last) {
		return await(files.create(new VacataireFile.Identity(first, last, null, null, null, null), VacataireStatus.ACTIF, "coord"));
	}

	private Assignment authoring(long vacataire, long module, LocalDate from, LocalDate to) {
		return await(assignments.create(new NewAssignment(vacataire, module, "AUTHOR", from, to, 10, "Remplacement"), "coord"));
	}

	/** A module's page says who the EAD assigned to it (what Moodle says of its people is beside), current ones first. */
	@Test
	void aModulesPageShowsItsAssignmentsCurrentOnesFirst() {
		LocalDate today = LocalDate.now(clock);
		long module = count("select min(id) from module");
		authoring(handEntered("Ulysse", "Passé"), module, today.minusYears(1), today.minusMonths(2));
		authoring(handEntered("Célestine", "Présente"), module, today.minusDays(10), today.plusMonths(3));
		browser.signIn("coord", "mot-de-passe-coord");
		browser.go("/modules/" + module);
		browser.waitForText(By.id("module-assignments"), "Célestine Présente");
		String rows = browser.text(By.cssSelector("#module-assignments tbody"));
		assertThat(rows).contains("Conception").contains("(en cours)").contains("(terminée)");
		assertThat(rows.indexOf("Célestine Présente")).as("en cours avant terminée").isLessThan(rows.indexOf("Ulysse Passé"));
		browser.find(By.linkText("Célestine Présente")).click();
		browser.waitForText(By.tagName("h1"), "Célestine Présente");
		browser.go("/modules/" + count("select max(id) from module"));
		browser.waitForText(By.id("module-no-assignment"), "Aucune affectation pour ce module.");
		assertAccessible("module et ses affectations");
	}

	@Test
	void anAssignmentEndedTodayFromTheReconciliationLeavesTheListAndTheMessageSaysItEnded() {
		LocalDate today = LocalDate.now(clock);
		long v = handEntered("Zéphyrin", "Vandermeulen");
		authoring(v, count("select min(id) from module"), today.minusDays(10), today.plusMonths(3));
		browser.signIn("coord", "mot-de-passe-coord");
		browser.go("/affectations/rapprochement?ecart=ASSIGNED_WITHOUT_MOODLE_ROLE");
		assertThat(browser.text(By.id("reconciliation"))).contains("Zéphyrin Vandermeulen");

		browser.find(By.xpath("//tr[contains(., 'Zéphyrin Vandermeulen')]//button[@type='submit']")).click();
		browser.waitForText(By.id("flash"), "Affectation terminée.");
		assertThat(browser.all(By.xpath("//tr[contains(., 'Zéphyrin Vandermeulen')]"))).as("la ligne quitte le rapprochement").isEmpty();
		assertThat(count("select count(*) from assignment where vacataire_id = " + v + " and ends_on = '" + today + "'")).isEqualTo(1);
	}

	@Test
	void aRefusedAssignmentKeepsTheChosenModuleAndThePageOpensOnTheRefusal() {
		long v = handEntered("Hélène", "Lambert");
		// A module far down the alphabet: not among the choices the form shows before any search.
		String[] module = await(db.sql("select id, shortname from current_module order by sort_key offset 300 limit 1")
			.map(r -> new String[] { String.valueOf(r.get("id", Long.class)), r.get("shortname", String.class) }).one());
		browser.signIn("coord", "mot-de-passe-coord");
		browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1366, 600));
		try {
			browser.go("/vacataires/" + v);
			// The hours and the reason typed first, then the module searched with « Rechercher »: what was typed stays
			// (the search reloaded the page and lost it: the walkthrough).
			browser.type(By.id("a-hours"), "10").type(By.id("a-derogation"), "Pénurie de titulaires");
			browser.type(By.id("a-module-q"), module[1]);
			browser.find(By.cssSelector("#module-search button[type=submit]")).click();
			// The options are replaced as the search answers: read them in one go.
			browser.waitFor(d -> Boolean.TRUE.equals(browser.script("return [...document.getElementById('a-module').options]"
					+ ".some(o => o.value === arguments[0]);", module[0])));
			assertThat(browser.find(By.id("a-hours")).getDomProperty("value")).as("les heures après la recherche").isEqualTo("10");
			assertThat(browser.find(By.id("a-derogation")).getDomProperty("value")).isEqualTo("Pénurie de titulaires");
			browser.script("const s = document.getElementById('a-module'); s.value = arguments[0];"
					+ " s.dispatchEvent(new Event('change', {bubbles: true}));", module[0]);
			browser.find(By.id("assign")).click();

			// Tutoring without the initial training: refused.
			browser.waitForText(By.id("flash"), "formation");
			browser.waitFor(d -> module[0].equals(browser.script("const s = document.getElementById('a-module'); return s && s.value;")));
			assertThat(browser.find(By.id("a-module-q")).getDomProperty("value")).as("la recherche du module").isNotBlank();
			assertThat(browser.find(By.id("a-hours")).getDomProperty("value")).isEqualTo("10");
			assertThat(browser.script("const r = document.querySelector('#flash .error-summary-text').getBoundingClientRect();"
					+ " return r.top >= 0 && r.bottom <= window.innerHeight;")).as("le refus est visible là où la page s'ouvre").isEqualTo(true);
		}
		finally {
			browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1366, 1000));
		}
	}

	@Test
	void theTrainingSignUpOffersOnlySessionsThePersonIsNotRegisteredIn() {
		long v = handEntered("Noémie", "Collard");
		java.time.Instant next = clock.instant().plus(java.time.Duration.ofDays(10));
		long held = await(training.plan(new be.fwb.ead.training.Training.NewSession("INITIAL", "MOODLE", "Moodle pour les tuteurs",
				next, 180, "VIRTUAL", null, 20), "coord"));
		await(training.plan(new be.fwb.ead.training.Training.NewSession("INITIAL", "TUTORING", "Tutorat à distance",
				next, 180, "VIRTUAL", null, 20), "coord"));
		await(training.register(held, v, "coord"));
		browser.signIn("coord", "mot-de-passe-coord");
		browser.go("/vacataires/" + v);
		assertThat(browser.text(By.id("vacataire-trainings"))).contains("Moodle pour les tuteurs");
		assertThat(new Select(browser.find(By.id("t-session"))).getOptions()).extracting(org.openqa.selenium.WebElement::getText)
			.singleElement().asString().startsWith("Tutorat à distance");
	}

	@Test
	void theAssignmentListIsSearchedWithoutAccentsFilteredPagedAndExportedWithItsFilters() {
		LocalDate today = LocalDate.now(clock);
		long v = handEntered("Anaïs", "Vérhaegen");
		long w = handEntered("Jules", "Martin");
		java.util.List<Long> modules = await(db.sql("select id from current_module order by sort_key limit 3")
			.map(r -> r.get(0, Long.class)).all().collectList());
		authoring(v, modules.get(0), today.minusDays(10), today.plusDays(90));
		Assignment planned = authoring(v, modules.get(1), today.plusDays(30), today.plusDays(120));
		authoring(v, modules.get(2), today.minusDays(100), today.minusDays(20));
		authoring(w, modules.get(0), today.minusDays(10), today.plusDays(90));
		browser.signIn("coord", "mot-de-passe-coord");
		browser.go("/affectations");
		assertThat(browser.text(By.id("assignment-list"))).contains("Anaïs Vérhaegen").contains("Jules Martin");

		// The search, without accents, as one types; current assignments by default.
		browser.type(By.id("q"), "verhaegen");
		browser.waitFor(d -> d.getCurrentUrl().contains("q=verhaegen"));
		browser.waitFor(d -> !d.findElement(By.id("assignment-list")).getText().contains("Jules Martin"));
		assertThat(browser.all(By.cssSelector("#assignment-list tbody tr"))).hasSize(1);
		new Select(browser.find(By.id("state"))).selectByValue("all");
		browser.waitFor(d -> d.getCurrentUrl().contains("state=all"));
		browser.waitFor(d -> d.findElements(By.cssSelector("#assignment-list tbody tr")).size() == 3);
		new Select(browser.find(By.id("state"))).selectByValue("planned");
		browser.waitFor(d -> d.findElements(By.cssSelector("#assignment-list tbody tr")).size() == 1);
		assertThat(browser.text(By.id("assignment-list"))).contains(planned.moduleName());
		String csv = browser.find(By.id("export-csv")).getDomAttribute("href");
		assertThat(csv).contains("q=verhaegen").contains("state=planned");

		// The module's name, without accents, finds its assignments; a role with none says so.
		browser.go("/affectations?q=" + java.net.URLEncoder.encode(be.fwb.ead.shared.SearchText.key(planned.moduleName()), java.nio.charset.StandardCharsets.UTF_8) + "&state=all");
		assertThat(browser.text(By.id("assignment-list"))).contains("Anaïs Vérhaegen");
		browser.go("/affectations?q=verhaegen&role=TUTOR&state=all");
		assertThat(browser.text(By.cssSelector(".count"))).contains("Aucun résultat");

		// Paged, and the export holds every line the filter keeps, not just the page.
		browser.go("/affectations?state=all&size=2");
		assertThat(browser.text(By.cssSelector("nav.pager"))).contains("Page 1 sur 2");
		WebSession coord = signIn("coord", "mot-de-passe-coord");
		String export = web.get().uri("/affectations/export.csv?q=verhaegen&state=all").cookie("SESSION", coord.cookie()).exchange()
			.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
		assertThat(export.lines().filter(l -> !l.isBlank()).count()).as("l'en-tête et trois affectations").isEqualTo(4);
	}
}
