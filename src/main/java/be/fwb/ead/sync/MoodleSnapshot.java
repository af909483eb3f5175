package be.fwb.ead.sync;

import java.util.List;
import java.util.Map;
import java.util.Set;

import be.fwb.ead.moodle.MoodleRecords.Activity;
import be.fwb.ead.moodle.MoodleRecords.Category;
import be.fwb.ead.moodle.MoodleRecords.Course;
import be.fwb.ead.moodle.MoodleRecords.User;
import org.jspecify.annotations.Nullable;

/**
 * What one run read from Moodle, already limited to the EAD catalogue: all of it (a full read), or only what the
 * plugin's change feed said changed (a partial read). It holds no learner data: learners are counted as Moodle's
 * answer is read, and only the counts are here.
 *
 * @param categories the categories of the configured subtrees, their visibility known (a partial read: those it read,
 *        maybe none)
 * @param categoriesComplete whether {@code categories} is every EAD category (a full read, or a partial one that read
 *        the categories): categories absent from it are gone
 * @param modules the courses in them, the site course excluded (a partial read: the courses created, updated or moved)
 * @param staff authors and tutors by Moodle user id
 * @param identified the staff whose identity (e-mail, ID number) was read with {@code core_user_get_users_by_field};
 *        the others' stored identity stays as it is
 * @param roles course id → its role links; only for courses whose enrolments were read
 * @param learnerCounts course id → learners with an active enrolment; only for courses whose enrolments were read
 * @param unread courses whose enrolments Moodle refused to give (their links and counts stay as they were)
 * @param contents course id → its activities, for the watched modules whose content was read in this run
 * @param warnings French sentences for the run's record
 * @param partial true when only what changed was read: no module absent from it is archived
 * @param deleted courses deleted in Moodle or gone out of the EAD's categories (a partial read), to archive
 * @param changeCursor where the change feed stands after this read; {@literal null} when the feed is not available
 */
record MoodleSnapshot(List<Category> categories, boolean categoriesComplete, List<Course> modules, Map<Long, User> staff,
		Set<Long> identified, Map<Long, List<RoleLink>> roles, Map<Long, Integer> learnerCounts, Set<Long> unread,
		Map<Long, Contents> contents, List<String> warnings, boolean partial, Set<Long> deleted, @Nullable Long changeCursor) {

	/** A user's author or tutor role in a course, with the Moodle role shortnames behind it. */
	record RoleLink(long userId, String role, String moodleRoles) {
	}

	/** The activities of a course as read, and the course's cache revision then ({@literal null}: not known). */
	record Contents(List<Activity> activities, @Nullable Long cacherev) {
	}

	/** Nothing changed since the cursor. */
	static MoodleSnapshot unchanged(long cursor) {
		return new MoodleSnapshot(List.of(), false, List.of(), Map.of(), Set.of(), Map.of(), Map.of(), Set.of(), Map.of(),
				List.of(), true, Set.of(), cursor);
	}
}
