package be.fwb.ead.sync;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One sync run as recorded: counts per kind ({@code modules.created}, {@code roles.removed}…), Moodle calls made,
 * and, when it failed, an error a coordinator can act on (in French).
 */
public record SyncRun(long id, SyncMode mode, SyncStatus status, Instant startedAt, @Nullable Instant finishedAt,
		int moodleCalls, Map<String, Map<String, Integer>> counts, List<String> warnings, @Nullable String error,
		String triggeredBy) {
}
