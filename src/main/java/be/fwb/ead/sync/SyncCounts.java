package be.fwb.ead.sync;

import java.util.LinkedHashMap;
import java.util.Map;

/** What a run changed, per kind and per change ({@code modules → created: 3}). Written once, by one thread at a time. */
final class SyncCounts {

	private final Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
	/** The changes, one by one, for the audit trail. */
	private final java.util.List<be.fwb.ead.audit.Change> journal = new java.util.ArrayList<>();

	SyncCounts() {
		for (String kind : new String[] { "categories", "modules", "vacataires", "roles", "activities" }) {
			counts.put(kind, new LinkedHashMap<>());
		}
	}

	void add(String kind, String change, int n) {
		counts.get(kind).merge(change, n, Integer::sum);
	}

	int get(String kind, String change) {
		return counts.get(kind).getOrDefault(change, 0);
	}

	void note(be.fwb.ead.audit.Change change) {
		journal.add(change);
	}

	java.util.List<be.fwb.ead.audit.Change> journal() {
		return journal;
	}

	Map<String, Map<String, Integer>> asMap() {
		return counts;
	}
}
