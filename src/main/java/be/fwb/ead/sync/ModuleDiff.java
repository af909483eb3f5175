package be.fwb.ead.sync;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import be.fwb.ead.audit.Change;
import be.fwb.ead.moodle.MoodleRecords.Course;
import org.jspecify.annotations.Nullable;

/**
 * What a read of Moodle changes in the stored modules: which courses to insert, whose Moodle columns to update (their
 * content, or only their learner count), which modules to archive and which to restore, and the learners to recount.
 * A full read archives what it did not see; a partial read only what Moodle said it deleted, and recounts the modules
 * whose enrolments alone changed. Pure: built from what is stored and what was read, it writes nothing.
 *
 * @param stored the stored modules, by Moodle course id
 * @param created the courses read that no module is yet
 * @param contentChanged the courses whose name, ID number, category, visibility or Moodle modification date changed
 * @param countChanged the courses whose learner count alone changed
 * @param archived the ids of the modules to archive
 * @param restored the ids of archived modules read again
 * @param recounted module id → its learners, for the modules a partial read recounted without reading them
 */
record ModuleDiff(Map<Long, Stored> stored, List<Course> created, List<Course> contentChanged, List<Course> countChanged,
		List<Long> archived, List<Long> restored, Map<Long, Integer> recounted) {

	/** A module as stored, in the columns Moodle owns. */
	record Stored(long id, long moodleCourseId, String shortname, String fullname, @Nullable String idnumber, long categoryId,
			boolean visible, @Nullable Long timemodified, int learnerCount, boolean archived) {

		boolean sameContent(Course c) {
			return shortname.equals(c.shortname()) && fullname.equals(c.fullname()) && Objects.equals(idnumber, c.idnumber())
					&& categoryId == c.categoryid() && visible == c.visible() && Objects.equals(timemodified, c.timemodified());
		}
	}

	/** What {@code read} changes in the {@code stored} modules (by Moodle course id). */
	static ModuleDiff between(Map<Long, Stored> stored, MoodleSnapshot read) {
		List<Course> created = new ArrayList<>();
		List<Course> contentChanged = new ArrayList<>();
		List<Course> countChanged = new ArrayList<>();
		List<Long> restored = new ArrayList<>();
		Set<Long> seen = new HashSet<>();
		for (Course c : read.modules()) {
			seen.add(c.id());
			Stored s = stored.get(c.id());
			Integer learners = read.learnerCounts().get(c.id());
			if (s == null) {
				created.add(c);
				continue;
			}
			if (s.archived()) {
				restored.add(s.id());
			}
			if (!s.sameContent(c)) {
				contentChanged.add(c);
			}
			else if (learners != null && learners != s.learnerCount()) {
				countChanged.add(c);
			}
		}
		List<Long> archived = stored.values().stream()
			.filter(s -> !s.archived() && (read.partial() ? read.deleted().contains(s.moodleCourseId()) : !seen.contains(s.moodleCourseId())))
			.map(Stored::id)
			.toList();
		Map<Long, Integer> recounted = new HashMap<>();
		if (read.partial()) {
			read.learnerCounts().forEach((course, n) -> {
				Stored s = stored.get(course);
				if (!seen.contains(course) && s != null && s.learnerCount() != n) {
					recounted.put(s.id(), n);
				}
			});
		}
		return new ModuleDiff(stored, List.copyOf(created), List.copyOf(contentChanged), List.copyOf(countChanged), archived,
				List.copyOf(restored), Map.copyOf(recounted));
	}

	/** How many modules the diff updates: their content, their count, or recounted. */
	int updated() {
		return contentChanged.size() + countChanged.size() + recounted.size();
	}

	/** The audit trail's lines: created, updated (before and after), archived, restored. */
	List<Change> changes() {
		List<Change> out = new ArrayList<>();
		created.forEach(c -> out.add(Change.of("moodle_course", c.id(), null, "created", "Module ajouté depuis Moodle : "
				+ c.shortname() + " – " + c.fullname()).withStates(null, Map.of("shortname", c.shortname(), "fullname", c.fullname(),
						"categoryId", c.categoryid(), "visible", c.visible()))));
		contentChanged.forEach(c -> {
			Stored b = stored.get(c.id());
			out.add(Change.of("module", b.id(), null, "updated", "Module modifié dans Moodle : " + c.shortname() + " – " + c.fullname())
				.withStates(Map.of("shortname", b.shortname(), "fullname", b.fullname(), "categoryId", b.categoryId(), "visible", b.visible()),
						Map.of("shortname", c.shortname(), "fullname", c.fullname(), "categoryId", c.categoryid(), "visible", c.visible())));
		});
		Set<Long> gone = new HashSet<>(archived);
		Set<Long> back = new HashSet<>(restored);
		stored.values().stream().filter(m -> gone.contains(m.id())).forEach(m -> out.add(Change.of("module", m.id(), null, "archived",
				"Module archivé (disparu de Moodle) : " + m.shortname() + " – " + m.fullname())));
		stored.values().stream().filter(m -> back.contains(m.id())).forEach(m -> out.add(Change.of("module", m.id(), null, "restored",
				"Module revenu dans Moodle : " + m.shortname() + " – " + m.fullname())));
		return out;
	}
}
