package be.fwb.ead.sync;

import java.time.Clock;
import java.util.List;

import be.fwb.ead.events.ModuleListener;
import be.fwb.ead.moodle.MoodleClient;
import be.fwb.ead.moodle.MoodleException;
import be.fwb.ead.moodle.MoodleRecords.Activity;
import be.fwb.ead.reviews.ReviewApproved;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The activities of the modules whose last quality review was approved: their baseline is read from Moodle at the
 * approval ({@code core_course_get_contents}, one call), and the sync compares what it reads later with it, activity
 * by activity. What changed since is published in the view {@code module_activity_drift}, which the reviews read.
 */
@Service
class ModuleContents {

	private static final Logger log = LoggerFactory.getLogger(ModuleContents.class);

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
	 * cannot be read (down, refusing), the approval stands and the baseline is taken by the next sync (logged). Runs in
	 * the listener's transaction (see {@link ModuleListener}); an archived module is left alone.
	 */
	@ModuleListener
	Mono<Void> on(ReviewApproved approved) {
		long moduleId = approved.moduleId();
		return db.sql("select moodle_course_id from module where id = :id and archived_at is null")
			.bind("id", moduleId)
			.map(r -> r.get("moodle_course_id", Long.class))
			.one()
			.flatMap(course -> moodle.contents(course)
				.<java.util.Optional<List<Activity>>>map(java.util.Optional::of)
				.onErrorResume(MoodleException.class, e -> {
					log.warn("Module {} approuvé : ses activités n’ont pas pu être lues dans Moodle ({}) ; la prochaine "
							+ "synchronisation les lira.", moduleId, e.getMessage());
					return Mono.just(java.util.Optional.empty());
				}))
			.flatMap(read -> activities.baseline(moduleId, approved.reviewId(), approved.approvedAt(), read.orElse(null),
					clock.instant()));
	}
}
