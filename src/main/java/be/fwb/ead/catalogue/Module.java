package be.fwb.ead.catalogue;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A module of the EAD catalogue as the API shows it.
 *
 * @param categoryPath category names from the EAD root down to the module's subject
 * @param archived the course vanished from Moodle or left the EAD's categories ({@code archivedAt} says when); archived
 *        modules are kept, and their authors and tutors are history
 * @param categoryHidden its category, or one above it, is hidden in Moodle (learners do not see it in the catalogue)
 */
public record Module(long id, long moodleCourseId, String shortname, String fullname, List<String> categoryPath,
		long categoryId, boolean visible, boolean archived, @Nullable Instant archivedAt, int learnerCount,
		List<Person> authors, List<Person> tutors, String moodleUrl, Instant contentChangedAt, boolean categoryHidden) {

	/** An author or tutor. */
	public record Person(long vacataireId, String name) {
	}
}
