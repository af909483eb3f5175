package be.fwb.ead.sync;

import java.time.Instant;

import be.fwb.ead.IntegrationTest;
import be.fwb.ead.moodlesim.MoodleDataset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The incremental sync with the plugin's change feed: it reads only what changed (nothing: 2 calls; a tutor added: 4,
 * 5 when new to the service), writes it without touching the rest, and reads everything when the changes cannot be
 * applied by parts.
 */
class ChangeFeedIntegrationTest extends IntegrationTest {

	@Autowired SyncLauncher launcher;

	private long course;

	@BeforeEach
	void feedAndAFullSync() {
		MOODLE.enableChangeFeed();
		SyncRun full = await(launcher.execute(SyncMode.FULL, "test"));
		assertThat(full.status()).isEqualTo(SyncStatus.SUCCEEDED);
		// The full read noted the feed's cursor before reading (one more call than without the feed).
		assertThat(count("select cursor from moodle_change_cursor")).isEqualTo(MOODLE.dataset().latestChange());
		course = count("select min(moodle_course_id) from module");
	}

	@Test
	void nothingChangedCostsTwoCallsAndWritesNothing() {
		long changes = count("select count(*) from change_log");
		SyncRun run = await(launcher.execute(SyncMode.INCREMENTAL, "test"));
		assertThat(run.status()).isEqualTo(SyncStatus.SUCCEEDED);
		assertThat(run.moodleCalls()).isEqualTo(2).isLessThanOrEqualTo(3);
		assertThat(run.counts().values().stream().flatMap(m -> m.values().stream()).mapToInt(Integer::intValue).sum()).isZero();
		assertThat(count("select count(*) from change_log")).isEqualTo(changes);
	}

	@Test
	void aNewTutorCostsFiveCallsAndOnlyTheirCourseIsRead() {
		long modules = count("select count(*) from module where archived_at is null");
		MoodleDataset dataset = MOODLE.dataset();
		long userId = dataset.newId();
		dataset.addUser(new MoodleDataset.User(userId, "nouvelle.tutrice", "Noémie", "Nouvelle", "noemie.nouvelle@example.be",
				"NT-2026"));
		dataset.assignRole(course, userId, "teacher");

		SyncRun run = await(launcher.execute(SyncMode.INCREMENTAL, "test"));
		assertThat(run.status()).isEqualTo(SyncStatus.SUCCEEDED);
		// Site info, changes, the course's staff and learner count, then the newcomer's identity (e-mail, ID number).
		assertThat(run.moodleCalls()).isEqualTo(5);
		assertThat(run.counts().get("vacataires").get("created")).isOne();
		assertThat(count("select count(*) from vacataire where moodle_idnumber = 'NT-2026' and moodle_email = 'noemie.nouvelle@example.be'"))
			.isOne();
		assertThat(run.counts().get("roles").get("added")).isOne();
		assertThat(count("""
				select count(*) from module_role r join vacataire v on v.id = r.vacataire_id join module m on m.id = r.module_id
				where v.moodle_user_id = %d and m.moodle_course_id = %d and r.role = 'TUTOR'""".formatted(userId, course))).isOne();
		// Nothing else moved: no module archived by a read that saw one course only.
		assertThat(count("select count(*) from module where archived_at is null")).isEqualTo(modules);
		assertThat(count("select cursor from moodle_change_cursor")).isEqualTo(dataset.latestChange());

		// The tutor leaves the course: a known vacataire, whose identity is not read again.
		dataset.unassignRole(course, userId, "teacher");
		SyncRun again = await(launcher.execute(SyncMode.INCREMENTAL, "test"));
		assertThat(again.moodleCalls()).isEqualTo(4);
		assertThat(again.counts().get("roles").get("removed")).isOne();
	}

	@Test
	void aRenamedCourseIsUpdatedAndADeletedOneArchived() {
		long modules = count("select count(*) from module where archived_at is null");
		long other = count("select max(moodle_course_id) from module");
		MOODLE.dataset().renameCourse(course, "Module réécrit", Instant.now().getEpochSecond() + 60);
		MOODLE.dataset().deleteCourse(other);

		SyncRun run = await(launcher.execute(SyncMode.INCREMENTAL, "test"));
		assertThat(run.status()).isEqualTo(SyncStatus.SUCCEEDED);
		// Site info, changes, the renamed course, its enrolments (authors and tutors, learners).
		assertThat(run.moodleCalls()).isEqualTo(5);
		assertThat(count("select count(*) from module where fullname = 'Module réécrit' and moodle_course_id = " + course)).isOne();
		assertThat(count("select count(*) from module where archived_at is not null and moodle_course_id = " + other)).isOne();
		assertThat(count("select count(*) from module where archived_at is null")).isEqualTo(modules - 1);
	}

	@Test
	void aVacatairesChangedProfileIsReadByItselfAndWithoutTheFeedTheCoreFunctionsReadEverything() {
		MoodleDataset dataset = MOODLE.dataset();
		long userId = count("select min(moodle_user_id) from vacataire");
		MoodleDataset.User user = dataset.user(userId);
		dataset.updateUser(new MoodleDataset.User(userId, user.username(), user.firstname(), "Nom-Changé", user.email(),
				user.idnumber()));
		SyncRun run = await(launcher.execute(SyncMode.INCREMENTAL, "test"));
		assertThat(run.status()).isEqualTo(SyncStatus.SUCCEEDED);
		assertThat(run.moodleCalls()).as("site info, changes, their identity").isEqualTo(3);
		assertThat(count("select count(*) from vacataire where moodle_lastname = 'Nom-Changé'")).isOne();

		// Without the function in the token's service, the core functions, as before.
		MOODLE.removeFunction("local_eadtutors_get_changes");
		SyncRun core = await(launcher.execute(SyncMode.INCREMENTAL, "test"));
		assertThat(core.status()).isEqualTo(SyncStatus.SUCCEEDED);
		assertThat(core.moodleCalls()).isEqualTo(11);
	}

	@Test
	void aRenamedCategoryIsAppliedByTheFeedInAtMostFourCalls() {
		long subject = count("select category_id from module where moodle_course_id = " + course);
		MOODLE.dataset().renameCategory(subject, "Français (nouveau programme)");

		SyncRun run = await(launcher.execute(SyncMode.INCREMENTAL, "test"));

		assertThat(run.status()).isEqualTo(SyncStatus.SUCCEEDED);
		// Site info, changes, the categories, the hidden ones (no moodle/category:manage).
		assertThat(run.moodleCalls()).isEqualTo(4);
		assertThat(run.counts().get("categories")).containsEntry("updated", 1);
		assertThat(count("select count(*) from moodle_category where name = 'Français (nouveau programme)' and id = " + subject)).isOne();
	}

	@Test
	void aCategoryHiddenInMoodleIsKnownHiddenWithItsCoursesAndOneCallLessWithCategoryManage() {
		long subject = count("select category_id from module where moodle_course_id = " + course);
		long modules = count("select count(*) from module where visible and archived_at is null and category_id = " + subject);
		long links = count("select count(*) from module_role");
		MOODLE.dataset().setCategoryVisible(subject, false);

		SyncRun run = await(launcher.execute(SyncMode.INCREMENTAL, "test"));

		// Site info, changes, the categories, the hidden ones, and every course once: Moodle hid the category's courses
		// with no event of their own.
		assertThat(run.moodleCalls()).isEqualTo(5);
		assertThat(count("select count(*) from moodle_category where not visible and id = " + subject)).isOne();
		assertThat(run.counts().get("modules")).containsEntry("updated", (int) modules);
		assertThat(count("select count(*) from module where visible and category_id = " + subject)).isZero();
		assertThat(count("select count(*) from module where archived_at is null and category_id = " + subject))
			.as("its modules stay in the catalogue").isPositive();
		assertThat(count("select count(*) from module_role")).as("no enrolment read for them").isEqualTo(links);

		// Shown again by a category manager: its courses as they were, and visible in the categories' answer (one call less).
		MOODLE.grant("moodle/category:manage");
		MOODLE.dataset().setCategoryVisible(subject, true);
		SyncRun shown = await(launcher.execute(SyncMode.INCREMENTAL, "test"));
		assertThat(shown.moodleCalls()).isEqualTo(4);
		assertThat(count("select count(*) from module where visible and category_id = " + subject)).isEqualTo(modules);
	}

	@Test
	void aCourseMovedOutOfTheEadTreeIsArchivedByTheFeedInAtMostFourCalls() {
		long modules = count("select count(*) from module where archived_at is null");
		MOODLE.dataset().moveCourse(course, 90);

		SyncRun run = await(launcher.execute(SyncMode.INCREMENTAL, "test"));

		assertThat(run.status()).isEqualTo(SyncStatus.SUCCEEDED);
		// Site info, changes, the course: outside the EAD's categories, no enrolment to read.
		assertThat(run.moodleCalls()).isLessThanOrEqualTo(4).isEqualTo(3);
		assertThat(run.counts().get("modules")).containsEntry("archived", 1);
		assertThat(count("select count(*) from module where archived_at is not null and moodle_course_id = " + course)).isOne();
		assertThat(count("select count(*) from module where archived_at is null")).isEqualTo(modules - 1);
		assertThat(count("select count(*) from module_role r join module m on m.id = r.module_id where m.moodle_course_id = " + course))
			.as("its links stay, as history").isPositive();

		// Moved back: restored, its enrolments read again.
		long subject = MOODLE.dataset().categories().stream().filter(c -> c.depth() == 3).findFirst().orElseThrow().id();
		MOODLE.dataset().moveCourse(course, subject);
		SyncRun back = await(launcher.execute(SyncMode.INCREMENTAL, "test"));
		assertThat(back.counts().get("modules")).containsEntry("restored", 1);
	}

	@Test
	void aCategoryMovedOutOfTheEadTreeTakesItsModulesOutWithIt() {
		long subject = count("select category_id from module where moodle_course_id = " + course);
		long inIt = count("select count(*) from module where archived_at is null and category_id = " + subject);
		MOODLE.dataset().moveCategory(subject, 90);

		SyncRun run = await(launcher.execute(SyncMode.INCREMENTAL, "test"));

		assertThat(run.moodleCalls()).isLessThanOrEqualTo(4);
		assertThat(run.counts().get("categories")).containsEntry("deleted", 1);
		assertThat(run.counts().get("modules")).containsEntry("archived", (int) inIt);
		assertThat(count("select count(*) from module where archived_at is null and category_id = " + subject)).isZero();
	}

	@Test
	void aLearnersProfileChangeCausesNoFullRead() {
		MoodleDataset.User learner = MOODLE.dataset().learnerAccounts().iterator().next();
		MOODLE.dataset().updateLearner(learner.id());
		// The plugin no longer records it …
		assertThat(await(launcher.execute(SyncMode.INCREMENTAL, "test")).moodleCalls()).isEqualTo(2);
		// … and when an older plugin does, the service ignores a user it does not know.
		MOODLE.dataset().recordEveryUserUpdate();
		MOODLE.dataset().updateLearner(learner.id());
		SyncRun run = await(launcher.execute(SyncMode.INCREMENTAL, "test"));
		assertThat(run.moodleCalls()).isEqualTo(2);
		assertThat(count("select cursor from moodle_change_cursor")).isEqualTo(MOODLE.dataset().latestChange());
	}

	@Test
	void aCursorOlderThanWhatThePluginStillKeepsMeansAFullRead() {
		long saved = count("select cursor from moodle_change_cursor");
		MOODLE.dataset().renameCourse(course, "Renommé pendant la purge", Instant.now().getEpochSecond() + 60);
		MOODLE.dataset().renameCourse(course, "Renommé encore", Instant.now().getEpochSecond() + 120);
		// The plugin purged its oldest rows (by age, or a privacy deletion): the service's cursor is behind the horizon.
		MOODLE.dataset().purgeChangesUpTo(saved + 1);

		SyncRun run = await(launcher.execute(SyncMode.INCREMENTAL, "test"));

		assertThat(run.status()).isEqualTo(SyncStatus.SUCCEEDED);
		assertThat(run.moodleCalls()).as("site info, changes, then everything but the site info").isEqualTo(2 + 10);
		assertThat(run.warnings()).anySatisfy(w -> assertThat(w).contains("purgés"));
		assertThat(count("select count(*) from module where fullname = 'Renommé encore'")).isOne();
		assertThat(count("select cursor from moodle_change_cursor")).isEqualTo(MOODLE.dataset().latestChange());
	}
}
