package be.fwb.ead.reviews;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import be.fwb.ead.audit.Change;
import be.fwb.ead.audit.ChangeLog;
import be.fwb.ead.events.Events;
import be.fwb.ead.reviews.Rubrics.Criterion;
import be.fwb.ead.reviews.Rubrics.Rubric;
import be.fwb.ead.shared.Conflict;
import be.fwb.ead.shared.InvalidRequest;
import be.fwb.ead.shared.NotFound;
import be.fwb.ead.shared.Refused;
import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import be.fwb.ead.shared.Counted;

/**
 * The reviews of the modules and their life: planned → in review → changes requested → in review (the next round) …
 * → approved or rejected. Every transition is guarded (who, from which state, with what), dated and kept; a reviewer
 * never reviews a module they author or tutor.
 */
@Service
public class Reviews {

	/** Who acts: only the review's designated reviewer moves it; a coordinator may give it to another (reassign). */
	public record Actor(String username, boolean coordinator) {

		/** The person signed in, as an actor. */
		public static Actor of(org.springframework.security.core.Authentication who) {
			return new Actor(who.getName(), who.getAuthorities().stream().anyMatch(a -> "ROLE_COORDINATOR".equals(a.getAuthority())));
		}
	}

	/** A review as it is listed: its module, reviewer, state, round, deadline, score and dates. */
	public record Summary(long id, long moduleId, String moduleShortname, String moduleFullname, long rubricId, String reviewer,
			ReviewState state, int round, @Nullable LocalDate deadline, @Nullable Integer score, @Nullable Long campaignId,
			String plannedBy, Instant plannedAt, @Nullable Instant decidedAt) {
	}

	/** An author's or tutor's answer to a finding; {@code author} their name. */
	public record Answer(long id, long vacataireId, String author, String text, Instant answeredAt) {
	}

	public record Finding(long id, long criterionId, int round, @Nullable Integer score, @Nullable Boolean passed,
			@Nullable String comment, String recordedBy, Instant recordedAt, List<Answer> answers) {
	}

	public record Event(@Nullable ReviewState from, ReviewState to, String actor, Instant at, @Nullable String note) {
	}

	/** A review with its rubric, every finding of every round, and its history. */
	public record Detail(Summary review, Rubric rubric, List<Finding> findings, List<Event> events) {

		/**
		 * The findings in force, by criterion: for each, the one of the latest round that has it. A criterion left
		 * without a score in a later round keeps the value of the round before.
		 */
		public Map<Long, Finding> current() {
			Map<Long, Finding> out = new HashMap<>();
			findings.stream().filter(f -> f.round() <= review.round()).sorted(java.util.Comparator.comparingInt(Finding::round))
				.forEach(f -> out.put(f.criterionId(), f));
			return out;
		}
	}

	/** A finding to record: a score for a scale, passed or not for a pass/fail criterion, and a comment. */
	public record FindingInput(long criterionId, @Nullable Integer score, @Nullable Boolean passed, @Nullable String comment) {
	}

	private final DatabaseClient db;
	private final Rubrics rubrics;
	private final ChangeLog changes;
	private final Clock clock;
	private final Events events;

	Reviews(DatabaseClient db, Rubrics rubrics, ChangeLog changes, Clock clock, Events events) {
		this.db = db;
		this.rubrics = rubrics;
		this.changes = changes;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * Plans a review of the module by the reviewer, against the given rubric version (by default the latest of the
	 * EAD's rubric). Refused when the module already has an open review, when the reviewer may not review (unknown,
	 * not staff) or authors or tutors the module.
	 */
	@Transactional
	public Mono<Long> plan(long moduleId, String reviewer, @Nullable Long rubricId, @Nullable Long campaignId, String author) {
		Mono<Rubric> rubric = rubricId == null ? rubrics.latest(Rubrics.DEFAULT) : rubrics.find(rubricId);
		return module(moduleId).then(checkReviewer(moduleId, reviewer)).then(rubric).flatMap(r -> {
			var insert = db.sql("""
					insert into review (module_id, rubric_id, reviewer, state, round, campaign_id, planned_by, planned_at)
					values (:module, :rubric, :reviewer, 'PLANNED', 1, :campaign, :by, :now) returning id""")
				.bind("module", moduleId)
				.bind("rubric", r.id())
				.bind("reviewer", reviewer)
				.bind("by", author)
				.bind("now", Instant.now(clock));
			insert = campaignId == null ? insert.bindNull("campaign", Long.class) : insert.bind("campaign", campaignId);
			return insert.map(x -> x.get("id", Long.class))
				.one()
				.onErrorMap(org.springframework.dao.DataIntegrityViolationException.class,
						e -> new Conflict("Ce module a déjà une revue en cours : terminez-la avant d’en planifier une autre."))
				.flatMap(id -> event(id, null, ReviewState.PLANNED, author, "relecteur : " + reviewer)
					.then(changes.record(author, Change.of("review", id, null, "planned", "Revue du module " + moduleId + " planifiée, relecteur "
							+ reviewer + ", grille " + r.code() + " v" + r.version())))
					.thenReturn(id));
		});
	}

	/** Gives the review to another reviewer (coordinators), with the same conflict-of-interest rule. */
	@Transactional
	public Mono<Void> reassign(long id, String reviewer, String author) {
		return review(id).flatMap(r -> {
			if (!r.state().open()) {
				return Mono.error(new Refused("Une revue " + r.state().label() + " ne change plus de relecteur."));
			}
			return checkReviewer(r.moduleId(), reviewer).then(db.sql("update review set reviewer = :reviewer where id = :id")
				.bind("reviewer", reviewer)
				.bind("id", id)
				.then())
				.then(event(id, r.state(), r.state(), author, "relecteur : " + r.reviewer() + " → " + reviewer))
				.then(changes.record(author, Change.of("review", id, null, "reassigned", "Revue " + id + " confiée à " + reviewer)
					.withStates(Map.of("reviewer", r.reviewer()), Map.of("reviewer", reviewer))));
		});
	}

	/** The reviewer must be an enabled staff account, not linked to a vacataire who authors or tutors the module. */
	private Mono<Void> checkReviewer(long moduleId, String reviewer) {
		return db.sql("""
				select a.role, a.enabled, a.display_name,
				       exists (select 1 from role_link mr where mr.module_id = :module and mr.vacataire_id = a.vacataire_id) or
				       exists (select 1 from assignment_period x where x.module_id = :module and x.vacataire_id = a.vacataire_id
				               and x.ends_on >= :today) as involved
				from account_identity a where a.username = :reviewer""")
			.bind("module", moduleId)
			.bind("today", LocalDate.now(clock))
			.bind("reviewer", reviewer)
			.fetch()
			.one()
			.switchIfEmpty(Mono.error(InvalidRequest.ofField("reviewer", "Aucun compte n’a l’identifiant « " + reviewer + " ».")))
			.flatMap(a -> {
				if (!Boolean.TRUE.equals(a.get("enabled")) || "VACATAIRE".equals(a.get("role"))) {
					return Mono.error(new Refused("« " + reviewer + " » ne peut pas relire : seul un compte actif de relecteur ou de "
							+ "coordinateur le peut."));
				}
				if (Boolean.TRUE.equals(a.get("involved"))) {
					return Mono.error(new Refused("Conflit d’intérêts : " + a.get("display_name") + " conçoit ou tutore ce module et ne "
							+ "peut pas le relire. Choisissez un autre relecteur."));
				}
				return Mono.empty();
			});
	}

	/** The reviewer opens the review (planned → in review). */
	@Transactional
	public Mono<Void> start(long id, Actor actor) {
		return move(id, actor, r -> r.start(actor));
	}

	/**
	 * Records findings of the current round (while in review), one per criterion at most; a finding recorded again
	 * replaces the round's previous one.
	 */
	@Transactional
	public Mono<Void> record(long id, List<FindingInput> findings, Actor actor) {
		return detail(id).flatMap(d -> {
			Review.of(d).checkFindings(findings, actor);
			Instant now = Instant.now(clock);
			return Flux.fromIterable(findings).concatMap(f -> {
				var spec = db.sql("""
						insert into review_finding (review_id, criterion_id, round, score, passed, comment, recorded_by, recorded_at)
						values (:review, :criterion, :round, :score, :passed, :comment, :by, :now)
						on conflict (review_id, criterion_id, round) do update set score = excluded.score, passed = excluded.passed,
						       comment = excluded.comment, recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at""")
					.bind("review", id)
					.bind("criterion", f.criterionId())
					.bind("round", d.review().round())
					.bind("by", actor.username())
					.bind("now", now);
				spec = f.score() == null ? spec.bindNull("score", Integer.class) : spec.bind("score", f.score());
				spec = f.passed() == null ? spec.bindNull("passed", Boolean.class) : spec.bind("passed", f.passed());
				spec = f.comment() == null || f.comment().isBlank() ? spec.bindNull("comment", String.class)
						: spec.bind("comment", f.comment().trim());
				return spec.then();
			})
				.then(changes.record(actor.username(), Change.of("review", id, null, "findings", Counted.of(findings.size(),
						"constat enregistré", "constats enregistrés") + ", tour " + d.review().round()).withStates(null, findings)));
		});
	}

	/**
	 * Asks the authors for changes (in review → changes requested): every criterion has a finding in force, at least
	 * one of them says what to change (a comment on a criterion below its best), and the deadline is after today.
	 */
	@Transactional
	public Mono<Void> requestChanges(long id, @Nullable LocalDate deadline, Actor actor) {
		LocalDate today = LocalDate.now(clock);
		return Mono.fromRunnable(() -> Review.checkDeadline(deadline, today))
			.then(move(id, actor, r -> r.requestChanges(deadline, today, actor)));
	}

	/** The authors have made their changes: the reviewer checks again (changes requested → in review, next round). */
	@Transactional
	public Mono<Void> recheck(long id, Actor actor) {
		return move(id, actor, r -> r.recheck(actor));
	}

	/**
	 * Approves (in review → approved): every criterion has a finding in force (this round's, or kept from an earlier
	 * one), no pass/fail criterion failed, and the weighted score reaches the rubric's threshold. Publishes
	 * {@link ReviewApproved}: the sync then reads the module's activities as Moodle shows them, its baseline; what
	 * changes in them later makes it « à revoir », naming them.
	 */
	@Transactional
	public Mono<Void> approve(long id, Actor actor) {
		return move(id, actor, r -> r.approve(actor));
	}

	/** Rejects the module (in review → rejected), with the reason. */
	@Transactional
	public Mono<Void> reject(long id, @Nullable String reason, Actor actor) {
		return Mono.fromRunnable(() -> Review.checkReason(reason)).then(move(id, actor, r -> r.reject(reason, actor)));
	}

	/**
	 * Moves the review as {@code transition} says: reads it once, lets the {@link Review} check who acts (the
	 * {@code actor}), from which state and with what; the update names the expected state, so that two people acting
	 * at once cannot both succeed.
	 */
	private Mono<Void> move(long id, Actor actor, java.util.function.Function<Review, Review.Transition> transition) {
		return detail(id).flatMap(d -> {
			Review.Transition t = transition.apply(Review.of(d));
			Instant now = Instant.now(clock);
			var spec = db.sql("""
					update review set state = :to, deadline = coalesce(:deadline, deadline), round = round + :next,
					       score = coalesce(:score, score), decided_at = case when :decided then :now else decided_at end
					where id = :id and state = :from""")
				.bind("to", t.to().name())
				.bind("next", t.nextRound() ? 1 : 0)
				.bind("decided", t.decides())
				.bind("now", now)
				.bind("id", id)
				.bind("from", t.from().name());
			spec = t.deadline() == null ? spec.bindNull("deadline", LocalDate.class) : spec.bind("deadline", t.deadline());
			spec = t.score() == null ? spec.bindNull("score", Integer.class) : spec.bind("score", t.score());
			String note = t.note();
			return spec.fetch().rowsUpdated().flatMap(n -> n == 0
					? Mono.error(new Conflict("La revue vient de changer d’état : rechargez la page."))
					: event(id, t.from(), t.to(), actor.username(), note)
						.then(changes.record(actor.username(), Change.of("review", id, null, t.to().name().toLowerCase(java.util.Locale.ROOT),
								"Revue " + id + " : " + t.from().label() + " → " + t.to().label() + (note == null ? "" : " (" + note + ")"))))
						.then(t.to() == ReviewState.APPROVED ? events.publish(new ReviewApproved(id, d.review().moduleId(), now))
								: Mono.empty()));
		});
	}

	/** The weighted score in %: a scale counts (score − 1) / (max − 1), a pass/fail 1 or 0; a missing finding 0. */
	public static int score(Rubric rubric, Map<Long, Finding> findings) {
		return Review.score(rubric, findings);
	}

	/**
	 * An author or tutor of the module answers a finding (the vacataire, through their own space). Refused to anyone
	 * else, and on a decided review.
	 */
	public Mono<Long> answer(long findingId, long vacataireId, @Nullable String text) {
		if (text == null || text.isBlank() || text.length() > 4000) {
			return Mono.error(new InvalidRequest("Une réponse a un texte, de 4000 caractères au plus."));
		}
		return db.sql("""
				select r.state, exists (select 1 from role_link mr where mr.module_id = r.module_id and mr.vacataire_id = :v)
				       or exists (select 1 from assignment_period x where x.module_id = r.module_id and x.vacataire_id = :v) as involved
				from review_finding f join review r on r.id = f.review_id where f.id = :f""")
			.bind("f", findingId)
			.bind("v", vacataireId)
			.fetch()
			.one()
			.switchIfEmpty(Mono.error(new NotFound("Aucun constat n’a l’identifiant " + findingId + ".")))
			.flatMap(row -> {
				if (!Boolean.TRUE.equals(row.get("involved"))) {
					return Mono.error(new NotFound("Aucun constat n’a l’identifiant " + findingId + "."));
				}
				if (!ReviewState.valueOf((String) row.get("state")).open()) {
					return Mono.error(new Refused("La revue est terminée : elle ne reçoit plus de réponse."));
				}
				return db.sql("insert into finding_answer (finding_id, vacataire_id, text, answered_at) values (:f, :v, :t, :now) returning id")
					.bind("f", findingId)
					.bind("v", vacataireId)
					.bind("t", text.trim())
					.bind("now", Instant.now(clock))
					.map(r -> r.get("id", Long.class))
					.one();
			});
	}

	/** A finding as the module's authors and tutors see it: the criterion in words, the value, the comment, the answers. */
	public record AuthorFinding(long id, int round, String section, String criterion, String value, @Nullable String comment,
			List<Answer> answers) {
	}

	/** A review of one of a vacataire's modules, as they see it (no reviewer's notes, no history). */
	public record AuthorView(long reviewId, long moduleId, String moduleShortname, String moduleFullname, ReviewState state,
			int round, @Nullable LocalDate deadline, @Nullable Integer score, boolean answerable, List<AuthorFinding> findings) {
	}

	/**
	 * The reviews of the modules the vacataire authors or tutors (Moodle role or assignment), once started: open ones
	 * and those decided in the last year, with every finding of every round.
	 */
	public Flux<AuthorView> ofVacataire(long vacataireId) {
		return db.sql("""
				select r.id from review r
				where r.state <> 'PLANNED' and (r.decided_at is null or r.decided_at > :yearAgo)
				  and (exists (select 1 from role_link mr where mr.module_id = r.module_id and mr.vacataire_id = :v)
				       or exists (select 1 from assignment_period x where x.module_id = r.module_id and x.vacataire_id = :v))
				order by r.planned_at desc, r.id desc""")
			.bind("v", vacataireId)
			.bind("yearAgo", java.time.ZonedDateTime.now(clock).minusYears(1).toInstant())
			.map(r -> r.get("id", Long.class))
			.all()
			.concatMap(this::detail)
			.map(d -> {
				Map<Long, Criterion> criteria = new HashMap<>();
				d.rubric().criteria().forEach(c -> criteria.put(c.id(), c));
				Summary r = d.review();
				return new AuthorView(r.id(), r.moduleId(), r.moduleShortname(), r.moduleFullname(), r.state(), r.round(), r.deadline(),
						r.score(), r.state().open(), d.findings().stream().map(f -> {
							Criterion c = criteria.get(f.criterionId());
							String value = f.score() != null ? f.score() + " / " + c.scaleMax()
									: Boolean.TRUE.equals(f.passed()) ? "réussi" : "non réussi";
							return new AuthorFinding(f.id(), f.round(), c.section(), c.label(), value, f.comment(), f.answers());
						}).toList());
			});
	}

	private static final String REVIEW = """
			select r.id, r.module_id, m.shortname, m.fullname, r.rubric_id, r.reviewer, r.state, r.round, r.deadline, r.score,
			       r.campaign_id, r.planned_by, r.planned_at, r.decided_at
			from review r join module_name m on m.id = r.module_id""";

	public Mono<Summary> review(long id) {
		return db.sql(REVIEW + " where r.id = :id")
			.bind("id", id)
			.map(Reviews::read)
			.one()
			.switchIfEmpty(Mono.error(new NotFound("Aucune revue n’a l’identifiant " + id + ".")));
	}

	/** Reviews, the open ones first, then the latest; of a reviewer, a module or a state when given. */
	public Flux<Summary> list(@Nullable String reviewer, @Nullable Long moduleId, @Nullable ReviewState state) {
		return list(reviewer, moduleId, state, null);
	}

	/** Reviews, the open ones first, then the latest; of a reviewer, a module, a state or a campaign when given. */
	public Flux<Summary> list(@Nullable String reviewer, @Nullable Long moduleId, @Nullable ReviewState state,
			@Nullable Long campaignId) {
		StringBuilder where = new StringBuilder(" where true");
		Map<String, Object> binds = new HashMap<>();
		if (reviewer != null) {
			where.append(" and r.reviewer = :reviewer");
			binds.put("reviewer", reviewer);
		}
		if (moduleId != null) {
			where.append(" and r.module_id = :module");
			binds.put("module", moduleId);
		}
		if (state != null) {
			where.append(" and r.state = :state");
			binds.put("state", state.name());
		}
		if (campaignId != null) {
			where.append(" and r.campaign_id = :campaign");
			binds.put("campaign", campaignId);
		}
		return db.sql(REVIEW + where + " order by r.state in ('APPROVED', 'REJECTED'), r.planned_at desc, r.id desc limit 1000")
			.bindValues(binds)
			.map(Reviews::read)
			.all();
	}

	public Mono<Detail> detail(long id) {
		return review(id).flatMap(r -> Mono.zip(rubrics.find(r.rubricId()), findings(id), events(id))
			.map(t -> new Detail(r, t.getT1(), t.getT2(), t.getT3())));
	}

	private Mono<List<Finding>> findings(long reviewId) {
		Mono<Map<Long, List<Answer>>> answers = db.sql("""
				select a.id, a.finding_id, a.vacataire_id, a.text, a.answered_at,
				       v.name as author
				from finding_answer a join review_finding f on f.id = a.finding_id join vacataire_name v on v.id = a.vacataire_id
				where f.review_id = :id order by a.answered_at, a.id""")
			.bind("id", reviewId)
			.map(r -> Map.entry(r.get("finding_id", Long.class), new Answer(r.get("id", Long.class), r.get("vacataire_id", Long.class),
					r.get("author", String.class), r.get("text", String.class), r.get("answered_at", Instant.class))))
			.all()
			.collect(HashMap::new, (m, e) -> m.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
		return answers.flatMap(a -> db.sql("""
				select id, criterion_id, round, score, passed, comment, recorded_by, recorded_at from review_finding
				where review_id = :id order by round, id""")
			.bind("id", reviewId)
			.map(r -> new Finding(r.get("id", Long.class), r.get("criterion_id", Long.class), r.get("round", Integer.class),
					r.get("score", Integer.class), r.get("passed", Boolean.class), r.get("comment", String.class),
					r.get("recorded_by", String.class), r.get("recorded_at", Instant.class),
					List.copyOf(a.getOrDefault(r.get("id", Long.class), List.of()))))
			.all()
			.collectList());
	}

	private Mono<List<Event>> events(long reviewId) {
		return db.sql("select from_state, to_state, actor, at, note from review_event where review_id = :id order by at, id")
			.bind("id", reviewId)
			.map(r -> new Event(r.get("from_state", String.class) == null ? null : ReviewState.valueOf(r.get("from_state", String.class)),
					ReviewState.valueOf(r.get("to_state", String.class)), r.get("actor", String.class), r.get("at", Instant.class),
					r.get("note", String.class)))
			.all()
			.collectList();
	}

	private Mono<Void> event(long id, @Nullable ReviewState from, ReviewState to, String actor, @Nullable String note) {
		var spec = db.sql("insert into review_event (review_id, from_state, to_state, actor, at, note) values (:id, :from, :to, :actor, :at, :note)")
			.bind("id", id)
			.bind("to", to.name())
			.bind("actor", actor)
			.bind("at", Instant.now(clock));
		spec = from == null ? spec.bindNull("from", String.class) : spec.bind("from", from.name());
		spec = note == null ? spec.bindNull("note", String.class) : spec.bind("note", note);
		return spec.then();
	}

	/** A module's name as its reviews show it; {@link NotFound} for an unknown module. */
	public Mono<String> moduleName(long moduleId) {
		return db.sql("select fullname from module_name where id = :id")
			.bind("id", moduleId)
			.map(r -> r.get("fullname", String.class))
			.one()
			.switchIfEmpty(Mono.error(new NotFound("Aucun module n’a l’identifiant " + moduleId + ".")));
	}

	private Mono<Void> module(long moduleId) {
		return db.sql("select archived from module_name where id = :id")
			.bind("id", moduleId)
			.map(r -> Boolean.TRUE.equals(r.get("archived", Boolean.class)))
			.one()
			.switchIfEmpty(Mono.error(new NotFound("Aucun module n’a l’identifiant " + moduleId + ".")))
			.flatMap(archived -> archived ? Mono.error(new Refused("Ce module est archivé : il ne se relit plus.")) : Mono.empty());
	}

	/**
	 * A module whose content Moodle changed after its last approved review: « à revoir ».
	 *
	 * @param activities the activities added, removed or changed since the approval (empty when only the course's own
	 *        settings changed: its name, category or visibility)
	 */
	public record ToRevisit(long moduleId, String shortname, String fullname, long reviewId, Instant approvedAt, Instant changedAt,
			List<ActivityChange> activities) {
	}

	public Flux<ToRevisit> toRevisit() {
		return toRevisit(null);
	}

	/** Whether this module is « à revoir » (one module's page asks; no need to list them all). */
	public Mono<Boolean> isToRevisit(long moduleId) {
		return toRevisit(moduleId).hasElements();
	}

	/** Why this module is « à revoir », with the activities changed since its approval; empty when it is not. */
	public Mono<ToRevisit> revisit(long moduleId) {
		return toRevisit(moduleId).next();
	}

	private Flux<ToRevisit> toRevisit(@Nullable Long moduleId) {
		var spec = db.sql("""
				select m.id, m.shortname, m.fullname, a.id as review_id, a.decided_at,
				       greatest(m.content_changed_at, w.changed_at) as changed_at
				from current_module m
				join lateral (select r.id, r.decided_at from review r where r.module_id = m.id and r.state = 'APPROVED'
				              order by r.decided_at desc limit 1) a on true
				left join module_content_change w on w.module_id = m.id and w.review_id = a.id
				where (:module::bigint is null or m.id = :module)
				  and (m.content_changed_at > a.decided_at
				       or exists (select 1 from module_activity_drift d where d.module_id = m.id and d.review_id = a.id))
				  and not exists (select 1 from review o where o.module_id = m.id and o.state in ('PLANNED', 'IN_REVIEW', 'CHANGES_REQUESTED'))
				order by changed_at desc""");
		spec = moduleId == null ? spec.bindNull("module", Long.class) : spec.bind("module", moduleId);
		return spec.map(r -> new ToRevisit(r.get("id", Long.class), r.get("shortname", String.class), r.get("fullname", String.class),
					r.get("review_id", Long.class), r.get("decided_at", Instant.class), r.get("changed_at", Instant.class), List.of()))
			.all()
			.collectList()
			.flatMapMany(found -> changedSince(found.stream().map(ToRevisit::moduleId).toList())
				.flatMapIterable(changed -> found.stream()
					.map(t -> new ToRevisit(t.moduleId(), t.shortname(), t.fullname(), t.reviewId(), t.approvedAt(), t.changedAt(),
							changed.getOrDefault(t.moduleId(), List.of())))
					.toList()));
	}

	/**
	 * The activities added, removed or changed since the last approved review (the one whose baseline the sync holds:
	 * every approval replaces it), for each of these modules that has any.
	 */
	private Mono<Map<Long, List<ActivityChange>>> changedSince(List<Long> moduleIds) {
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
			.collect(HashMap::new, (Map<Long, List<ActivityChange>> m, Map.Entry<Long, ActivityChange> e) -> m
				.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
	}

	private static Summary read(Readable r) {
		return new Summary(r.get("id", Long.class), r.get("module_id", Long.class), r.get("shortname", String.class),
				r.get("fullname", String.class), r.get("rubric_id", Long.class), r.get("reviewer", String.class),
				ReviewState.valueOf(r.get("state", String.class)), r.get("round", Integer.class), r.get("deadline", LocalDate.class),
				r.get("score", Integer.class), r.get("campaign_id", Long.class), r.get("planned_by", String.class),
				r.get("planned_at", Instant.class), r.get("decided_at", Instant.class));
	}
}
