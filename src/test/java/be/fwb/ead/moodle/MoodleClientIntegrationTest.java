package be.fwb.ead.moodle;

import java.util.List;

import be.fwb.ead.IntegrationTest;
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
}
