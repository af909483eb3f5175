package be.fwb.ead.sync;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import be.fwb.ead.moodle.MoodleClient;
import be.fwb.ead.moodle.MoodleException;
import be.fwb.ead.moodle.MoodleRecords.Activity;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The activities of the modules whose last quality review was approved: their baseline is read from Moodle at the
 * approval ({@code core_course_get_contents}, one call), and the sync compares what it reads later with it, activity
 * by activity. What changed since is published in the view {@code module_activity_drift}, read here for the reviews.
 */
@Service
public class ModuleContents {

	private static final Logger log = LoggerFactory.getLogger(ModuleContents.class);

	/**
	 * An activity added, removed or changed in Moodle since the module's last approved review.
	 *
	 * @param nameBefore its name at the approval ({@literal null} for an added one)
	 * @param change {@code ADDED}, {@code REMOVED} or {@code CHANGED}
	 */
	public record ActivityChange(long cmid, String modname, String name, @Nullable String nameBefore, String change) {
	}

	private final DatabaseClient db;
	private final MoodleClient moodle;
	private final Activities activities;
	private final Clock clock;

	ModuleContents(DatabaseClient db, MoodleClient moodle, Activities activities, Clock clock) {
		this.db = db;
		this.clock = clock;
		this.moodle = moodle;
		this.activities = activities;
	}

	/**
	 * A review of the module was approved: its activities as Moodle shows them now become the baseline. When Moodle
	 * cannot be read (down, refusing), the approval stands and the baseline is taken by the next sync (logged).
	 *
	 * @param moduleId the module, which must exist
	 */
	public Mono<Void> approved(long moduleId, long reviewId, Instant approvedAt) {
		return db.sql("select moodle_course_id from module where id = :id and archived_at is null")
			.bind("id", moduleId)
			.map(r -> r.get("moodle_course_id", Long.class))
			.one()
			.flatMap(course -> moodle.contents(course)
				.<java.util.Optional<List<Activity>>>map(java.util.Optional::of)
				.onErrorResume(MoodleException.class, e -> {
					log.warn("Module {} approuvé : ses activités n'ont pas pu être lues dans Moodle ({}) ; la prochaine "
							+ "synchronisation les lira.", moduleId, e.getMessage());
					return Mono.just(java.util.Optional.empty());
				}))
			.flatMap(read -> activities.baseline(moduleId, reviewId, approvedAt, read.orElse(null), clock.instant()));
	}

	/**
	 * The activities added, removed or changed since the last approved review (the one whose baseline is held: every
	 * approval replaces it), for each of these modules that has any.
	 */
	public Mono<Map<Long, List<ActivityChange>>> since(Collection<Long> moduleIds) {
		if (moduleIds.isEmpty()) {
			return Mono.just(Map.of());
		}
		return db.sql("""
				select d.module_id, d.cmid, d.modname, d.name, d.name_before, d.change
				from module_activity_drift d
				where d.module_id = any(:ids::bigint[])
				order by d.module_id, d.change, d.name, d.cmid""")
			.bind("ids", moduleIds.toArray(Long[]::new))
			.map(r -> Map.entry(r.get("module_id", Long.class), new ActivityChange(r.get("cmid", Long.class),
					r.get("modname", String.class), r.get("name", String.class), r.get("name_before", String.class),
					r.get("change", String.class))))
			.all()
			.collectMultimap(Map.Entry::getKey, Map.Entry::getValue)
			.map(m -> {
				Map<Long, List<ActivityChange>> out = new java.util.HashMap<>();
				m.forEach((k, v) -> out.put(k, List.copyOf(v)));
				return out;
			});
	}
}
