package be.fwb.ead.ui;

import java.util.Map;

import be.fwb.ead.reviews.Rubrics;
import be.fwb.ead.security.Accounts;
import be.fwb.ead.security.Role;
import be.fwb.ead.sync.SyncLauncher;
import be.fwb.ead.sync.SyncMode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A coordinator plans a review from the module's page; the reviewer takes it from planned to approved through one
 * round of changes requested, the author answering a finding in between; the report proves it all.
 */
class ReviewJourneyIntegrationTest extends BrowserTest {

	@Autowired Accounts accounts;
	@Autowired SyncLauncher launcher;
	@Autowired Rubrics rubrics;

	private long module;
	private Rubrics.Rubric rubric;

	@BeforeEach
	void catalogueAndAccounts() {
		syncedCatalogue();
		module = count("select min(module_id) from module_role where role = 'AUTHOR'");
		long author = count("select min(vacataire_id) from module_role where role = 'AUTHOR' and module_id = " + module);
		await(accounts.create("coord", "mot-de-passe-coord", Role.COORDINATOR, "Claire Coordination", null));
		await(accounts.create("relect", "mot-de-passe-relect", Role.REVIEWER, "Rémi Relecture", null));
		await(accounts.create("auteur", "mot-de-passe-auteur", Role.VACATAIRE, "Autrice du module", author));
		rubric = await(rubrics.latest(Rubrics.DEFAULT));
	}

	@Test
	void aReviewerTakesAReviewFromPlannedToApprovedThroughOneRoundOfChangesRequested() {
		browser.signIn("coord", "mot-de-passe-coord");
		browser.go("/modules/" + module);
		browser.waitForText(By.id("revues"), "Jamais relu.");
		new Select(browser.find(By.id("plan-reviewer"))).selectByValue("relect");
		browser.find(By.cssSelector("#plan-form button[type=submit]")).click();
		browser.waitForText(By.id("flash"), "Revue planifiée.");
		assertThat(browser.text(By.id("review-state"))).isEqualTo("planifiée");
		// The coordinator planned it for « relect »: only the designated reviewer moves it; the coordinator may reassign it.
		assertThat(browser.all(By.id("start"))).isEmpty();
		assertThat(browser.text(By.id("only-reviewer"))).contains("Seul le relecteur désigné (relect)").contains("Confier à");
		assertThat(browser.all(By.id("reassign-form"))).hasSize(1);
		browser.signOut();

		browser.signIn("relect", "mot-de-passe-relect");
		browser.find(By.linkText("Revues qualité")).click();
		assertThat(browser.all(By.cssSelector("#reviews tbody tr"))).hasSize(1);
		browser.find(By.cssSelector("#reviews tbody a")).click();
		browser.find(By.id("start")).click();
		browser.waitForText(By.id("flash"), "Revue commencée.");
		assertThat(browser.text(By.id("review-state"))).isEqualTo("en revue");
		// No finding yet: no score to read (it said « 0 % », as if the module had failed every criterion).
		assertThat(browser.text(By.id("review-score"))).isEqualTo("— (aucun constat encore)");
		assertAccessible("revue en cours");

		// Round 1: the first criterion at 2 of 4 with what to change, the others at 3, the legal items passed.
		Rubrics.Criterion first = rubric.criteria().get(0);
		score(3);
		browser.find(By.cssSelector("input[name=score-" + first.id() + "][value='2']")).click();
		browser.type(By.id("comment-" + first.id()), "Les balises d'objectifs manquent aux séquences 3 et 4.");
		// « Approuver » before saving: nothing sent, the scores and the comment still there, a word to save them first
		// (they were lost: the walkthrough).
		browser.find(By.id("approve")).click();
		browser.waitForText(By.id("save-first"), "Des constats saisis ne sont pas enregistrés");
		assertThat(browser.find(By.cssSelector("input[name=score-" + first.id() + "][value='2']")).isSelected()).isTrue();
		assertThat(browser.find(By.id("comment-" + first.id())).getDomProperty("value")).startsWith("Les balises d'objectifs");
		assertThat(count("select count(*) from review_finding")).isZero();
		browser.find(By.id("save-findings")).click();
		browser.waitForText(By.id("flash"), "Constats enregistrés.");
		assertThat(browser.find(By.cssSelector("input[name=score-" + first.id() + "][value='2']")).isSelected()).isTrue();
		// Approval is refused below the threshold: 15 × … the first scale counts 3 × 1/3, the others 12 × 2/3, the law 4:
		// (1 + 8 + 4) / 19 = 68 %.
		browser.find(By.id("approve")).click();
		browser.waitForText(By.id("flash"), "Le score (68 %) n’atteint pas le seuil de la grille (70 %)");
		assertThat(browser.text(By.id("review-score"))).isEqualTo("68 % (provisoire : la revue n’est pas encore décidée)");
		browser.setValue(By.id("deadline"), clock.today().plusDays(14).toString());
		browser.find(By.id("request-changes")).click();
		browser.waitForText(By.id("flash"), "Modifications demandées aux concepteurs.");
		assertThat(browser.text(By.id("review-state"))).isEqualTo("modifications demandées");
		browser.screenshot("revue-modifications-demandees");

		// The author answers the finding from their own space (the Moodle plugin's route).
		String token = apiToken("auteur", "mot-de-passe-auteur");
		long finding = count("select id from review_finding where comment is not null");
		web.post().uri("/api/me/findings/" + finding + "/answers").headers(h -> h.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("text", "Objectifs ajoutés en tête des séquences 3 et 4."))
			.exchange().expectStatus().isCreated();

		browser.go(browser.driver().getCurrentUrl().replaceFirst("^https?://[^/]+", ""));
		assertThat(browser.text(By.id("round-1"))).contains("Objectifs ajoutés en tête des séquences 3 et 4.");
		browser.find(By.id("recheck")).click();
		browser.waitForText(By.id("flash"), "Nouveau tour de revue commencé.");
		assertThat(browser.text(By.id("review-round"))).isEqualTo("2");
		// Round 2: what the page promises, a criterion left without a new score keeps its value; only the first is scored again.
		Rubrics.Criterion second = rubric.criteria().get(1);
		assertThat(browser.find(By.cssSelector("input[name=score-" + second.id() + "][value='3']")).isSelected()).isTrue();
		assertThat(browser.text(By.id("criterion-" + second.id()))).contains("Valeur gardée du tour 1");
		// The first round's comment is shown, not typed again into the second round's (saving would repeat it).
		assertThat(browser.find(By.id("comment-" + first.id())).getDomProperty("value")).isEmpty();
		assertThat(browser.text(By.id("criterion-" + first.id())))
			.contains("Commentaire du tour 1 (non repris) : « Les balises d'objectifs manquent aux séquences 3 et 4. »");
		browser.find(By.cssSelector("input[name=score-" + first.id() + "][value='3']")).click();
		browser.find(By.id("save-findings")).click();
		browser.waitForText(By.id("flash"), "Constats enregistrés.");
		assertThat(count("select count(*) from review_finding where comment is not null")).isEqualTo(1);
		browser.find(By.id("approve")).click();
		browser.waitForText(By.id("flash"), "Module approuvé.");
		assertThat(browser.text(By.id("review-state"))).isEqualTo("approuvée");
		// Every scale at 3 of 4 and every legal item passed: (15 × 2/3 + 4) / 19 = 74 %.
		assertThat(browser.text(By.id("review-score"))).isEqualTo("74 %");
		assertThat(browser.all(By.cssSelector("#history li"))).hasSize(5);
		assertThat(browser.all(By.id("findings-form"))).isEmpty();
		// Decided: no deadline is shown any more; the history says the deadline the French way.
		assertThat(browser.all(By.id("review-deadline"))).isEmpty();
		assertThat(browser.text(By.id("history"))).contains("pour le " + clock.today().plusDays(14)
			.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));

		browser.find(By.id("report-link")).click();
		assertThat(browser.text(By.tagName("main"))).contains("Revue n°").contains("approuvée").contains("74 %")
			.contains("Objectifs ajoutés en tête des séquences 3 et 4.").contains("modifications demandées → en revue");
		assertAccessible("rapport de revue");
	}

	/** Gives every scale criterion the score, and passes every legal item. */
	private void score(int value) {
		for (Rubrics.Criterion c : rubric.criteria()) {
			if (c.kind() == Rubrics.Kind.SCALE) {
				browser.find(By.cssSelector("input[name=score-" + c.id() + "][value='" + value + "']")).click();
			}
			else {
				browser.find(By.cssSelector("input[name=passed-" + c.id() + "][value=true]")).click();
			}
		}
	}
}
