package be.fwb.ead.sync;

import java.util.List;
import java.util.Map;
import java.util.Set;

import be.fwb.ead.moodle.MoodleRecords.Category;
import be.fwb.ead.moodle.MoodleRecords.Course;
import be.fwb.ead.moodle.MoodleRecords.User;
import org.jspecify.annotations.Nullable;

/**
 * What one run read from Moodle, already limited to the EAD catalogue: all of it (a full read), or only what the
 * plugin's change feed said changed (a partial read).
 *
 * @param categories the categories of the configured subtrees (a partial read: those it read, maybe none)
 * @param modules the courses in them, the site course excluded (a partial read: the courses created or updated)
 * @param staff authors and tutors by Moodle user id
 * @param roles course id → its role links; only for courses whose enrolments were read
 * @param learnerCounts course id → enrolled learners; only for courses whose enrolments were read
 * @param unread courses whose enrolments Moodle refused to give (their links and counts stay as they were)
 * @param warnings French sentences for the run's record
 * @param partial true when only what changed was read: nothing absent from it is archived or deleted
 * @param deleted courses deleted in Moodle (a partial read), to archive
 * @param changeCursor where the change feed stands after this read; {@literal null} when the feed is not available
 */
record MoodleSnapshot(List<Category> categories, List<Course> modules, Map<Long, User> staff,
		Map<Long, List<RoleLink>> roles, Map<Long, Integer> learnerCounts, Set<Long> unread, List<String> warnings,
		boolean partial, Set<Long> deleted, @Nullable Long changeCursor) {

	/** A user's author or tutor role in a course, with the Moodle role shortnames behind it. */
	record RoleLink(long userId, String role, String moodleRoles) {
	}

	/** Nothing changed since the cursor. */
	static MoodleSnapshot unchanged(long cursor) {
		return new MoodleSnapshot(List.of(), List.of(), Map.of(), Map.of(), Map.of(), Set.of(), List.of(), true, Set.of(), cursor);
	}
}
