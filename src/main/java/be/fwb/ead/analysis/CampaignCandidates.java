package be.fwb.ead.analysis;

import java.time.Instant;
import java.time.LocalDate;

import be.fwb.ead.reviews.CandidateModules;
import be.fwb.ead.reviews.ReviewState;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * The facts a review campaign weighs of each current module, joined across the owners' published views: the module
 * ({@code current_module}, the sync), its last decided review ({@code last_decided_review}, the reviews), whether it
 * works a competency and the first session within the horizon of an exam that concerns it ({@code module_root},
 * {@code module_exam_session}, the référentiels).
 */
@Component
class CampaignCandidates implements CandidateModules {

	private static final String FACTS = """
			with module_exam as (select distinct on (module_id) module_id, starts_on, exam_code from module_exam_session
			                     where starts_on between :today and :horizon order by module_id, starts_on, exam_code)
			select m.id, m.shortname, m.fullname, m.learner_count, m.content_changed_at, ld.state as last_state,
			       ld.decided_at, exists (select 1 from module_root k where k.module_id = m.id) as mapped,
			       me.starts_on as session, me.exam_code as exam
			from current_module m
			left join last_decided_review ld on ld.module_id = m.id
			left join module_exam me on me.module_id = m.id""";

	private final DatabaseClient db;

	CampaignCandidates(DatabaseClient db) {
		this.db = db;
	}

	@Override
	public Flux<Facts> current(LocalDate today, LocalDate horizon) {
		return db.sql(FACTS)
			.bind("today", today)
			.bind("horizon", horizon)
			.map(r -> new Facts(r.get("id", Long.class), r.get("shortname", String.class), r.get("fullname", String.class),
					r.get("last_state", String.class) == null ? null : ReviewState.valueOf(r.get("last_state", String.class)),
					r.get("decided_at", Instant.class), r.get("content_changed_at", Instant.class),
					Boolean.TRUE.equals(r.get("mapped", Boolean.class)), r.get("session", LocalDate.class), r.get("exam", String.class),
					r.get("learner_count", Integer.class)))
			.all();
	}
}
