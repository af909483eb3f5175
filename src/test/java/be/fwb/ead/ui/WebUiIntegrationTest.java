package be.fwb.ead.ui;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import be.fwb.ead.IntegrationTest;
import be.fwb.ead.security.Accounts;
import be.fwb.ead.security.Role;
import be.fwb.ead.sync.SyncLauncher;
import be.fwb.ead.sync.SyncMode;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web UI over HTTP, without a browser: sign-in and CSRF, roles, error pages, htmx fragments, language, and the
 * exports' bytes (what Excel in fr-BE will open).
 */
class WebUiIntegrationTest extends IntegrationTest {

	private static final MediaType HTML = MediaType.TEXT_HTML;

	@Autowired
	Accounts accounts;

	@Autowired
	SyncLauncher launcher;

	@Autowired
	be.fwb.ead.reviews.Rubrics rubrics;

	@Autowired
	be.fwb.ead.recruitment.Recruitment recruitment;

	@BeforeEach
	void accounts() {
		await(accounts.create("coord", "mot-de-passe-coord", Role.COORDINATOR, "Claire Coordination", null));
		await(accounts.create("relect", "mot-de-passe-relect", Role.REVIEWER, "Rémi Relecture", null));
		await(accounts.create("vac", "mot-de-passe-vac", Role.VACATAIRE, "Véra Vacataire", null));
	}

	/** A browser's session: its cookie and the CSRF token of its last page. */
	@Test
	void pagesAskToSignInFirstAndHtmxIsToldWhereToGo() {
		web.get().uri("/modules").accept(HTML).exchange()
			.expectStatus().isFound()
			.expectHeader().location("/connexion");
		web.get().uri("/modules").header("HX-Request", "true").exchange()
			.expectStatus().isUnauthorized()
			.expectHeader().valueEquals("HX-Redirect", "/connexion");
		web.get().uri("/connexion").accept(HTML).exchange()
			.expectStatus().isOk()
			.expectHeader().valueMatches("Content-Security-Policy", ".*script-src 'self'.*")
			.expectBody(String.class).value(b -> assertThat(b).contains("<html lang=\"fr-BE\">").contains("Identifiant"));
	}

	@Test
	void signInNeedsTheCsrfTokenAndRefusesVacatairesAndWrongPasswords() {
		WebSession anonymous = anonymous();
		web.post().uri("/connexion").cookie("SESSION", anonymous.cookie())
			.body(BodyInserters.fromFormData("username", "coord").with("password", "mot-de-passe-coord"))
			.exchange()
			.expectStatus().isForbidden();
		assertThat(signInRedirect("vac", "mot-de-passe-vac")).isEqualTo("/connexion?refuse");
		assertThat(signInRedirect("coord", "mauvais")).isEqualTo("/connexion?erreur");
		assertThat(signInRedirect("coord", "mot-de-passe-coord")).isEqualTo("/");
	}

	@Test
	void linksWithAnAnchorLeadToTheirPageAndNoLinkShowsItsExpression(@Autowired be.fwb.ead.training.Training training) {
		syncedCatalogue();
		long session = await(training.plan(new be.fwb.ead.training.Training.NewSession("INITIAL", "TUTORING", "Tutorat à distance",
				clock.instant().plus(java.time.Duration.ofDays(10)), 180, "VIRTUAL", null, 20), "coord"));
		WebSession coord = signIn("coord", "mot-de-passe-coord");
		String attention = page(coord, "/attention");
		assertThat(attention).as("« Inscrire à » d'une formation exigée manquante").contains("href=\"/formations/" + session + "#missing\"");
		// More than the 100 shown: the way to all of them in sight, the list saying it holds the first ones.
		assertThat(attention).contains("href=\"/attention?genre=MOODLE_ROLE_WITHOUT_ASSIGNMENT\" id=\"all-MOODLE_ROLE_WITHOUT_ASSIGNMENT\"")
			.contains("Voir les 100 premières");
		String imports = page(coord, "/vacataires/import");
		assertThat(imports).as("les vacataires sans titre couvrant").containsPattern("href=\"/vacataires/\\d+#titres\"");
		for (String html : List.of(attention, imports)) {
			assertThat(java.util.regex.Pattern.compile("href=\"([^\"]*)\"").matcher(html).results().map(m -> m.group(1)))
				.as("liens rendus").isNotEmpty()
				.noneMatch(h -> h.contains("${") || h.contains("(id=") || h.contains("{id}") || h.contains("+ '"));
		}
	}

	/** A journal line about a training session or a review leads to it, and to the vacataire's file when it names one. */
	@Test
	void theJournalLeadsToTheSessionOrReviewALineIsAbout(@Autowired be.fwb.ead.training.Training training,
			@Autowired be.fwb.ead.reviews.Reviews reviews) {
		syncedCatalogue();
		long vacataire = count("select min(vacataire_id) from module_role");
		long session = await(training.plan(new be.fwb.ead.training.Training.NewSession("INITIAL", "MOODLE", "Moodle pour les tuteurs",
				clock.instant().minus(java.time.Duration.ofDays(2)), 180, "VIRTUAL", null, 20), "coord"));
		await(training.recordCompleted(session, java.util.List.of(vacataire), "coord"));
		long review = await(reviews.plan(count("select min(id) from module"), "relect", null, null, "coord"));
		String journal = page(signIn("coord", "mot-de-passe-coord"), "/journal");
		assertThat(journal).contains("href=\"/formations/" + session + "\">→ session</a>")
			.contains("href=\"/revues/" + review + "\">→ revue</a>")
			.contains("href=\"/vacataires/" + vacataire + "\">→ fiche</a>");
	}

	/** An empty list says « for these criteria » only when the user narrowed it; before the first sync, that there is nothing yet. */
	@Test
	void anEmptyListSaysWhyItIsEmpty() {
		WebSession coord = signIn("coord", "mot-de-passe-coord");
		for (String list : new String[] { "/vacataires", "/modules", "/affectations", "/synchronisations" }) {
			assertThat(page(coord, list)).as(list).contains("Rien à afficher pour l’instant.").doesNotContain("pour ces critères");
		}
		for (String list : new String[] { "/vacataires?q=personne", "/modules?q=aucun", "/affectations?role=TUTOR", "/journal?qui=personne" }) {
			assertThat(page(coord, list)).as(list).contains("Aucun résultat pour ces critères.").doesNotContain("pour l’instant");
		}
		assertThat(page(coord, "/journal")).as("the journal: its reads too").contains("Rien à afficher pour l’instant.")
			.doesNotContain("pour ces critères");
	}

	@Test
	void signingInAfterOpeningASignInAddressLandsOnTheDashboardAndAfterAnotherPageOnThatPage() {
		for (String start : new String[] { "/login", "/connexion?x", "/deconnexion", "/modules?q=math" }) {
			var first = web.get().uri(start).accept(HTML).exchange().returnResult(String.class);
			var cookie = first.getResponseCookies().getFirst("SESSION");
			String session = cookie != null ? cookie.getValue() : anonymous().cookie();
			EntityExchangeResult<String> page = web.get().uri("/connexion").cookie("SESSION", session).accept(HTML).exchange()
				.expectStatus().isOk().expectBody(String.class).returnResult();
			// The sign-in page opens a session when the first address left none.
			ResponseCookie opened = page.getResponseCookies().getFirst("SESSION");
			session = opened != null ? opened.getValue() : session;
			String login = page.getResponseBody();
			String location = web.post().uri("/connexion").cookie("SESSION", session)
				.body(BodyInserters.fromFormData(form("coord", "mot-de-passe-coord", csrf(login))))
				.exchange()
				.expectStatus().is3xxRedirection()
				.returnResult(Void.class).getResponseHeaders().getLocation().toString();
			assertThat(location).as("après " + start).isEqualTo(start.startsWith("/modules") ? start : "/");
		}
	}

	@Test
	void aReviewerIsRefusedTheSyncButtonWithAFrenchPageAndACoordinatorStartsOne() {
		WebSession reviewer = signIn("relect", "mot-de-passe-relect");
		web.post().uri("/synchronisations").cookie("SESSION", reviewer.cookie()).accept(HTML)
			.body(BodyInserters.fromFormData("mode", "FULL").with("_csrf", reviewer.csrf()))
			.exchange()
			.expectStatus().isForbidden()
			.expectBody(String.class).value(b -> assertThat(b).contains("Accès refusé"));
		assertThat(page(reviewer, "/")).doesNotContain("start-sync");

		WebSession coordinator = signIn("coord", "mot-de-passe-coord");
		assertThat(page(coordinator, "/")).contains("start-sync");
		web.post().uri("/synchronisations").cookie("SESSION", coordinator.cookie())
			.body(BodyInserters.fromFormData("mode", "FULL").with("_csrf", coordinator.csrf()))
			.exchange()
			.expectStatus().isSeeOther()
			.expectHeader().location("/?lancee=1");
		assertThat(count("select count(*) from sync_run where mode = 'FULL' and triggered_by = 'coord'")).isEqualTo(1);
	}

	@Test
	void listsAnswerHtmxWithTheirResultsOnlyAndErrorsWithPagesInTheReadersLanguage() {
		syncedCatalogue();
		WebSession s = signIn("relect", "mot-de-passe-relect");
		String fragment = web.get().uri("/modules?q=ecrire&size=5").cookie("SESSION", s.cookie())
			.header("HX-Request", "true").header("HX-Target", "resultats")
			.exchange().expectStatus().isOk()
			.expectHeader().valueMatches(HttpHeaders.VARY, ".*HX-Target.*")
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(fragment).startsWith("<div id=\"resultats\">").doesNotContain("<html").contains("Écrire un texte argumenté");
		assertThat(page(s, "/modules?withoutTutor=true&state=all&sort=learners")).contains("Résultats");

		web.get().uri("/modules/999999").cookie("SESSION", s.cookie()).accept(HTML).exchange()
			.expectStatus().isNotFound()
			.expectBody(String.class).value(b -> assertThat(b).contains("Aucun module n’a l’identifiant 999999"));
		web.get().uri("/modules?sort=au-hasard").cookie("SESSION", s.cookie()).accept(HTML).exchange()
			.expectStatus().isBadRequest()
			.expectBody(String.class).value(b -> assertThat(b).contains("Tri inconnu"));
		web.get().uri("/vacataires?status=PARTI").cookie("SESSION", s.cookie()).accept(HTML).exchange()
			.expectStatus().isBadRequest()
			.expectBody(String.class).value(b -> assertThat(b).contains("Statut inconnu"));
	}

	@Test
	void theLanguageIsAChoiceRememberedInACookieAndTheSwitchOnlyGoesBackToThisSite() {
		EntityExchangeResult<Void> english = web.get().uri("/langue?lang=en&retour=/modules?q=x").exchange()
			.expectStatus().isSeeOther()
			.expectHeader().location("/modules?q=x")
			.expectBody().isEmpty();
		ResponseCookie cookie = english.getResponseCookies().getFirst("ead-lang");
		assertThat(cookie).isNotNull();
		assertThat(cookie.getValue()).isEqualTo("en");
		web.get().uri("/connexion").cookie("ead-lang", "en").exchange()
			.expectBody(String.class).value(b -> assertThat(b).contains("<html lang=\"en\">").contains("Sign in"));
		web.get().uri("/langue?lang=fr&retour=//ailleurs.example/piege").exchange()
			.expectStatus().isSeeOther()
			.expectHeader().location("/");
		web.get().uri("/langue?lang=fr&retour=https://ailleurs.example/").exchange().expectHeader().location("/");
	}

	@Test
	void theCsvExportIsUtf8WithABomAndSemicolonsAndTheXlsxKeepsAccents() throws IOException {
		syncedCatalogue();
		WebSession s = signIn("relect", "mot-de-passe-relect");
		EntityExchangeResult<byte[]> csv = web.get().uri("/modules/export.csv?q=ecrire").cookie("SESSION", s.cookie())
			.exchange()
			.expectStatus().isOk()
			.expectHeader().contentType("text/csv;charset=UTF-8")
			.expectHeader().valueMatches(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"modules-\\d{4}-\\d\\d-\\d\\d\\.csv\".*")
			.expectBody().returnResult();
		byte[] bytes = csv.getResponseBody();
		assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
		String[] lines = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).split("\r\n");
		assertThat(lines[0]).isEqualTo("ID Moodle;Nom abrégé;Nom complet;Niveau;Matière;Visible;Archivé;Apprenants;"
				+ "Concepteurs;Tuteurs;Dernière modification;Lien Moodle");
		long matching = count("select count(*) from module where archived_at is null and search_key like '%ecrire%'");
		assertThat(lines).hasSize((int) matching + 1);
		assertThat(lines[1]).contains("Écrire un texte argumenté").matches("\\d+;.*;\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2};http.*");

		byte[] xlsx = web.get().uri("/vacataires/export.xlsx").cookie("SESSION", s.cookie()).exchange()
			.expectStatus().isOk()
			.expectHeader().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
			.expectBody().returnResult().getResponseBody();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = book.getSheetAt(0);
			assertThat(sheet.getSheetName()).isEqualTo("Vacataires");
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Nom");
			assertThat(sheet.getLastRowNum()).isEqualTo((int) count("select count(*) from vacataire"));
			StringBuilder names = new StringBuilder();
			sheet.forEach(row -> names.append(row.getCell(1).getStringCellValue()).append(' '));
			assertThat(names.toString()).contains("Zoë").contains("Hélène");
		}
	}

	@Autowired
	be.fwb.ead.referentials.Referentials referentials;

	@Autowired
	be.fwb.ead.referentials.Exams exams;

	@Test
	void theAnalysesExportToXlsxOneLinePerExamPartAndPerGap() throws IOException {
		try (java.io.InputStream in = getClass().getResourceAsStream("/referentials/francais-tronc-commun.csv")) {
			long id = await(referentials.importFile(in.readAllBytes(), "coord")).id();
			await(exams.define("CE1D-FR", "CE1D – français", null, java.util.List.of(
					new be.fwb.ead.referentials.Exams.PartDefinition("Lecture", 60, java.util.List.of("FR-LIRE-1-1-a")),
					new be.fwb.ead.referentials.Exams.PartDefinition("Écriture", 40, java.util.List.of("FR-ECR-1-1-a"))), "coord"));
			WebSession s = signIn("relect", "mot-de-passe-relect");
			try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(download(s, "/analyse/epreuves.xlsx")))) {
				Sheet sheet = book.getSheetAt(0);
				assertThat(sheet.getLastRowNum()).isEqualTo(2);
				assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("CE1D – français (CE1D-FR)");
				assertThat(sheet.getRow(2).getCell(2).getStringCellValue()).isEqualTo("Écriture");
				assertThat(sheet.getRow(2).getCell(3).getNumericCellValue()).isEqualTo(40);
			}
			try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(download(s, "/analyse/" + id + "/lacunes.xlsx")))) {
				// Nothing is mapped: all 11 competencies are gaps, in tree order.
				Sheet sheet = book.getSheetAt(0);
				assertThat(sheet.getSheetName()).isEqualTo("Lacunes");
				assertThat(sheet.getLastRowNum()).isEqualTo(11);
				assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("FR-LIRE");
			}
		}
	}

	@Test
	void aReferentialExportedToXlsxImportsBackToTheSameTreeAndTheMatrixHasItsTotals() throws IOException {
		syncedCatalogue();
		try (java.io.InputStream in = getClass().getResourceAsStream("/referentials/francais-tronc-commun.csv")) {
			long id = await(referentials.importFile(in.readAllBytes(), "coord")).id();
			long module = count("select min(id) from module");
			await(db.sql("insert into competency_mapping (module_id, competency_id, depth, mapped_by, mapped_at) "
					+ "select " + module + ", id, 'MASTERED', 'coord', :now from competency where idnumber = 'FR-ECR-1-1'")
				.bind("now", clock.instant()).then());
			WebSession s = signIn("relect", "mot-de-passe-relect");
			byte[] xlsx = download(s, "/analyse/" + id + "/referentiel.xlsx");
			be.fwb.ead.referentials.Referentials.Imported again = await(referentials.importFile(xlsx, "coord"));
			assertThat(again.version()).isEqualTo(2);
			assertThat(await(referentials.tree(again.id()))).extracting(c -> c.idnumber() + "<" + c.parentIdnumber() + ":" + c.shortname()
					+ ":" + c.description()).containsExactlyElementsOf(await(referentials.tree(id)).stream()
						.map(c -> c.idnumber() + "<" + c.parentIdnumber() + ":" + c.shortname() + ":" + c.description()).toList());

			try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(download(s, "/analyse/" + id + "/matrice.xlsx")))) {
				Sheet sheet = book.getSheetAt(0);
				// 522 modules, then the totals; 3 columns, then the 11 competencies in tree order.
				assertThat(sheet.getLastRowNum()).isEqualTo(523);
				assertThat(sheet.getRow(0).getCell(3).getStringCellValue()).isEqualTo("FR-LIRE");
				assertThat(sheet.getRow(0).getLastCellNum()).isEqualTo((short) 14);
				int ecr = 3 + 9;
				assertThat(sheet.getRow(0).getCell(ecr).getStringCellValue()).isEqualTo("FR-ECR-1-1");
				String shortname = await(db.sql("select shortname from module where id = " + module).map(r -> r.get(0, String.class)).one());
				org.apache.poi.ss.usermodel.Row row = java.util.stream.IntStream.rangeClosed(1, 522).mapToObj(sheet::getRow)
					.filter(r -> r.getCell(0).getStringCellValue().equals(shortname)).findFirst().orElseThrow();
				assertThat(row.getCell(ecr).getStringCellValue()).isEqualTo("M");
				assertThat(row.getCell(2).getNumericCellValue()).isEqualTo(1);
				assertThat(row.getCell(3)).isNull();
				assertThat(sheet.getRow(523).getCell(0).getStringCellValue()).isEqualTo("Total");
				assertThat(sheet.getRow(523).getCell(ecr).getNumericCellValue()).isEqualTo(1);
				assertThat(sheet.getRow(523).getCell(3).getNumericCellValue()).isZero();
			}
		}
	}

	@Test
	void anExamIsDefinedOnScreenAndARefusedFormKeepsWhatWasTyped() {
		try (java.io.InputStream in = getClass().getResourceAsStream("/referentials/francais-tronc-commun.csv")) {
			await(referentials.importFile(in.readAllBytes(), "coord"));
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		WebSession reviewer = signIn("relect", "mot-de-passe-relect");
		web.get().uri("/analyse/examens/nouveau").cookie("SESSION", reviewer.cookie()).accept(HTML).exchange()
			.expectStatus().isForbidden();
		WebSession s = signIn("coord", "mot-de-passe-coord");
		String form = web.get().uri("/analyse/examens/nouveau").cookie("SESSION", s.cookie()).accept(HTML).exchange()
			.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
		String csrf = csrf(form);
		MultiValueMap<String, String> typed = new LinkedMultiValueMap<>();
		typed.add("_csrf", csrf);
		typed.add("existing", "false");
		typed.add("code", "ce1d-fr");
		typed.add("name", "CE1D – français");
		typed.add("level", "");
		typed.addAll("partName", java.util.List.of("Lecture", "Écriture", ""));
		typed.addAll("partWeight", java.util.List.of("60", "quarante", ""));
		typed.addAll("partCompetencies", java.util.List.of("FR-LIRE-1-1-a\nFR-LIRE-1-1-b", "FR-ECR-1-1-a", ""));
		String refused = web.post().uri("/analyse/examens").cookie("SESSION", s.cookie()).accept(HTML)
			.body(BodyInserters.fromFormData(typed)).exchange()
			.expectStatus().isEqualTo(422).expectBody(String.class).returnResult().getResponseBody();
		assertThat(refused).contains("le poids « quarante » n’est pas un nombre entier").contains("value=\"quarante\"")
			.contains("FR-LIRE-1-1-a\nFR-LIRE-1-1-b");
		assertThat(count("select count(*) from exam")).isZero();

		typed.set("partWeight", "60");
		typed.add("partWeight", "40");
		typed.add("partWeight", "");
		typed.add("sessions", "15/06/2027\n31/06/2027");
		web.post().uri("/analyse/examens").cookie("SESSION", s.cookie()).accept(HTML).body(BodyInserters.fromFormData(typed)).exchange()
			.expectStatus().isEqualTo(422).expectBody(String.class)
			.value(b -> assertThat(b).contains("Valeur non reconnue : « 31/06/2027 » (attendu : une date existante, écrite comme 01/09/2026, entre 1900 et 2199).").contains("31/06/2027"));
		assertThat(count("select count(*) from exam")).isZero();
		typed.set("sessions", "15/06/2027\n2027-08-20");
		web.post().uri("/analyse/examens").cookie("SESSION", s.cookie()).accept(HTML).body(BodyInserters.fromFormData(typed)).exchange()
			.expectStatus().is3xxRedirection().expectHeader().valueEquals("Location", "/analyse/examens/CE1D-FR");
		be.fwb.ead.referentials.Exams.Definition saved = await(exams.find("CE1D-FR"));
		assertThat(saved.parts()).extracting(p -> p.name() + " " + p.weight() + " " + p.competencies())
			.containsExactly("Lecture 60 [FR-LIRE-1-1-a, FR-LIRE-1-1-b]", "Écriture 40 [FR-ECR-1-1-a]");
		assertThat(saved.sessions()).containsExactly(java.time.LocalDate.of(2027, 6, 15), java.time.LocalDate.of(2027, 8, 20));
		// A part of a page asked by htmx before the page itself (a live search answering late) leaves the outcome to the page.
		web.get().uri("/modules?q=ecrire").cookie("SESSION", s.cookie()).header("HX-Request", "true").header("HX-Target", "resultats")
			.exchange().expectStatus().isOk();
		String page = web.get().uri("/analyse/examens/CE1D-FR").cookie("SESSION", s.cookie()).accept(HTML).exchange()
			.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
		assertThat(page).contains("Enregistré.").contains("value=\"Écriture\"").contains("15/06/2027\n20/08/2027");
		web.post().uri("/analyse/examens/CE1D-FR/supprimer").cookie("SESSION", s.cookie()).accept(HTML)
			.body(BodyInserters.fromFormData("_csrf", csrf(page))).exchange().expectStatus().is3xxRedirection();
		assertThat(count("select count(*) from exam")).isZero();
		assertThat(count("select count(*) from change_log where entity = 'exam'")).isEqualTo(2);
	}

	@Test
	void theReviewScreensFollowTheRolesAndACampaignIsPreviewedBeforeItIsCreated() throws IOException {
		syncedCatalogue();
		await(accounts.create("autre", "mot-de-passe-autre", Role.REVIEWER, "Alice Autre", null));
		WebSession coordinator = signIn("coord", "mot-de-passe-coord");
		String campaigns = page(coordinator, "/revues/campagnes");
		assertThat(campaigns).contains("Modules à relire (").contains("jamais relu (+40)");
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("_csrf", csrf(campaigns));
		form.add("name", "Campagne d'hiver");
		form.add("size", "4");
		form.add("horizonDays", "120");
		form.add("reviewer", "relect");
		form.add("reviewer", "autre");
		form.add("action", "apercu");
		String preview = web.post().uri("/revues/campagnes").cookie("SESSION", coordinator.cookie()).accept(HTML)
			.body(BodyInserters.fromFormData(form)).exchange()
			.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
		assertThat(preview).contains("Aperçu : 4 modules choisis").contains("relect : 0 → 2 revues en cours")
			.contains("value=\"Campagne d&#39;hiver\"");
		assertThat(count("select count(*) from review")).isZero();
		form.set("size", "beaucoup");
		web.post().uri("/revues/campagnes").cookie("SESSION", coordinator.cookie()).accept(HTML).body(BodyInserters.fromFormData(form))
			.exchange().expectStatus().isEqualTo(422)
			.expectBody(String.class).value(b -> assertThat(b).contains("« beaucoup » n’est pas un nombre entier"));
		form.set("size", "4");
		form.set("action", "creer");
		String location = web.post().uri("/revues/campagnes").cookie("SESSION", coordinator.cookie()).accept(HTML)
			.body(BodyInserters.fromFormData(form)).exchange()
			.expectStatus().is3xxRedirection().returnResult(Void.class).getResponseHeaders().getLocation().toString();
		assertThat(location).matches("/revues/campagnes/\\d+");
		assertThat(count("select count(*) from review where state = 'PLANNED'")).isEqualTo(4);
		assertThat(page(coordinator, location)).contains("Campagne d&#39;hiver").contains("0 décidée sur 4 (0 %)");

		WebSession reviewer = signIn("relect", "mot-de-passe-relect");
		String list = page(reviewer, "/revues");
		String table = list.substring(list.indexOf("id=\"reviews\""), list.indexOf("</table>", list.indexOf("id=\"reviews\"")));
		assertThat(table.split("<tr>", -1).length - 2).as("les deux revues de relect, pas celles d'autre").isEqualTo(2);
		web.post().uri("/revues/campagnes").cookie("SESSION", reviewer.cookie()).accept(HTML).body(BodyInserters.fromFormData(form))
			.exchange().expectStatus().isForbidden();
		long mine = count("select min(id) from review where reviewer = 'relect'");
		long theirs = count("select min(id) from review where reviewer = 'autre'");
		web.post().uri("/revues/" + theirs + "/commencer").cookie("SESSION", reviewer.cookie()).accept(HTML)
			.body(BodyInserters.fromFormData("_csrf", reviewer.csrf())).exchange()
			.expectStatus().isForbidden().expectBody(String.class).value(b -> assertThat(b).contains("Seul le relecteur désigné (autre)"));
		// A coordinator neither steps a review given to another: they reassign it, and the page offers them no step.
		web.post().uri("/revues/" + theirs + "/commencer").cookie("SESSION", coordinator.cookie()).accept(HTML)
			.body(BodyInserters.fromFormData("_csrf", coordinator.csrf())).exchange()
			.expectStatus().isForbidden().expectBody(String.class).value(b -> assertThat(b).contains("Seul le relecteur désigné (autre)"));
		assertThat(count("select count(*) from review where state = 'PLANNED'")).isEqualTo(4);
		assertThat(page(coordinator, "/revues/" + theirs)).doesNotContain("id=\"start\"").contains("id=\"reassign-form\"");
		web.post().uri("/revues/" + theirs + "/relecteur").cookie("SESSION", reviewer.cookie()).accept(HTML)
			.body(BodyInserters.fromFormData("_csrf", reviewer.csrf()).with("reviewer", "relect")).exchange().expectStatus().isForbidden();
		web.post().uri("/revues/" + mine + "/commencer").cookie("SESSION", reviewer.cookie()).accept(HTML)
			.body(BodyInserters.fromFormData("_csrf", reviewer.csrf())).exchange()
			.expectStatus().is3xxRedirection().expectHeader().location("/revues/" + mine);
		long criterion = count("select min(id) from rubric_criterion");
		web.post().uri("/revues/" + mine + "/constats").cookie("SESSION", reviewer.cookie()).accept(HTML)
			.body(BodyInserters.fromFormData("_csrf", reviewer.csrf()).with("criterion", Long.toString(criterion))
				.with("score-" + criterion, "9"))
			.exchange().expectStatus().is3xxRedirection();
		assertThat(page(reviewer, "/revues/" + mine)).contains("se note de 1 à 4");
		web.post().uri("/revues/" + mine + "/constats").cookie("SESSION", reviewer.cookie()).accept(HTML)
			.body(BodyInserters.fromFormData("_csrf", reviewer.csrf()).with("criterion", Long.toString(criterion))
				.with("score-" + criterion, "2").with("comment-" + criterion, "=HYPERLINK(\"x\") balises manquantes"))
			.exchange().expectStatus().is3xxRedirection();
		assertThat(page(reviewer, "/revues/" + mine)).contains("Constats enregistrés.");

		long module = count("select module_id from review where id = " + mine);
		assertThat(page(reviewer, "/revues/modules/" + module)).contains("en revue").doesNotContain("plan-form");
		assertThat(page(coordinator, "/revues/modules/" + module)).contains("review-in-progress").doesNotContain("plan-form");
		// Without JavaScript, the module page's link leads to a page of its reviews; a module never reviewed says so.
		long never = count("select min(id) from module where id not in (select module_id from review)");
		assertThat(page(coordinator, "/modules/" + never)).contains("href=\"/revues/modules/" + never + "\"");
		String none = page(coordinator, "/revues/modules/" + never);
		assertThat(none).contains("Jamais relu.").contains("<h1>").contains("href=\"/modules/" + never + "\"");
		web.get().uri("/revues/modules/" + never).cookie("SESSION", coordinator.cookie()).header("HX-Request", "true").accept(HTML)
			.exchange().expectStatus().isOk().expectBody(String.class).value(html -> assertThat(html).doesNotContain("<h1>"));
		assertThat(page(reviewer, "/revues/grilles")).contains("Conformité légale").contains("seuil 70 %");
		assertThat(page(reviewer, "/revues/modules/" + module + "/rapport")).contains("Revue n° " + mine).contains("balises manquantes");
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(download(reviewer, "/revues/modules/" + module + "/rapport.xlsx")))) {
			Sheet sheet = book.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Revue n°");
			// Planned, started, one finding.
			assertThat(sheet.getLastRowNum()).isEqualTo(3);
			assertThat(sheet.getRow(3).getCell(2).getStringCellValue()).isEqualTo("Constat");
			assertThat(sheet.getRow(3).getCell(7).getStringCellValue()).isEqualTo("2 / 4");
			assertThat(sheet.getRow(3).getCell(8).getStringCellValue()).startsWith("=HYPERLINK");
			assertThat(sheet.getRow(3).getCell(8).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
		}
	}

	@Test
	void aRubricEditedOnScreenBecomesItsNextVersionAndARefusedFormKeepsWhatWasTyped() {
		WebSession reviewer = signIn("relect", "mot-de-passe-relect");
		web.get().uri("/revues/grilles/EAD-QUALITE").cookie("SESSION", reviewer.cookie()).accept(HTML).exchange().expectStatus().isForbidden();
		assertThat(page(reviewer, "/revues/grilles")).doesNotContain("edit-EAD-QUALITE");
		WebSession coordinator = signIn("coord", "mot-de-passe-coord");
		String form = page(coordinator, "/revues/grilles/EAD-QUALITE");
		assertThat(form).contains("version 2").contains("value=\"Conformité légale\"");
		MultiValueMap<String, String> typed = new LinkedMultiValueMap<>();
		typed.add("_csrf", csrf(form));
		typed.add("existing", "true");
		typed.add("code", "EAD-QUALITE");
		typed.add("name", "Grille qualité des modules EAD");
		typed.add("passThreshold", "75");
		typed.addAll("section", java.util.List.of("Normes", "Légal", ""));
		typed.addAll("label", java.util.List.of("Balises appliquées", "Droits d'auteur acquis", ""));
		typed.addAll("kind", java.util.List.of("SCALE", "PASS_FAIL", "SCALE"));
		typed.addAll("scaleMax", java.util.List.of("5", "", "4"));
		typed.addAll("weight", java.util.List.of("lourd", "1", "1"));
		web.post().uri("/revues/grilles").cookie("SESSION", coordinator.cookie()).accept(HTML).body(BodyInserters.fromFormData(typed))
			.exchange().expectStatus().isEqualTo(422).expectBody(String.class).value(b -> assertThat(b)
				.contains("Critère « Balises appliquées » : le poids « lourd » n’est pas un nombre entier.")
				.contains("value=\"lourd\"").contains("Droits d&#39;auteur acquis"));
		assertThat(count("select count(*) from rubric")).isOne();
		typed.set("weight", "3");
		typed.add("weight", "1");
		typed.add("weight", "1");
		web.post().uri("/revues/grilles").cookie("SESSION", coordinator.cookie()).accept(HTML).body(BodyInserters.fromFormData(typed))
			.exchange().expectStatus().is3xxRedirection().expectHeader().location("/revues/grilles");
		be.fwb.ead.reviews.Rubrics.Rubric v2 = await(rubrics.latest("EAD-QUALITE"));
		assertThat(v2.version()).isEqualTo(2);
		assertThat(v2.passThreshold()).isEqualTo(75);
		assertThat(v2.criteria()).extracting(c -> c.label() + " " + c.kind() + " " + c.scaleMax() + " " + c.weight())
			.containsExactly("Balises appliquées SCALE 5 3", "Droits d'auteur acquis PASS_FAIL null 1");
		assertThat(page(coordinator, "/revues/grilles")).contains("Grille enregistrée.").contains("version 2").contains("seuil 75 %");
	}

	@Test
	void aCandidatesScoreAndTheDatesOfJournalLinesReadTheBelgianWay() {
		long campaign = await(recruitment.open("Tuteurs 2027", clock.today().minusDays(1), clock.today().plusDays(30),
				java.util.List.of(new be.fwb.ead.recruitment.Recruitment.Need("Secondaire inférieur – CE1D", "Français", "TUTOR", 60)), "coord"));
		long k = await(recruitment.apply(campaign, new be.fwb.ead.vacataires.VacataireFile.Identity("Hélène", "Lambert",
				"helene.lambert@ead.test", null, null, null), java.util.List.of(), "coord"));
		await(recruitment.grid().collectList().flatMap(grid -> recruitment.score(k, grid.stream()
			.map(c -> new be.fwb.ead.recruitment.Recruitment.Score(c.id(), 4, "Solide")).toList(), "coord")));
		WebSession coordinator = signIn("coord", "mot-de-passe-coord");
		String scored = page(coordinator, "/recrutement/candidatures/" + k);
		// The evaluator's own grid comes back with their scores and justifications, to change them (not an empty grid).
		assertThat(scored.substring(scored.indexOf("id=\"score-form\""))).contains("value=\"Solide\"")
			.contains("<option value=\"4\" selected=\"selected\">4</option>");
		assertThat(page(coordinator, "/recrutement/candidatures/" + k)).contains("Note 4,0 / 5").doesNotContain("4.0")
			.as("a candidacy without documents says so under its heading").contains("Aucun document reçu avec cette candidature.");
		assertThat(page(coordinator, "/recrutement/" + campaign)).contains("4,0 / 5");
	}

	/**
	 * A reviewer reads the catalogue, the vacataires and the analyses, and changes only reviews: no page shows them a
	 * form they would be refused (a vacataire's status, identity, titles, assignments, a module's competencies…).
	 */
	@Test
	void aReviewerIsShownNoFormTheyWouldBeRefused(@Autowired be.fwb.ead.titles.Titles titles) {
		syncedCatalogue();
		long module = count("select min(module_id) from module_role");
		long vacataire = count("select min(vacataire_id) from module_role");
		// A title held: its « Retirer » button is a form too.
		await(titles.grant(vacataire, await(titles.save("AESI-FR", "AESI français", List.of(), "coord")), null, null, "coord"));
		long referential = count("select coalesce(min(id), 0) from referential");
		WebSession reviewer = signIn("relect", "mot-de-passe-relect");
		java.util.regex.Pattern form = java.util.regex.Pattern.compile("<form\\b[^>]*>");
		java.util.regex.Pattern action = java.util.regex.Pattern.compile("\\baction=\"([^\"]*)\"");
		java.util.regex.Pattern allowed = java.util.regex.Pattern
			.compile("/deconnexion|/langue|/revues/\\d+/(commencer|constats|modifications|reprendre|approuver|refuser)");
		List<String> shown = new java.util.ArrayList<>();
		List<String> pages = new java.util.ArrayList<>(List.of("/", "/modules", "/modules/" + module, "/revues/modules/" + module,
				"/modules/" + module + "/competences", "/modules/" + module + "/affectations", "/vacataires", "/vacataires/" + vacataire, "/vacataires/" + vacataire + "/titres",
				"/vacataires/" + vacataire + "/affectations", "/affectations", "/titres", "/revues", "/revues/campagnes", "/revues/grilles",
				"/analyse", "/synchronisations", "/synchronisations/1"));
		if (referential > 0) {
			pages.add("/analyse/" + referential);
		}
		for (String page : pages) {
			java.util.regex.Matcher m = form.matcher(page(reviewer, page));
			while (m.find()) {
				String tag = m.group();
				java.util.regex.Matcher to = action.matcher(tag);
				if (tag.toLowerCase(java.util.Locale.ROOT).contains("method=\"post\"") && (!to.find() || !allowed.matcher(to.group(1)).matches())) {
					shown.add(page + " : " + tag);
				}
			}
		}
		assertThat(shown).as("formulaires montrés à un relecteur, que le service lui refuserait").isEmpty();
	}

	/**
	 * A vacataire's trainings: what a role they hold lacks is a fault (red); for someone holding no role yet, what a first
	 * tutoring would require is to plan (not red); for someone who left, nothing.
	 */
	@Test
	void whatARoleLacksIsAFaultWhatAFirstTutoringNeedsIsToPlanAndSomeoneWhoLeftNeedsNothing(
			@Autowired be.fwb.ead.vacataires.VacataireFile files, @Autowired be.fwb.ead.training.Training training) {
		syncedCatalogue();
		await(training.plan(new be.fwb.ead.training.Training.NewSession("INITIAL", "MOODLE", "Moodle pour les tuteurs",
				clock.instant().plus(java.time.Duration.ofDays(9)), 180, "VIRTUAL", null, 20), "coord"));
		WebSession coordinator = signIn("coord", "mot-de-passe-coord");
		long holder = count("select min(vacataire_id) from module_role where role = 'TUTOR'");
		assertThat(page(coordinator, "/vacataires/" + holder + "/formations")).contains("class=\"notice error\" id=\"training-missing\"")
			.contains("Pour le tutorat, il manque :");
		long newcomer = await(files.create(new be.fwb.ead.vacataires.VacataireFile.Identity("Inès", "Nouvelle", "ines.nouvelle@ead.test",
				null, null, null), be.fwb.ead.vacataires.VacataireStatus.RETENU, "coord"));
		assertThat(page(coordinator, "/vacataires/" + newcomer + "/formations")).contains("class=\"notice\" id=\"training-missing\"")
			.contains("Avant un premier tutorat, à suivre :").doesNotContain("il manque");
		assertThat(page(coordinator, "/vacataires/" + newcomer + "/formations")).contains("action=\"/formations/inscriptions\"");
		assertThat(page(coordinator, "/vacataires/" + newcomer + "/affectations")).contains("id=\"assignment-form\"");
		// Once they completed that initial training (last year's session, recorded), its sessions to come are not offered.
		long past = await(training.plan(new be.fwb.ead.training.Training.NewSession("INITIAL", "MOODLE", "Moodle (l’an dernier)",
				clock.instant().minus(java.time.Duration.ofDays(300)), 180, "VIRTUAL", null, 20), "coord"));
		await(training.recordCompleted(past, List.of(newcomer), "coord"));
		assertThat(page(coordinator, "/vacataires/" + newcomer + "/formations")).doesNotContain("action=\"/formations/inscriptions\"");
		await(files.changeStatus(newcomer, be.fwb.ead.vacataires.VacataireStatus.SORTI, "Départ", "coord"));
		// Someone who left is offered no registration nor assignment the service would refuse (the walkthrough).
		assertThat(page(coordinator, "/vacataires/" + newcomer + "/formations")).doesNotContain("training-missing")
			.doesNotContain("action=\"/formations/inscriptions\"");
		assertThat(page(coordinator, "/vacataires/" + newcomer + "/affectations")).doesNotContain("id=\"assignment-form\"")
			.contains("Statut « Sorti » : seuls les vacataires retenus ou actifs peuvent recevoir une affectation.");
	}

	/**
	 * A campaign's need lines: a line begun and not finished is refused beside the field it lacks, on the line typed
	 * (the empty lines before it left out by the page, not by the message); a campaign with no need is refused.
	 */
	@Test
	void aCampaignsNeedLineBegunAndNotFinishedIsRefusedOnItsLine() {
		syncedCatalogue();
		WebSession coordinator = signIn("coord", "mot-de-passe-coord");
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("_csrf", coordinator.csrf());
		form.add("name", "Tuteurs de sciences");
		form.add("opensOn", clock.today().toString());
		form.add("closesOn", clock.today().plusDays(30).toString());
		assertThat(refusedCampaign(coordinator, form)).contains("Une campagne a au moins un besoin")
			.as("beside the first line's level").contains("&quot;level-1&quot;:&quot;Une campagne a au moins un besoin");
		form.set("subject-2", "Sciences");
		form.set("role-2", "TUTOR");
		assertThat(refusedCampaign(coordinator, form)).contains("Besoin 2 : indiquez le niveau, ou videz la ligne.")
			.contains("&quot;level-2&quot;:&quot;Besoin 2");
		form.set("level-2", "Secondaire inférieur – CE1D");
		assertThat(refusedCampaign(coordinator, form)).contains("Besoin 2 : indiquez les heures, ou videz la ligne.")
			.contains("&quot;hours-2&quot;");
		// Refused by the service, which numbers the needs it is given: still the form's line 2, not need 1.
		form.set("hours-2", "0");
		assertThat(refusedCampaign(coordinator, form)).contains("Besoin 2 : de 1 à 10 000 heures.")
			.contains("&quot;hours-2&quot;:&quot;Besoin 2 : de 1 à 10 000 heures.&quot;");
		form.set("hours-2", "60");
		form.set("level-3", "Klingon");
		form.set("subject-3", "Sciences");
		form.set("role-3", "AUTHOR");
		form.set("hours-3", "20");
		assertThat(refusedCampaign(coordinator, form)).contains("Niveau inconnu du catalogue : « Klingon »")
			.contains("&quot;level-3&quot;:&quot;Niveau inconnu");
		assertThat(count("select count(*) from campaign")).isZero();
		form.remove("level-3");
		form.remove("subject-3");
		form.remove("hours-3");
		form.remove("role-3");
		web.post().uri("/recrutement").cookie("SESSION", coordinator.cookie()).accept(HTML).body(BodyInserters.fromFormData(form))
			.exchange().expectStatus().is3xxRedirection();
		assertThat(count("select count(*) from campaign_need where level = 'Secondaire inférieur – CE1D' and subject = 'Sciences' "
				+ "and role = 'TUTOR' and hours = 60")).isEqualTo(1);
	}

	/** Posts the campaign form, expects its refusal, and reads the campaigns' page it leads back to. */
	private String refusedCampaign(WebSession coordinator, MultiValueMap<String, String> form) {
		web.post().uri("/recrutement").cookie("SESSION", coordinator.cookie()).accept(HTML).body(BodyInserters.fromFormData(form))
			.exchange().expectStatus().is3xxRedirection().expectHeader().location("/recrutement");
		return page(coordinator, "/recrutement");
	}

	@Test
	void theAuditTrailIsSearchedAndExportedByCoordinatorsOnly() {
		syncedCatalogue();
		WebSession coordinator = signIn("coord", "mot-de-passe-coord");
		String page = page(coordinator, "/journal?objet=moodle_course&q=EAD");
		assertThat(page).contains("Journal d’audit").contains("synchronisation Moodle").contains("Module ajouté depuis Moodle");
		// The « Objet » filter and column in words, not the change log's codes.
		assertThat(page).contains("<option value=\"moodle_course\" selected=\"selected\">Cours Moodle</option>")
			.contains(">Revue qualité</option>").contains("Cours Moodle n° ")
			.doesNotContain(">moodle_course<").doesNotContain(">review_campaign<").doesNotContain("moodle_course 1");
		// A change's before and after read as labels and values, not as the stored JSON.
		assertThat(page).contains("Après : ").contains("Nom abrégé : EAD-").doesNotContain("<pre").doesNotContain("shortname :");
		String csv = web.get().uri("/journal/export.csv?objet=moodle_course").cookie("SESSION", coordinator.cookie()).exchange()
			.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
		assertThat(csv.lines().count()).isEqualTo(1 + count("select count(*) from module"));
		// Whose file, as people know them: a name's words, a matricule, the number; each finds the same lines.
		var who = await(db.sql("select v.id, v.lastname, v.idnumber from vacataire_name v where v.idnumber is not null "
				+ "and exists (select 1 from change_log c where c.vacataire_id = v.id) order by v.id limit 1").fetch().one());
		String byNumber = page(coordinator, "/journal?vacataire=" + who.get("id"));
		String total = byNumber.replaceAll("(?s).*?(Résultats [^<]*).*", "$1");
		assertThat(total).startsWith("Résultats 1 à");
		assertThat(page(coordinator, "/journal?vacataire=" + java.net.URLEncoder.encode((String) who.get("lastname"),
				java.nio.charset.StandardCharsets.UTF_8))).contains("Résultats 1 à");
		assertThat(page(coordinator, "/journal?vacataire=" + who.get("idnumber")).replaceAll("(?s).*?(Résultats [^<]*).*", "$1"))
			.isEqualTo(total);
		assertThat(page(coordinator, "/journal?vacataire=zzz-personne")).doesNotContain("Résultats 1 à");
		// A period that ends before it begins: said on the page, its filters as typed (it was an empty list, unexplained).
		web.get().uri("/journal?du=2026-02-05&au=2026-01-03").cookie("SESSION", coordinator.cookie()).accept(HTML).exchange()
			.expectStatus().isBadRequest().expectBody(String.class)
			.value(b -> assertThat(b).contains("Recherche impossible :").doesNotContain("Rien n’a été enregistré")
				.contains("La période finit le 03/01/2026, avant de commencer le 05/02/2026")
				.contains("value=\"2026-02-05\"").contains("value=\"2026-01-03\"").contains("id=\"audit-filters\"")
				.doesNotContain("Résultats 1 à"));
		web.get().uri("/api/audit/changes?from=2026-02-05&to=2026-01-03").headers(h -> h.setBearerAuth(apiToken("coord", "mot-de-passe-coord")))
			.exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.detail")
			.value(d -> assertThat((String) d).startsWith("La période finit le 03/01/2026"));
		WebSession reviewer = signIn("relect", "mot-de-passe-relect");
		web.get().uri("/journal").cookie("SESSION", reviewer.cookie()).accept(HTML).exchange().expectStatus().isForbidden();
		assertThat(page(reviewer, "/")).doesNotContain("href=\"/journal\"");
	}

	@Test
	void aVacatairesAccountIsTiedToTheirFileByMatricule() {
		syncedCatalogue();
		WebSession coordinator = signIn("coord", "mot-de-passe-coord");
		var who = await(db.sql("select id, idnumber from vacataire_name where idnumber is not null order by id limit 1").fetch().one());
		web.post().uri("/comptes").cookie("SESSION", coordinator.cookie()).accept(HTML)
			.body(BodyInserters.fromFormData("_csrf", coordinator.csrf()).with("username", "vac.matricule").with("role", "VACATAIRE")
				.with("displayName", "Vacataire").with("vacataireId", (String) who.get("idnumber"))
				.with("password", "mot-de-passe-du-vacataire"))
			.exchange().expectStatus().is3xxRedirection();
		assertThat(count("select vacataire_id from account where username = 'vac.matricule'")).isEqualTo((Long) who.get("id"));
		web.post().uri("/comptes").cookie("SESSION", coordinator.cookie()).accept(HTML)
			.body(BodyInserters.fromFormData("_csrf", coordinator.csrf()).with("username", "vac.inconnu").with("role", "VACATAIRE")
				.with("displayName", "Vacataire").with("vacataireId", "MAT-INCONNU").with("password", "mot-de-passe-du-vacataire"))
			.exchange().expectStatus().is3xxRedirection();
		assertThat(page(coordinator, "/comptes")).contains("Aucun vacataire n’a le matricule « MAT-INCONNU »");
		assertThat(count("select count(*) from account where username = 'vac.inconnu'")).isZero();
	}

	private byte[] download(WebSession s, String path) {
		return web.get().uri(path).cookie("SESSION", s.cookie()).exchange()
			.expectStatus().isOk()
			.expectHeader().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
			.expectBody().returnResult().getResponseBody();
	}

	private WebSession anonymous() {
		EntityExchangeResult<String> page = web.get().uri("/connexion").accept(HTML).exchange()
			.expectStatus().isOk()
			.expectBody(String.class).returnResult();
		return new WebSession(page.getResponseCookies().getFirst("SESSION").getValue(), csrf(page.getResponseBody()));
	}

	private String signInRedirect(String username, String password) {
		WebSession anonymous = anonymous();
		return web.post().uri("/connexion").cookie("SESSION", anonymous.cookie())
			.body(BodyInserters.fromFormData(form(username, password, anonymous.csrf())))
			.exchange()
			.expectStatus().is3xxRedirection()
			.returnResult(Void.class).getResponseHeaders().getLocation().toString();
	}

	private String page(WebSession s, String path) {
		return web.get().uri(path).cookie("SESSION", s.cookie()).accept(HTML).exchange()
			.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
	}

	private static MultiValueMap<String, String> form(String username, String password, String csrf) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("username", username);
		form.add("password", password);
		form.add("_csrf", csrf);
		return form;
	}


}
