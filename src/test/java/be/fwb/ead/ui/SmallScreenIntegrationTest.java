package be.fwb.ead.ui;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import be.fwb.ead.security.Accounts;
import be.fwb.ead.security.Role;
import be.fwb.ead.sync.SyncLauncher;
import be.fwb.ead.sync.SyncMode;
import be.fwb.ead.training.Training;
import be.fwb.ead.vacataires.VacataireFile;
import be.fwb.ead.vacataires.VacataireStatus;
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

	@Autowired
	Training training;

	@Autowired
	VacataireFile files;

	/** About twelve lines of text: a row of free text that wraps at a readable width, not a word a line. */
	private static final int TALLEST_ROW = 280;

	@BeforeEach
	void catalogueAndAccount() {
		syncedCatalogue();
		await(accounts.create("coord", "mot-de-passe-coord", Role.COORDINATOR, "Claire Coordination", null));
	}

	@Test
	void at390PixelsTheMenuFoldsAndNoMainPageIsWiderThanTheScreen() {
		long module = count("select min(module_id) from module_role");
		long vacataire = count("select min(vacataire_id) from module_role");
		long session = await(training.plan(new Training.NewSession("INITIAL", "MOODLE", "Moodle pour les tuteurs et les concepteurs",
				Instant.now().minus(Duration.ofDays(2)), 180, "ON_SITE", "Bruxelles, boulevard Léopold II 44, salle 3.12", 20), "coord"));
		await(training.recordCompleted(session, List.of(vacataire), "coord"));
		long candidate = await(files.create(new VacataireFile.Identity("Camille", "Candidate-Effacée", "camille.candidate@ead.test",
				"MAT-390", null, null), VacataireStatus.CANDIDAT, "coord"));
		browser.driver().manage().window().setSize(new Dimension(390, 844));
		browser.signIn("coord", "mot-de-passe-coord");
		assertThat(((Number) browser.script("return window.innerWidth;")).intValue()).isLessThanOrEqualTo(390);
		List<String> tooWide = new java.util.ArrayList<>();
		List<String> tooTall = new java.util.ArrayList<>();
		for (String page : List.of("/", "/modules", "/modules/" + module, "/vacataires", "/vacataires/" + vacataire, "/attention",
				"/attention?vue=vacataires", "/attention?vue=modules", "/attention?genre=MOODLE_ROLE_WITHOUT_ASSIGNMENT",
				"/affectations/rapprochement", "/affectations/rapprochement?vue=vacataires", "/affectations/rapprochement?vue=modules",
				"/affectations/rapprochement/adoption?scope=filter", "/evaluations/a-faire", "/formations", "/formations/" + session,
				"/vacataires/" + vacataire + "/donnees", "/vacataires/" + candidate + "/donnees/anonymisation", "/journal",
				"/synchronisations", "/revues", "/analyse", "/titres", "/recrutement", "/comptes", "/modules/" + module + "/affectations")) {
			browser.go(page);
			browser.find(By.cssSelector("main h1"));
			// The sections htmx loads into the page (a vacataire's titles, assignments…) count too.
			browser.waitFor(d -> browser.script("return document.readyState === 'complete' && document.querySelector('.htmx-request') === null;"));
			assertThat(browser.find(By.cssSelector(".menu-button")).isDisplayed()).as(page + " : le bouton du menu").isTrue();
			assertThat(browser.driver().findElement(By.id("menu")).isDisplayed()).as(page + " : le menu replié").isFalse();
			long width = ((Number) browser.script("return document.documentElement.scrollWidth;")).longValue();
			long screen = ((Number) browser.script("return document.documentElement.clientWidth;")).longValue();
			browser.screenshot("ecran-390" + page.replaceAll("[^a-z0-9]+", "-"));
			if (width > screen) {
				tooWide.add(page + " : " + width + " px (" + widest() + ")");
			}
			long tallest = ((Number) browser.script("""
					return Math.max(0, ...[...document.querySelectorAll('main table tbody tr')]
					    .map(r => Math.round(r.getBoundingClientRect().height)));""")).longValue();
			if (tallest > TALLEST_ROW) {
				tooTall.add(page + " : " + tallest + " px");
			}
		}
		assertThat(tooWide).as("pages plus larges que l'écran de 390 px").isEmpty();
		// A table's row is read across, the table scrolling sideways: squeezed into the screen, every column wrapped at
		// its longest word and a refused adoption's row was 403 px tall (its reason 70 px wide, a word a line).
		assertThat(tooTall).as("lignes de tableau plus hautes que " + TALLEST_ROW + " px à 390 px").isEmpty();

		// The header is one line while the menu is folded (it took 190 px of 844): who is signed in comes with the menu.
		assertThat(((Number) browser.script("return document.querySelector('header.top').getBoundingClientRect().height;")).intValue())
			.as("hauteur de l'en-tête à 390 px").isLessThanOrEqualTo(64);
		assertThat(browser.driver().findElement(By.cssSelector(".tools")).isDisplayed()).isFalse();
		browser.find(By.cssSelector(".menu-button")).click();
		assertThat(browser.find(By.id("menu")).isDisplayed()).isTrue();
		assertThat(browser.driver().findElement(By.cssSelector(".logout button")).isDisplayed()).as("« Se déconnecter » avec le menu").isTrue();
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
				  // Inside a box that scrolls, unless positioned out of it (a visually hidden label whose containing block is the page).
				  const scrolls = e.parentElement && e.parentElement.closest('.table-wrap, table, .heatmap-wrap')
				      && getComputedStyle(e).position !== 'absolute';
				  if (r.right > right + 0.5 && !scrolls) {
				    right = r.right;
				    worst = e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + String(e.className).replace(/ /g, '.') : '');
				  }
				}
				return worst === null ? 'rien ne dépasse' : worst + ' jusqu’à ' + Math.round(right) + ' px';"""));
	}
}
