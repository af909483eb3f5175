package be.fwb.ead.sync;

import java.util.List;
import java.util.Map;

import be.fwb.ead.moodle.MoodleRecords.Category;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a read of Moodle changes in the categories, built with {@code new}: no database, no Moodle. */
class CategoryDiffUnitTest {

	private static final Category LEVEL = new Category(1, "Secondaire", 0, "/1", 1, 10000, true);
	private static final Category SUBJECT = new Category(2, "Mathématiques", 1, "/1/2", 2, 10001, true);
	private static final Category OLD = new Category(3, "Ancien", 1, "/1/3", 2, 10002, true);

	@Test
	void aFullReadWritesTheNewAndTheChangedAndDeletesTheMissing() {
		Category renamed = new Category(2, "Mathématique", 1, "/1/2", 2, 10001, true);
		Category hidden = new Category(1, "Secondaire", 0, "/1", 1, 10000, false);
		Category added = new Category(4, "Sciences", 1, "/1/4", 2, 10003, true);
		CategoryDiff diff = CategoryDiff.between(stored(), List.of(hidden, renamed, added), false);
		assertThat(diff.changed()).containsExactly(hidden, renamed, added);
		assertThat(diff.created()).isEqualTo(1);
		assertThat(diff.updated()).isEqualTo(2);
		assertThat(diff.gone()).containsExactly(3L);
	}

	@Test
	void aPartialReadDeletesNothingAndTheSameCategoriesChangeNothing() {
		CategoryDiff partial = CategoryDiff.between(stored(), List.of(SUBJECT), true);
		assertThat(partial.changed()).isEmpty();
		assertThat(partial.gone()).isEmpty();
		CategoryDiff same = CategoryDiff.between(stored(), List.of(LEVEL, SUBJECT, OLD), false);
		assertThat(same.changed()).isEmpty();
		assertThat(same.gone()).isEmpty();
	}

	private static Map<Long, Category> stored() {
		return Map.of(1L, LEVEL, 2L, SUBJECT, 3L, OLD);
	}
}
