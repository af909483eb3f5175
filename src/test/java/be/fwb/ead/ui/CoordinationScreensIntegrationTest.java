package be.fwb.ead.ui;

import be.fwb.ead.security.Accounts;
import be.fwb.ead.security.Role;
import be.fwb.ead.sync.SyncLauncher;
import be.fwb.ead.sync.SyncMode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The coordinator's newer screens in a real browser, each checked for accessibility: review campaigns (preview then
 * creation), the rubric editor, the audit trail, a person's data (GDPR) and the accounts.
 */
class CoordinationScreensIntegrationTest extends BrowserTest {

	@Autowired Accounts accounts;
	@Autowired SyncLauncher launcher;

	@BeforeEach
	void catalogueAndAccounts() {
		syncedCatalogue();
		await(accounts.create("coord", "mot-de-passe-coord", Role.COORDINATOR, "Claire Coordination", null));
		await(accounts.create("relect", "mot-de-passe-relect", Role.REVIEWER, "Rémi Relecture", null));
	}

	@Test
	void aCoordinatorPreviewsAndCreatesACampaignThenReadsTheTrailAndAPersonsData() {
		browser.signIn("coord", "mot-de-passe-coord");
		browser.find(By.linkText("Revues qualité")).click();
		browser.find(By.id("campaigns-link")).click();
		assertThat(browser.all(By.cssSelector("#candidates tbody tr"))).hasSize(30);
		browser.type(By.id("c-name"), "Campagne d'hiver");
		browser.type(By.id("c-size"), "6");
		browser.find(By.cssSelector("input[name=reviewer][value=relect]")).click();
		browser.find(By.cssSelector("input[name=reviewer][value=coord]")).click();
		browser.find(By.id("preview")).click();
		browser.waitForText(By.id("proposal"), "Aperçu : 6 modules");
		assertThat(browser.all(By.cssSelector("#picks tbody tr"))).hasSize(6);
		assertAccessible("campagnes, aperçu");
		browser.screenshot("campagne-apercu");
		browser.find(By.id("create")).click();
		browser.waitForText(By.id("flash"), "Campagne créée");
		assertThat(browser.text(By.id("campaign-progress"))).contains("0 décidée sur 6");
		assertAccessible("avancement d'une campagne");

		browser.go("/revues/grilles/EAD-QUALITE");
		assertThat(browser.text(By.tagName("h1"))).contains("version 2");
		assertAccessible("éditeur de grille");

		browser.find(By.linkText("Journal")).click();
		assertThat(browser.text(By.id("changes"))).contains("synchronisation Moodle");
		assertAccessible("journal d’audit");
		browser.screenshot("journal");

		long vacataire = count("select min(vacataire_id) from module_role");
		// An evaluation to read: a page that reads none logs no read.
		await(db.sql("""
				insert into evaluation (vacataire_id, evaluator, evaluated_on, created_at)
				values (:v, 'coord', :on, :at)""").bind("v", vacataire).bind("on", clock.today().minusMonths(2))
			.bind("at", clock.instant()).then());
		browser.go("/vacataires/" + vacataire);
		browser.find(By.id("personal-data-link")).click();
		browser.waitForText(By.tagName("h1"), "Données personnelles (RGPD)");
		assertThat(browser.text(By.id("person"))).contains("N° d’utilisateur Moodle").doesNotContain("moodle_user_id");
		assertAccessible("données personnelles");
		browser.find(By.linkText("Comptes")).click();
		browser.type(By.id("a-username"), "nouvelle.relectrice");
		browser.type(By.id("a-name"), "Nouvelle Relectrice");
		new org.openqa.selenium.support.ui.Select(browser.find(By.id("a-role"))).selectByValue("REVIEWER");
		browser.type(By.id("a-pw"), "une-phrase-de-passe-solide");
		browser.find(By.cssSelector("#account-form button[type=submit]")).click();
		browser.waitForText(By.id("flash"), "Compte créé.");
		assertThat(browser.text(By.id("accounts"))).contains("nouvelle.relectrice");
		assertAccessible("comptes");
		// Reading the vacataire's page read their evaluations: the trail says who.
		browser.go("/journal");
		assertThat(browser.text(By.id("reads"))).contains("coord");
	}
}
