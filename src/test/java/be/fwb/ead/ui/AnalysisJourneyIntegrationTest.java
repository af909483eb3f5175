package be.fwb.ead.ui;

import java.io.InputStream;
import java.util.List;

import be.fwb.ead.referentials.Coverage;
import be.fwb.ead.referentials.Exams;
import be.fwb.ead.referentials.Referentials;
import be.fwb.ead.security.Accounts;
import be.fwb.ead.security.Role;
import be.fwb.ead.sync.SyncLauncher;
import be.fwb.ead.sync.SyncMode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** A quality reviewer reads the catalogue analysis: exam readiness, a référentiel's heatmap, a subject's modules. */
class AnalysisJourneyIntegrationTest extends BrowserTest {

	@Autowired Accounts accounts;
	@Autowired SyncLauncher launcher;
	@Autowired Referentials referentials;
	@Autowired Coverage coverage;
	@Autowired Exams exams;

	@BeforeEach
	void catalogueReferentialAndAccount() throws Exception {
		syncedCatalogue();
		await(accounts.create("relect", "mot-de-passe-relect", Role.REVIEWER, "Rémi Relecture", null));
		await(accounts.create("coord", "mot-de-passe-coord", Role.COORDINATOR, "Claire Coordination", null));
		try (InputStream in = getClass().getResourceAsStream("/referentials/francais-tronc-commun.csv")) {
			await(referentials.importFile(in.readAllBytes(), "coord"));
		}
		long module = count("select min(m.id) from module m join moodle_category c on c.id = m.category_id where c.name = 'Français'");
		await(coverage.map(List.of(new Coverage.Mapping(module, count("select id from competency where idnumber = 'FR-LIRE-1-1-a'"),
				Coverage.Depth.WORKED)), "coord"));
		await(exams.define("CE1D-FR", "CE1D – français", null, List.of(new Exams.PartDefinition("Lecture", 60,
				List.of("FR-LIRE-1-1-a", "FR-LIRE-1-1-b")), new Exams.PartDefinition("Écriture", 40, List.of("FR-ECR-1-1-a"))), "coord"));
	}

	@Test
	void aReviewerReadsTheReadinessTheHeatmapAndZoomsToASubject() {
		browser.signIn("relect", "mot-de-passe-relect");
		browser.find(By.linkText("Analyse")).click();
		assertThat(browser.text(By.id("readiness"))).contains("CE1D – français (CE1D-FR)").contains("30").contains("Lecture 50");
		// The ranked list: its first 30 lines, the modules aligned with no référentiel said so.
		assertThat(browser.all(By.cssSelector("#priorities tbody tr"))).hasSize(30);
		assertThat(browser.text(By.cssSelector("#priorities tbody tr:first-child"))).contains("non aligné");
		assertAccessible("analyse");
		browser.find(By.cssSelector("#referentials a")).click();
		browser.waitForText(By.tagName("h1"), "Français – tronc commun (P1 à S3)");
		assertThat(browser.text(By.cssSelector("#heatmap thead"))).contains("FR-LIRE-1").contains("FR-ECR-1");
		assertThat(browser.text(By.id("gaps"))).contains("FR-LIRE-1-1-b").doesNotContain("FR-LIRE-1-1-a ");
		// The map's rows are the subjects with a module mapped to the référentiel; the others (other levels and exams, 0 %
		// everywhere) are listed apart, folded.
		assertThat(browser.text(By.cssSelector("#heatmap tbody"))).contains("Français").doesNotContain("Secondaire supérieur – CESS");
		assertAccessible("carte de couverture");
		browser.screenshot("analyse-carte-de-couverture");
		unfoldUnmapped();
		assertThat(browser.text(By.id("heatmap-unmapped"))).contains("Secondaire supérieur – CESS");
		browser.find(By.partialLinkText("Secondaire inférieur – CE1D › Français (")).click();
		assertThat(browser.all(By.cssSelector("#heatmap tbody tr"))).hasSizeGreaterThan(1);
		assertThat(browser.text(By.cssSelector("#heatmap tbody"))).contains("Français");
	}

	@Test
	void aCoordinatorMapsAModuleFromTheHeatmapThenSeesWhatToProduceAndEditsAnExam() {
		browser.signIn("coord", "mot-de-passe-coord");
		browser.find(By.linkText("Analyse")).click();
		browser.waitForText(By.id("to-produce"), "FR-ECR-1");
		assertThat(browser.text(By.cssSelector("#to-produce tbody tr:first-child"))).contains("FR-ECR-1").contains("CE1D-FR – Écriture");
		browser.find(By.cssSelector("#referentials a")).click();
		browser.waitForText(By.tagName("h1"), "Français – tronc commun");
		unfoldUnmapped();
		browser.find(By.partialLinkText("Secondaire inférieur – CE1D › Français (")).click();
		browser.find(By.cssSelector("#heatmap tbody th a")).click();
		browser.waitForText(By.tagName("h1"), "Compétences de");
		new Select(browser.find(By.cssSelector("#editor select[id^=c]:not([disabled])"))).selectByVisibleText("maîtrisée");
		browser.find(By.cssSelector("#mapping-form button[type=submit]")).click();
		browser.waitForText(By.id("flash"), "Correspondances enregistrées.");
		assertThat(browser.text(By.id("mapped"))).contains("FR-LIRE").contains("maîtrisée");
		assertAccessible("compétences d'un module");
		browser.screenshot("compétences-d-un-module");

		// The exam's name leads to its analysis: the modules to adapt first for it; its edit form is a link apart.
		browser.find(By.linkText("Analyse")).click();
		browser.find(By.linkText("CE1D – français (CE1D-FR)")).click();
		browser.waitFor(d -> d.getCurrentUrl().contains("epreuve=CE1D-FR"));
		assertThat(new Select(browser.find(By.id("p-exam"))).getFirstSelectedOption().getAttribute("value")).isEqualTo("CE1D-FR");
		assertThat(browser.all(By.cssSelector("#priorities tbody tr"))).isNotEmpty().hasSizeLessThan(30);
		assertThat(browser.text(By.id("priorities"))).contains("Français").doesNotContain("Mathématiques");
		assertThat(browser.all(By.id("exam-form"))).isEmpty();
		browser.find(By.id("exam-edit-CE1D-FR")).click();
		browser.waitForText(By.tagName("h1"), "CE1D – français (CE1D-FR)");
		assertThat(browser.find(By.id("p-comp-1")).getAttribute("value")).isEqualTo("FR-ECR-1-1-a");
		browser.type(By.id("p-weight-1"), "50");
		browser.find(By.cssSelector("#exam-form button[type=submit]")).click();
		browser.waitForText(By.id("flash"), "Enregistré.");
		assertThat(browser.find(By.id("p-weight-1")).getAttribute("value")).isEqualTo("50");
		assertAccessible("examen");
	}

	/** Opens the list of the subjects no module of which is mapped to the référentiel, when there is one. */
	private void unfoldUnmapped() {
		if (!browser.all(By.cssSelector("#heatmap-unmapped summary")).isEmpty()) {
			browser.find(By.cssSelector("#heatmap-unmapped summary")).click();
		}
	}
}
