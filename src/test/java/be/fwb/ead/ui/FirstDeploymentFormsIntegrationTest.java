package be.fwb.ead.ui;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import be.fwb.ead.demo.DemoData;
import be.fwb.ead.security.Accounts;
import be.fwb.ead.security.Role;
import be.fwb.ead.sync.SyncLauncher;
import be.fwb.ead.sync.SyncMode;
import be.fwb.ead.training.Training;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first deployment's new forms in the browser, each once valid and once refused: the Rapprochement's filter and
 * bulk forms (a selection adopted, a bulk acceptance without and with a reason), the adoption's preview (dates the
 * wrong way round), « Créer l'affectation » prefilled from a line, a session's bulk registration (a session to come;
 * refused for a past one), its bulk attendance (refused before it begins), and the history of a past session.
 */
class FirstDeploymentFormsIntegrationTest extends BrowserTest {

	@Autowired
	Accounts accounts;

	@Autowired
	SyncLauncher launcher;

	@Autowired
	ApplicationContext context;

	@Autowired
	Training training;

	@BeforeEach
	void firstDay() {
		syncedCatalogue();
		await(DemoData.firstDay(context));
		await(accounts.create("coord", "mot-de-passe-coord", Role.COORDINATOR, "Claire Coordination", null));
	}

	@Test
	void theReconciliationsFormsFilterAdoptASelectionAndAcceptInBulkOrSayWhyNot() {
		browser.signIn("coord", "mot-de-passe-coord");
		browser.go("/affectations/rapprochement");
		String all = browser.text(By.cssSelector(".count"));

		// The filter: conception roles only; the view by vacataire.
		new Select(browser.find(By.id("f-role"))).selectByValue("AUTHOR");
		browser.find(By.id("filter")).click();
		browser.waitFor(d -> d.getCurrentUrl().contains("role=AUTHOR"));
		assertThat(browser.text(By.id("reconciliation"))).contains("Conception").doesNotContain("Tutorat");
		assertThat(browser.text(By.cssSelector(".count"))).isNotEqualTo(all);
		browser.find(By.id("by-vacataire")).click();
		browser.waitFor(d -> d.getCurrentUrl().contains("vue=vacataires"));
		assertThat(browser.all(By.cssSelector("#reconciliation-groups tbody tr"))).isNotEmpty();
		assertAccessible("rapprochement par vacataire");
		browser.go("/affectations/rapprochement?vacataire=abc");
		assertThat(browser.driver().getPageSource()).doesNotContain("\"status\":");

		// « Créer l'affectation » from a conception line: its module, conception, the school year's dates.
		browser.go("/affectations/rapprochement?role=AUTHOR");
		String module = browser.find(By.cssSelector("#reconciliation tbody tr td:nth-child(4)")).getText();
		browser.find(By.id("assign-0")).click();
		browser.waitFor(d -> d.getCurrentUrl().contains("/affectations?"));
		assertThat(new Select(browser.find(By.id("a-module"))).getFirstSelectedOption().getText()).startsWith(module);
		assertThat(new Select(browser.find(By.id("a-role"))).getFirstSelectedOption().getAttribute("value")).isEqualTo("AUTHOR");
		// From today, the school year having begun (not from its 1 September, months back).
		assertThat(browser.find(By.id("a-start")).getAttribute("value")).isEqualTo(clock.today().toString());
		assertThat(browser.find(By.id("a-end")).getAttribute("value")).endsWith("-08-31");

		// « Only the lines ticked » with none ticked: said beside the choice, nothing else happens.
		browser.go("/affectations/rapprochement");
		browser.find(By.id("scope-selection")).click();
		browser.find(By.id("adopt")).click();
		browser.waitForText(By.id("flash"), "Aucune ligne cochée");
		assertThat(browser.find(By.id("scope-filter")).getDomAttribute("aria-invalid")).isEqualTo("true");
		assertThat(count("select count(*) from assignment")).isZero();

		// Accept in bulk: refused without a reason, then two ticked lines accepted for one reason.
		browser.go("/affectations/rapprochement");
		browser.find(By.id("k-0")).click();
		browser.find(By.id("k-1")).click();
		browser.find(By.id("scope-selection")).click();
		browser.find(By.id("accept-bulk")).click();
		browser.waitForText(By.id("flash"), "Indiquez pourquoi");
		// The refused form comes back as it was: the two lines still ticked, « les lignes cochées » still chosen.
		browser.waitFor(d -> browser.find(By.id("k-0")).isSelected());
		assertThat(browser.find(By.id("k-1")).isSelected()).isTrue();
		assertThat(browser.find(By.id("scope-selection")).isSelected()).isTrue();
		browser.type(By.id("bulk-reason"), "Comptes de la coordination");
		browser.find(By.id("accept-bulk")).click();
		browser.waitForText(By.id("flash"), "Rôles Moodle acceptés.");
		assertThat(count("select count(*) from reconciliation_ack where reason = 'Comptes de la coordination'")).isEqualTo(2);
		assertThat(count("select count(*) from change_log where entity = 'reconciliation' and reason = 'Comptes de la coordination'"))
			.isEqualTo(2);

		// Adopt a selection: the preview refuses dates the wrong way round, then names the rule that refuses (no title yet).
		browser.find(By.id("k-0")).click();
		browser.find(By.id("scope-selection")).click();
		browser.find(By.id("adopt")).click();
		browser.waitForText(By.id("adoption-summary"), "1 rôle Moodle");
		browser.setValue(By.id("ad-start"), "2027-06-30").setValue(By.id("ad-end"), "2026-09-01");
		browser.find(By.id("recompute")).click();
		browser.waitForText(By.id("flash"), "la fin doit suivre le début");
		// Back on the preview of the same selection, the dates typed kept, the message beside the end.
		browser.waitFor(d -> "true".equals(browser.find(By.id("ad-end")).getDomAttribute("aria-invalid")));
		assertThat(browser.find(By.id("ad-start")).getDomProperty("value")).isEqualTo("2027-06-30");
		browser.driver().navigate().refresh();
		browser.waitForText(By.id("adoption-summary"), "aucune affectation ne sera créée");
		assertThat(browser.text(By.id("refused"))).contains("Aucun titre de");
		// Nothing to create: no « Créer les 0 affectations » button, a sentence instead.
		assertThat(browser.all(By.id("confirm"))).isEmpty();
		assertThat(browser.text(By.id("nothing-to-adopt"))).isEqualTo("Aucune affectation à créer");
		assertThat(count("select count(*) from assignment")).isZero();
	}

	@Test
	void aSessionsFormsRegisterManyRecordTheWholeSessionAndRefusePastRegistrationsAndFutureAttendance() {
		long upcoming = await(training.sessions().filter(s -> s.title().equals("Moodle pour les nouveaux vacataires")).next()).id();
		long past = await(training.sessions().filter(s -> s.title().startsWith("Moodle pour les vacataires EAD")).next()).id();
		browser.signIn("coord", "mot-de-passe-coord");

		// A session to come: dates and place shown; no attendance before it begins; many registered at once.
		browser.go("/formations/" + upcoming);
		assertThat(browser.text(By.id("session-when"))).matches(".*\\d{2}/\\d{2}/\\d{4}.*");
		assertThat(browser.text(By.id("session-facts"))).doesNotContain("null");
		assertThat(browser.all(By.id("attendance-all"))).isEmpty();
		int seats = 30;
		// As many ticked as there are seats, the first in the list; « Tout cocher »: more ticked than seats, refused,
		// nothing written.
		assertThat(browser.all(By.cssSelector("#register-all input[type=checkbox]:checked"))).hasSize(seats);
		browser.find(By.id("register-all-all")).click();
		browser.find(By.id("register-all-submit")).click();
		browser.waitForText(By.id("flash"), "n’a plus que " + seats + " places");
		assertThat(count("select count(*) from training_registration where session_id = " + upcoming)).isZero();
		// « Tout décocher », then as many ticked as there are seats.
		browser.find(By.id("register-all-none")).click();
		assertThat(browser.all(By.cssSelector("#register-all input[type=checkbox]:checked"))).isEmpty();
		java.util.List<org.openqa.selenium.WebElement> boxes = browser.all(By.cssSelector("#register-all input[type=checkbox]"));
		for (int i = 0; i < seats; i++) {
			boxes.get(i).click();
		}
		browser.find(By.id("register-all-submit")).click();
		browser.waitForText(By.id("flash"), "Inscriptions enregistrées.");
		assertThat(browser.text(By.id("seats"))).startsWith(seats + " / " + seats);
		// Full: no registration form, a sentence that says what to do instead.
		assertThat(browser.all(By.id("register-all"))).isEmpty();
		assertThat(browser.text(By.id("session-full"))).startsWith("Session complète : aucune place libre.");
		assertThat(count("select count(*) from change_log where entity = 'training' and action = 'registered'")).isEqualTo(seats);

		// Attendance of a session to come, forged: refused.
		browser.script("var f = document.createElement('form'); f.method = 'post'; f.action = '/formations/" + upcoming + "/presences';"
				+ "f.innerHTML = '<input name=\"_csrf\" value=\"' + document.querySelector('input[name=_csrf]').value + '\">"
				+ "<input name=\"outcome\" value=\"completed\">'; document.body.appendChild(f); f.submit();");
		browser.waitForText(By.id("flash"), "n’a pas encore commencé");

		// A past session: no registration (its form is gone; forged from a vacataire's page, refused); its history recorded.
		browser.go("/formations/" + past);
		assertThat(browser.all(By.id("register-all"))).isEmpty();
		assertThat(browser.text(By.id("session-where"))).isEqualTo("En ligne");
		long vacataire = count("select min(vacataire_id) from module_role");
		browser.go("/vacataires/" + vacataire + "/formations");
		// The full session is shown to someone not registered, but cannot be chosen.
		browser.go("/vacataires/" + count("select min(vacataire_id) from module_role where vacataire_id not in "
				+ "(select vacataire_id from training_registration where session_id = " + upcoming + ")") + "/formations");
		org.openqa.selenium.WebElement full = browser.find(By.cssSelector("#t-session option[value='" + upcoming + "']"));
		assertThat(full.getText()).endsWith("– complète");
		assertThat(full.isEnabled()).isFalse();
		browser.go("/vacataires/" + vacataire + "/formations");
		browser.script("var o = document.createElement('option'); o.value = '" + past + "'; o.text = 'passée';"
				+ "document.getElementById('t-session').appendChild(o); document.getElementById('t-session').value = '" + past + "';");
		browser.find(By.cssSelector("#t-session")).submit();
		browser.waitForText(By.id("flash"), "est passée");
		browser.go("/formations/" + past);
		// Nobody is ticked for the coordinator: recording nobody is refused, « Tout cocher » then records everyone listed.
		assertThat(browser.all(By.cssSelector("#record-past input[type=checkbox]:checked"))).isEmpty();
		browser.find(By.id("record-past-submit")).click();
		browser.waitForText(By.id("flash"), "Cochez au moins un vacataire qui a suivi cette session.");
		browser.find(By.id("record-past-all")).click();
		browser.find(By.id("record-past-submit")).click();
		browser.waitForText(By.id("flash"), "Enregistré.");
		assertThat(browser.text(By.id("registrations"))).contains("Terminée");
		assertAccessible("session passée, historique enregistré");

		// Every attendance of the session recorded: no form for the whole session (it overwrote what each line said).
		assertThat(browser.all(By.id("attendance-all"))).isEmpty();
		// One line set to « absent »: its list says so when the page comes back, and the others stay completed.
		new Select(browser.find(By.id("o-0"))).selectByValue("absent");
		browser.find(By.cssSelector("#registrations tbody tr:first-child button[type=submit]")).click();
		browser.waitForText(By.id("flash"), "Enregistré.");
		assertThat(new Select(browser.find(By.id("o-0"))).getFirstSelectedOption().getDomAttribute("value")).isEqualTo("absent");
		assertThat(new Select(browser.find(By.id("o-1"))).getFirstSelectedOption().getDomAttribute("value")).isEqualTo("completed");
		assertThat(count("select count(*) from training_registration where session_id = " + past + " and completed_at is null")).isEqualTo(1);

		// A session planned in the past (last year's, for the history): its page, to record who followed it.
		browser.go("/formations");
		browser.type(By.id("s-title"), "Tutorer à distance (il y a deux ans)");
		browser.setValue(By.id("s-at"), clock.today().minusYears(2) + "T09:00");
		browser.find(By.cssSelector("#session-form button[type=submit]")).click();
		browser.waitForText(By.id("flash"), "elle est déjà passée : cochez ci-dessous qui l’a suivie");
		assertThat(browser.text(By.tagName("h1"))).contains("Tutorer à distance (il y a deux ans)");
		assertThat(browser.all(By.id("missing"))).hasSize(1);

		// Continuing training, required of nobody: the retained and active vacataires who have not followed it are
		// listed, nobody ticked; the two ticked are registered.
		long continuing = await(training.plan(new Training.NewSession("CONTINUING", "PEDAGOGY", "Rétroactions à distance",
				java.time.Instant.now().plus(java.time.Duration.ofDays(20)), 120, "VIRTUAL", null, 12), "coord"));
		browser.go("/formations/" + continuing);
		assertThat(browser.text(By.id("h-missing"))).startsWith("Vacataires retenus ou actifs qui ne l’ont pas encore suivie (")
			.doesNotEndWith("(0)");
		assertThat(browser.all(By.cssSelector("#register-all input[type=checkbox]:checked"))).isEmpty();
		browser.find(By.id("register-all-submit")).click();
		browser.waitForText(By.id("flash"), "Cochez au moins un vacataire à inscrire.");
		assertThat(browser.find(By.cssSelector("#register-all fieldset")).getDomAttribute("aria-describedby")).isNotBlank();
		java.util.List<org.openqa.selenium.WebElement> others = browser.all(By.cssSelector("#register-all input[type=checkbox]"));
		others.get(0).click();
		others.get(1).click();
		browser.find(By.id("register-all-submit")).click();
		browser.waitForText(By.id("flash"), "Inscriptions enregistrées.");
		assertThat(count("select count(*) from training_registration where session_id = " + continuing)).isEqualTo(2);
	}
}
