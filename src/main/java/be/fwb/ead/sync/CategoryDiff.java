package be.fwb.ead.sync;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import be.fwb.ead.moodle.MoodleRecords.Category;

/**
 * What a read of Moodle changes in the stored categories: those to write (new, or different in any field: name,
 * parent, path, depth, order, visibility) and those gone. A partial read names only some categories: none is gone.
 * Pure: it writes nothing.
 *
 * @param changed the categories to insert or update
 * @param gone the ids of the categories to delete
 * @param created how many of {@code changed} are new
 */
record CategoryDiff(List<Category> changed, List<Long> gone, int created) {

	/**
	 * @param stored the stored categories, by id
	 * @param read the categories read
	 * @param partial whether {@code read} is not every EAD category
	 */
	static CategoryDiff between(Map<Long, Category> stored, List<Category> read, boolean partial) {
		List<Category> changed = read.stream().filter(c -> !c.equals(stored.get(c.id()))).toList();
		Set<Long> seen = new HashSet<>();
		read.forEach(c -> seen.add(c.id()));
		List<Long> gone = partial ? List.of() : stored.keySet().stream().filter(id -> !seen.contains(id)).toList();
		int created = (int) changed.stream().filter(c -> !stored.containsKey(c.id())).count();
		return new CategoryDiff(changed, gone, created);
	}

	/** How many of {@link #changed()} existed before. */
	int updated() {
		return changed.size() - created;
	}
}
