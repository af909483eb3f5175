package be.fwb.ead.moodle;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Connection to the Moodle site. The token is a secret: it is never logged, returned or put in an error.
 *
 * @param url the Moodle site root ({@code wwwroot}), e.g. {@code https://ead.example.be}
 * @param token the web service token of the sync user
 * @param categoryRoots ids of the category subtrees that make up the EAD catalogue; empty means all categories
 * @param authorRoles role shortnames that make a user an author (conception) of a module
 * @param tutorRoles role shortnames that make a user a tutor (tutorat) of a module
 * @param staffCapability capability held by authors and tutors and not by learners, used to list them in bulk
 *        (default {@code moodle/grade:viewall}: teachers hold it, students do not; with
 *        {@code moodle/course:viewparticipants}, which students hold, Moodle would send every learner's name)
 * @param learnerCapability capability held by learners only, used to count them in bulk
 * @param onlyActive count and list active enrolments only (Moodle's {@code onlyactive}, which needs
 *        {@code moodle/course:enrolreview}): a suspended or ended enrolment is no learner and no tutor
 * @param maxInFlight most calls in flight on Moodle at once
 * @param callsPerSecond most calls started per second
 * @param timeout how long one call may take once sent
 * @param enrolmentBatchSize courses per {@code core_enrol_get_enrolled_users_with_capability} call (2 keys each,
 *        far below PHP's {@code max_input_vars} of 5000)
 * @param userBatchSize user ids per {@code core_user_get_users_by_field} call (one key each, far below
 *        {@code max_input_vars})
 * @param contentsPerRun most {@code core_course_get_contents} calls in one sync (one per changed watched module; the
 *        others wait for the next sync)
 */
@ConfigurationProperties("moodle")
public record MoodleSettings(
		@DefaultValue("") String url,
		@DefaultValue("") String token,
		@DefaultValue("") List<Long> categoryRoots,
		@DefaultValue("editingteacher") List<String> authorRoles,
		@DefaultValue("teacher") List<String> tutorRoles,
		@DefaultValue("moodle/grade:viewall") String staffCapability,
		@DefaultValue("moodle/course:isincompletionreports") String learnerCapability,
		@DefaultValue("4") int maxInFlight,
		@DefaultValue("10") int callsPerSecond,
		@DefaultValue("30s") Duration timeout,
		@DefaultValue("250") int enrolmentBatchSize,
		@DefaultValue("true") boolean onlyActive,
		@DefaultValue("500") int userBatchSize,
		@DefaultValue("100") int contentsPerRun) {

	public boolean configured() {
		return !url.isBlank() && !token.isBlank();
	}

	/** Never prints the token. */
	@Override
	public String toString() {
		return "MoodleSettings[url=" + url + ", token=" + (token.isBlank() ? "<absent>" : "<masqué>") + ", categoryRoots="
				+ categoryRoots + ", authorRoles=" + authorRoles + ", tutorRoles=" + tutorRoles + "]";
	}
}
