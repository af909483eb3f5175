package be.fwb.ead.ui;

import java.time.LocalDate;

import be.fwb.ead.assignments.Assignment;
import be.fwb.ead.assignments.Assignments;
import be.fwb.ead.assignments.NewAssignment;
import be.fwb.ead.security.Accounts;
import be.fwb.ead.security.Role;
import be.fwb.ead.sync.SyncLauncher;
import be.fwb.ead.sync.SyncMode;
import be.fwb.ead.vacataires.VacataireFile;
import be.fwb.ead.vacataires.VacataireStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a newcomer coordinator met on the demo (2026-12-02), in the browser: ending an assignment from the
 * reconciliation, a refused assignment form, the list of assignments searched and filtered, a training sign-up.
 */
class NewcomerJourneyIntegrationTest extends BrowserTest {

	@Autowired Accounts accounts;
	@Autowired SyncLauncher launcher;
	@Autowired VacataireFile files;
	@Autowired Assignments assignments;

	@BeforeEach
	void catalogueAndAccount() {
		await(launcher.execute(SyncMode.FULL, "test"));
		await(accounts.create("coord", "mot-de-passe-coord", Role.COORDINATOR, "Claire Coordination", null));
	}

	private long handEntered(String first, String last) {
		return await(files.create(new VacataireFile.Identity(first, last, null, null, null, null), VacataireStatus.ACTIF, "coord"));
	}

	private Assignment authoring(long vacataire, long module, LocalDate from, LocalDate to) {
		return await(assignments.create(new NewAssignment(vacataire, module, "AUTHOR", from, to, 10, "Remplacement"), "coord"));
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
			browser.type(By.id("a-module-q"), module[1]);
			// The options are replaced as the search answers: read them in one go.
			browser.waitFor(d -> Boolean.TRUE.equals(browser.script("return [...document.getElementById('a-module').options]"
					+ ".some(o => o.value === arguments[0]);", module[0])));
			browser.script("const s = document.getElementById('a-module'); s.value = arguments[0];"
					+ " s.dispatchEvent(new Event('change', {bubbles: true}));", module[0]);
			browser.type(By.id("a-hours"), "10").type(By.id("a-derogation"), "Pénurie de titulaires");
			browser.find(By.id("assign")).click();

			// Tutoring without the initial training: refused.
			browser.waitForText(By.id("flash"), "formation");
			browser.waitFor(d -> module[0].equals(browser.script("const s = document.getElementById('a-module'); return s && s.value;")));
			assertThat(browser.find(By.id("a-module-q")).getDomProperty("value")).as("la recherche du module").isNotBlank();
			assertThat(browser.find(By.id("a-hours")).getDomProperty("value")).isEqualTo("10");
			assertThat(browser.script("const r = document.getElementById('flash').getBoundingClientRect();"
					+ " return r.top >= 0 && r.bottom <= window.innerHeight;")).as("le refus est visible là où la page s'ouvre").isEqualTo(true);
		}
		finally {
			browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1366, 1000));
		}
	}

}
