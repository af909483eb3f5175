package be.fwb.ead.ui;

import java.util.List;

import be.fwb.ead.security.Accounts;
import be.fwb.ead.security.Role;
import be.fwb.ead.sync.SyncLauncher;
import be.fwb.ead.sync.SyncMode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A phone's screen, 390 px wide, in Chromium: the menu is folded behind its button, and no main page is wider than the
 * screen (tables scroll inside their box). Screenshots under {@code target/screenshots/ecran-390-…}.
 */
class SmallScreenIntegrationTest extends BrowserTest {

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
	void at390PixelsTheMenuFoldsAndNoMainPageIsWiderThanTheScreen() {
		long module = count("select min(module_id) from module_role");
		long vacataire = count("select min(vacataire_id) from module_role");
		browser.driver().manage().window().setSize(new Dimension(390, 844));
		browser.signIn("coord", "mot-de-passe-coord");
		assertThat(((Number) browser.script("return window.innerWidth;")).intValue()).isLessThanOrEqualTo(390);
		for (String page : List.of("/", "/modules", "/modules/" + module, "/vacataires", "/vacataires/" + vacataire, "/attention",
				"/journal", "/synchronisations")) {
			browser.go(page);
			browser.find(By.cssSelector("main h1"));
			// The sections htmx loads into the page (a vacataire's titles, assignments…) count too.
			browser.waitFor(d -> browser.script("return document.readyState === 'complete' && document.querySelector('.htmx-request') === null;"));
			assertThat(browser.find(By.cssSelector(".menu-button")).isDisplayed()).as(page + " : le bouton du menu").isTrue();
			assertThat(browser.driver().findElement(By.id("menu")).isDisplayed()).as(page + " : le menu replié").isFalse();
			long width = ((Number) browser.script("return document.documentElement.scrollWidth;")).longValue();
			long screen = ((Number) browser.script("return document.documentElement.clientWidth;")).longValue();
			browser.screenshot("ecran-390" + page.replaceAll("[^a-z0-9]+", "-"));
			assertThat(width).as(page + " : largeur de la page (" + widest() + ")").isLessThanOrEqualTo(screen);
		}

		browser.find(By.cssSelector(".menu-button")).click();
		assertThat(browser.find(By.id("menu")).isDisplayed()).isTrue();
		assertThat(browser.find(By.cssSelector(".menu-button")).getDomAttribute("aria-expanded")).isEqualTo("true");
		browser.find(By.linkText("Modules")).click();
		browser.waitForText(By.cssSelector("main h1"), "Modules");
		assertThat(browser.driver().findElement(By.id("menu")).isDisplayed()).as("replié sur la page suivante").isFalse();
	}

	/** The element that sticks out furthest to the right, to say what to fix. */
	private String widest() {
		return String.valueOf(browser.script("""
				let worst = null, right = document.documentElement.clientWidth;
				for (const e of document.querySelectorAll('body *')) {
				  const r = e.getBoundingClientRect();
				  const scrolls = e.parentElement && e.parentElement.closest('.table-wrap, table, .heatmap-wrap');
				  if (r.right > right + 0.5 && !scrolls) {
				    right = r.right;
				    worst = e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + String(e.className).replace(/ /g, '.') : '');
				  }
				}
				return worst === null ? 'rien ne dépasse' : worst + ' jusqu’à ' + Math.round(right) + ' px';"""));
	}
}
