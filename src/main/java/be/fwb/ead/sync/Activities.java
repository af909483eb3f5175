package be.fwb.ead.sync;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import be.fwb.ead.moodle.MoodleRecords.Activity;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The activities of the watched modules (table {@code module_activity}) and their baseline at the last approved review
 * ({@code module_activity_baseline}), with the state of each watched module ({@code watched_module}). Written by the
 * sync and by {@link ModuleContents} at an approval, inside the caller's transaction.
 */
@Component
class Activities {

	private final DatabaseClient db;

	Activities(DatabaseClient db) {
		this.db = db;
	}

	/** What a read of a watched module's activities did. */
	enum Outcome {
		/** The same fingerprints as the read before: nothing flagged (a cache purge, or an edit that changed nothing). */
		SAME,
		/** Activities added, removed or changed since the read before. */
		CHANGED,
		/** The first read after the approval: it is the baseline. */
		BASELINE,
		/** Someone wrote a fresher read meanwhile (an approval during the sync): this one is dropped. */
		STALE
	}

	/**
	 * Writes what a sync read of a watched module's activities. The first read after an approval whose baseline could not
	 * be read then becomes the baseline; a read older than the last one written (the run started before it) is dropped.
	 */
	Mono<Outcome> record(long moduleId, List<Activity> activities, @Nullable Long cacherev, Instant readAt, Instant now) {
		return db.sql("select baseline_at, read_at from watched_module where module_id = :m for update")
			.bind("m", moduleId)
			.map(r -> new Watched(r.get("baseline_at", Instant.class), r.get("read_at", Instant.class)))
			.one()
			.flatMap(state -> {
				if (state.readAt() != null && state.readAt().isAfter(readAt)) {
					return Mono.just(Outcome.STALE);
				}
				if (state.baselineAt() == null) {
					return replace("module_activity", moduleId, activities)
						.then(replace("module_activity_baseline", moduleId, activities))
						.then(state(moduleId, cacherev, now, false, true))
						.thenReturn(Outcome.BASELINE);
				}
				return current(moduleId).flatMap(before -> {
					boolean changed = !before.equals(fingerprints(activities));
					Mono<Void> write = changed ? replace("module_activity", moduleId, activities) : Mono.empty();
					return write.then(state(moduleId, cacherev, now, changed, false))
						.thenReturn(changed ? Outcome.CHANGED : Outcome.SAME);
				});
			});
	}

	/** A watched module's state: when its baseline and its last activities were read ({@literal null}: not yet). */
	private record Watched(@Nullable Instant baselineAt, @Nullable Instant readAt) {
	}

	/** At an approval: the module is watched from now on, {@code activities} its baseline ({@literal null}: read later). */
	Mono<Void> baseline(long moduleId, long reviewId, Instant approvedAt, @Nullable List<Activity> activities, Instant now) {
		var spec = db.sql("""
				insert into watched_module (module_id, review_id, approved_at, baseline_at, cacherev, read_at, changed_at)
				values (:m, :r, :approved, :at, null, :at, null)
				on conflict (module_id) do update set review_id = excluded.review_id, approved_at = excluded.approved_at,
				    baseline_at = excluded.baseline_at, cacherev = null, read_at = excluded.read_at, changed_at = null""")
			.bind("m", moduleId)
			.bind("r", reviewId)
			.bind("approved", approvedAt);
		spec = activities == null ? spec.bindNull("at", Instant.class) : spec.bind("at", now);
		Mono<Void> rows = activities == null ? Mono.empty()
				: replace("module_activity", moduleId, activities).then(replace("module_activity_baseline", moduleId, activities));
		return spec.then().then(rows);
	}

	private Mono<Void> state(long moduleId, @Nullable Long cacherev, Instant now, boolean changed, boolean baseline) {
		var spec = db.sql("""
				update watched_module set cacherev = :rev, read_at = :now,
				       changed_at = case when :changed then :now else changed_at end,
				       baseline_at = case when :baseline then :now else baseline_at end
				where module_id = :m""")
			.bind("m", moduleId)
			.bind("now", now)
			.bind("changed", changed)
			.bind("baseline", baseline);
		return (cacherev == null ? spec.bindNull("rev", Long.class) : spec.bind("rev", cacherev)).then();
	}

	private Mono<Map<Long, String>> current(long moduleId) {
		return db.sql("select cmid, fingerprint from module_activity where module_id = :m")
			.bind("m", moduleId)
			.map(r -> Map.entry(r.get("cmid", Long.class), r.get("fingerprint", String.class)))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
	}

	private static Map<Long, String> fingerprints(List<Activity> activities) {
		Map<Long, String> out = new HashMap<>();
		activities.forEach(a -> out.put(a.cmid(), a.fingerprint()));
		return out;
	}

	/** Replaces the module's rows of {@code table} ({@code module_activity} or its baseline) by {@code activities}. */
	private Mono<Void> replace(String table, long moduleId, List<Activity> activities) {
		Mono<Void> delete = db.sql("delete from " + table + " where module_id = :m").bind("m", moduleId).then();
		if (activities.isEmpty()) {
			return delete;
		}
		return delete.then(db.sql("insert into " + table + " (module_id, cmid, section, modname, name, fingerprint) "
				+ "select :m, u.cmid, u.section, u.modname, u.name, u.fingerprint "
				+ "from unnest(:cmids::bigint[], :sections::int[], :modnames::text[], :names::text[], :fingerprints::text[]) "
				+ "as u(cmid, section, modname, name, fingerprint) on conflict do nothing")
			.bind("m", moduleId)
			.bind("cmids", activities.stream().map(Activity::cmid).toArray(Long[]::new))
			.bind("sections", activities.stream().map(Activity::section).toArray(Integer[]::new))
			.bind("modnames", activities.stream().map(Activity::modname).toArray(String[]::new))
			.bind("names", activities.stream().map(Activity::name).toArray(String[]::new))
			.bind("fingerprints", activities.stream().map(Activity::fingerprint).toArray(String[]::new))
			.then());
	}
}
