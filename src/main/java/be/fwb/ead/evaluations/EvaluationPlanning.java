package be.fwb.ead.evaluations;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import be.fwb.ead.audit.Change;
import be.fwb.ead.audit.ChangeLog;
import be.fwb.ead.security.Accounts;
import be.fwb.ead.security.Role;
import be.fwb.ead.shared.InvalidRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/**
 * Plans the evaluations of vacataires who are due one, in bulk: a day and an evaluator (a coordinator's account) for
 * each. Those a rule refuses (not active, evaluated recently, already planned) are listed with their reason, the others
 * planned in one statement, with one journal entry each, all or none. Recording the evaluation closes its plan.
 */
@Service
public class EvaluationPlanning {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	/** The most vacataires one request plans (the service is designed for 2,000). */
	public static final int MAX_VACATAIRES = 5_000;

	/** How far ahead an evaluation may be planned. */
	static final Period HORIZON = Period.ofYears(1);

	/** A vacataire whose evaluation was planned. */
	public record Planned(long vacataireId, String name) {
	}

	/** A vacataire whose evaluation was not planned, and why. */
	public record Refusal(long vacataireId, String name, String reason) {
	}

	/** What a planning did: the day, the evaluator, who was planned and who was refused. */
	public record Outcome(LocalDate plannedOn, String evaluator, List<Planned> planned, List<Refusal> refused) {
	}

	/** What the rules judge, per vacataire asked for; {@code name} is {@literal null} for an unknown id. */
	record Facts(long vacataireId, @Nullable String name, @Nullable String status, @Nullable LocalDate lastEvaluatedOn,
			@Nullable LocalDate plannedOn, @Nullable String plannedWith, @Nullable LocalDate firstAssignedOn) {
	}

	private final DatabaseClient db;
	private final ChangeLog changes;
	private final Accounts accounts;
	private final EvaluationSettings settings;
	private final Clock clock;

	EvaluationPlanning(DatabaseClient db, ChangeLog changes, Accounts accounts, EvaluationSettings settings, Clock clock) {
		this.db = db;
		this.changes = changes;
		this.accounts = accounts;
		this.settings = settings;
		this.clock = clock;
	}

	/** The evaluation planned for the vacataire and not yet held: its day and evaluator. */
	public record Plan(LocalDate plannedOn, String evaluator) {
	}

	/** The vacataire's planned evaluation, if one is planned. */
	public Mono<Plan> plannedFor(long vacataireId) {
		return db.sql("select planned_on, evaluator from evaluation_plan where vacataire_id = :v")
			.bind("v", vacataireId)
			.map(r -> new Plan(r.get("planned_on", LocalDate.class), r.get("evaluator", String.class)))
			.one();
	}

	/**
	 * Plans the evaluation of {@code vacataireIds} on {@code on} by {@code evaluator} (the author when blank).
	 * {@link InvalidRequest} naming the field when the day or the evaluator is refused; the vacataires a rule refuses
	 * are listed in the outcome, the others planned.
	 */
	@Transactional
	public Mono<Outcome> plan(List<Long> vacataireIds, @Nullable LocalDate on, @Nullable String evaluator, String author) {
		LocalDate today = LocalDate.now(clock);
		String who = evaluator == null || evaluator.isBlank() ? author : evaluator.trim();
		if (on == null) {
			return Mono.error(InvalidRequest.ofField("plannedOn", "Indiquez le jour de l’évaluation."));
		}
		if (on.isBefore(today)) {
			return Mono.error(InvalidRequest.ofField("plannedOn", "Le jour de l’évaluation ne peut être passé."));
		}
		if (on.isAfter(today.plus(HORIZON))) {
			return Mono.error(InvalidRequest.ofField("plannedOn", "Une évaluation se planifie au plus un an à l’avance."));
		}
		List<Long> ids = vacataireIds.stream().distinct().toList();
		if (ids.isEmpty()) {
			return Mono.error(new InvalidRequest("Cochez au moins un vacataire à évaluer."));
		}
		if (ids.size() > MAX_VACATAIRES) {
			return Mono.error(new InvalidRequest("Au plus " + MAX_VACATAIRES + " vacataires à la fois."));
		}
		return evaluator(who).then(facts(ids)).flatMap(facts -> {
			List<Long> allowed = new ArrayList<>();
			List<Refusal> refused = new ArrayList<>();
			Map<Long, Facts> byId = new LinkedHashMap<>();
			for (Facts f : facts) {
				byId.put(f.vacataireId(), f);
				String reason = refusal(f, today, settings.interval());
				if (reason == null) {
					allowed.add(f.vacataireId());
				}
				else {
					refused.add(new Refusal(f.vacataireId(), f.name() == null ? "#" + f.vacataireId() : f.name(), reason));
				}
			}
			return insert(allowed, on, who, author, today, byId).map(done -> {
				List<Planned> planned = new ArrayList<>();
				for (long id : allowed) {
					if (done.contains(id)) {
						planned.add(new Planned(id, byId.get(id).name()));
					}
					else {
						refused.add(new Refusal(id, byId.get(id).name(), "Planifiée entre-temps par quelqu’un d’autre."));
					}
				}
				return new Outcome(on, who, planned, refused);
			});
		});
	}
	/**
	 * Why the vacataire's evaluation cannot be planned now, or {@literal null}: only an active vacataire who is due one
	 * (last evaluated more than {@code interval} ago, or never evaluated and first assigned more than {@code interval}
	 * ago: the rule of {@link Evaluations#due()}) and has none planned to come.
	 */
	static @Nullable String refusal(Facts f, LocalDate today, Period interval) {
		if (f.name() == null) {
			return "Aucun vacataire n’a l’identifiant " + f.vacataireId() + ".";
		}
		if (!"ACTIF".equals(f.status())) {
			return "N’est pas actif : seuls les vacataires actifs sont évalués.";
		}
		if (f.lastEvaluatedOn() != null && f.lastEvaluatedOn().isAfter(today.minus(interval))) {
			return "Évalué le " + DAY.format(f.lastEvaluatedOn()) + " : la prochaine évaluation est due le "
					+ DAY.format(f.lastEvaluatedOn().plus(interval)) + ".";
		}
		if (f.lastEvaluatedOn() == null && (f.firstAssignedOn() == null || f.firstAssignedOn().isAfter(today.minus(interval)))) {
			return f.firstAssignedOn() == null ? "Jamais affecté : une évaluation est due un an après la première affectation."
					: "Affecté depuis le " + DAY.format(f.firstAssignedOn()) + " : la première évaluation est due le "
							+ DAY.format(f.firstAssignedOn().plus(interval)) + ".";
		}
		if (f.plannedOn() != null && !f.plannedOn().isBefore(today)) {
			return "Déjà planifiée le " + DAY.format(f.plannedOn()) + " avec " + f.plannedWith() + ".";
		}
		return null;
	}

	/** The evaluator must be an active coordinator's account. */
	private Mono<Void> evaluator(String username) {
		return accounts.byUsername(username)
			.filter(a -> a.enabled() && a.role() == Role.COORDINATOR)
			.switchIfEmpty(Mono.error(InvalidRequest.ofField("evaluator",
					"« " + username + " » n’est pas un compte de coordination actif : choisissez l’évaluateur dans la liste.")))
			.then();
	}

	private Mono<List<Facts>> facts(List<Long> ids) {
		return db.sql("""
				select k.id, v.name, v.status, p.planned_on, p.evaluator,
				       (select max(e.evaluated_on) from evaluation e where e.vacataire_id = k.id) as last,
				       (select min(a.starts_on) from assignment_period a where a.vacataire_id = k.id) as first_starts_on
				from unnest(:ids::bigint[]) with ordinality as k(id, n)
				left join vacataire_name v on v.id = k.id
				left join evaluation_plan p on p.vacataire_id = k.id
				order by k.n""")
			.bind("ids", ids.toArray(Long[]::new))
			.map(r -> new Facts(r.get("id", Long.class), r.get("name", String.class), r.get("status", String.class),
					r.get("last", LocalDate.class), r.get("planned_on", LocalDate.class), r.get("evaluator", String.class),
					r.get("first_starts_on", LocalDate.class)))
			.all()
			.collectList();
	}

	/** One statement for every plan (a past one replaced), one journal entry each; gives the vacataires planned. */
	private Mono<Set<Long>> insert(List<Long> ids, LocalDate on, String evaluator, String author, LocalDate today,
			Map<Long, Facts> facts) {
		if (ids.isEmpty()) {
			return Mono.just(Set.of());
		}
		return db.sql("""
				insert into evaluation_plan (vacataire_id, planned_on, evaluator, planned_by, planned_at)
				select k.v, :on, :evaluator, :by, :now from unnest(:ids::bigint[]) as k(v)
				on conflict (vacataire_id) do update set planned_on = excluded.planned_on, evaluator = excluded.evaluator,
				    planned_by = excluded.planned_by, planned_at = excluded.planned_at
				where evaluation_plan.planned_on < :today
				returning vacataire_id""")
			.bind("ids", ids.toArray(Long[]::new))
			.bind("on", on)
			.bind("evaluator", evaluator)
			.bind("by", author)
			.bind("now", Instant.now(clock))
			.bind("today", today)
			.map(r -> r.get("vacataire_id", Long.class))
			.all()
			.collectList()
			.flatMap(done -> changes.recordAll(author, done.stream().map(id -> {
				Facts before = facts.get(id);
				return Change.of("evaluation_plan", id, id, "planned", "Évaluation planifiée le " + DAY.format(on) + " avec " + evaluator)
					.withStates(before.plannedOn() == null ? null : Map.of("plannedOn", before.plannedOn().toString(),
							"evaluator", String.valueOf(before.plannedWith())), Map.of("plannedOn", on.toString(), "evaluator", evaluator));
			}).toList()).thenReturn(Set.copyOf(done)));
	}
}
