package be.fwb.ead.sync;

/**
 * How much a sync run reconciles. With Moodle's core functions both modes read the same: Moodle exposes no
 * modification date for role assignments, so every run lists the catalogue and its role links (a handful of calls,
 * see docs/architecture.md) and writes only what differs.
 */
public enum SyncMode {
	FULL, INCREMENTAL
}
