package be.fwb.ead.analysis;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import be.fwb.ead.shared.InvalidRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The modules to adapt first, by a score whose ingredients are all shown, each from 0 to 1:
 * <ul>
 * <li>{@code examGap}: the uncovered share of the most exposed exam part the module is concerned by (a part is
 * concerned when one of its competencies and one the module works share the same top of the tree, a subject say);
 * {@literal null} when the module works no competency (it is then not aligned: {@code aligned} false);</li>
 * <li>{@code demand}: the module's learners over the most followed module's;</li>
 * <li>{@code staleness}: the time since Moodle last saw its content change, over two years (capped at 1);</li>
 * <li>{@code qualityGap}: what its last decided quality review found missing: 1 when refused, 1 − score / 100 when
 * approved; {@literal null} when it was never reviewed (it then adds nothing).</li>
 * </ul>
 * Score = 100 × (0.35 examGap + 0.30 demand + 0.15 staleness + 0.20 qualityGap).
 */
@Service
public class Priorities {

	public static final double EXAM_WEIGHT = 0.35;
	public static final double DEMAND_WEIGHT = 0.30;
	public static final double STALENESS_WEIGHT = 0.15;
	public static final double QUALITY_WEIGHT = 0.20;
	private static final Duration STALE = Duration.ofDays(730);

	public record Priority(long moduleId, String shortname, String fullname, int score, @Nullable Double examGap,
			@Nullable String examPart, double demand, int learners, double staleness, Instant contentChangedAt,
			boolean aligned, @Nullable Double qualityGap, @Nullable String reviewState, @Nullable Integer reviewScore) {
	}

	/** The last decided review of a module: APPROVED or REJECTED, and its score. */
	private record Decision(String state, @Nullable Integer score) {

		double gap() {
			return "REJECTED".equals(state) || score == null ? 1.0 : Math.max(0, 1 - score / 100.0);
		}
	}

	private record ModuleRow(long id, String shortname, String fullname, int learners, Instant changed) {
	}

	/**
	 * Which modules to rank: those concerned by one exam (its code: CEB, CE1D, CESS…; the exam gap then counts its
	 * parts only), those of one level (a Moodle category and what is under it); {@literal null}: all.
	 */
	public record Filter(@Nullable String exam, @Nullable Long level) {

		public static final Filter ALL = new Filter(null, null);
	}

	/** A level of the catalogue: a Moodle category holding subjects that hold current modules. */
	public record Level(long id, String name) {
	}

	private final DatabaseClient db;
	private final ExamReadiness readiness;
	private final Clock clock;

	Priorities(DatabaseClient db, ExamReadiness readiness, Clock clock) {
		this.clock = clock;
		this.db = db;
		this.readiness = readiness;
	}

	/** Every current module, the highest score first. */
	public Mono<List<Priority>> ranked() {
		return ranked(Filter.ALL);
	}

	/** The levels a ranked list may be narrowed to, by name. */
	public Flux<Level> levels() {
		return db.sql("""
				select distinct p.id, p.name from current_module m join category_path c on c.id = m.category_id
				join category_path p on p.id = c.parent_id order by p.name""")
			.map(r -> new Level(r.get("id", Long.class), r.get("name", String.class)))
			.all();
	}

	/**
	 * The current modules the filter keeps, the highest score first. An exam no one defined is refused with
	 * {@link InvalidRequest} naming the exams there are.
	 */
	public Mono<List<Priority>> ranked(Filter filter) {
		// Every current module, whatever the filter: the demand is relative to the most followed module of the catalogue.
		Mono<List<ModuleRow>> modules = db.sql("select id, shortname, fullname, learner_count, content_changed_at from current_module")
			.map(r -> new ModuleRow(r.get("id", Long.class), r.get("shortname", String.class), r.get("fullname", String.class),
					r.get("learner_count", Integer.class), r.get("content_changed_at", Instant.class)))
			.all()
			.collectList();
		Mono<Map<Long, Set<Long>>> moduleRoots = db.sql("select module_id, root_id as root from module_root")
			.map(r -> Map.entry(r.get("module_id", Long.class), r.get("root", Long.class)))
			.all()
			.collect(HashMap::new, (m, e) -> m.computeIfAbsent(e.getKey(), k -> new HashSet<>()).add(e.getValue()));
		Mono<Map<Long, Set<Long>>> partRoots = db.sql("select distinct pc.part_id, r.root_id as root from exam_competency pc "
				+ "join competency_root r on r.competency_id = pc.competency_id")
			.map(r -> Map.entry(r.get("part_id", Long.class), r.get("root", Long.class)))
			.all()
			.collect(HashMap::new, (m, e) -> m.computeIfAbsent(e.getKey(), k -> new HashSet<>()).add(e.getValue()));
		// The readiness is read once, for both the parts' ratios and their names; only the chosen exam's, if one is.
		Mono<List<ExamReadiness.Readiness>> examReadiness = readiness.all().collectList().map(all -> chosen(all, filter.exam())).cache();
		Mono<Map<Long, ExamReadiness.PartReadiness>> parts = examReadiness.flatMapIterable(l -> l)
			.flatMapIterable(ExamReadiness.Readiness::parts)
			.collectMap(ExamReadiness.PartReadiness::partId);
		Mono<Map<Long, String>> partNames = examReadiness.flatMapIterable(l -> l)
			.flatMapIterable(e -> e.parts().stream().map(p -> Map.entry(p.partId(), e.code() + " – " + p.name())).toList())
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
		Mono<Map<Long, Decision>> decisions = db.sql("""
				select module_id, state, score from last_decided_review""")
			.map(r -> Map.entry(r.get("module_id", Long.class), new Decision(r.get("state", String.class), r.get("score", Integer.class))))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
		Mono<Set<Long>> inLevel = filter.level() == null ? Mono.just(Set.of()) : db.sql("""
				select m.id from current_module m join category_subtree s on s.member_id = m.category_id where s.category_id = :level""")
			.bind("level", filter.level())
			.map(r -> r.get("id", Long.class))
			.all()
			.collect(java.util.stream.Collectors.toSet());
		return Mono.zip(modules, moduleRoots, partRoots, parts, partNames, decisions, inLevel).map(t -> {
			int maxLearners = Math.max(1, t.getT1().stream().mapToInt(ModuleRow::learners).max().orElse(1));
			Instant now = Instant.now(clock);
			List<Priority> out = new ArrayList<>(t.getT1().size());
			for (ModuleRow m : t.getT1()) {
				if (filter.level() != null && !t.getT7().contains(m.id())) {
					continue;
				}
				Set<Long> roots = t.getT2().get(m.id());
				Double gap = null;
				String part = null;
				boolean concerned = false;
				if (roots != null) {
					gap = 0.0;
					for (Map.Entry<Long, Set<Long>> p : t.getT3().entrySet()) {
						ExamReadiness.PartReadiness readiness = t.getT4().get(p.getKey());
						if (readiness == null || p.getValue().stream().noneMatch(roots::contains)) {
							continue;
						}
						concerned = true;
						if (1 - readiness.ratio() > gap) {
							gap = 1 - readiness.ratio();
							part = t.getT5().get(p.getKey());
						}
					}
				}
				if (filter.exam() != null && !concerned) {
					continue;
				}
				double demand = (double) m.learners() / maxLearners;
				double staleness = Math.min(1.0, (double) Duration.between(m.changed(), now).toMinutes() / STALE.toMinutes());
				Decision decision = t.getT6().get(m.id());
				Double quality = decision == null ? null : decision.gap();
				double score = EXAM_WEIGHT * (gap == null ? 0 : gap) + DEMAND_WEIGHT * demand + STALENESS_WEIGHT * Math.max(0, staleness)
						+ QUALITY_WEIGHT * (quality == null ? 0 : quality);
				out.add(new Priority(m.id(), m.shortname(), m.fullname(), (int) Math.round(100 * score), gap, part, demand,
						m.learners(), Math.max(0, staleness), m.changed(), roots != null, quality,
						decision == null ? null : decision.state(), decision == null ? null : decision.score()));
			}
			out.sort(Comparator.comparingInt(Priority::score).reversed().thenComparing(Priority::fullname));
			return out;
		});
	}

	/** The readiness of the exam whose code is {@code code} (case does not matter), or of every exam when it is null. */
	private static List<ExamReadiness.Readiness> chosen(List<ExamReadiness.Readiness> all, @Nullable String code) {
		if (code == null) {
			return all;
		}
		List<ExamReadiness.Readiness> one = all.stream().filter(e -> e.code().equalsIgnoreCase(code.trim())).toList();
		if (one.isEmpty()) {
			throw new InvalidRequest("Épreuve inconnue : « " + code + " ». Épreuves définies : "
					+ (all.isEmpty() ? "aucune" : String.join(", ", all.stream().map(ExamReadiness.Readiness::code).toList())) + ".");
		}
		return one;
	}
}
