package be.fwb.ead.sync;

import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What the service already holds that a read of Moodle needs to know, read before it.
 *
 * @param cursor where the plugin's change feed stood after the last successful sync; {@literal null} when never read
 * @param modules the current (not archived) modules: Moodle course id → its category id
 * @param archived the Moodle course ids of the archived modules
 * @param categories the EAD categories stored: id → visible (its own flag)
 * @param vacataires the Moodle user ids of the vacataires linked to a Moodle account
 * @param watched the modules whose activities are compared with those of their last approved review: Moodle course
 *        id → what was last read of them
 */
record Mirror(@Nullable Long cursor, Map<Long, Long> modules, Set<Long> archived, Map<Long, Boolean> categories, Set<Long> vacataires,
		Map<Long, Watch> watched) {

	/**
	 * A watched module's content as last read.
	 *
	 * @param cacherev the course's cache revision when its activities were last read; {@literal null} when unknown
	 * @param pending the baseline of its last approval is still to take (Moodle did not answer at the approval)
	 */
	record Watch(@Nullable Long cacherev, boolean pending) {
	}

	/** Nothing stored yet. */
	static Mirror empty() {
		return new Mirror(null, Map.of(), Set.of(), Map.of(), Set.of(), Map.of());
	}
}
