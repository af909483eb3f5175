package be.fwb.ead.evaluations;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import be.fwb.ead.audit.Change;
import be.fwb.ead.audit.ChangeLog;
import be.fwb.ead.grids.CriteriaGrid;
import be.fwb.ead.grids.CriteriaGrid.Criterion;
import be.fwb.ead.shared.Conflict;
import be.fwb.ead.shared.InvalidRequest;
import be.fwb.ead.shared.NotFound;
import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Evaluations: the grid, recording one, the vacataire's acknowledgement, the history and who is due. */
@Service
public class Evaluations {

	public record Score(long criterionId, int score, @Nullable String comment) {
	}

	/** What the journal keeps of an evaluation's scores: each criterion by its label, in the grid's order; no empty comment. */
	private static List<Map<String, Object>> journalled(List<Criterion> grid, Map<Long, Score> given) {
		return grid.stream().map(c -> {
			Score s = given.get(c.id());
			Map<String, Object> line = new java.util.LinkedHashMap<>();
			line.put("criterion", c.label());
			line.put("score", s.score());
			if (s.comment() != null && !s.comment().isBlank()) {
				line.put("comment", s.comment().trim());
			}
			return line;
		}).toList();
	}

	public record ScoredCriterion(long criterionId, String label, int weight, int score, @Nullable String comment) {
	}

	/**
	 * @param weightedScore the weighted mean of the scores, from 1 to 4
	 */
	public record Evaluation(long id, long vacataireId, String evaluator, LocalDate evaluatedOn, @Nullable String comment,
			@Nullable Instant acknowledgedAt, @Nullable String vacataireComment, List<ScoredCriterion> scores,
			double weightedScore) {
	}

	/**
	 * An active vacataire whose last evaluation is older than the interval, or who was never evaluated and whose first
	 * assignment began more than the interval ago; with the evaluation planned for them, if any ({@link EvaluationPlanning}).
	 *
	 * @param lastEvaluatedOn the day of the last evaluation, {@literal null} when never evaluated
	 * @param firstAssignedOn the first day of the vacataire's first assignment
	 */
	public record Due(long vacataireId, String name, @Nullable LocalDate lastEvaluatedOn, @Nullable LocalDate plannedOn,
			@Nullable String evaluator, @Nullable LocalDate firstAssignedOn) {

		/** Whether an evaluation is planned on {@code today} or later (a plan whose day went by does not count). */
		public boolean plannedFrom(LocalDate today) {
			return plannedOn != null && !plannedOn.isBefore(today);
		}
	}

	private final DatabaseClient db;
	private final be.fwb.ead.audit.AccessLog access;
	private final ChangeLog changes;
	private final EvaluationSettings settings;
	private final CriteriaGrid criteria;
	private final Clock clock;

	Evaluations(DatabaseClient db, ChangeLog changes, EvaluationSettings settings, be.fwb.ead.audit.AccessLog access,
			Clock clock) {
		this.clock = clock;
		this.access = access;
		this.db = db;
		this.criteria = new CriteriaGrid(db, "evaluation_criterion", "Grille d’évaluation", (author, summary, before, after) -> changes.record(author,
				Change.of("evaluation_criterion", 0, null, "updated", summary).withStates(before, after)));
		this.changes = changes;
		this.settings = settings;
	}

	public Flux<Criterion> grid() {
		return criteria.active();
	}

	/** Replaces the grid; criteria left out are deactivated, past scores keep theirs. */
	@Transactional
	public Mono<List<Criterion>> configure(List<CriteriaGrid.Definition> definitions, String author) {
		return criteria.replace(definitions, author);
	}

	/**
	 * Records an evaluation; every active criterion of the grid gets a score from 1 to 4. The vacataire's planned
	 * evaluation, if any, is closed.
	 */
	@Transactional
	public Mono<Long> record(long vacataireId, LocalDate evaluatedOn, List<Score> scores, @Nullable String comment,
			String evaluator) {
		if (evaluatedOn == null || evaluatedOn.isAfter(LocalDate.now(clock).plusDays(1))) {
			return Mono.error(InvalidRequest.ofField("evaluatedOn", "La date de l’évaluation est obligatoire et ne peut être future."));
		}
		return grid().collectList().flatMap(grid -> {
			Set<Long> expected = grid.stream().map(Criterion::id).collect(Collectors.toSet());
			Map<Long, Score> given = scores.stream().collect(Collectors.toMap(Score::criterionId, s -> s, (a, b) -> b));
			List<String> problems = new ArrayList<>();
			for (Criterion c : grid) {
				Score s = given.get(c.id());
				if (s == null) {
					problems.add("« " + c.label() + " » n’a pas de note");
				}
				else if (s.score() < 1 || s.score() > 4) {
					problems.add("« " + c.label() + " » : note " + s.score() + " hors de l’échelle 1 à 4");
				}
			}
			given.keySet().stream().filter(id -> !expected.contains(id)).forEach(id -> problems.add("critère " + id + " inconnu"));
			if (!problems.isEmpty()) {
				return Mono.error(new InvalidRequest("Évaluation incomplète : " + String.join(" ; ", problems) + "."));
			}
			var spec = db.sql("""
					insert into evaluation (vacataire_id, evaluator, evaluated_on, comment, created_at)
					values (:v, :by, :on, :comment, :now) returning id""")
				.bind("v", vacataireId)
				.bind("by", evaluator)
				.bind("on", evaluatedOn)
				.bind("now", Instant.now(clock));
			spec = comment == null || comment.isBlank() ? spec.bindNull("comment", String.class) : spec.bind("comment", comment.trim());
			return spec.map(r -> r.get("id", Long.class))
				.one()
				.onErrorMap(org.springframework.dao.DataIntegrityViolationException.class,
						e -> new NotFound("Aucun vacataire n’a l’identifiant " + vacataireId + "."))
				.flatMap(id -> Flux.fromIterable(grid)
					.concatMap(c -> {
						Score s = given.get(c.id());
						var insert = db.sql("insert into evaluation_score (evaluation_id, criterion_id, score, comment) values (:e, :c, :s, :comment)")
							.bind("e", id)
							.bind("c", c.id())
							.bind("s", s.score());
						return (s.comment() == null || s.comment().isBlank() ? insert.bindNull("comment", String.class)
								: insert.bind("comment", s.comment().trim())).then();
					})
					.then(db.sql("delete from evaluation_plan where vacataire_id = :v").bind("v", vacataireId).then())
					.then(changes.record(evaluator, Change.of("evaluation", id, vacataireId, "created",
							"Évaluation du " + evaluatedOn.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")) + " par " + evaluator).withStates(null, journalled(grid, given))))
					.thenReturn(id));
		});
	}

	/** The vacataire acknowledges their evaluation, once, with an optional comment. */
	@Transactional
	public Mono<Evaluation> acknowledge(long evaluationId, long vacataireId, @Nullable String comment) {
		return find(evaluationId).flatMap(e -> {
			if (e.vacataireId() != vacataireId) {
				return Mono.error(new NotFound("Aucune évaluation n’a l’identifiant " + evaluationId + "."));
			}
			if (e.acknowledgedAt() != null) {
				return Mono.error(new Conflict("Cette évaluation a déjà été prise en connaissance."));
			}
			var spec = db.sql("update evaluation set acknowledged_at = :now, vacataire_comment = :c where id = :id")
				.bind("now", Instant.now(clock))
				.bind("id", evaluationId);
			spec = comment == null || comment.isBlank() ? spec.bindNull("c", String.class) : spec.bind("c", comment.trim());
			return spec.then()
				.then(changes.record("vacataire:" + vacataireId, Change.of("evaluation", evaluationId, vacataireId, "acknowledged",
						"Évaluation du " + be.fwb.ead.shared.Days.text(e.evaluatedOn()) + " prise en connaissance" + (comment == null || comment.isBlank() ? "" : ", avec un commentaire"))))
				.then(find(evaluationId));
		});
	}

	public Mono<Evaluation> find(long id) {
		return evaluations("where e.id = :id", id).next()
			.switchIfEmpty(Mono.error(new NotFound("Aucune évaluation n’a l’identifiant " + id + ".")));
	}

	/** Every evaluation, the most recent first (for exports). */
	public Flux<Evaluation> all() {
		return evaluations("where e.id > :id", 0);
	}

	/** A vacataire's evaluations, without logging the read (for counts and internal uses); see {@link #readBy}. */
	public Flux<Evaluation> ofVacataire(long vacataireId) {
		return evaluations("where e.vacataire_id = :id", vacataireId);
	}

	/**
	 * A vacataire's evaluations, read by someone: the read is logged (who, when, through what), once per call; a
	 * vacataire without evaluations has none to read, and nothing is logged.
	 */
	public Flux<Evaluation> readBy(long vacataireId, String reader, String via) {
		return ofVacataire(vacataireId).collectList()
			.flatMapMany(read -> read.isEmpty() ? Flux.<Evaluation>empty()
					: access.read(reader, vacataireId, "évaluations", via).thenMany(Flux.fromIterable(read)));
	}

	/**
	 * Who is due: active, not evaluated within the interval, and either evaluated before or serving for the interval
	 * already (their first assignment began that long ago). A vacataire known since today, on the first day, is not due.
	 */
	public Flux<Due> due() {
		return db.sql("""
				select v.id, v.name, p.planned_on, p.evaluator, f.first_starts_on,
				       (select max(e.evaluated_on) from evaluation e where e.vacataire_id = v.id) as last
				from vacataire_name v left join evaluation_plan p on p.vacataire_id = v.id
				left join (select vacataire_id, min(starts_on) as first_starts_on from assignment_period group by vacataire_id) f
				       on f.vacataire_id = v.id
				where v.status = 'ACTIF'
				  and not exists (select 1 from evaluation e where e.vacataire_id = v.id and e.evaluated_on > :since)
				  and (exists (select 1 from evaluation e where e.vacataire_id = v.id) or f.first_starts_on <= :since)
				order by last nulls first, f.first_starts_on, v.sort_key""")
			.bind("since", LocalDate.now(clock).minus(settings.interval()))
			.map(r -> new Due(r.get("id", Long.class), r.get("name", String.class), r.get("last", LocalDate.class),
					r.get("planned_on", LocalDate.class), r.get("evaluator", String.class), r.get("first_starts_on", LocalDate.class)))
			.all();
	}

	private Flux<Evaluation> evaluations(String where, long id) {
		return db.sql("select e.id, e.vacataire_id, e.evaluator, e.evaluated_on, e.comment, e.acknowledged_at, e.vacataire_comment "
				+ "from evaluation e " + where + " order by e.evaluated_on desc, e.id desc")
			.bind("id", id)
			.map(Evaluations::read)
			.all()
			.collectList()
			.flatMapMany(list -> list.isEmpty() ? Flux.empty() : db.sql("""
					select s.evaluation_id, s.criterion_id, c.label, c.weight, s.score, s.comment
					from evaluation_score s join evaluation_criterion c on c.id = s.criterion_id
					where s.evaluation_id = any(:ids::bigint[]) order by c.position, c.id""")
				.bind("ids", list.stream().map(Evaluation::id).toArray(Long[]::new))
				.map(r -> Map.entry(r.get("evaluation_id", Long.class), new ScoredCriterion(r.get("criterion_id", Long.class),
						r.get("label", String.class), r.get("weight", Integer.class), r.get("score", Integer.class),
						r.get("comment", String.class))))
				.all()
				.collectMultimap(Map.Entry::getKey, Map.Entry::getValue)
				.flatMapMany(byId -> Flux.fromIterable(list).map(e -> {
					List<ScoredCriterion> scores = List.copyOf(byId.getOrDefault(e.id(), List.of()));
					int weights = scores.stream().mapToInt(ScoredCriterion::weight).sum();
					double mean = weights == 0 ? 0 : scores.stream().mapToDouble(s -> s.score() * s.weight()).sum() / weights;
					return new Evaluation(e.id(), e.vacataireId(), e.evaluator(), e.evaluatedOn(), e.comment(), e.acknowledgedAt(),
							e.vacataireComment(), scores, Math.round(mean * 100) / 100.0);
				})));
	}

	private static Evaluation read(Readable r) {
		return new Evaluation(r.get("id", Long.class), r.get("vacataire_id", Long.class), r.get("evaluator", String.class),
				r.get("evaluated_on", LocalDate.class), r.get("comment", String.class), r.get("acknowledged_at", Instant.class),
				r.get("vacataire_comment", String.class), List.of(), 0);
	}

}
