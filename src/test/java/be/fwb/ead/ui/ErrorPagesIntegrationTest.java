package be.fwb.ead.ui;

import java.util.List;

import be.fwb.ead.IntegrationTest;
import be.fwb.ead.security.Accounts;
import be.fwb.ead.security.Role;
import be.fwb.ead.sync.SyncLauncher;
import be.fwb.ead.sync.SyncMode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web UI's errors stay in the product: bad parameters, unknown addresses and ids, refusals and stale forms answer a
 * page in French inside the layout, with the menu of the person signed in; never JSON, never a bare page. Pages past
 * the end of a list show its last page.
 */
class ErrorPagesIntegrationTest extends IntegrationTest {

	@Autowired
	Accounts accounts;

	@Autowired
	SyncLauncher launcher;

	@BeforeEach
	void catalogueAndAccounts() {
		syncedCatalogue();
		await(accounts.create("coord", "mot-de-passe-coord", Role.COORDINATOR, "Claire Coordination", null));
		await(accounts.create("relect", "mot-de-passe-relect", Role.REVIEWER, "Rémi Relecture", null));
	}

	/** A route, what is wrong with it, and what the page must answer. */
	record Bad(String uri, HttpStatus status, String says) {
	}

	@Test
	void badParametersUnknownAddressesAndUnknownIdsAnswerAFrenchPageWithTheMenu() {
		WebSession coordinator = signIn("coord", "mot-de-passe-coord");
		long vacataire = count("select min(id) from vacataire");
		for (Bad bad : List.of(
				new Bad("/modules?page=abc", HttpStatus.BAD_REQUEST, "« page »"),
				new Bad("/modules?size=abc", HttpStatus.BAD_REQUEST, "« size »"),
				new Bad("/modules?size=0", HttpStatus.BAD_REQUEST, "« size »"),
				new Bad("/vacataires?page=abc", HttpStatus.BAD_REQUEST, "« page »"),
				new Bad("/synchronisations?page=abc", HttpStatus.BAD_REQUEST, "« page »"),
				new Bad("/journal?page=abc", HttpStatus.BAD_REQUEST, "« page »"),
				new Bad("/affectations/rapprochement?page=abc", HttpStatus.BAD_REQUEST, "« page »"),
				new Bad("/synchronisations/999999", HttpStatus.NOT_FOUND, "Aucune synchronisation n’a le numéro 999999."),
				new Bad("/synchronisations/abc", HttpStatus.BAD_REQUEST, "La demande est invalide."),
				// An invalid date in a filter is said, under the page's French name or the API's.
				new Bad("/journal?du=2026-13-45", HttpStatus.BAD_REQUEST, "« du » : « 2026-13-45 » (attendu : une date existante"),
				new Bad("/journal?from=2026-13-45", HttpStatus.BAD_REQUEST, "« from » : « 2026-13-45 »"),
				// Values named in words, not the code's.
				new Bad("/vacataires?status=ENGAGE", HttpStatus.BAD_REQUEST,
						"Statuts possibles : candidat, retenu, actif, suspendu, sorti, non retenu."),
				new Bad("/modules?sort=x", HttpStatus.BAD_REQUEST, "par nombre d’apprenants (« apprenants »)"),
				new Bad("/affectations?role=zzz", HttpStatus.BAD_REQUEST, "Rôles possibles : conception, tutorat."),
				new Bad("/affectations?role=tutorat", HttpStatus.OK, "<option value=\"TUTOR\" selected=\"selected\""),
				new Bad("/vacataires/999999", HttpStatus.NOT_FOUND, "Aucun vacataire n’a l’identifiant 999999."),
				new Bad("/vacataires/abc", HttpStatus.BAD_REQUEST, "La demande est invalide."),
				new Bad("/modules/999999", HttpStatus.NOT_FOUND, "999999"),
				new Bad("/modules/999999/affectations", HttpStatus.NOT_FOUND, "Aucun module n’a l’identifiant 999999."),
				new Bad("/vacataires/" + vacataire + "/affectations?moduleQ=" + "x".repeat(10), HttpStatus.OK, "Affectations"),
				new Bad("/revues/999999", HttpStatus.NOT_FOUND, "999999"),
				new Bad("/recrutement/999999", HttpStatus.NOT_FOUND, "999999"),
				new Bad("/formations/999999", HttpStatus.NOT_FOUND, "999999"),
				new Bad("/analyse/999999", HttpStatus.NOT_FOUND, "999999"),
				new Bad("/nulle-part", HttpStatus.NOT_FOUND, "Cette page n’existe pas."))) {
			String page = page(bad.uri(), coordinator, bad.status());
			assertThat(page).as(bad.uri()).contains(bad.says()).doesNotContain("NON_RETENU").doesNotContain("learners");
			assertProductPage(page, bad.uri(), "Claire Coordination");
			if (bad.status() != HttpStatus.OK) {
				assertThat(page).as(bad.uri()).contains("Erreur " + bad.status().value());
			}
		}
	}

	@Test
	void aRoleThatMayNotAndAStaleFormAnswerTheRefusalPageWithTheMenu() {
		WebSession reviewer = signIn("relect", "mot-de-passe-relect");
		String refused = page("/comptes", reviewer, HttpStatus.FORBIDDEN);
		assertThat(refused).contains("Accès refusé : votre rôle ne permet pas cette action.");
		assertProductPage(refused, "/comptes", "Rémi Relecture");

		WebSession coordinator = signIn("coord", "mot-de-passe-coord");
		String stale = web.post().uri("/vacataires").cookie("SESSION", coordinator.cookie()).accept(MediaType.TEXT_HTML)
			.body(BodyInserters.fromFormData("lastname", "Lambert").with("firstname", "Anne").with("_csrf", "jeton-perime"))
			.exchange()
			.expectStatus().isForbidden()
			.expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(stale).contains("Ce formulaire a expiré").doesNotContain("Access Denied");
		assertProductPage(stale, "POST /vacataires", "Claire Coordination");
		assertThat(count("select count(*) from vacataire where lastname = 'Lambert'")).isZero();
	}

	@Test
	void aPageBeyondTheEndOfAListShowsItsLastPage() {
		WebSession coordinator = signIn("coord", "mot-de-passe-coord");
		long modules = count("select count(*) from module where archived_at is null");
		String page = page("/modules?page=999", coordinator, HttpStatus.OK);
		long last = (modules - 1) / 50 + 1;
		assertThat(page).contains("sur " + modules).contains("Page " + last + " sur " + last).doesNotContain("49 901");
		assertThat(page(("/vacataires?page=999"), coordinator, HttpStatus.OK)).contains("Page ").doesNotContain("19 961");
	}

	private String page(String uri, WebSession session, HttpStatus status) {
		EntityExchangeResult<String> result = web.get().uri(uri).cookie("SESSION", session.cookie()).accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus().isEqualTo(status)
			.expectBody(String.class).returnResult();
		assertThat(result.getResponseHeaders().getContentType()).as(uri).isNotNull();
		assertThat(result.getResponseHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).as(uri + " : du HTML").isTrue();
		return result.getResponseBody().replace("&#39;", "'");
	}

	/** The layout of the product, in French, with the menu of the person signed in; not JSON, not a bare page. */
	private static void assertProductPage(String page, String what, String who) {
		assertThat(page).as(what).startsWith("<!DOCTYPE html>").contains("lang=\"fr-BE\"").contains("class=\"main-nav\"")
			.contains("Tableau de bord").contains(who).contains("</footer>")
			.doesNotContain("Whitelabel").doesNotContain("\"timestamp\"").doesNotContain("Not Found").doesNotContain("Bad Request");
	}
}
