package be.fwb.ead.sync;

import java.util.List;
import java.util.Map;
import java.util.Set;

import be.fwb.ead.moodle.MoodleRecords.Category;
import be.fwb.ead.moodle.MoodleRecords.Course;
import be.fwb.ead.moodle.MoodleRecords.User;

/**
 * What one run read from Moodle, already limited to the EAD catalogue.
 *
 * @param categories the categories of the configured subtrees
 * @param modules the courses in them, the site course excluded
 * @param staff authors and tutors by Moodle user id
 * @param roles course id → its role links; only for courses whose enrolments were read
 * @param learnerCounts course id → enrolled learners; only for courses whose enrolments were read
 * @param unread courses whose enrolments Moodle refused to give (their links and counts stay as they were)
 * @param warnings French sentences for the run's record
 */
record MoodleSnapshot(List<Category> categories, List<Course> modules, Map<Long, User> staff,
		Map<Long, List<RoleLink>> roles, Map<Long, Integer> learnerCounts, Set<Long> unread, List<String> warnings) {

	/** A user's author or tutor role in a course, with the Moodle role shortnames behind it. */
	record RoleLink(long userId, String role, String moodleRoles) {
	}
}
