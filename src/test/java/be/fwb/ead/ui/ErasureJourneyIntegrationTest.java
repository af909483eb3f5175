package be.fwb.ead.ui;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import be.fwb.ead.evaluations.Evaluations;
import be.fwb.ead.security.Accounts;
import be.fwb.ead.security.Role;
import be.fwb.ead.vacataires.VacataireFile;
import be.fwb.ead.vacataires.VacataireStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A GDPR request answered in the browser: the access report read under French labels and Brussels times (page and
 * printable page), then the erasure, which first says what will go and what stays, and is refused until confirmed.
 */
class ErasureJourneyIntegrationTest extends BrowserTest {

	@Autowired Accounts accounts;
	@Autowired VacataireFile files;
	@Autowired Evaluations evaluations;

	private long person;

	@BeforeEach
	void aCandidateWithAFile() {
		await(accounts.create("coord", "mot-de-passe-coord", Role.COORDINATOR, "Coordination", null));
		person = await(files.create(new VacataireFile.Identity("Noémie", "Vandersmissen", "noemie.v@exemple.be", "NV-1", null, null),
				VacataireStatus.CANDIDAT, "coord"));
		List<Evaluations.Score> scores = await(evaluations.grid().map(c -> new Evaluations.Score(c.id(), 3, null)).collectList());
		await(evaluations.record(person, clock.today(), scores, "Noémie prépare bien ses séances.", "coord"));
	}

	@Test
	void theAccessReportIsReadableAndTheErasureSaysWhatGoesAndNeedsAConfirmation() {
		browser.signIn("coord", "mot-de-passe-coord");
		browser.go("/vacataires/" + person + "/donnees");
		String report = browser.text(By.id("contenu"));
		String today = LocalDate.now(ZoneId.of("Europe/Brussels")).format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
		assertThat(report).contains("Prénom").contains("Courriel").contains("Évaluations (1)").contains("Journal des changements")
			.contains(today).contains("Candidat")
			.doesNotContain("firstname").doesNotContain("created_at").doesNotContain("change_log").doesNotContain("+00:00");
		assertAccessible("rapport d’accès");
		browser.find(By.id("print-link")).click();
		browser.waitForText(By.id("report-date"), today);
		assertThat(browser.text(By.tagName("main"))).contains("Responsable du traitement").contains("Évaluations (1)");
		assertThat(browser.all(By.cssSelector("nav.main-nav"))).isEmpty();

		browser.go("/vacataires/" + person + "/donnees");
		browser.find(By.id("erase-link")).click();
		browser.waitForText(By.tagName("h1"), "Vandersmissen");
		assertThat(browser.text(By.id("identity-goes"))).contains("noemie.v@exemple.be");
		assertThat(browser.text(By.id("deleted"))).contains("Évaluations : 1 à supprimer");
		assertThat(browser.text(By.id("journal-lines"))).contains("vacataire n° " + person);
		assertThat(browser.text(By.id("kept"))).contains("Affectations").contains("Journal des changements");
		assertAccessible("confirmation de l'effacement");

		// Refused: not confirmed; what was typed stays, the error is beside its field.
		browser.type(By.id("reason"), "Demande de la personne du 2 décembre");
		browser.find(By.id("erase-submit")).click();
		browser.waitForText(By.id("confirm-error"), "Cochez la confirmation");
		assertThat(browser.find(By.id("reason")).getDomProperty("value")).isEqualTo("Demande de la personne du 2 décembre");
		assertThat(browser.find(By.id("confirm")).getDomAttribute("aria-describedby")).isEqualTo("confirm-error");
		assertThat(count("select count(*) from vacataire where anonymised_at is not null")).isZero();

		browser.find(By.id("confirm")).click();
		browser.find(By.id("erase-submit")).click();
		browser.waitForText(By.id("flash"), "Données personnelles effacées");
		assertThat(browser.text(By.id("person"))).contains("Anonymisé").doesNotContain("Noémie").doesNotContain("noemie.v@exemple.be");
		assertThat(count("select count(*) from vacataire where id = " + person + " and anonymised_at is not null")).isOne();

		// Once erased, the page says so and offers no form.
		browser.go("/vacataires/" + person + "/donnees/anonymisation");
		assertThat(browser.text(By.id("refusal"))).contains("déjà anonymisé");
		assertThat(browser.all(By.id("erase-form"))).isEmpty();

		// The vacataire's page: a candidate erased is « Non retenu », their file closed (no form), and a change forged
		// anyway is refused.
		browser.go("/vacataires/" + person);
		assertThat(browser.text(By.id("status"))).isEqualTo("Non retenu");
		assertThat(browser.text(By.id("erased"))).startsWith("Données personnelles effacées le ");
		assertThat(browser.all(By.cssSelector("main form"))).isEmpty();
		browser.script("var f = document.createElement('form'); f.method = 'post'; f.action = '/vacataires/" + person + "/contrats';"
				+ "f.innerHTML = '<input name=\"_csrf\" value=\"' + document.querySelector('input[name=_csrf]').value + '\">"
				+ "<input name=\"startsOn\" value=\"2026-09-01\"><input name=\"endsOn\" value=\"2027-06-30\">';"
				+ "document.body.appendChild(f); f.submit();");
		browser.waitForText(By.id("flash"), "son dossier est clos");
		assertThat(count("select count(*) from contract_period where vacataire_id = " + person)).isZero();

		// In the list, named as everywhere else, last.
		browser.go("/vacataires?status=NON_RETENU");
		assertThat(browser.text(By.id("resultats"))).contains("Anonymisé n° " + person).doesNotContain(", Anonymisé");
	}

	@Test
	void aPersonNamedByMoodleIsNamedOnTheErasurePage() {
		await(db.sql("update vacataire set firstname = null, lastname = null, moodle_firstname = 'Camille', moodle_lastname = 'Bastin' "
				+ "where id = " + person).then());
		browser.signIn("coord", "mot-de-passe-coord");
		browser.go("/vacataires/" + person + "/donnees/anonymisation");
		assertThat(browser.text(By.tagName("h1"))).isEqualTo("Effacer les données personnelles : Camille Bastin");
	}
}
