package be.fwb.ead.moodle;

import java.util.List;
import java.util.Set;

import be.fwb.ead.IntegrationTest;
import be.fwb.ead.moodlesim.MoodleDataset;
import be.fwb.ead.moodlesim.SimulatedMoodle;
import be.fwb.ead.moodlesim.SimulatedMoodle.Fault;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** The Moodle client against the simulated site: wire format, decoding, error classes and retries. */
class MoodleClientIntegrationTest extends IntegrationTest {

	@Autowired
	MoodleClient moodle;

	@Test
	void siteInfoListsTheFunctionsOfTheTokensService() {
		StepVerifier.create(moodle.siteInfo())
			.assertNext(info -> {
				assertThat(info.functions()).contains("core_enrol_get_enrolled_users_with_capability");
				assertThat(info.release()).startsWith("5.1");
			})
			.verifyComplete();
	}

	@Test
	void namesAreDecodedAndTheSiteCourseIsRecognised() {
		StepVerifier.create(moodle.courses())
			.assertNext(courses -> {
				assertThat(courses).anySatisfy(c -> assertThat(c.isSiteCourse()).isTrue());
				assertThat(courses).filteredOn(c -> c.id() == 3).singleElement()
					.satisfies(c -> assertThat(c.fullname()).isEqualTo("Salle des profs & forum des vacataires"));
				assertThat(courses).allSatisfy(c -> assertThat(c.fullname()).doesNotContain("&amp;"));
			})
			.verifyComplete();
	}

	@Test
	void bracketEncodedBatchesAreAcceptedByMoodlesParameterValidation() {
		StepVerifier.create(moodle.staff(List.of(100L, 101L), "moodle/grade:viewall", java.util.Set.of("editingteacher", "teacher"), true))
			.assertNext(groups -> assertThat(groups).extracting(MoodleRecords.CourseUsers::courseid).containsExactly(100L, 101L))
			.verifyComplete();
		StepVerifier.create(moodle.count(List.of(100L, 101L), "moodle/course:isincompletionreports", true))
			.assertNext(groups -> assertThat(groups).extracting(MoodleRecords.CourseCount::courseid).containsExactly(100L, 101L))
			.verifyComplete();
	}

	@Test
	void anInvalidTokenIsAPermanentErrorThatIsNotRetriedAndDoesNotLeakTheToken() {
		MOODLE.revokeToken();
		MOODLE.resetCounters();
		StepVerifier.create(moodle.siteInfo())
			.expectErrorSatisfies(e -> {
				assertThat(e).isInstanceOf(MoodleException.Permanent.class);
				assertThat(((MoodleException) e).errorcode()).isEqualTo("invalidtoken");
				assertThat(e.getMessage()).doesNotContain(SimulatedMoodle.DEMO_TOKEN);
			})
			.verify();
		assertThat(MOODLE.calls()).isEqualTo(1);
	}

	@Test
	void aCourseMoodleRefusesIsAPermanentErrorNamingItsCode() {
		MOODLE.makeInaccessible(100);
		StepVerifier.create(moodle.count(List.of(100L), "moodle/course:isincompletionreports", true))
			.expectErrorSatisfies(e -> {
				// Moodle 5.1 words this one as a sentence in the errorcode itself (enrol/externallib.php).
				assertThat(((MoodleException) e).errorcode()).isEqualTo("errorcoursecontextnotvalid");
				assertThat(e.getMessage()).contains("You cannot execute functions in the course context");
			})
			.verify();
	}

	@Test
	void transientFaultsAreRetriedUntilMoodleAnswers() {
		for (Fault fault : List.of(Fault.HTTP_503, Fault.GARBAGE_BODY, Fault.MAINTENANCE, Fault.CONNECTION_RESET)) {
			MOODLE.resetCounters();
			MOODLE.failNext(fault, 2);
			StepVerifier.create(moodle.categories()).assertNext(c -> assertThat(c).hasSize(31)).verifyComplete();
			assertThat(MOODLE.calls()).as(fault.name()).isEqualTo(3);
		}
	}

	@Test
	void transientFaultsThatLastFailAfterFiveAttempts() {
		MOODLE.resetCounters();
		MOODLE.failNext(Fault.MAINTENANCE, 10);
		StepVerifier.create(moodle.categories())
			.expectErrorSatisfies(e -> {
				assertThat(e).isInstanceOf(MoodleException.Transient.class);
				assertThat(((MoodleException) e).errorcode()).isEqualTo("sitemaintenance");
			})
			.verify();
		assertThat(MOODLE.calls()).isEqualTo(5);
	}

	// ---- Moodle 5.1 as it answers (issue 17) ------------------------------------------------------------------------

	@Test
	void theEnrolmentCallNeverGivesAnIdNumberAndTheUserCallGivesItWithTheEMail() {
		MoodleDataset.User teacher = MOODLE.dataset().users().stream()
			.filter(u -> !u.idnumber().isEmpty() && u.email() != null && MOODLE.dataset().roles(100).containsKey(u.id())
					&& MOODLE.dataset().activeIn(100, u.id()))
			.findFirst().orElseThrow();
		StepVerifier.create(moodle.staff(List.of(100L), "moodle/grade:viewall", Set.of("editingteacher", "teacher"), true))
			.assertNext(groups -> assertThat(groups.get(0).users()).filteredOn(u -> u.id() == teacher.id()).singleElement()
				.satisfies(u -> {
					assertThat(u.idnumber()).isNull();
					assertThat(u.fullname()).isEqualTo(teacher.firstname() + " " + teacher.lastname());
				}))
			.verifyComplete();
		StepVerifier.create(moodle.usersByIds(List.of(teacher.id())))
			.assertNext(users -> assertThat(users).singleElement().satisfies(u -> {
				assertThat(u.idnumber()).isEqualTo(teacher.idnumber());
				assertThat(u.email()).isEqualTo(teacher.email());
			}))
			.verifyComplete();
		MOODLE.revoke("moodle/user:viewalldetails");
		StepVerifier.create(moodle.usersByIds(List.of(teacher.id())))
			.assertNext(users -> assertThat(users).singleElement().satisfies(u -> assertThat(u.idnumber()).isNull()))
			.verifyComplete();
	}

	@Test
	void learnersAreCountedOnlyWhenActiveAndSentWithTheStaffForACapabilityTheyHold() {
		long course = 100;
		StepVerifier.create(moodle.count(List.of(course), "moodle/course:isincompletionreports", true))
			.assertNext(c -> assertThat(c.get(0).count()).isEqualTo(MOODLE.dataset().activeLearners(course).length))
			.verifyComplete();
		StepVerifier.create(moodle.count(List.of(course), "moodle/course:isincompletionreports", false))
			.assertNext(c -> assertThat(c.get(0).count()).isEqualTo(MOODLE.dataset().learners(course).length))
			.verifyComplete();
		// Students hold moodle/course:viewparticipants: Moodle sends them beside the staff; moodle/grade:viewall, not.
		StepVerifier.create(moodle.count(List.of(course), "moodle/course:viewparticipants", true))
			.assertNext(c -> assertThat(c.get(0).count()).isGreaterThan(MOODLE.dataset().activeLearners(course).length))
			.verifyComplete();
		StepVerifier.create(moodle.count(List.of(course), "moodle/grade:viewall", true))
			.assertNext(c -> assertThat(c.get(0).count()).isLessThanOrEqualTo(MOODLE.dataset().roles(course).size()))
			.verifyComplete();
	}

	@Test
	void aCategorysVisibilityComesOnlyToACategoryManagerAndTheHiddenOnesAreAskedOtherwise() {
		long hidden = MOODLE.dataset().categories().stream().filter(c -> !c.visible()).findFirst().orElseThrow().id();
		StepVerifier.create(moodle.categories())
			.assertNext(all -> assertThat(all).allSatisfy(c -> assertThat(c.visible()).isNull()).anyMatch(c -> c.id() == hidden))
			.verifyComplete();
		StepVerifier.create(moodle.hiddenCategoryIds()).assertNext(ids -> assertThat(ids).containsExactly(hidden)).verifyComplete();
		MOODLE.grant("moodle/category:manage");
		StepVerifier.create(moodle.categories())
			.assertNext(all -> assertThat(all).filteredOn(c -> c.id() == hidden).singleElement()
				.satisfies(c -> assertThat(c.visible()).isFalse()))
			.verifyComplete();
	}

	@Test
	void aCoursesCacheRevisionComesToACourseUpdaterAndMovesWithItsContentAndWithACachePurge() {
		long course = 100;
		MoodleRecords.Course before = await(moodle.courses(List.of(course))).get(0);
		assertThat(before.cacherev()).isNotNull();
		List<MoodleRecords.Activity> activities = await(moodle.contents(course));
		assertThat(activities).hasSize(MOODLE.dataset().activities(course).size());
		assertThat(activities).extracting(MoodleRecords.Activity::fingerprint).doesNotHaveDuplicates().allMatch(f -> f.length() == 64);

		MOODLE.dataset().purgeCaches();
		assertThat(await(moodle.courses(List.of(course))).get(0).cacherev()).isGreaterThan(before.cacherev());
		assertThat(await(moodle.contents(course))).as("a purge changes icon URLs, not the fingerprints").isEqualTo(activities);

		MoodleDataset.Activity first = MOODLE.dataset().activities(course).get(1);
		MOODLE.dataset().editActivity(course, first.cmid(), "Présentation revue", 1_800_000_000L);
		assertThat(await(moodle.contents(course))).filteredOn(a -> a.cmid() == first.cmid()).singleElement()
			.satisfies(a -> assertThat(a.fingerprint()).isNotEqualTo(activities.get(1).fingerprint()));

		MOODLE.revoke("moodle/course:update");
		assertThat(await(moodle.courses(List.of(course))).get(0).cacherev()).isNull();
	}

	@Test
	void anExpiredTokenIsRefusedOnceThenUnknownAndTheClientSaysItExpired() {
		MOODLE.expireToken();
		MOODLE.resetCounters();
		StepVerifier.create(moodle.siteInfo())
			.expectErrorSatisfies(e -> {
				assertThat(((MoodleException) e).errorcode()).isEqualTo("accessexception");
				assertThat(((MoodleException) e).advice()).contains("a expiré");
			})
			.verify();
		assertThat(MOODLE.calls()).isEqualTo(2);
		StepVerifier.create(moodle.siteInfo())
			.expectErrorSatisfies(e -> assertThat(((MoodleException) e).errorcode()).isEqualTo("invalidtoken"))
			.verify();
	}
}
