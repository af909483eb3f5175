package be.fwb.ead.ui;

import java.util.List;

import be.fwb.ead.security.Accounts;
import be.fwb.ead.security.Role;
import be.fwb.ead.sync.SyncLauncher;
import be.fwb.ead.sync.SyncMode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The journeys of the web UI's users, in a real headless Chromium against the whole service, its PostgreSQL and the
 * simulated Moodle. Each journey leaves screenshots under {@code target/screenshots}.
 */
class BrowserJourneysIntegrationTest extends BrowserTest {

	@Autowired
	Accounts accounts;

	@Autowired
	SyncLauncher launcher;

	@BeforeEach
	void accounts() {
		await(accounts.create("coord", "mot-de-passe-coord", Role.COORDINATOR, "Claire Coordination", null));
		await(accounts.create("relect", "mot-de-passe-relect", Role.REVIEWER, "Rémi Relecture", null));
		await(accounts.create("vac", "mot-de-passe-vac", Role.VACATAIRE, "Véra Vacataire", null));
	}

	@Test
	void theStyleSheetAndScriptsAreFetchedOnceNotOnEveryPage() {
		browser.signIn("coord", "mot-de-passe-coord");
		browser.go("/modules");
		browser.go("/vacataires");
		// On this page load, what the browser fetched over the network: the page, and no style sheet nor script (a file
		// served from the browser's cache has no entry, or one of 0 bytes transferred).
		@SuppressWarnings("unchecked")
		List<String> fetched = (List<String>) browser.script("""
				return performance.getEntriesByType('resource')
				  .filter(e => /[.](css|js|svg)([?]|$)/.test(e.name) && e.transferSize > 0)
				  .map(e => e.name + ' (' + e.transferSize + ' octets)');""");
		assertThat(fetched).as("fichiers chargés à nouveau").isEmpty();
		assertThat(browser.script("return getComputedStyle(document.querySelector('header.top')).display;"))
			.as("the style sheet applies").isNotEqualTo("inline");
		assertThat(browser.script("return typeof htmx;")).as("htmx runs").isEqualTo("object");
	}

	@Test
	void aCoordinatorStartsASyncFindsAModuleWithoutAccentsAndOpensAVacataire() {
		browser.signIn("coord", "mot-de-passe-coord");
		browser.waitForText(By.tagName("h1"), "Tableau de bord");
		assertThat(browser.text(By.cssSelector(".who"))).contains("Claire Coordination");
		// A coordinator's thirteen menu entries on one line at 1366 px, the most common laptop width (« Synchronisations »
		// wrapped alone to a second line).
		Object widths = browser.script("const menu = document.querySelector('#menu ul'); return Math.round(menu.getBoundingClientRect().width)"
				+ " + ' px : ' + [...menu.children].map(l => Math.round(l.getBoundingClientRect().width)).join(' + ');");
		assertThat(((Number) browser.script("return new Set([...document.querySelectorAll('#menu li')].map(l => l.offsetTop)).size;"))
			.intValue()).as("lignes du menu à 1366 px (" + widths + ")").isEqualTo(1);
		assertThat(browser.text(By.id("fig-modules"))).isEqualTo("0");

		new Select(browser.find(By.id("sync-mode"))).selectByValue("FULL");
		// Two clicks 120 ms apart, as people double-click a button that seems slow: one run and its confirmation (the
		// second click had sent the form again: « déjà en cours » shown instead, or a second run when the first was quick).
		new org.openqa.selenium.interactions.Actions(browser.driver()).click(browser.find(By.id("start-sync")))
			.pause(java.time.Duration.ofMillis(120)).click().perform();
		assertThat(browser.text(By.cssSelector(".notice"))).contains("Synchronisation n° 1 lancée");
		// The runs panel polls while the run goes on, and shows its outcome.
		browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("run-1"), "Réussie"));
		assertThat(browser.text(By.id("run-1"))).contains("Complète").contains("+522 créés");
		assertThat(count("select count(*) from sync_run")).isEqualTo(1);
		browser.go("/");
		assertThat(browser.text(By.id("fig-modules"))).isEqualTo("522");
		assertAccessible("tableau de bord");
		browser.screenshot("tableau-de-bord-coordination");

		browser.find(By.linkText("Modules")).click();
		WebElement search = browser.find(By.id("q"));
		search.sendKeys("ecrire un texte argumente");
		// htmx refreshes the results as one types; the address follows, so the list can be shared and reloaded.
		browser.waitFor(ExpectedConditions.urlContains("q=ecrire"));
		browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#resultats .count"), "sur"));
		List<WebElement> names = browser.all(By.cssSelector("#resultats tbody td:first-child a"));
		assertThat(names).isNotEmpty().allSatisfy(a -> assertThat(a.getText()).contains("Écrire un texte argumenté"));
		assertAccessible("liste des modules");
		browser.screenshot("liste-des-modules-recherche-sans-accents");

		names.get(0).click();
		assertThat(browser.text(By.tagName("h1"))).contains("Écrire un texte argumenté");
		assertThat(browser.find(By.id("moodle-link")).getAttribute("href")).contains("/course/view.php?id=");
		WebElement person = browser.find(By.cssSelector("section[aria-labelledby=h-people] li a"));
		String name = person.getText();
		person.click();
		browser.waitForText(By.tagName("h1"), name);
		assertThat(browser.all(By.cssSelector("#vacataire-modules tbody tr"))).isNotEmpty();
		assertAccessible("page d’un vacataire");
		browser.screenshot("page-vacataire");

		browser.find(By.cssSelector(".logout button")).click();
		assertThat(browser.text(By.cssSelector("[role=status]"))).contains("déconnecté");
		browser.go("/");
		assertThat(browser.driver().getCurrentUrl()).endsWith("/connexion");
	}

	@Test
	void aReviewerSeesEverythingButCannotStartASync() {
		syncedCatalogue();
		browser.signIn("relect", "mot-de-passe-relect");
		browser.waitForText(By.tagName("h1"), "Tableau de bord");
		assertThat(browser.text(By.cssSelector(".who"))).contains("Rémi Relecture").contains("relecture qualité");
		assertThat(browser.all(By.id("start-sync"))).isEmpty();
		assertThat(browser.text(By.id("run-1"))).contains("Réussie");
		browser.screenshot("tableau-de-bord-relecture");

		// Even a hand-made request, with a valid CSRF token, is refused.
		Object refused = browser.asyncScript("""
				const done = arguments[arguments.length - 1];
				const headers = JSON.parse(document.body.getAttribute('hx-headers'));
				fetch('/synchronisations', { method: 'POST', headers: headers, body: new URLSearchParams({ mode: 'FULL' }),
				  redirect: 'manual' }).then(r => done(r.status));
				""");
		assertThat(refused).isEqualTo(403L);
		assertThat(count("select count(*) from sync_run")).isEqualTo(1);

		browser.find(By.linkText("Vacataires")).click();
		browser.find(By.id("q")).sendKeys("zoe");
		browser.waitFor(ExpectedConditions.urlContains("q=zoe"));
		browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#resultats .count"), "sur"));
		assertThat(browser.all(By.cssSelector("#resultats tbody td:first-child a")))
			.isNotEmpty()
			.allSatisfy(a -> assertThat(a.getText()).contains("Zoë"));
		assertAccessible("liste des vacataires");
		browser.screenshot("liste-des-vacataires");

		browser.find(By.linkText("Synchronisations")).click();
		assertThat(browser.text(By.cssSelector("table.runs tbody"))).contains("Réussie");
		assertAccessible("historique des synchronisations");
	}

	@Test
	void aVacataireAccountIsRefusedAtSignInAndWrongPasswordsAreSaid() {
		browser.signIn("vac", "mot-de-passe-vac");
		assertThat(browser.text(By.cssSelector("[role=alert]"))).contains("n’a pas accès");
		browser.signIn("coord", "mauvais");
		assertThat(browser.text(By.cssSelector("[role=alert]"))).contains("incorrect");
		assertAccessible("connexion");
		browser.screenshot("connexion-refusee");
		browser.go("/modules");
		assertThat(browser.driver().getCurrentUrl()).endsWith("/connexion");
	}

	@Test
	void theKeyboardReachesEverythingWithAVisibleFocusAndTheLanguageSwitchesToEnglish() {
		syncedCatalogue();
		browser.signIn("coord", "mot-de-passe-coord");
		browser.go("/modules");
		browser.find(By.tagName("body")).sendKeys(Keys.TAB);
		WebElement focused = browser.driver().switchTo().activeElement();
		assertThat(focused.getAttribute("class")).isEqualTo("skip");
		assertThat(focused.getCssValue("outline-style")).isNotEqualTo("none");
		focused.sendKeys(Keys.ENTER);
		browser.waitFor(d -> "contenu".equals(d.switchTo().activeElement().getAttribute("id")));
		browser.driver().switchTo().activeElement().sendKeys(Keys.TAB);
		assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("q");

		browser.find(By.cssSelector(".lang a[lang=en]")).click();
		assertThat(browser.find(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
		browser.waitForText(By.tagName("h1"), "Modules");
		assertThat(browser.text(By.cssSelector("label[for=q]"))).isEqualTo("Search a module");
		assertThat(browser.driver().getCurrentUrl()).endsWith("/modules");
		browser.go("/");
		browser.waitForText(By.tagName("h1"), "Dashboard");
		browser.screenshot("dashboard-english");
		browser.find(By.cssSelector(".lang a[lang=fr]")).click();
		browser.waitForText(By.tagName("h1"), "Tableau de bord");
	}

}
