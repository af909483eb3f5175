package be.fwb.ead;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import be.fwb.ead.moodlesim.EadDataset;
import be.fwb.ead.moodlesim.SimulatedMoodle;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the integration tests: the whole service on a real PostgreSQL (the local one, or an embedded one), against
 * the simulated Moodle, one per JVM. Every test starts from an empty database and the pristine EAD site.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
@ActiveProfiles("test")
@Import(MutableClock.Configuration.class)
@org.junit.jupiter.api.extension.ExtendWith(HangReportExtension.class)
public abstract class IntegrationTest {

	protected static final SimulatedMoodle MOODLE = SharedMoodle.INSTANCE;

	@Autowired
	protected DatabaseClient db;

	@Autowired
	protected WebTestClient web;

	/** The service's clock: a test moves it instead of rewriting timestamps in the database. */
	@Autowired
	protected MutableClock clock;

	@Autowired
	private CircuitBreakerRegistry circuitBreakers;

	@Autowired
	private be.fwb.ead.sync.SyncLauncher backgroundSyncs;

	@Autowired
	private be.fwb.ead.events.Events events;

	@DynamicPropertySource
	static void moodle(DynamicPropertyRegistry registry) {
		registry.add("moodle.url", MOODLE::baseUrl);
		registry.add("moodle.token", () -> SimulatedMoodle.DEMO_TOKEN);
	}

	@BeforeEach
	void startFromScratch() {
		clock.reset();
		MOODLE.reset(EadDataset.create(1));
		circuitBreakers.circuitBreaker("moodle").reset();
		// A sync a previous test started in the background must not write while the tables are emptied, nor hold the
		// sync lock when this test starts one.
		backgroundSyncs.interrupt();
		await(backgroundSyncs.whenIdle());
		// Nor a reaction to a previous test's change (its listener writes in the tables too).
		await(events.settled());
		if (emptying == null) {
			emptying = await(EmptyTables.script(db, EMPTIED));
		}
		await(db.sql(emptying.sql() + REFERENCE_DATA).then()
			.retryWhen(reactor.util.retry.Retry.backoff(5, Duration.ofMillis(100))
				.filter(e -> String.valueOf(e.getMessage()).contains("deadlock"))));
		vacuumNowAndThen();
	}

	/** Resets since the emptied tables were last vacuumed in this JVM; -1 before the first. */
	private static int resetsSinceVacuum = -1;

	/** How many resets between two vacuums: each leaves about 3,800 dead rows of the synced catalogue behind it. */
	private static final int VACUUM_EVERY = 10;

	/**
	 * Every row the set-up deletes stays in its table's files as a dead row until a vacuum, and the tests must not count
	 * on autovacuum: it may be off (it is on some of our machines), and it wakes once a minute at best. Without it, over
	 * one run of the suite, {@code module} grew to 37 MB for its 522 rows and {@code change_log} to 130 MB (415,000 dead
	 * rows): every scan of them slower test after test, and the bad-input test, which counts every table's rows before
	 * and after each of 900 requests, took 150 s instead of 20. So the first reset of a JVM vacuums the whole database
	 * (what earlier runs left), and every tenth the tables the reset empties (tens of milliseconds).
	 */
	private void vacuumNowAndThen() {
		if (resetsSinceVacuum >= 0 && ++resetsSinceVacuum < VACUUM_EVERY) {
			return;
		}
		List<String> deleted = emptying.deletedFrom();
		await(db.sql(resetsSinceVacuum < 0 || deleted.isEmpty() ? "vacuum" : "vacuum " + String.join(", ", deleted)).then());
		resetsSinceVacuum = 0;
	}

	/**
	 * The tables every test starts without a row of, with every table that refers to them (the configurable reference
	 * data among them, put back by {@link #REFERENCE_DATA}).
	 */
	static final List<String> EMPTIED = List.of("module_role", "module", "vacataire", "moodle_category", "sync_run",
			"api_token", "account", "change_log", "title", "category_mapping", "training_session", "campaign", "assignment",
			"evaluation", "referential", "exam", "review_campaign", "login_attempt", "event_publication",
			"evaluation_criterion", "recruitment_criterion", "training_requirement");

	/** The script that empties them, read once per JVM from the database's own description ({@link EmptyTables}). */
	private static volatile EmptyTables.Script emptying;

	/** What a full sync of the pristine EAD site writes, in the order its rows can be copied back. */
	private static final List<String> SYNCED = List.of("moodle_category", "module", "vacataire", "module_role", "sync_run",
			"change_log");

	/** The tables among {@link #SYNCED} whose {@code id} comes from a sequence. */
	private static final List<String> SEQUENCED = List.of("module", "vacataire", "sync_run", "change_log");

	/** {@code -Dead.tests.resync=true}: a full sync every time instead (to measure what sharing saves, or to rule it out). */
	private static final boolean RESYNC = Boolean.getBoolean("ead.tests.resync");

	/** Whether this JVM has kept what its first full sync wrote (in the schema {@code synced}). */
	private static final AtomicBoolean KEPT = new AtomicBoolean();

	/**
	 * The catalogue as a full sync of the pristine EAD site leaves it: its categories, 522 modules, their staff as
	 * vacataires and role links, the run and its journal lines. The first call in a JVM runs the sync and keeps what
	 * it wrote in the schema {@code synced}; the next ones copy it back, in milliseconds instead of a sync's seconds
	 * (the EAD site and the code are the same within a JVM, so the sync would write the same rows). Call it first in a
	 * test's set-up, on the empty database {@link #startFromScratch} leaves; a test of the sync itself runs the sync.
	 */
	protected void syncedCatalogue() {
		String written = SYNCED.stream().map(t -> "(select count(*) from " + t + ")").collect(Collectors.joining(" + "));
		assertThat(count("select " + written)).as("syncedCatalogue() first, on the empty database").isZero();
		if (KEPT.get() && !RESYNC) {
			// One query (one transaction), and with the triggers off where the set-up turns them off to empty the tables:
			// the rows copied are the ones the sync wrote under the foreign keys' checks (those checks cost about half of
			// the copy's 70 ms, measured with psql).
			boolean triggersOff = emptying.triggersOff();
			await(db.sql((triggersOff ? EmptyTables.TRIGGERS_OFF : "")
					+ SYNCED.stream().map(t -> "insert into " + t + " select * from synced." + t + ";\n").collect(Collectors.joining())
					+ SEQUENCED.stream()
						.map(t -> "select setval(pg_get_serial_sequence('" + t + "', 'id'), (select coalesce(max(id), 0) + 1 from " + t
								+ "), false);\n")
						.collect(Collectors.joining())
					+ (triggersOff ? EmptyTables.TRIGGERS_BACK : "")).then());
			return;
		}
		be.fwb.ead.sync.SyncRun run = await(backgroundSyncs.execute(be.fwb.ead.sync.SyncMode.FULL, "test"));
		assertThat(run.status()).isEqualTo(be.fwb.ead.sync.SyncStatus.SUCCEEDED);
		await(db.sql("drop schema if exists synced cascade; create schema synced;\n"
				+ SYNCED.stream().map(t -> "create table synced." + t + " as table " + t).collect(Collectors.joining(";\n"))).then());
		KEPT.set(true);
	}

	/** The configurable reference data back to what the migrations ship (a test may have changed it). */
	static final String REFERENCE_DATA = """
			delete from rubric where not (code = 'EAD-QUALITE' and version = 1);
			insert into training_requirement (role, kind, topic) values
			    ('AUTHOR', 'INITIAL', 'MOODLE'), ('AUTHOR', 'INITIAL', 'PEDAGOGY'),
			    ('TUTOR', 'INITIAL', 'MOODLE'), ('TUTOR', 'INITIAL', 'TUTORING');
			insert into evaluation_criterion (label, weight, position) values
			    ('Qualité pédagogique des contenus et des activités', 3, 1),
			    ('Réactivité et qualité des retours aux apprenants', 3, 2),
			    ('Maîtrise technique de Moodle', 2, 3),
			    ('Respect des normes et balises rédactionnelles de l''EAD', 2, 4),
			    ('Collaboration avec la coordination', 1, 5);
			insert into recruitment_criterion (label, weight, position) values
			    ('Titre requis et adéquation à la matière', 3, 1),
			    ('Expérience d''enseignement', 2, 2),
			    ('Compétences numériques (Moodle, outils en ligne)', 2, 3),
			    ('Qualités rédactionnelles', 2, 4),
			    ('Disponibilité', 1, 5)""";

	/** A bearer token from {@code POST /api/auth/token}. */
	protected String apiToken(String username, String password) {
		return (String) web.post().uri("/api/auth/token").contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.bodyValue(java.util.Map.of("username", username, "password", password))
			.exchange()
			.expectStatus().isOk()
			.expectBody(java.util.Map.class).returnResult().getResponseBody().get("token");
	}

	/**
	 * Waits until the modules reacting to the changes made so far have done so (the events' listeners run after the
	 * commit, in the background): for a test that reads what a reaction wrote.
	 */
	protected void awaitReactions() {
		await(events.settled());
	}

	/**
	 * Waits for a publisher, at most a minute, and gives its value (null when empty); its error is thrown here. The
	 * test's thread sleeps while it waits: StepVerifier's {@code verify} polls in a loop that kept one of the machine's
	 * two cores busy for as long as the database worked on what was awaited.
	 */
	protected static <T> T await(Mono<T> mono) {
		return mono.block(Duration.ofMinutes(1));
	}

	/** A browser's session after signing in through the form: its cookie and the CSRF token its pages carry. */
	public record WebSession(String cookie, String csrf) {
	}

	/** Signs in through the form; the session id changes at sign-in (no session fixation). */
	protected WebSession signIn(String username, String password) {
		org.springframework.test.web.reactive.server.EntityExchangeResult<String> page = web.get().uri("/connexion")
			.accept(org.springframework.http.MediaType.TEXT_HTML).exchange()
			.expectStatus().isOk()
			.expectBody(String.class).returnResult();
		String anonymous = page.getResponseCookies().getFirst("SESSION").getValue();
		String cookie = web.post().uri("/connexion").cookie("SESSION", anonymous)
			.body(org.springframework.web.reactive.function.BodyInserters.fromFormData("username", username)
				.with("password", password).with("_csrf", csrf(page.getResponseBody())))
			.exchange()
			.expectStatus().isFound()
			.expectBody().isEmpty()
			.getResponseCookies().getFirst("SESSION").getValue();
		org.assertj.core.api.Assertions.assertThat(cookie).as("a new session id at sign-in").isNotEqualTo(anonymous);
		String home = web.get().uri("/").cookie("SESSION", cookie).accept(org.springframework.http.MediaType.TEXT_HTML).exchange()
			.expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		return new WebSession(cookie, csrf(home));
	}

	/** The CSRF token a page's forms carry. */
	protected static String csrf(String html) {
		int at = html.indexOf("name=\"_csrf\" value=\"");
		org.assertj.core.api.Assertions.assertThat(at).as("jeton CSRF dans la page").isPositive();
		int start = at + "name=\"_csrf\" value=\"".length();
		return html.substring(start, html.indexOf('"', start));
	}

	protected long count(String sql) {
		return await(db.sql(sql).map(r -> ((Number) r.get(0)).longValue()).one());
	}

	/** One simulated Moodle for the whole test JVM. */
	private static final class SharedMoodle {
		static final SimulatedMoodle INSTANCE = SimulatedMoodle.startDefault();
	}
}
