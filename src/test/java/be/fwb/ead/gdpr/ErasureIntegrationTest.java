package be.fwb.ead.gdpr;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import be.fwb.ead.IntegrationTest;
import be.fwb.ead.audit.Change;
import be.fwb.ead.audit.ChangeLog;
import be.fwb.ead.evaluations.Evaluations;
import be.fwb.ead.security.Accounts;
import be.fwb.ead.security.Role;
import be.fwb.ead.sync.SyncLauncher;
import be.fwb.ead.sync.SyncMode;
import be.fwb.ead.vacataires.VacataireFile;
import be.fwb.ead.vacataires.Vacataires;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Erasure that erases: after a person is anonymised, their name and e-mail are nowhere, neither in the journal (its
 * search on the page and in the API) nor in any text column of any table (found in the database's catalogue, so a new
 * table is searched too), save the retention exceptions {@link PersonalData#IDENTITY_KEPT} lists.
 */
class ErasureIntegrationTest extends IntegrationTest {

	private static final String FIRST = "Zéphyrine";
	private static final String LAST = "Quasimodo";
	private static final String EMAIL = "zephyrine.quasimodo@exemple.be";
	private static final String USERNAME = "zquasimodo";

	@Autowired SyncLauncher launcher;
	@Autowired Accounts accounts;
	@Autowired Evaluations evaluations;
	@Autowired VacataireFile files;
	@Autowired ChangeLog changes;
	@Autowired Vacataires vacataires;

	private String coordinator;
	private long vacataire;
	private final List<String> terms = new ArrayList<>();

	@BeforeEach
	void aPersonWhoseNameIsEverywhere() {
		syncedCatalogue();
		await(accounts.create("coord", "mot-de-passe-coord", Role.COORDINATOR, "Coordination", null));
		coordinator = apiToken("coord", "mot-de-passe-coord");
		vacataire = count("select min(vacataire_id) from module_role");
		Map<String, Object> moodle = await(db.sql("select moodle_firstname, moodle_lastname, moodle_email from vacataire where id = :v")
			.bind("v", vacataire).fetch().one());
		terms.addAll(List.of(FIRST, LAST, EMAIL, USERNAME, moodle.get("moodle_firstname") + " " + moodle.get("moodle_lastname"),
				(String) moodle.get("moodle_email")));
		// Entered by a coordinator, written in free text, by the person themself, and about someone else.
		await(files.update(vacataire, new VacataireFile.Identity(FIRST, LAST, EMAIL, "ZQ-77", "+32 470 12 34 56", null), "coord"));
		List<Evaluations.Score> scores = await(evaluations.grid().map(c -> new Evaluations.Score(c.id(), 3, FIRST + " explique bien."))
			.collectList());
		await(evaluations.record(vacataire, clock.today(), scores, "Suivi attentif de " + FIRST + " " + LAST + ".", "coord"));
		await(accounts.create(USERNAME, "mot-de-passe-de-zephyrine", Role.VACATAIRE, FIRST + " " + LAST, vacataire));
		await(changes.record(USERNAME, Change.of("evaluation", 1, null, "read", "Lu par " + USERNAME + " (" + EMAIL + ")")
			.because("Question de " + LAST.toUpperCase() + " à la coordination")));
		await(db.sql("insert into login_attempt (kind, key, count, since) values ('account', lower(:u), 1, :now)").bind("u", USERNAME)
			.bind("now", clock.instant()).then());
		// Removed from Moodle: the roles go with the archived modules.
		await(db.sql("update module set archived_at = :now where id in (select module_id from module_role where vacataire_id = :v)")
			.bind("v", vacataire).bind("now", clock.instant()).then());
	}

	@Test
	void afterAnErasureNoTextColumnOfAnyTableNorTheJournalSearchFindsTheirNameOrEmail() {
		assertThat(columnsHolding(terms)).as("the search finds the person before the erasure")
			.contains("vacataire.lastname", "vacataire.email", "change_log.summary", "evaluation.comment", "account.display_name");
		assertThat(withoutModule()).as("active, their modules gone: among those without a module").contains(vacataire);
		assertThat(count("select count(*) from change_log where entity = 'evaluation' and after -> 0 ->> 'criterion' = "
				+ "'Qualité pédagogique des contenus et des activités' and (after -> 0 ->> 'score')::int = 3"))
			.as("the evaluation's journal line names its criteria, not their numbers").isOne();

		web.post().uri("/api/vacataires/" + vacataire + "/anonymisation").headers(h -> h.setBearerAuth(coordinator))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("reason", "Demande de " + FIRST + " " + LAST + " par courriel (" + EMAIL + ") du 20/11/2026"))
			.exchange()
			.expectStatus().isOk().expectBody()
			.jsonPath("$.redactedJournalLines").value(n -> assertThat(((Number) n).intValue()).isGreaterThanOrEqualTo(4))
			.jsonPath("$.kept.assignment").exists()
			.jsonPath("$.kept.change_log").exists();

		assertThat(columnsHolding(terms)).as("text columns holding their name or e-mail after the erasure")
			.isSubsetOf(PersonalData.IDENTITY_KEPT.keySet());
		for (String term : terms) {
			web.get().uri(u -> u.path("/api/audit/changes").queryParam("q", term).build()).headers(h -> h.setBearerAuth(coordinator))
				.exchange().expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(0);
		}
		web.get().uri(u -> u.path("/api/audit/changes").queryParam("author", USERNAME).build())
			.headers(h -> h.setBearerAuth(coordinator)).exchange().expectBody().jsonPath("$.total").isEqualTo(0);
		WebSession session = signIn("coord", "mot-de-passe-coord");
		String journal = web.get().uri(u -> u.path("/journal").queryParam("q", LAST).build()).cookie("SESSION", session.cookie())
			.accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
		assertThat(journal).as("the journal's search for their name").contains("Aucun résultat pour ces critères.");
		String everything = web.get().uri("/journal").cookie("SESSION", session.cookie()).accept(MediaType.TEXT_HTML).exchange()
			.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
		assertThat(everything).doesNotContain(FIRST).doesNotContain(EMAIL).contains("vacataire n° " + vacataire);
		assertThat(everything).as("the erasure's own line, in words").contains("Lignes du journal pseudonymisées : ", "Lignes effacées : ",
				"Gardé, et pourquoi : (").doesNotContain("redactedJournalLines").doesNotContain("kept :");
		assertThat(withoutModule()).as("erased, they have left the corps: no longer a vacataire without a module").doesNotContain(vacataire);
		// What stays is the proof: who decided what, when, on which record; the line says it was redacted.
		assertThat(count("select count(*) from change_log where vacataire_id = " + vacataire + " and redacted_at is null "
				+ "and action <> 'anonymised'")).isZero();
		assertThat(count("select count(*) from change_log where vacataire_id = " + vacataire + " and action = 'updated' "
				+ "and author = 'coord'")).isOne();
	}

	/** The ids the vacataires' list gives for « sans module », as the dashboard counts them. */
	private List<Long> withoutModule() {
		List<Long> ids = new ArrayList<>();
		web.get().uri("/api/vacataires?withoutModule=true&size=200").headers(h -> h.setBearerAuth(coordinator)).exchange()
			.expectStatus().isOk().expectBody().jsonPath("$.items[*].id")
			.value(v -> ((List<?>) v).forEach(id -> ids.add(((Number) id).longValue())));
		assertThat(ids).as("the list and the dashboard's figure").hasSize((int) await(vacataires.figures()).withoutModule());
		return ids;
	}

	@Test
	void anotherPersonOfTheSameFirstNameKeepsHerNameAndEmailInTheJournal() {
		long other = count("select max(vacataire_id) from module_role");
		assertThat(other).isNotEqualTo(vacataire);
		await(files.update(other, new VacataireFile.Identity(FIRST, "Bodart", "zephyrine.bodart@exemple.be", "ZB-12", null, null), "coord"));
		String sql = "select string_agg(summary || coalesce(after::text, '') || coalesce(redacted_at::text, ''), '|' order by id) "
				+ "from change_log where vacataire_id = " + other;
		String before = await(db.sql(sql).map(r -> r.get(0, String.class)).one());
		assertThat(before).contains("zephyrine.bodart@exemple.be").contains(FIRST);

		web.post().uri("/api/vacataires/" + vacataire + "/anonymisation").headers(h -> h.setBearerAuth(coordinator))
			.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "Demande du 20/11/2026")).exchange().expectStatus().isOk();

		assertThat(await(db.sql(sql).map(r -> r.get(0, String.class)).one())).as("her lines, untouched").isEqualTo(before);
	}

	@Test
	void theJournalStaysAppendOnlyOutsideAnErasure() {
		long line = count("select max(id) from change_log");
		reactor.test.StepVerifier.create(db.sql("update change_log set summary = 'réécrit', redacted_at = :now where id = " + line)
				.bind("now", clock.instant()).then())
			.expectErrorMatches(e -> String.valueOf(e.getMessage()).contains("ajout seul"))
			.verify(java.time.Duration.ofSeconds(30));
	}

	/** The text columns (table.column) of the whole schema where one of the terms appears, case and accents aside. */
	private List<String> columnsHolding(List<String> terms) {
		List<Map<String, Object>> columns = await(db.sql("""
				select table_name, column_name from information_schema.columns
				where table_schema = current_schema()
				  and data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY', 'USER-DEFINED')
				  and table_name in (select table_name from information_schema.tables
				                     where table_schema = current_schema() and table_type = 'BASE TABLE')
				order by table_name, column_name""").fetch().all().collectList());
		String[] patterns = terms.stream().map(t -> "%" + t.replace("%", "\\%").replace("_", "\\_") + "%").toArray(String[]::new);
		List<String> holding = new ArrayList<>();
		for (Map<String, Object> c : columns) {
			String table = (String) c.get("table_name");
			String column = (String) c.get("column_name");
			long n = await(db.sql("select count(*) from \"" + table + "\" where \"" + column + "\"::text ilike any(:p)")
				.bind("p", patterns).map(r -> r.get(0, Long.class)).one());
			if (n > 0) {
				holding.add(table + "." + column);
			}
		}
		return holding;
	}
}
