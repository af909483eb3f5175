package be.fwb.ead.reviews;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import be.fwb.ead.IntegrationTest;
import be.fwb.ead.moodlesim.MoodleDataset;
import be.fwb.ead.moodlesim.SimulatedMoodle.Fault;
import be.fwb.ead.reviews.Reviews.Actor;
import be.fwb.ead.reviews.Reviews.FindingInput;
import be.fwb.ead.reviews.Rubrics.Criterion;
import be.fwb.ead.reviews.Rubrics.Kind;
import be.fwb.ead.security.Accounts;
import be.fwb.ead.security.Role;
import be.fwb.ead.sync.SyncLauncher;
import be.fwb.ead.sync.SyncMode;
import be.fwb.ead.sync.SyncRun;
import be.fwb.ead.sync.SyncStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drift per activity: editing an activity does not touch {@code course.timemodified} in Moodle 5.1
 * ({@code update_moduleinfo()} fires {@code course_module_updated} and bumps the course's {@code cacherev}); the
 * activities read at the approval are compared with those read after, one fingerprint each, through the course's cache
 * revision (core functions) or the plugin's course-module events. A site-wide cache purge bumps every cache revision
 * and flags nothing.
 */
class ActivityDriftIntegrationTest extends IntegrationTest {

	private static final Actor REVIEWER = new Actor("relect", false);

	@Autowired SyncLauncher launcher;
	@Autowired Accounts accounts;
	@Autowired Reviews reviews;
	@Autowired Rubrics rubrics;

	private long module;
	private long course;

	@BeforeEach
	void anApprovedModule() {
		syncedCatalogue();
		await(accounts.create("relect", "mot-de-passe-relect", Role.REVIEWER, "Rémi Relecture", null));
		module = count("select min(module_id) from module_role where role = 'AUTHOR'");
		course = count("select moodle_course_id from module where id = " + module);
	}

	@Test
	void anActivityEditedAfterApprovalFlagsItsModuleNamingTheActivity() {
		approve();
		assertThat(count("select count(*) from module_activity_baseline where module_id = " + module))
			.as("the baseline read at the approval").isEqualTo(MOODLE.dataset().activities(course).size());
		MoodleDataset.Activity lesson = lesson();
		MOODLE.dataset().editActivity(course, lesson.cmid(), "Leçon 1 – réécrite", Instant.now().getEpochSecond());
		String timemodified = text("select moodle_timemodified::text from module where id = " + module);

		SyncRun run = sync(SyncMode.FULL);

		assertThat(run.counts().get("activities")).containsEntry("read", 1).containsEntry("changed", 1);
		assertThat(text("select moodle_timemodified::text from module where id = " + module))
			.as("Moodle left the course's modification date alone").isEqualTo(timemodified);
		assertThat(await(reviews.toRevisit().collectList())).singleElement().satisfies(t -> {
			assertThat(t.moduleId()).isEqualTo(module);
			assertThat(t.activities()).singleElement().satisfies(a -> {
				assertThat(a.cmid()).isEqualTo(lesson.cmid());
				assertThat(a.name()).isEqualTo("Leçon 1 – réécrite");
				assertThat(a.nameBefore()).isEqualTo(lesson.name());
				assertThat(a.change()).isEqualTo("CHANGED");
			});
		});
		assertThat(await(reviews.revisit(module)).activities()).extracting(ActivityChange::name).containsExactly("Leçon 1 – réécrite");
	}

	@Test
	void aCachePurgeAloneFlagsNothing() {
		approve();
		sync(SyncMode.FULL);
		MOODLE.dataset().purgeCaches();
		MOODLE.resetCounters();

		SyncRun run = sync(SyncMode.FULL);

		// Every cache revision moved: the watched module is read again, and its fingerprints are the same.
		assertThat(MOODLE.calls("core_course_get_contents")).isOne();
		assertThat(run.counts().get("activities")).containsEntry("read", 1).containsEntry("changed", 0);
		assertThat(await(reviews.toRevisit().collectList())).isEmpty();
		assertThat(await(reviews.isToRevisit(module))).isFalse();
		// And the next sync, nothing having moved, reads no activity.
		assertThat(sync(SyncMode.FULL).counts().get("activities")).containsEntry("read", 0);
	}

	@Test
	void throughThePluginsFeedAnEditedActivityCostsThreeCalls() {
		MOODLE.enableChangeFeed();
		sync(SyncMode.FULL);
		approve();
		MoodleDataset.Activity lesson = lesson();
		MOODLE.dataset().editActivity(course, lesson.cmid(), "Leçon 1 – corrigée", Instant.now().getEpochSecond());
		// An edit in a course nobody approved is not read at all.
		long other = count("select moodle_course_id from module where id = (select max(id) from module)");
		MoodleDataset.Activity elsewhere = MOODLE.dataset().activities(other).get(1);
		MOODLE.dataset().editActivity(other, elsewhere.cmid(), "Autre chose", Instant.now().getEpochSecond());

		SyncRun run = sync(SyncMode.INCREMENTAL);

		// Site info, the changes, the approved course's contents.
		assertThat(run.moodleCalls()).isEqualTo(3);
		assertThat(await(reviews.revisit(module)).activities()).extracting(ActivityChange::name, ActivityChange::change)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("Leçon 1 – corrigée", "CHANGED"));
	}

	@Test
	void activitiesAddedAndRemovedSinceTheApprovalAreNamed() {
		approve();
		MoodleDataset.Activity removed = lesson();
		MOODLE.dataset().deleteActivity(course, removed.cmid());
		MOODLE.dataset().addActivity(course, 1, "h5pactivity", "Vidéo interactive", Instant.now().getEpochSecond());

		sync(SyncMode.FULL);

		assertThat(await(reviews.revisit(module)).activities()).extracting(ActivityChange::name, ActivityChange::change)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("Vidéo interactive", "ADDED"),
					org.assertj.core.groups.Tuple.tuple(removed.name(), "REMOVED"));
		// Once a new review is planned, the module waits for it and is no longer « à revoir ».
		await(reviews.plan(module, "relect", null, null, "coord"));
		assertThat(await(reviews.isToRevisit(module))).isFalse();
	}

	@Test
	void anApprovalWhileMoodleIsDownTakesItsBaselineAtTheNextSync() {
		long id = inReview();
		MOODLE.failNext(Fault.HTTP_503, 5);
		await(reviews.approve(id, REVIEWER));
		awaitReactions();
		assertThat(text("select coalesce(baseline_at::text, 'à prendre') from watched_module where module_id = " + module))
			.isEqualTo("à prendre");

		SyncRun run = sync(SyncMode.FULL);

		assertThat(run.status()).isEqualTo(SyncStatus.SUCCEEDED);
		assertThat(count("select count(*) from watched_module where baseline_at is not null and module_id = " + module)).isOne();
		assertThat(count("select count(*) from module_activity_baseline where module_id = " + module)).isPositive();
		assertThat(await(reviews.toRevisit().collectList())).as("the baseline taken late flags nothing").isEmpty();
	}

	private void approve() {
		long id = inReview();
		await(reviews.approve(id, REVIEWER));
		// The sync reads the baseline once the approval is committed (ReviewApproved).
		awaitReactions();
	}

	private long inReview() {
		long id = await(reviews.plan(module, "relect", null, null, "coord"));
		await(reviews.start(id, REVIEWER));
		await(reviews.record(id, findings(), REVIEWER));
		return id;
	}

	private MoodleDataset.Activity lesson() {
		return MOODLE.dataset().activities(course).stream().filter(a -> a.name().startsWith("Leçon 1")).findFirst().orElseThrow();
	}

	private List<FindingInput> findings() {
		List<FindingInput> out = new ArrayList<>();
		for (Criterion c : await(rubrics.latest(Rubrics.DEFAULT)).criteria()) {
			out.add(c.kind() == Kind.SCALE ? new FindingInput(c.id(), 4, null, null) : new FindingInput(c.id(), null, true, null));
		}
		return out;
	}

	private SyncRun sync(SyncMode mode) {
		SyncRun run = await(launcher.execute(mode, "test"));
		assertThat(run.status()).as(String.valueOf(run.error())).isEqualTo(SyncStatus.SUCCEEDED);
		return run;
	}

	private String text(String sql) {
		return await(db.sql(sql).map(r -> r.get(0, String.class)).one());
	}
}
