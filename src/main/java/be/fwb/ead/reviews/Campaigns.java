package be.fwb.ead.reviews;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import be.fwb.ead.audit.Change;
import be.fwb.ead.audit.ChangeLog;
import be.fwb.ead.shared.DisplaySettings;
import be.fwb.ead.shared.InvalidRequest;
import be.fwb.ead.shared.NotFound;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import be.fwb.ead.shared.Counted;

/**
 * Review campaigns: the modules to review chosen by risk ({@link RiskPolicy}), shared out between reviewers by load
 * without conflict of interest, and followed to their end. An exam concerns a module when a part of it and the module
 * share a subject, the top of a référentiel's tree.
 */
@Service
public class Campaigns {

	public static final int DEFAULT_HORIZON = 120;

	/** A module worth reviewing, its risk and why, one reason per ingredient that counts. */
	public record Candidate(long moduleId, String shortname, String fullname, int risk, List<String> reasons, int learners,
			@Nullable LocalDate examSession, @Nullable String exam) {
	}

	/** A candidate given to a reviewer. */
	public record Pick(Candidate candidate, String reviewer) {
	}

	/**
	 * What a campaign would plan: the picks, the candidates no reviewer could take (every one of them authors or
	 * tutors the module), and each reviewer's open reviews before and after.
	 */
	public record Proposal(List<Pick> picks, List<Candidate> unassigned, Map<String, Integer> loadBefore,
			Map<String, Integer> loadAfter, int candidates) {
	}

	/** What a coordinator asks for: a name, a due date, how many modules, among which reviewers, how far to look. */
	public record Request(@Nullable String name, @Nullable LocalDate dueOn, int size, @Nullable List<String> reviewers,
			@Nullable Integer horizonDays) {
	}

	public record ReviewerProgress(String reviewer, int open, int decided) {
	}

	/** A campaign and how far it has gone. */
	public record Progress(long id, String name, @Nullable LocalDate dueOn, int horizonDays, List<String> reviewers,
			String createdBy, Instant createdAt, int total, int planned, int inReview, int changesRequested, int approved,
			int rejected, boolean late, List<ReviewerProgress> byReviewer) {

		@JsonProperty
		public int decided() {
			return approved + rejected;
		}

		/** The share of its reviews decided, in %. */
		@JsonProperty
		public int percentDone() {
			return total == 0 ? 0 : Math.round(100f * decided() / total);
		}
	}

	/** A reviewer's open reviews, by state, and those decided in the last twelve months. */
	public record Load(String reviewer, String displayName, int planned, int inReview, int changesRequested, int decidedThisYear) {

		@JsonProperty
		public int open() {
			return planned + inReview + changesRequested;
		}
	}

	private final DatabaseClient db;
	private final CandidateModules modules;
	private final Reviews reviews;
	private final ChangeLog changes;
	private final ZoneId zone;
	private final Clock clock;
	private final JsonMapper json = JsonMapper.builder().findAndAddModules().build();

	Campaigns(DatabaseClient db, CandidateModules modules, Reviews reviews, ChangeLog changes, DisplaySettings display,
			Clock clock) {
		this.db = db;
		this.modules = modules;
		this.reviews = reviews;
		this.changes = changes;
		this.zone = display.zone();
		this.clock = clock;
	}

	/**
	 * The candidates, the riskiest first (then the most followed, then by short name): the current modules with no open
	 * review ({@link CandidateModules}, read across capabilities by the read side), weighed by the {@link RiskPolicy}.
	 */
	public Mono<List<Candidate>> candidates(int horizonDays) {
		RiskPolicy policy = new RiskPolicy(LocalDate.ofInstant(clock.instant(), zone), horizonDays, zone);
		Mono<Set<Long>> underReview = db.sql("select distinct module_id from review where state in ('PLANNED', 'IN_REVIEW', 'CHANGES_REQUESTED')")
			.map(r -> r.get("module_id", Long.class))
			.all()
			.collect(HashSet::new, Set::add);
		return underReview.flatMap(open -> modules.current(policy.today(), policy.today().plusDays(horizonDays))
			.filter(m -> !open.contains(m.id()))
			.collectList())
			.map(weighed -> {
				int most = weighed.stream().mapToInt(CandidateModules.Facts::learners).max().orElse(0);
				return weighed.stream()
					.map(m -> policy.assess(new RiskPolicy.Module(m.id(), m.shortname(), m.fullname(), m.lastDecision(), m.decidedAt(),
							m.contentChangedAt(), m.aligned(), m.examSession(), m.exam(), m.learners(), most)))
					.flatMap(Optional::stream)
					.sorted(Comparator.comparingInt(Candidate::risk).reversed()
						.thenComparing(Comparator.comparingInt(Candidate::learners).reversed())
						.thenComparing(Candidate::shortname))
					.toList();
			});
	}

	/**
	 * What a campaign would plan, without writing anything: the {@code size} riskiest candidates, each given to the
	 * least loaded reviewer who may review it (open reviews, counting those the campaign gives), ties by name.
	 */
	public Mono<Proposal> propose(Request request) {
		return Mono.fromCallable(() -> valid(request)).flatMap(this::proposal);
	}

	private Mono<Proposal> proposal(Request r) {
		List<String> names = r.reviewers();
		return checkReviewers(names).then(Mono.zip(candidates(r.horizonDays()), conflicts(names), openLoad(names))).map(t -> {
			List<Candidate> all = t.getT1();
			Map<String, Set<Long>> conflicts = t.getT2();
			Map<String, Integer> before = t.getT3();
			Map<String, Integer> load = new TreeMap<>(before);
			List<Pick> picks = new ArrayList<>();
			List<Candidate> unassigned = new ArrayList<>();
			for (Candidate c : all) {
				if (picks.size() == r.size()) {
					break;
				}
				String chosen = names.stream()
					.filter(n -> !conflicts.getOrDefault(n, Set.of()).contains(c.moduleId()))
					.min(Comparator.comparingInt((String n) -> load.get(n)).thenComparing(n -> n))
					.orElse(null);
				if (chosen == null) {
					unassigned.add(c);
					continue;
				}
				load.merge(chosen, 1, Integer::sum);
				picks.add(new Pick(c, chosen));
			}
			return new Proposal(List.copyOf(picks), List.copyOf(unassigned), before, load, all.size());
		});
	}

	/** Creates the campaign and plans its reviews, in one transaction: all of them, or none. */
	@Transactional
	public Mono<Long> create(Request request, String author) {
		return Mono.fromCallable(() -> valid(request)).flatMap(r -> plan(r, author));
	}

	private Mono<Long> plan(Request r, String author) {
		if (r.name() == null || r.name().isBlank() || r.name().length() > 200) {
			return Mono.error(InvalidRequest.ofField("name", "Une campagne a un nom, de 200 caractères au plus."));
		}
		if (r.dueOn() != null && !r.dueOn().isAfter(LocalDate.now(clock))) {
			return Mono.error(InvalidRequest.ofField("dueOn", "L’échéance de la campagne est postérieure à aujourd’hui."));
		}
		return proposal(r).flatMap(p -> {
			if (p.picks().isEmpty()) {
				return Mono.error(new InvalidRequest("Aucun module à relire ne peut être confié à ces relecteurs."));
			}
			List<Map<String, Object>> selection = p.picks().stream().map(x -> {
				Map<String, Object> m = new LinkedHashMap<>();
				m.put("moduleId", x.candidate().moduleId());
				m.put("shortname", x.candidate().shortname());
				m.put("risk", x.candidate().risk());
				m.put("reasons", x.candidate().reasons());
				m.put("reviewer", x.reviewer());
				return m;
			}).toList();
			var insert = db.sql("""
					insert into review_campaign (name, due_on, horizon_days, reviewers, selection, created_by, created_at)
					values (:name, :due, :horizon, :reviewers, :selection::jsonb, :by, :now) returning id""")
				.bind("name", r.name().trim())
				.bind("horizon", r.horizonDays())
				.bind("reviewers", r.reviewers().toArray(String[]::new))
				.bind("selection", json.writeValueAsString(selection))
				.bind("by", author)
				.bind("now", Instant.now(clock));
			insert = r.dueOn() == null ? insert.bindNull("due", LocalDate.class) : insert.bind("due", r.dueOn());
			return insert.map(row -> row.get("id", Long.class))
				.one()
				.flatMap(id -> Flux.fromIterable(p.picks())
					.concatMap(x -> reviews.plan(x.candidate().moduleId(), x.reviewer(), null, id, author))
					.then(changes.record(author, Change.of("review_campaign", id, null, "created", "Campagne « " + r.name().trim()
							+ " » : " + Counted.of(p.picks().size(), "revue planifiée", "revues planifiées") + " entre " + String.join(", ", r.reviewers()))
						.withStates(null, selection)))
					.thenReturn(id));
		});
	}

	/** Every campaign, the latest first, with its progress. */
	public Flux<Progress> all() {
		return db.sql("select id from review_campaign order by created_at desc, id desc")
			.map(r -> r.get("id", Long.class))
			.all()
			.concatMap(this::progress);
	}

	public Mono<Progress> progress(long id) {
		Mono<List<Map<String, Object>>> counts = db.sql("""
				select reviewer, state, count(*) as n from review where campaign_id = :id group by reviewer, state""")
			.bind("id", id)
			.fetch()
			.all()
			.collectList();
		return db.sql("select id, name, due_on, horizon_days, reviewers, created_by, created_at from review_campaign where id = :id")
			.bind("id", id)
			.map(r -> new Head(r.get("name", String.class), r.get("due_on", LocalDate.class), r.get("horizon_days", Integer.class),
					List.of(r.get("reviewers", String[].class)), r.get("created_by", String.class), r.get("created_at", Instant.class)))
			.one()
			.switchIfEmpty(Mono.error(new NotFound("Aucune campagne n’a l’identifiant " + id + ".")))
			.zipWith(counts, (c, rows) -> {
				Map<ReviewState, Integer> byState = new HashMap<>();
				Map<String, int[]> byReviewer = new TreeMap<>();
				for (Map<String, Object> row : rows) {
					ReviewState state = ReviewState.valueOf((String) row.get("state"));
					int n = ((Number) row.get("n")).intValue();
					byState.merge(state, n, Integer::sum);
					byReviewer.computeIfAbsent((String) row.get("reviewer"), k -> new int[2])[state.open() ? 0 : 1] += n;
				}
				int total = byState.values().stream().mapToInt(Integer::intValue).sum();
				int open = byState.entrySet().stream().filter(e -> e.getKey().open()).mapToInt(Map.Entry::getValue).sum();
				return new Progress(id, c.name(), c.dueOn(), c.horizonDays(), c.reviewers(), c.createdBy(), c.createdAt(), total,
						byState.getOrDefault(ReviewState.PLANNED, 0), byState.getOrDefault(ReviewState.IN_REVIEW, 0),
						byState.getOrDefault(ReviewState.CHANGES_REQUESTED, 0), byState.getOrDefault(ReviewState.APPROVED, 0),
						byState.getOrDefault(ReviewState.REJECTED, 0),
						c.dueOn() != null && open > 0 && c.dueOn().isBefore(LocalDate.now(clock)),
						byReviewer.entrySet().stream().map(e -> new ReviewerProgress(e.getKey(), e.getValue()[0], e.getValue()[1])).toList());
			});
	}

	private record Head(String name, @Nullable LocalDate dueOn, int horizonDays, List<String> reviewers, String createdBy,
			Instant createdAt) {
	}

	/** Every account that may review, with its load, the least loaded first. */
	public Flux<Load> load() {
		return db.sql("""
				select a.username, a.display_name,
				       count(*) filter (where r.state = 'PLANNED') as planned,
				       count(*) filter (where r.state = 'IN_REVIEW') as in_review,
				       count(*) filter (where r.state = 'CHANGES_REQUESTED') as changes,
				       count(*) filter (where r.decided_at > :year) as decided
				from account_identity a left join review r on r.reviewer = a.username
				where a.enabled and a.role in ('REVIEWER', 'COORDINATOR')
				group by a.username, a.display_name, a.role
				order by count(*) filter (where r.state in ('PLANNED', 'IN_REVIEW', 'CHANGES_REQUESTED')), a.role desc, a.username""")
			.bind("year", Instant.now(clock).minus(365, ChronoUnit.DAYS))
			.map(r -> new Load(r.get("username", String.class), r.get("display_name", String.class),
					r.get("planned", Long.class).intValue(), r.get("in_review", Long.class).intValue(),
					r.get("changes", Long.class).intValue(), r.get("decided", Long.class).intValue()))
			.all();
	}

	private static Request valid(Request r) {
		if (r.size() < 1 || r.size() > 200) {
			throw InvalidRequest.ofField("size", "Une campagne compte de 1 à 200 modules.");
		}
		List<String> names = r.reviewers() == null ? List.of()
				: r.reviewers().stream().filter(n -> n != null && !n.isBlank()).map(String::trim).distinct().toList();
		if (names.isEmpty() || names.size() > 50) {
			throw new InvalidRequest("Choisissez de 1 à 50 relecteurs.");
		}
		int horizon = r.horizonDays() == null ? DEFAULT_HORIZON : r.horizonDays();
		if (horizon < 7 || horizon > 730) {
			throw InvalidRequest.ofField("horizonDays", "L’horizon des sessions d’examen va de 7 à 730 jours.");
		}
		return new Request(r.name(), r.dueOn(), r.size(), names, horizon);
	}

	/** Every reviewer named is an enabled reviewer or coordinator account. */
	private Mono<Void> checkReviewers(List<String> names) {
		return db.sql("select username from account_identity where username = any(:names) and enabled and role in ('REVIEWER', 'COORDINATOR')")
			.bind("names", names.toArray(String[]::new))
			.map(r -> r.get("username", String.class))
			.all()
			.collect(HashSet<String>::new, Set::add)
			.flatMap(found -> {
				List<String> wrong = names.stream().filter(n -> !found.contains(n)).toList();
				return wrong.isEmpty() ? Mono.empty()
						: Mono.error(new InvalidRequest("Ne peuvent pas relire (compte inconnu, désactivé ou sans rôle de relecteur) : "
								+ String.join(", ", wrong) + "."));
			});
	}

	/** For each reviewer, the modules they author or tutor (Moodle role or current assignment). */
	private Mono<Map<String, Set<Long>>> conflicts(List<String> names) {
		return db.sql("""
				select a.username, mr.module_id from account_identity a join role_link mr on mr.vacataire_id = a.vacataire_id
				where a.username = any(:names)
				union
				select a.username, x.module_id from account_identity a join assignment_period x on x.vacataire_id = a.vacataire_id
				where a.username = any(:names) and x.ends_on >= :today""")
			.bind("names", names.toArray(String[]::new))
			.bind("today", LocalDate.now(clock))
			.map(r -> Map.entry(r.get("username", String.class), r.get("module_id", Long.class)))
			.all()
			.collect(HashMap::new, (m, e) -> m.computeIfAbsent(e.getKey(), k -> new HashSet<>()).add(e.getValue()));
	}

	private Mono<Map<String, Integer>> openLoad(List<String> names) {
		return db.sql("""
				select reviewer, count(*) as n from review where reviewer = any(:names)
				and state in ('PLANNED', 'IN_REVIEW', 'CHANGES_REQUESTED') group by reviewer""")
			.bind("names", names.toArray(String[]::new))
			.map(r -> Map.entry(r.get("reviewer", String.class), r.get("n", Long.class).intValue()))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue)
			.map(found -> {
				Map<String, Integer> out = new TreeMap<>();
				names.forEach(n -> out.put(n, found.getOrDefault(n, 0)));
				return out;
			});
	}
}
