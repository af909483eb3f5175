package be.fwb.ead.sync;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import be.fwb.ead.audit.Change;
import be.fwb.ead.moodle.MoodleRecords.Course;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** What a read of Moodle changes in the stored modules, built with {@code new}: no database, no Moodle. */
class ModuleDiffUnitTest {

	private final Map<Long, ModuleDiff.Stored> stored = new HashMap<>();

	@Test
	void aFullReadCreatesTheNewUpdatesTheChangedArchivesTheMissingAndRestoresTheReturned() {
		givenStored(1, 101, "FR-1", 30, false);
		givenStored(2, 102, "MA-1", 10, false);
		givenStored(3, 103, "SC-1", 5, false);
		givenStored(4, 104, "HI-1", 0, true);
		ModuleDiff diff = ModuleDiff.between(stored, full(List.of(course(101, "FR-1", "Français 1"), course(102, "MA-1", "Maths 1 (v2)"),
				course(104, "HI-1", "Histoire 1"), course(105, "GE-1", "Géographie 1")), Map.of(101L, 31, 102L, 10, 104L, 0, 105L, 7)));

		assertThat(diff.created()).extracting(Course::id).containsExactly(105L);
		assertThat(diff.contentChanged()).extracting(Course::id).containsExactly(102L);
		assertThat(diff.countChanged()).extracting(Course::id).containsExactly(101L);
		assertThat(diff.archived()).containsExactly(3L);
		assertThat(diff.restored()).containsExactly(4L);
		assertThat(diff.recounted()).isEmpty();
		assertThat(diff.updated()).isEqualTo(2);
		assertThat(diff.changes()).extracting(Change::entity, Change::entityId, Change::action).containsExactly(
				tuple("moodle_course", 105L, "created"), tuple("module", 2L, "updated"),
				tuple("module", 3L, "archived"), tuple("module", 4L, "restored"));
	}

	@Test
	void nothingChangedMeansNothingToWrite() {
		givenStored(1, 101, "FR-1", 30, false);
		ModuleDiff diff = ModuleDiff.between(stored, full(List.of(course(101, "FR-1", "Français 1")), Map.of(101L, 30)));
		assertThat(diff.created()).isEmpty();
		assertThat(diff.contentChanged()).isEmpty();
		assertThat(diff.countChanged()).isEmpty();
		assertThat(diff.archived()).isEmpty();
		assertThat(diff.restored()).isEmpty();
		assertThat(diff.changes()).isEmpty();
	}

	@Test
	void aCourseWhoseEnrolmentsWereNotReadKeepsItsCount() {
		givenStored(1, 101, "FR-1", 30, false);
		ModuleDiff diff = ModuleDiff.between(stored, full(List.of(course(101, "FR-1", "Français 1")), Map.of()));
		assertThat(diff.countChanged()).isEmpty();
		assertThat(diff.updated()).isZero();
	}

	@Test
	void aPartialReadArchivesOnlyWhatMoodleSaidItDeletedAndRecountsTheModulesItDidNotRead() {
		givenStored(1, 101, "FR-1", 30, false);
		givenStored(2, 102, "MA-1", 10, false);
		givenStored(3, 103, "SC-1", 5, false);
		ModuleDiff diff = ModuleDiff.between(stored, partial(List.of(), Map.of(102L, 12, 101L, 30), Set.of(103L)));
		assertThat(diff.archived()).containsExactly(3L);
		assertThat(diff.recounted()).containsExactly(Map.entry(2L, 12));
		assertThat(diff.updated()).isEqualTo(1);
		assertThat(diff.created()).isEmpty();
	}

	private void givenStored(long id, long courseId, String shortname, int learners, boolean archived) {
		stored.put(courseId, new ModuleDiff.Stored(id, courseId, shortname, names().get(shortname), null, 7, true, 1_700_000_000L,
				learners, archived));
	}

	private static Map<String, String> names() {
		return Map.of("FR-1", "Français 1", "MA-1", "Maths 1", "SC-1", "Sciences 1", "HI-1", "Histoire 1");
	}

	private static Course course(long id, String shortname, String fullname) {
		return new Course(id, shortname, fullname, 7, null, true, "topics", 1_700_000_000L);
	}

	private static MoodleSnapshot full(List<Course> courses, Map<Long, Integer> learners) {
		return new MoodleSnapshot(List.of(), true, courses, Map.of(), Set.of(), Map.of(), learners, Set.of(), Map.of(), List.of(), false,
				Set.of(), null);
	}

	private static MoodleSnapshot partial(List<Course> courses, Map<Long, Integer> learners, Set<Long> deleted) {
		return new MoodleSnapshot(List.of(), false, courses, Map.of(), Set.of(), Map.of(), learners, Set.of(), Map.of(), List.of(), true,
				deleted, 42L);
	}
}
