package be.fwb.ead.reviews;

import org.jspecify.annotations.Nullable;

/**
 * An activity added, removed or changed in Moodle since the module's last approved review, as the sync publishes it
 * (the view {@code module_activity_drift}).
 *
 * @param nameBefore its name at the approval ({@literal null} for an added one)
 * @param change {@code ADDED}, {@code REMOVED} or {@code CHANGED}
 */
public record ActivityChange(long cmid, String modname, String name, @Nullable String nameBefore, String change) {
}
