package be.fwb.ead.ui;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import be.fwb.ead.IntegrationTest;
import be.fwb.ead.demo.DemoReferentials;
import be.fwb.ead.evaluations.Evaluations;
import be.fwb.ead.referentials.Coverage;
import be.fwb.ead.referentials.Exams;
import be.fwb.ead.referentials.Referentials;
import be.fwb.ead.reviews.Campaigns;
import be.fwb.ead.reviews.Reviews;
import be.fwb.ead.reviews.Rubrics;
import be.fwb.ead.security.Accounts;
import be.fwb.ead.security.Role;
import be.fwb.ead.sync.SyncLauncher;
import be.fwb.ead.sync.SyncMode;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every export of every list, found among the service's routes (any GET ending in {@code .csv} or {@code .xlsx}, so a
 * new export is covered without being listed here), with hostile values seeded in every text a list shows
 * ({@code =HYPERLINK(…)}, {@code +1}, {@code -1}, {@code @x}): no cell a spreadsheet would run as a formula, except in
 * the one file labelled for re-import into Moodle.
 */
class EveryExportIntegrationTest extends IntegrationTest {

	private static final String LINK = "=HYPERLINK(\"http://attaquant.example\",\"Cliquez\")";
	private static final String FORMULA_STARTS = "=+-@\t\r";
	/** The raw Moodle file: the only export whose cells stay as written, offered apart and labelled. */
	private static final Pattern RAW = Pattern.compile(".*-moodle\\.csv$");

	@Autowired SyncLauncher launcher;
	@Autowired Accounts accounts;
	@Autowired Evaluations evaluations;
	@Autowired Referentials referentials;
	@Autowired Coverage coverage;
	@Autowired Exams exams;
	@Autowired Campaigns campaigns;
	@Autowired Reviews reviews;
	@Autowired Rubrics rubrics;
	@Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping routes;

	private final Map<String, String> variables = new TreeMap<>();
	private String token;
	private WebSession coordinator;

	@BeforeEach
	void everyListHoldsHostileText() {
		syncedCatalogue();
		await(new DemoReferentials(referentials, coverage, exams, db).seedIfEmpty());
		await(accounts.create("coord", "mot-de-passe-coord", Role.COORDINATOR, "Coordination", null));
		await(accounts.create("relect", "mot-de-passe-relect", Role.REVIEWER, "Relecture", null));
		long vacataire = count("select min(vacataire_id) from module_role");
		long module = count("select min(module_id) from module_role where vacataire_id = " + vacataire);
		// A review approved with hostile findings: the review report.
		long campaign = await(campaigns.create(new Campaigns.Request("Banc", null, 1, List.of("coord"), null), "coord"));
		long review = count("select min(id) from review where campaign_id = " + campaign);
		Reviews.Actor actor = new Reviews.Actor("coord", true);
		Rubrics.Rubric rubric = await(rubrics.latest("EAD-QUALITE"));
		await(reviews.start(review, actor));
		await(reviews.record(review, rubric.criteria().stream().map(c -> c.kind() == Rubrics.Kind.SCALE
				? new Reviews.FindingInput(c.id(), 3, null, LINK)
				: new Reviews.FindingInput(c.id(), null, true, "-1")).toList(), actor));
		await(reviews.approve(review, actor));
		long reviewedModule = count("select module_id from review where id = " + review);
		List<Evaluations.Score> scores = await(evaluations.grid().map(c -> new Evaluations.Score(c.id(), 3, null)).collectList());
		await(evaluations.record(vacataire, clock.today(), scores, LINK, "+1"));
		for (String sql : List.of(
				"""
				update vacataire set lastname = :link, firstname = '+1', idnumber = '-' || id, email = '@x' || id, phone = '+32 2 000'""",
				"""
				update module set fullname = :link, shortname = '@' || shortname""",
				"""
				update competency set idnumber = '+' || idnumber, shortname = '-1 ' || shortname, description = '@x'""",
				"""
				update referential set shortname = :link, idnumber = '-' || idnumber""",
				"""
				update exam set name = '@x'""",
				"""
				update exam_part set name = '+1 ' || name""",
				"""
				update competency_mapping set mapped_by = '@x'""",
				"""
				update review_finding set recorded_by = '-1'""",
				"""
				insert into assignment (vacataire_id, module_id, role, starts_on, ends_on, hours, coverage, derogation_reason,
created_by, created_at)
values (:v, :m, 'TUTOR', :today, :today + 30, 10, 'DEROGATION', '-1', '@x', :now)""",
				"""
				insert into training_session (kind, topic, title, starts_at, duration_minutes, mode, location, capacity)
values ('INITIAL', 'MOODLE', :link, :now, 60, 'ON_SITE', '@x', 10)""",
				"""
				insert into training_registration (session_id, vacataire_id, registered_at)
select max(id), :v, :now from training_session""",
				"""
				insert into change_log (at, author, entity, entity_id, vacataire_id, action, summary, reason)
values (:now, '@x', 'vacataire', :v, :v, '+1', :link, '-1')""",
				// A sync's line can be longer than an XLSX cell holds (32,767 characters): the unfiltered journal answered 500.
				"""
				insert into change_log (at, author, entity, entity_id, action, summary)
values (:now, 'synchronisation', 'module', 1, 'updated', 'Synchronisation : ' || repeat('module modifié ; ', 3000))""")) {
			var spec = db.sql(sql);
			spec = sql.contains(":link") ? spec.bind("link", LINK) : spec;
			spec = sql.contains(":v") ? spec.bind("v", vacataire) : spec;
			spec = sql.contains(":m") ? spec.bind("m", module) : spec;
			spec = sql.contains(":now") ? spec.bind("now", clock.instant()) : spec;
			spec = sql.contains(":today") ? spec.bind("today", clock.today()) : spec;
			await(spec.then());
		}
		variables.put("id", String.valueOf(count("select max(id) from referential")));
		variables.put("moduleId", String.valueOf(reviewedModule));
		token = apiToken("coord", "mot-de-passe-coord");
		coordinator = signIn("coord", "mot-de-passe-coord");
	}

	@Test
	void noCellOfAnyExportIsReadAsAFormulaSaveInTheFileLabelledForMoodle() throws IOException {
		List<String> exports = exportRoutes();
		assertThat(exports).as("the exports found among the routes").hasSizeGreaterThanOrEqualTo(26)
			.contains("/api/referentials/{id}/export.csv", "/analyse/{id}/referentiel.csv", "/journal/export.xlsx");
		List<String> problems = new ArrayList<>();
		for (String route : exports) {
			String uri = concrete(route);
			byte[] body = download(uri);
			boolean raw = RAW.matcher(route).matches();
			List<String> hostile = route.endsWith(".csv") ? csvCells(body) : xlsxUnprotectedCells(body);
			List<String> neutralised = route.endsWith(".csv") ? csvCells(body).stream().filter(c -> c.length() > 1
					&& c.charAt(0) == '\'' && FORMULA_STARTS.indexOf(c.charAt(1)) >= 0).toList() : xlsxProtectedCells(body);
			hostile = hostile.stream().filter(c -> !c.isEmpty() && FORMULA_STARTS.indexOf(c.charAt(0)) >= 0).toList();
			if (raw) {
				// Moodle's own file, offered apart: the cells as written, which is why it is labelled.
				if (hostile.isEmpty()) {
					problems.add(uri + " : le fichier brut pour Moodle devrait garder les cellules telles quelles");
				}
				continue;
			}
			if (!hostile.isEmpty()) {
				problems.add(uri + " : " + be.fwb.ead.shared.Counted.of(hostile.size(), "cellule lue", "cellules lues") + " comme formule, dont « " + hostile.get(0) + " »");
			}
			if (neutralised.isEmpty()) {
				problems.add(uri + " : aucune valeur hostile n'y arrive (le test ne prouverait rien)");
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void theRawMoodleFileIsOfferedApartUnderItsOwnNameAndLinkedAsSuch() {
		String id = variables.get("id");
		String page = web.get().uri("/analyse/" + id).cookie("SESSION", coordinator.cookie()).exchange()
			.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
		assertThat(page).contains("/analyse/" + id + "/referentiel-moodle.csv").contains("réimport dans Moodle");
		EntityExchangeResult<byte[]> raw = web.get().uri("/analyse/" + id + "/referentiel-moodle.csv")
			.cookie("SESSION", coordinator.cookie()).exchange()
			.expectStatus().isOk().expectBody().returnResult();
		assertThat(raw.getResponseHeaders().getContentDisposition().getFilename()).endsWith("-moodle-brut.csv");
		assertThat(new String(raw.getResponseBody(), StandardCharsets.UTF_8)).contains("\n+").contains(",-1 ");
		String neutral = new String(download("/analyse/" + id + "/referentiel.csv"), StandardCharsets.UTF_8);
		assertThat(neutral).contains("\n'+").contains(",'-1 ").doesNotContain("\n+");
	}

	@Test
	void theUnfilteredJournalWithALineLongerThanACellHoldsIsWholeInCsvAndCutWithAMarkerInXlsx() throws IOException {
		String csv = new String(download("/journal/export.csv"), StandardCharsets.UTF_8);
		assertThat(csv).contains("Synchronisation : " + "module modifié ; ".repeat(3000).strip());
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(download("/journal/export.xlsx")))) {
			List<String> summaries = new ArrayList<>();
			book.getSheetAt(0).forEach(row -> row.forEach(cell -> {
				if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().startsWith("Synchronisation : ")) {
					summaries.add(cell.getStringCellValue());
				}
			}));
			assertThat(summaries).singleElement().satisfies(s -> assertThat(s).hasSize(32_767)
				.endsWith("(texte coupé : " + ("Synchronisation : ".length() + 3000 * "module modifié ; ".length())
						+ " caractères en tout ; l’export CSV le contient entier)"));
		}
	}

	/** Every GET route whose path ends in .csv or .xlsx. */
	private List<String> exportRoutes() {
		TreeSet<String> found = new TreeSet<>();
		routes.getHandlerMethods().keySet().forEach(info -> info.getPatternsCondition().getPatterns().stream()
			.map(PathPattern::getPatternString)
			.filter(p -> p.endsWith(".csv") || p.endsWith(".xlsx"))
			.forEach(found::add));
		return List.copyOf(found);
	}

	private String concrete(String route) {
		Matcher m = Pattern.compile("\\{(\\w+)}").matcher(route);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			String value = variables.get(m.group(1));
			if (value == null) {
				fail("Export " + route + " : donnez à ce test une valeur pour {" + m.group(1) + "}");
			}
			m.appendReplacement(out, value);
		}
		m.appendTail(out);
		// Unfiltered: every row (the module list shows the current modules by default).
		return out + (route.startsWith("/modules/") ? "?state=all" : "");
	}

	private byte[] download(String uri) {
		var request = web.mutate().codecs(c -> c.defaultCodecs().maxInMemorySize(64 * 1024 * 1024)).build().get().uri(uri);
		if (uri.startsWith("/api/")) {
			request = request.headers(h -> h.setBearerAuth(token));
		}
		else {
			request = request.cookie("SESSION", coordinator.cookie());
		}
		return request.exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody();
	}

	/** The cells of a CSV in either dialect (the separator is the first line's). */
	static List<String> csvCells(byte[] body) {
		String text = new String(body, StandardCharsets.UTF_8).replace("\uFEFF", "");
		String firstLine = text.substring(0, Math.max(0, text.indexOf('\n')));
		char separator = firstLine.contains(";") ? ';' : ',';
		List<String> cells = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
					cell.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					cell.append(c);
				}
			}
			else if (c == '"' && cell.isEmpty()) {
				quoted = true;
			}
			else if (c == separator || c == '\n') {
				cells.add(cell.toString());
				cell.setLength(0);
			}
			else if (c != '\r') {
				cell.append(c);
			}
		}
		return cells;
	}

	/** The text cells an edit in Excel could turn into a formula: not marked with the quote prefix. */
	private static List<String> xlsxUnprotectedCells(byte[] body) throws IOException {
		return xlsxTextCells(body, false);
	}

	/** The text cells starting as a formula would, marked with the quote prefix. */
	private static List<String> xlsxProtectedCells(byte[] body) throws IOException {
		return xlsxTextCells(body, true).stream().filter(c -> !c.isEmpty() && FORMULA_STARTS.indexOf(c.charAt(0)) >= 0).toList();
	}

	private static List<String> xlsxTextCells(byte[] body, boolean quotePrefixed) throws IOException {
		List<String> cells = new ArrayList<>();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(body))) {
			for (Sheet sheet : book) {
				for (Row row : sheet) {
					for (Cell cell : row) {
						if (cell.getCellType() == CellType.FORMULA) {
							cells.add("=" + cell.getCellFormula());
						}
						else if (cell.getCellType() == CellType.STRING && cell.getCellStyle().getQuotePrefixed() == quotePrefixed) {
							cells.add(cell.getStringCellValue());
						}
					}
				}
			}
		}
		return cells;
	}
}
