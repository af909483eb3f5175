package be.fwb.ead.assignments;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import be.fwb.ead.assignments.AssignmentRules.Facts;
import be.fwb.ead.assignments.AssignmentRules.Request;
import be.fwb.ead.assignments.AssignmentRules.Verdict;
import be.fwb.ead.assignments.Reconciliation.RoleKey;
import be.fwb.ead.audit.Change;
import be.fwb.ead.audit.ChangeLog;
import be.fwb.ead.shared.InvalidRequest;
import be.fwb.ead.shared.SchoolYear;
import be.fwb.ead.shared.SchoolYearSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/**
 * Adopts Moodle roles as assignments in bulk, on the first deployment: each role becomes an assignment of the same
 * role (conception or tutorat), for the school year (or the dates given), hours optional. Every request is judged by
 * {@link AssignmentRules}; those a rule refuses are listed with their reason and left for later, the others are
 * created in one statement, with one journal entry each. Set-based: a handful of queries whatever the number of roles.
 */
@Service
public class RoleAdoption {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	/** The most roles one request adopts (the realistic site has about 1,200). */
	public static final int MAX_ROLES = 20_000;

	/** The period and hours of the assignments; {@code hours} 0: not given. */
	public record Terms(LocalDate startsOn, LocalDate endsOn, int hours) {
	}

	/** A role a rule refuses, with the rule and its reason. */
	public record Refusal(long vacataireId, String vacataireName, long moduleId, String moduleName, String role, String rule,
			String reason) {
	}

	/**
	 * What an adoption does (preview) or did.
	 *
	 * @param applied whether the assignments were created
	 * @param refusedByRule how many refusals per rule ({@code TITLE}, {@code TRAINING}, {@code CAP}…)
	 */
	public record Outcome(boolean applied, Terms terms, int roles, int authors, int tutors, List<Refusal> refused,
			Map<String, Integer> refusedByRule) {

		public int adopted() {
			return authors + tutors;
		}
	}

	private final DatabaseClient db;
	private final AssignmentFacts facts;
	private final AssignmentRules rules = new AssignmentRules();
	private final ChangeLog changes;
	private final SchoolYearSettings schoolYears;
	private final Clock clock;

	RoleAdoption(DatabaseClient db, AssignmentFacts facts, ChangeLog changes, SchoolYearSettings schoolYears, Clock clock) {
		this.db = db;
		this.facts = facts;
		this.changes = changes;
		this.schoolYears = schoolYears;
		this.clock = clock;
	}

	/** The school year of today: the dates an adoption is prefilled with. */
	public SchoolYear schoolYear() {
		return schoolYears.of(LocalDate.now(clock));
	}

	/** The terms given, completed from the school year of today. */
	public Terms terms(@Nullable LocalDate startsOn, @Nullable LocalDate endsOn, @Nullable Integer hours) {
		SchoolYear year = schoolYear();
		return new Terms(startsOn == null ? year.firstDay() : startsOn, endsOn == null ? year.lastDay() : endsOn,
				hours == null ? 0 : hours);
	}

	/** What adopting {@code roles} would do; nothing is written. */
	public Mono<Outcome> preview(List<RoleKey> roles, Terms terms) {
		return check(roles, terms).then(Mono.defer(() -> judge(roles, terms)))
			.map(j -> outcome(false, roles, terms, j));
	}

	/** Adopts {@code roles}: the allowed ones become assignments, in one transaction; the refused are listed. */
	@Transactional
	public Mono<Outcome> adopt(List<RoleKey> roles, Terms terms, String author) {
		List<Request> requests = requests(roles, terms);
		return check(roles, terms).then(facts.lock(requests))
			.then(Mono.defer(() -> judge(roles, terms)))
			.flatMap(j -> insert(j, terms, author).thenReturn(outcome(true, roles, terms, j)));
	}

	private record Judged(List<Request> requests, List<Facts> facts, List<Verdict> verdicts) {
	}

	private Mono<Void> check(List<RoleKey> roles, Terms terms) {
		if (terms.endsOn().isBefore(terms.startsOn())) {
			return Mono.error(InvalidRequest.ofField("endsOn", "La période est invalide : la fin doit suivre le début."));
		}
		if (terms.hours() < 0 || terms.hours() > 1000) {
			return Mono.error(InvalidRequest.ofField("hours", "Le nombre d’heures doit être compris entre 0 (non précisé) et 1000."));
		}
		if (roles.size() > MAX_ROLES) {
			return Mono.error(new InvalidRequest("Au plus " + MAX_ROLES + " rôles à la fois."));
		}
		return Mono.empty();
	}

	private Mono<Judged> judge(List<RoleKey> roles, Terms terms) {
		List<Request> requests = requests(roles, terms);
		return facts.of(requests).map(f -> new Judged(requests, f, rules.judgeAll(requests, f)));
	}

	private static List<Request> requests(List<RoleKey> roles, Terms terms) {
		return roles.stream().map(k -> new Request(k.vacataireId(), k.moduleId(), k.role(), terms.startsOn(), terms.endsOn(),
				terms.hours(), null)).toList();
	}

	private Mono<Void> insert(Judged j, Terms terms, String author) {
		List<Long> v = new ArrayList<>();
		List<Long> m = new ArrayList<>();
		List<String> r = new ArrayList<>();
		List<String> c = new ArrayList<>();
		Map<String, Facts> byKey = new HashMap<>();
		for (int i = 0; i < j.requests().size(); i++) {
			Verdict verdict = j.verdicts().get(i);
			if (verdict.isAllowed()) {
				Request q = j.requests().get(i);
				v.add(q.vacataireId());
				m.add(q.moduleId());
				r.add(q.role());
				c.add(verdict.coverage().name());
				byKey.put(q.vacataireId() + ":" + q.moduleId() + ":" + q.role(), j.facts().get(i));
			}
		}
		if (v.isEmpty()) {
			return Mono.empty();
		}
		String hours = terms.hours() == 0 ? "heures non précisées" : terms.hours() + " h";
		return db.sql("""
				insert into assignment (vacataire_id, module_id, role, starts_on, ends_on, hours, coverage, created_by, created_at)
				select t.v, t.m, t.r, :s, :e, :h, t.c, :by, :now
				from unnest(:v::bigint[], :m::bigint[], :r::text[], :c::text[]) as t(v, m, r, c)
				returning id, vacataire_id, module_id, role, coverage""")
			.bind("v", v.toArray(Long[]::new))
			.bind("m", m.toArray(Long[]::new))
			.bind("r", r.toArray(String[]::new))
			.bind("c", c.toArray(String[]::new))
			.bind("s", terms.startsOn())
			.bind("e", terms.endsOn())
			.bind("h", terms.hours())
			.bind("by", author)
			.bind("now", Instant.now(clock))
			.map(row -> {
				long vacataire = row.get("vacataire_id", Long.class);
				long module = row.get("module_id", Long.class);
				String role = row.get("role", String.class);
				Facts f = byKey.get(vacataire + ":" + module + ":" + role);
				return Change.of("assignment", row.get("id", Long.class), vacataire, "created",
						"Affecté en " + Assignments.roleLabel(role) + " au module « " + f.moduleName() + " » du "
								+ DAY.format(terms.startsOn()) + " au " + DAY.format(terms.endsOn()) + " (" + hours
								+ ") : rôle Moodle adopté")
					.withStates(null, Map.of("moduleId", module, "role", role, "startsOn", terms.startsOn().toString(),
							"endsOn", terms.endsOn().toString(), "hours", terms.hours(), "coverage", row.get("coverage", String.class),
							"from", "MOODLE_ROLE"));
			})
			.all()
			.collectList()
			.flatMap(created -> changes.recordAll(author, created));
	}

	private static Outcome outcome(boolean applied, List<RoleKey> roles, Terms terms, Judged j) {
		int authors = 0;
		int tutors = 0;
		List<Refusal> refused = new ArrayList<>();
		Map<String, Integer> byRule = new java.util.TreeMap<>();
		for (int i = 0; i < j.requests().size(); i++) {
			Verdict verdict = j.verdicts().get(i);
			Request q = j.requests().get(i);
			if (verdict.isAllowed()) {
				if (q.role().equals("AUTHOR")) {
					authors++;
				}
				else {
					tutors++;
				}
			}
			else {
				Facts f = j.facts().get(i);
				refused.add(new Refusal(q.vacataireId(), f.vacataireName(), q.moduleId(), f.moduleName(), q.role(),
						verdict.rule().name(), verdict.reason()));
				byRule.merge(verdict.rule().name(), 1, Integer::sum);
			}
		}
		return new Outcome(applied, terms, roles.size(), authors, tutors, refused, byRule);
	}
}
