package be.fwb.ead.sync;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import be.fwb.ead.IntegrationTest;
import be.fwb.ead.moodlesim.EadDataset;
import be.fwb.ead.moodlesim.MoodleDataset;
import be.fwb.ead.moodlesim.SimulatedMoodle.Fault;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** The sync against the simulated Moodle, on a real PostgreSQL: exactness, idempotence, changes, failures. */
class SyncIntegrationTest extends IntegrationTest {

	@Autowired
	SyncLauncher launcher;

	@Autowired
	SyncRuns runs;

	@Autowired
	SyncLock lock;

	@Autowired
	be.fwb.ead.security.Accounts accounts;

	@Test
	void fullSyncMirrorsTheEadCatalogueExactly() {
		SyncRun run = sync(SyncMode.FULL);
		// So many rows written: the planner's statistics of the mirror are refreshed (autovacuum may be off, as here).
		// The truncation before each test left the table's row estimate unknown (-1); an analyze sets it.
		assertThat(await(db.sql("select reltuples::bigint as n from pg_class where oid = 'module'::regclass")
			.map(r -> r.get("n", Long.class)).one())).as("the planner's estimate of the modules").isEqualTo(522);
		assertThat(await(db.sql("show jit").map(r -> r.get(0, String.class)).one())).as("the JIT is off on every connection").isEqualTo("off");

		MoodleDataset site = MOODLE.dataset();
		List<MoodleDataset.Course> ead = site.coursesUnder(EadDataset.EAD_ROOT);
		assertThat(run.status()).isEqualTo(SyncStatus.SUCCEEDED);
		// Site info, categories and the hidden ones, courses, two enrolment calls per batch of 250, the staff's identities.
		assertThat(run.moodleCalls()).isEqualTo(4 + 2 * ((ead.size() + 249) / 250) + 1).isEqualTo(11);
		assertThat(count("select count(*) from module")).isEqualTo(ead.size()).isEqualTo(522);
		assertThat(run.counts().get("modules").get("created")).isEqualTo(522);
		assertThat(count("select count(*) from moodle_category")).isEqualTo(29);
		assertThat(count("select count(*) from module where moodle_course_id in (1, 3, 4, 5)"))
			.as("site course and courses outside the EAD root").isZero();

		Set<Long> staff = new HashSet<>();
		long authorLinks = 0;
		long tutorLinks = 0;
		long learners = 0;
		long enrolments = 0;
		for (MoodleDataset.Course c : ead) {
			for (Map.Entry<Long, Set<String>> e : site.roles(c.id()).entrySet()) {
				if (!site.activeIn(c.id(), e.getKey())) {
					continue;
				}
				staff.add(e.getKey());
				authorLinks += e.getValue().contains("editingteacher") ? 1 : 0;
				tutorLinks += e.getValue().contains("teacher") ? 1 : 0;
			}
			learners += site.activeLearners(c.id()).length;
			enrolments += site.learners(c.id()).length;
		}
		assertThat(count("select count(*) from vacataire")).isEqualTo(staff.size());
		assertThat(count("select count(*) from module_role where role = 'AUTHOR'")).isEqualTo(authorLinks);
		assertThat(count("select count(*) from module_role where role = 'TUTOR'")).isEqualTo(tutorLinks);
		// Learners with an active enrolment only: Moodle also returns the suspended and ended ones without onlyactive.
		assertThat(count("select sum(learner_count) from module")).isEqualTo(learners).isBetween(8_500L, 11_000L)
			.isLessThan(enrolments);
		assertThat(count("select count(*) from module where visible = false")).isPositive();
		assertThat(count("select count(*) from module m where not exists "
				+ "(select 1 from module_role r where r.module_id = m.id)")).isBetween(1L, 20L);

		MoodleDataset.Course withAmpersand = ead.stream().filter(c -> c.fullname().contains("&")).findFirst().orElseThrow();
		assertThat(await(db.sql("select fullname from module where moodle_course_id = :id")
			.bind("id", withAmpersand.id()).map(r -> r.get("fullname", String.class)).one()))
			.isEqualTo(withAmpersand.fullname()).doesNotContain("&amp;");
		assertThat(count("select count(*) from vacataire where moodle_email is null")).as("hidden e-mails").isPositive();
		assertThat(count("select count(*) from vacataire where moodle_email is not null")).as("e-mails read by id").isPositive();
		assertThat(count("select count(*) from vacataire where moodle_idnumber is not null"))
			.as("ID numbers, which the enrolment call never gives").isPositive();
		// The hidden subject is known hidden, though Moodle gives no visible field without moodle/category:manage.
		assertThat(count("select count(*) from moodle_category where not visible")).isEqualTo(
				site.categories().stream().filter(c -> !c.visible() && c.path().startsWith("/" + EadDataset.EAD_ROOT + "/")).count())
			.isOne();
	}

	@Test
	void aSecondSyncThatFindsNothingChangedWritesNoRow() {
		sync(SyncMode.FULL);
		String before = rowVersions();

		SyncRun second = sync(SyncMode.INCREMENTAL);

		assertThat(rowVersions()).isEqualTo(before);
		assertThat(second.counts().values()).allSatisfy(changes -> assertThat(changes.values()).allMatch(n -> n == 0));
	}

	@Test
	void changesInMoodleShowAfterTheNextSync() {
		sync(SyncMode.FULL);
		MoodleDataset site = MOODLE.dataset();
		List<MoodleDataset.Course> ead = site.coursesUnder(EadDataset.EAD_ROOT);
		MoodleDataset.Course renamed = ead.get(0);
		MoodleDataset.Course removed = ead.get(1);
		MoodleDataset.Course withTutor = ead.stream()
			.filter(c -> site.roles(c.id()).values().stream().anyMatch(r -> r.equals(Set.of("teacher"))))
			.findFirst().orElseThrow();
		long tutorId = site.roles(withTutor.id()).entrySet().stream()
			.filter(e -> e.getValue().equals(Set.of("teacher"))).findFirst().orElseThrow().getKey();
		site.renameCourse(renamed.id(), "Français – Lire & écrire (nouvelle version)", 1_800_000_000L);
		site.deleteCourse(removed.id());
		long newCourse = site.newId();
		site.addCourse(new MoodleDataset.Course(newCourse, "EAD-NEW-1", "Néerlandais – Spreken & luisteren",
				ead.get(2).categoryid(), "EADNEW", true, "topics", 1_800_000_000L, 1_800_000_000L));
		site.unassignRole(withTutor.id(), tutorId, "teacher");
		long newcomer = site.newId();
		site.addUser(new MoodleDataset.User(newcomer, "noemie.crevecoeur", "Noémie", "Crèvecœur",
				"noemie.crevecoeur@ead.cfwb.be", "VAC-NEW"));
		site.assignRole(newCourse, newcomer, "editingteacher");

		SyncRun run = sync(SyncMode.INCREMENTAL);

		assertThat(run.counts().get("modules")).containsEntry("created", 1).containsEntry("archived", 1);
		assertThat(run.counts().get("vacataires")).containsEntry("created", 1);
		assertThat(run.counts().get("roles")).containsEntry("added", 1).containsEntry("removed", 1);
		assertThat(text("select fullname from module where moodle_course_id = " + renamed.id()))
			.isEqualTo("Français – Lire & écrire (nouvelle version)");
		assertThat(count("select count(*) from module where archived_at is not null and moodle_course_id = "
				+ removed.id())).as("archived, not deleted").isEqualTo(1);
		assertThat(count("select count(*) from module_role r join module m on m.id = r.module_id join vacataire v "
				+ "on v.id = r.vacataire_id where m.moodle_course_id = " + withTutor.id() + " and v.moodle_user_id = "
				+ tutorId + " and r.role = 'TUTOR'")).isZero();
		assertThat(count("select count(*) from module_role r join module m on m.id = r.module_id join vacataire v "
				+ "on v.id = r.vacataire_id where m.moodle_course_id = " + newCourse + " and v.moodle_user_id = "
				+ newcomer + " and r.role = 'AUTHOR'")).isEqualTo(1);
	}

	/**
	 * Moodle 5.1's enrolment call never gives an ID number (its return description has none): the link by ID number
	 * works because the staff's identities are read by id ({@code core_user_get_users_by_field}).
	 */
	@Test
	void aVacataireEnteredBeforeHavingAMoodleAccountIsLinkedNotDuplicated() {
		MoodleDataset.User byIdnumber = MOODLE.dataset().users().stream()
			.filter(u -> !u.idnumber().isEmpty() && u.email() != null).findFirst().orElseThrow();
		MoodleDataset.User byEmail = MOODLE.dataset().users().stream()
			.filter(u -> u.idnumber().isEmpty() && u.email() != null).findFirst().orElseThrow();
		MoodleDataset.Course c = MOODLE.dataset().coursesUnder(EadDataset.EAD_ROOT).get(3);
		MOODLE.dataset().assignRole(c.id(), byIdnumber.id(), "teacher");
		MOODLE.dataset().assignRole(c.id(), byEmail.id(), "teacher");
		insertManual("Prénom saisi", "Nom saisi", "autre@exemple.be", byIdnumber.idnumber());
		insertManual(null, null, byEmail.email().toUpperCase(), null);

		SyncRun run = sync(SyncMode.FULL);

		assertThat(run.counts().get("vacataires")).containsEntry("linked", 2);
		assertThat(count("select count(*) from vacataire where moodle_user_id in (" + byIdnumber.id() + ", "
				+ byEmail.id() + ")")).isEqualTo(2);
		assertThat(count("select count(*) from vacataire where moodle_user_id is null")).isZero();
		assertThat(text("select firstname || ' ' || lastname || ' ' || email from vacataire where moodle_user_id = "
				+ byIdnumber.id())).as("what a person entered is kept").isEqualTo("Prénom saisi Nom saisi autre@exemple.be");
	}

	@Test
	void aModuleThatLeftMoodleNoLongerCountsAmongAVacatairesModulesAndRolesAndStaysAsTheirHistory() {
		sync(SyncMode.FULL);
		long module = count("select min(module_id) from module_role where role = 'AUTHOR'");
		long vacataire = count("select min(vacataire_id) from module_role where role = 'AUTHOR' and module_id = " + module);
		long course = count("select moodle_course_id from module where id = " + module);
		long before = count("select count(*) from module_role r join module m on m.id = r.module_id where m.archived_at is null "
				+ "and r.vacataire_id = " + vacataire);
		MOODLE.dataset().deleteCourse(course);

		sync(SyncMode.FULL);

		await(accounts.create("coord", "mot-de-passe-coord", be.fwb.ead.security.Role.COORDINATOR, "Coordinatrice", null));
		String token = apiToken("coord", "mot-de-passe-coord");
		web.get().uri("/api/vacataires/{id}", vacataire).headers(h -> h.setBearerAuth(token)).exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.modules.length()").isEqualTo((int) before - 1)
			.jsonPath("$.modules[?(@.moduleId == " + module + ")]").isEmpty()
			.jsonPath("$.formerModules[?(@.moduleId == " + module + ")].role").isEqualTo(java.util.List.of("AUTHOR"))
			.jsonPath("$.formerModules[0].archived").isEqualTo(true);
		// The module's page shows its authors as history.
		WebSession session = signIn("coord", "mot-de-passe-coord");
		String page = web.get().uri("/modules/{id}", module).cookie("SESSION", session.cookie()).exchange()
			.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
		assertThat(page).contains("id=\"people-history\"").contains("(historique)");
		String file = web.get().uri("/vacataires/{id}", vacataire).cookie("SESSION", session.cookie()).exchange()
			.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
		assertThat(file).contains("id=\"vacataire-former-modules\"");
	}

	@Test
	void anInvalidTokenFailsTheRunWithAClearMessageAndTouchesNoData() {
		sync(SyncMode.FULL);
		String before = rowVersions();
		MOODLE.revokeToken();

		SyncRun run = sync(SyncMode.FULL);

		assertThat(run.status()).isEqualTo(SyncStatus.FAILED);
		assertThat(run.error()).contains("invalidtoken").contains("MOODLE_TOKEN").contains("Aucune donnée n’a été modifiée")
			.doesNotContain(be.fwb.ead.moodlesim.SimulatedMoodle.DEMO_TOKEN);
		assertThat(run.moodleCalls()).as("a permanent error is not retried").isEqualTo(1);
		assertThat(rowVersions()).isEqualTo(before);
	}

	@Test
	void aFunctionMissingFromTheTokensServiceFailsTheRunNamingIt() {
		MOODLE.removeFunction("core_enrol_get_enrolled_users_with_capability");

		SyncRun run = sync(SyncMode.FULL);

		assertThat(run.status()).isEqualTo(SyncStatus.FAILED);
		assertThat(run.error()).contains("core_enrol_get_enrolled_users_with_capability").contains("Services externes");
		assertThat(count("select count(*) from module")).isZero();
	}

	@Test
	void burstsOfOutagesAreSurvivedWithExactDataAndBoundedRetries() {
		MOODLE.failNext(Fault.HTTP_503, 2)
			.failNext(Fault.NONE, 1)
			.failNext(Fault.TIMEOUT, 1)
			.failNext(Fault.CONNECTION_RESET, 1)
			.failNext(Fault.GARBAGE_BODY, 1)
			.failNext(Fault.NONE, 2)
			.failNext(Fault.MAINTENANCE, 2)
			.timeoutDelay(Duration.ofSeconds(3));

		SyncRun run = sync(SyncMode.FULL);

		assertThat(run.status()).isEqualTo(SyncStatus.SUCCEEDED);
		assertThat(count("select count(*) from module")).isEqualTo(522);
		assertThat(run.moodleCalls()).isEqualTo(11 + 7);
		SyncRun clean = sync(SyncMode.FULL);
		assertThat(clean.counts().get("modules").values()).allMatch(n -> n == 0);
	}

	@Test
	void aLastingOutageFailsTheRunAfterBoundedRetriesAndKeepsTheData() {
		sync(SyncMode.FULL);
		String before = rowVersions();
		MOODLE.failNext(Fault.HTTP_503, 50);

		SyncRun run = sync(SyncMode.FULL);

		assertThat(run.status()).isEqualTo(SyncStatus.FAILED);
		assertThat(run.error()).contains("indisponible").contains("503");
		assertThat(run.moodleCalls()).isEqualTo(5);
		assertThat(rowVersions()).isEqualTo(before);
	}

	@Test
	void aCourseMoodleRefusesIsIsolatedByBisectionAndLeftAsItWas() {
		sync(SyncMode.FULL);
		MoodleDataset.Course refused = MOODLE.dataset().coursesUnder(EadDataset.EAD_ROOT).get(42);
		long linksBefore = count("select count(*) from module_role r join module m on m.id = r.module_id "
				+ "where m.moodle_course_id = " + refused.id());
		MOODLE.dataset().roles(refused.id()).keySet()
			.forEach(u -> MOODLE.dataset().unassignRole(refused.id(), u, "teacher"));
		MOODLE.makeInaccessible(refused.id());
		MOODLE.resetCounters();

		SyncRun run = sync(SyncMode.FULL);

		assertThat(run.status()).isEqualTo(SyncStatus.SUCCEEDED);
		assertThat(run.warnings()).singleElement().asString().contains(refused.shortname()).contains("errorcoursecontextnotvalid");
		assertThat(count("select count(*) from module_role r join module m on m.id = r.module_id "
				+ "where m.moodle_course_id = " + refused.id())).isEqualTo(linksBefore);
		assertThat(run.moodleCalls()).as("bisection of two batches of 250").isLessThanOrEqualTo(11 + 2 * 2 * 8);
	}

	@Test
	void aRunKilledHalfWayLeavesConsistentDataAndTheNextRunCompletesTheWork() {
		MOODLE.latency(Duration.ofMillis(150));
		SyncRun started = await(launcher.start(SyncMode.FULL, "test"));
		StepVerifier.create(Mono.fromCallable(MOODLE::calls)
			.filter(n -> n >= 4).repeatWhenEmpty(100, r -> r.delayElements(Duration.ofMillis(20))))
			.expectNextCount(1).verifyComplete();

		launcher.interrupt();

		StepVerifier.create(Mono.defer(() -> runs.find(started.id()))
			.filter(r -> r.status() != SyncStatus.RUNNING)
			.repeatWhenEmpty(100, r -> r.delayElements(Duration.ofMillis(50))))
			.assertNext(r -> assertThat(r.status()).isEqualTo(SyncStatus.FAILED))
			.verifyComplete();
		assertThat(count("select count(*) from module")).as("nothing half-written").isZero();
		MOODLE.latency(Duration.ZERO);

		// The interrupted run records its failure, then gives the lock back: the next run may find it still held for a
		// moment, and is told so (SyncAlreadyRunning) rather than left waiting.
		SyncRun rerun = await(launcher.execute(SyncMode.FULL, "test")
			.retryWhen(reactor.util.retry.Retry.fixedDelay(50, Duration.ofMillis(100)).filter(SyncAlreadyRunning.class::isInstance)));

		assertThat(rerun.status()).isEqualTo(SyncStatus.SUCCEEDED);
		assertThat(count("select count(*) from module")).isEqualTo(522);
	}

	@Test
	void aRunLeftRunningByADeadInstanceIsClosedByTheNextRun() {
		await(db.sql("insert into sync_run (mode, status, started_at, triggered_by) values ('FULL', 'RUNNING', :now, 'x')")
			.bind("now", clock.instant()).then());

		sync(SyncMode.FULL);

		assertThat(text("select error from sync_run where triggered_by = 'x'")).contains("interrompue");
		assertThat(count("select count(*) from sync_run where status = 'RUNNING'")).isZero();
	}

	@Test
	void onlyOneRunAtATime() {
		MOODLE.latency(Duration.ofMillis(200));
		await(launcher.start(SyncMode.FULL, "premier"));

		StepVerifier.create(launcher.start(SyncMode.FULL, "second")).expectError(SyncAlreadyRunning.class).verify();

		launcher.interrupt();
		await(launcher.whenIdle());
		assertThat(count("select count(*) from pg_locks where locktype = 'advisory' and granted"
				+ " and database = (select oid from pg_database where datname = current_database())"))
			.as("once idle, the interrupted run has given the lock back").isZero();
		assertThat(count("select count(*) from sync_run where status = 'RUNNING'")).as("and recorded that it was cut").isZero();
	}

	/**
	 * An unlock that fails (here: its session left in a failed transaction, where PostgreSQL refuses every statement)
	 * gives its connection back to the pool with the lock still held by its session; the pool's check before handing a
	 * connection out ({@code select 1}, refused there too) closes it, which ends the session and frees the lock: the
	 * next sync runs. Without that check the lock would stay held for as long as the connection lives.
	 */
	@Test
	void aLockWhoseUnlockFailsIsFreedWhenThePoolClosesItsConnection() {
		SyncLock.Held held = await(lock.acquire());
		await(Flux.from(held.connection().createStatement("begin; select 1 / 0").execute())
			.flatMap(result -> result.getRowsUpdated())
			.then()
			.onErrorResume(e -> Mono.empty()));

		await(held.release());

		// The backend ends a moment after the pool closes its connection.
		String advisoryLocks = "select count(*) from pg_locks where locktype = 'advisory' and granted"
				+ " and database = (select oid from pg_database where datname = current_database())";
		await(Mono.defer(() -> db.sql(advisoryLocks).map(r -> r.get(0, Long.class)).one())
			.filter(n -> n == 0)
			.repeatWhenEmpty(10, repeat -> repeat.delayElements(Duration.ofMillis(100))));
		assertThat(count(advisoryLocks)).as("the lock is free").isZero();
		assertThat(sync(SyncMode.FULL).status()).as("and the next sync runs").isEqualTo(SyncStatus.SUCCEEDED);
		// The pool hands out working connections (the closed one replaced).
		assertThat(await(Flux.range(0, 20).flatMap(i -> db.sql("select 1").map(row -> row.get(0)).one()).count()))
			.isEqualTo(20);
	}

	private SyncRun sync(SyncMode mode) {
		return await(launcher.execute(mode, "test"));
	}

	private String text(String sql) {
		return await(db.sql(sql).map(r -> r.get(0, String.class)).one());
	}

	/** The row versions (PostgreSQL xmin) of every mirror table: equal strings mean no row was written. */
	private String rowVersions() {
		return text("""
				select (select string_agg(xmin::text, ',' order by id) from module) || '|' ||
				       (select string_agg(xmin::text, ',' order by id) from vacataire) || '|' ||
				       (select string_agg(xmin::text, ',' order by id) from moodle_category) || '|' ||
				       (select string_agg(xmin::text, ',' order by module_id, vacataire_id, role) from module_role)""");
	}

	private void insertManual(String first, String last, String email, String idnumber) {
		var spec = db.sql("insert into vacataire (firstname, lastname, email, idnumber, status, search_key, sort_key, "
				+ "created_at, updated_at) values (:f, :l, :e, :i, 'RETENU', 'x', 'x', :now, :now)").bind("now", clock.instant());
		spec = first == null ? spec.bindNull("f", String.class) : spec.bind("f", first);
		spec = last == null ? spec.bindNull("l", String.class) : spec.bind("l", last);
		spec = email == null ? spec.bindNull("e", String.class) : spec.bind("e", email);
		spec = idnumber == null ? spec.bindNull("i", String.class) : spec.bind("i", idnumber);
		await(spec.then());
	}
}
