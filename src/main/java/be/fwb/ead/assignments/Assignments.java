package be.fwb.ead.assignments;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import be.fwb.ead.audit.Change;
import be.fwb.ead.audit.ChangeLog;
import be.fwb.ead.catalogue.Catalogue;
import be.fwb.ead.events.ModuleListener;
import be.fwb.ead.shared.InvalidRequest;
import be.fwb.ead.shared.NotFound;
import be.fwb.ead.shared.PageOf;
import be.fwb.ead.shared.Paging;
import be.fwb.ead.shared.SearchText;
import be.fwb.ead.shared.Refused;
import be.fwb.ead.vacataires.VacataireStatusChanged;
import be.fwb.ead.vacataires.Vacataires;
import io.r2dbc.spi.Readable;
import be.fwb.ead.vacataires.VacataireStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Creates assignments under the rules of the service, ends them, and lists them. */
@Service
public class Assignments {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	static final String COLUMNS = """
			a.id, a.vacataire_id, v.name as vacataire_name,
			a.module_id, m.fullname as module_name, m.shortname as module_shortname, a.role, a.starts_on, a.ends_on, a.hours,
			a.coverage, a.derogation_reason, a.created_by, a.created_at""";

	static final String FROM = " from assignment a join vacataire_name v on v.id = a.vacataire_id join module_name m on m.id = a.module_id ";

	private final DatabaseClient db;
	private final Vacataires vacataires;
	private final Catalogue catalogue;
	private final ChangeLog changes;
	private final AssignmentFacts facts;
	private final AssignmentRules rules = new AssignmentRules();
	private final Clock clock;

	Assignments(DatabaseClient db, Vacataires vacataires, Catalogue catalogue, ChangeLog changes, AssignmentFacts facts,
			Clock clock) {
		this.db = db;
		this.vacataires = vacataires;
		this.catalogue = catalogue;
		this.changes = changes;
		this.facts = facts;
		this.clock = clock;
	}

	/**
	 * Creates the assignment if every rule of {@link AssignmentRules} allows it; otherwise fails with {@link Refused}
	 * naming the rule, and nothing is written. The vacataire's row stays locked until the end, so concurrent
	 * assignments are checked one after the other.
	 */
	@Transactional
	public Mono<Assignment> create(NewAssignment a, String author) {
		String role = a.role() == null ? "" : a.role().trim().toUpperCase(Locale.ROOT);
		if (!role.equals("AUTHOR") && !role.equals("TUTOR")) {
			return Mono.error(InvalidRequest.ofField("role",
					"Rôle inconnu : « " + a.role() + " ». Valeurs admises : AUTHOR (conception), TUTOR (tutorat)."));
		}
		if (a.startsOn() == null || a.endsOn() == null) {
			return Mono.error(InvalidRequest.ofField(a.startsOn() == null ? "startsOn" : "endsOn",
					a.startsOn() == null ? "Indiquez le début de l’affectation." : "Indiquez la fin de l’affectation."));
		}
		if (a.endsOn().isBefore(a.startsOn())) {
			return Mono.error(InvalidRequest.ofField("endsOn", "La période est invalide : la fin ("
					+ be.fwb.ead.shared.Days.text(a.endsOn()) + ") doit suivre le début (" + be.fwb.ead.shared.Days.text(a.startsOn())
					+ ")."));
		}
		if (a.hours() < 1 || a.hours() > 1000) {
			return Mono.error(InvalidRequest.ofField("hours", "Le nombre d’heures doit être compris entre 1 et 1000."));
		}
		AssignmentRules.Request request = new AssignmentRules.Request(a.vacataireId(), a.moduleId(), role, a.startsOn(),
				a.endsOn(), a.hours(), a.derogationReason());
		return vacataires.lockForAssignment(a.vacataireId())
			.then(catalogue.find(a.moduleId()).switchIfEmpty(Mono.error(new NotFound("Aucun module n’a l’identifiant " + a.moduleId() + "."))))
			.then(facts.of(List.of(request)))
			.flatMap(f -> {
				AssignmentRules.Verdict verdict = rules.judge(request, f.get(0));
				if (!verdict.isAllowed()) {
					return Mono.error(Refused.ofField(verdict.field(), verdict.reason()));
				}
				Coverage coverage = verdict.coverage();
				return insert(a, role, coverage, author)
					.flatMap(id -> changes.record(author, Change.of("assignment", id, a.vacataireId(),
							coverage == Coverage.DEROGATION ? "derogation" : "created",
							"Affecté en " + roleLabel(role) + " au module « " + f.get(0).moduleName() + " » du "
									+ DAY.format(a.startsOn()) + " au " + DAY.format(a.endsOn()) + " (" + a.hours() + " h"
									+ (coverage == Coverage.DEROGATION ? ", par dérogation" : "") + ")")
						.withStates(null, Map.of("moduleId", a.moduleId(), "role", role, "startsOn", a.startsOn().toString(),
								"endsOn", a.endsOn().toString(), "hours", a.hours(), "coverage", coverage.name()))
						.because(coverage == Coverage.DEROGATION ? a.derogationReason().trim() : null))
						.then(find(id)));
			});
	}

	/** Ends an assignment on {@code endsOn}: not before it started, nor on or after the day it already ends. */
	@Transactional
	public Mono<Assignment> end(long id, LocalDate endsOn, String author) {
		return find(id).flatMap(before -> {
			if (!endsOn.isBefore(before.endsOn())) {
				return Mono.error(new InvalidRequest("L’affectation au module « " + before.moduleName() + " » "
						+ (before.endsOn().isBefore(LocalDate.now(clock)) ? "a pris fin" : "finit déjà") + " le "
						+ DAY.format(before.endsOn()) + (endsOn.isAfter(before.endsOn()) ? " : elle ne se prolonge pas ainsi." : ".")));
			}
			if (endsOn.isBefore(before.startsOn())) {
				return Mono.error(InvalidRequest.ofField("endsOn", "L’affectation commence le " + DAY.format(before.startsOn())
						+ " : elle ne peut finir avant" + (LocalDate.now(clock).isBefore(before.startsOn())
								? " ; pas encore commencée, elle s’annule (« Annuler »)." : ".")));
			}
			return db.sql("update assignment set ends_on = :e where id = :id")
				.bind("e", endsOn)
				.bind("id", id)
				.then()
				.then(changes.record(author, Change.of("assignment", id, before.vacataireId(), "ended",
						"Affectation au module « " + before.moduleName() + " » terminée le " + DAY.format(endsOn))
					.withStates(Map.of("endsOn", before.endsOn().toString()), Map.of("endsOn", endsOn.toString()))))
				.then(find(id));
		});
	}

	/**
	 * Cancels an assignment that has not started yet: it never happened, so it is removed; the journal keeps what it
	 * was. One that has started is refused with {@link Refused}: it is ended instead.
	 */
	@Transactional
	public Mono<Assignment> cancel(long id, String author) {
		LocalDate today = LocalDate.now(clock);
		return find(id).flatMap(before -> {
			if (!today.isBefore(before.startsOn())) {
				return Mono.error(new Refused("L’affectation au module « " + before.moduleName() + " » a commencé le "
						+ DAY.format(before.startsOn()) + " : elle ne s’annule plus, terminez-la (« Terminer aujourd’hui »)."));
			}
			return db.sql("delete from assignment where id = :id")
				.bind("id", id)
				.then()
				.then(changes.record(author, Change.of("assignment", id, before.vacataireId(), "cancelled",
						"Affectation en " + roleLabel(before.role()) + " au module « " + before.moduleName() + " » du "
								+ DAY.format(before.startsOn()) + " au " + DAY.format(before.endsOn()) + " annulée avant son début")
					.withStates(Map.of("moduleId", before.moduleId(), "role", before.role(), "startsOn", before.startsOn().toString(),
							"endsOn", before.endsOn().toString(), "hours", before.hours(), "coverage", before.coverage()), null)))
				.thenReturn(before);
		});
	}

	/**
	 * A vacataire who leaves (sorti, non retenu) keeps no assignment to come: those going on end the day they leave,
	 * those not started are withdrawn; each in the change log, by the author of the status change, with its reason.
	 * Bears repeating: a second delivery finds nothing left to end.
	 */
	@ModuleListener
	Mono<Void> on(VacataireStatusChanged changed) {
		if (!changed.leaves()) {
			return Mono.empty();
		}
		long vacataire = changed.vacataireId();
		LocalDate day = LocalDate.ofInstant(changed.at(), clock.getZone());
		String why = "le vacataire est " + changed.to().label();
		Flux<Change> ended = db.sql("""
				update assignment a set ends_on = :day
				from assignment b join module_name m on m.id = b.module_id
				where a.id = b.id and a.vacataire_id = :v and a.starts_on <= :day and a.ends_on > :day
				returning a.id, m.fullname, b.ends_on as before""")
			.bind("day", day)
			.bind("v", vacataire)
			.map(r -> Change.of("assignment", r.get("id", Long.class), vacataire, "ended", "Affectation au module « "
					+ r.get("fullname", String.class) + " » terminée le " + DAY.format(day) + " : " + why)
				.withStates(Map.of("endsOn", r.get("before", LocalDate.class).toString()), Map.of("endsOn", day.toString())))
			.all();
		Flux<Change> withdrawn = db.sql("""
				delete from assignment a using module_name m
				where m.id = a.module_id and a.vacataire_id = :v and a.starts_on > :day
				returning a.id, m.fullname, a.module_id, a.role, a.starts_on, a.ends_on, a.hours""")
			.bind("day", day)
			.bind("v", vacataire)
			.map(r -> Change.of("assignment", r.get("id", Long.class), vacataire, "deleted", "Affectation au module « "
					+ r.get("fullname", String.class) + " » du " + DAY.format(r.get("starts_on", LocalDate.class))
					+ " retirée avant son début : " + why)
				.withStates(Map.of("moduleId", r.get("module_id", Long.class), "role", r.get("role", String.class),
						"startsOn", r.get("starts_on", LocalDate.class).toString(),
						"endsOn", r.get("ends_on", LocalDate.class).toString(), "hours", r.get("hours", Integer.class)), null))
			.all();
		return ended.collectList().concatWith(withdrawn.collectList())
			.concatMapIterable(changes -> changes)
			.concatMap(change -> changes.record(changed.author(), change.because(changed.reason())))
			.then();
	}

	public Mono<Assignment> find(long id) {
		return db.sql("select " + COLUMNS + FROM + "where a.id = :id")
			.bind("id", id)
			.map(Assignments::read)
			.one()
			.switchIfEmpty(Mono.error(new NotFound("Aucune affectation n’a l’identifiant " + id + ".")));
	}

	/** The vacataire's status, which says whether they may be assigned ({@link VacataireStatus#assignable()}). */
	public Mono<VacataireStatus> status(long vacataireId) {
		return db.sql("select status from vacataire_status where id = :v").bind("v", vacataireId)
			.map(r -> VacataireStatus.valueOf(r.get("status", String.class)))
			.one();
	}

	public Flux<Assignment> ofVacataire(long vacataireId) {
		return db.sql("select " + COLUMNS + FROM + "where a.vacataire_id = :v order by a.starts_on desc, m.sort_key")
			.bind("v", vacataireId)
			.map(Assignments::read)
			.all();
	}

	public Flux<Assignment> ofModule(long moduleId) {
		return db.sql("select " + COLUMNS + FROM + "where a.module_id = :m order by a.starts_on desc, v.sort_key")
			.bind("m", moduleId)
			.map(Assignments::read)
			.all();
	}

	/** Every assignment, current ones first (for the list and its exports). */
	public Flux<Assignment> all(boolean currentOnly) {
		var spec = db.sql("select " + COLUMNS + FROM + (currentOnly ? "where :today between a.starts_on and a.ends_on " : "")
				+ "order by v.sort_key, a.starts_on desc, m.sort_key");
		return (currentOnly ? spec.bind("today", LocalDate.now(clock)) : spec)
			.map(Assignments::read)
			.all();
	}

	/**
	 * One page of the assignments the filter keeps, by vacataire, the latest first, and how many it keeps. The search
	 * reads the vacataire's keys (name, e-mail, id number) and the module's name and short name, without regard to case
	 * or accents.
	 */
	public Mono<PageOf<Assignment>> search(AssignmentFilter filter, Paging paging) {
		String where = where(filter);
		Mono<Long> total = bind(db.sql("select count(*) as n" + FROM + where), filter)
			.map(r -> r.get("n", Long.class))
			.one();
		Mono<List<Assignment>> items = bind(db.sql("select " + COLUMNS + FROM + where
				+ " order by v.sort_key, a.starts_on desc, m.sort_key, a.id limit :limit offset :offset"), filter)
			.bind("limit", paging.size())
			.bind("offset", paging.offset())
			.map(Assignments::read)
			.all()
			.collectList();
		return Mono.zip(items, total).map(t -> new PageOf<>(t.getT1(), t.getT2(), paging.page(), paging.size()));
	}

	/** Every assignment the filter keeps, in the order of {@link #search} (for exports). */
	public Flux<Assignment> stream(AssignmentFilter filter) {
		return bind(db.sql("select " + COLUMNS + FROM + where(filter) + " order by v.sort_key, a.starts_on desc, m.sort_key, a.id"),
				filter)
			.map(Assignments::read)
			.all();
	}

	private static String where(AssignmentFilter filter) {
		// Each word in the person's name or identifiers, or in the module's title or short name.
		return "where (v.search_key || ' ' || m.sort_key || ' ' || lower(m.shortname)) like all(:pattern)"
				+ (filter.role() == null ? "" : " and a.role = :role") + switch (filter.state()) {
					case CURRENT -> " and :today between a.starts_on and a.ends_on";
					case PLANNED -> " and a.starts_on > :today";
					case ENDED -> " and a.ends_on < :today";
					case ALL -> "";
				};
	}

	private DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec, AssignmentFilter filter) {
		spec = spec.bind("pattern", SearchText.containsPatterns(filter.q()));
		if (filter.role() != null) {
			spec = spec.bind("role", filter.role());
		}
		return filter.state() == AssignmentFilter.State.ALL ? spec : spec.bind("today", LocalDate.now(clock));
	}

	/** How the vacataire may hold the module: through a title's coverage, or by derogation. */
	enum Coverage {
		REQUIS, SUFFISANT, PENURIE, DEROGATION
	}

	private Mono<Long> insert(NewAssignment a, String role, Coverage coverage, String author) {
		var spec = db.sql("""
				insert into assignment (vacataire_id, module_id, role, starts_on, ends_on, hours, coverage, derogation_reason,
				                        created_by, created_at)
				values (:v, :m, :role, :s, :e, :h, :coverage, :reason, :by, :now) returning id""")
			.bind("v", a.vacataireId())
			.bind("m", a.moduleId())
			.bind("role", role)
			.bind("s", a.startsOn())
			.bind("e", a.endsOn())
			.bind("h", a.hours())
			.bind("coverage", coverage.name())
			.bind("by", author)
			.bind("now", Instant.now(clock));
		spec = coverage == Coverage.DEROGATION ? spec.bind("reason", a.derogationReason().trim())
				: spec.bindNull("reason", String.class);
		return spec.map(r -> r.get("id", Long.class)).one();
	}

	static String roleLabel(String role) {
		return role.equals("AUTHOR") ? "conception" : "tutorat";
	}

	static String topicLabel(String kind, String topic) {
		String what = switch (topic) {
			case "MOODLE" -> "Moodle (technique)";
			case "PEDAGOGY" -> "pédagogie en ligne";
			case "TUTORING" -> "tutorat à distance";
			default -> "autre";
		};
		return "formation " + (kind.equals("INITIAL") ? "initiale" : "continue") + " « " + what + " »";
	}

	static Assignment read(Readable r) {
		return new Assignment(r.get("id", Long.class), r.get("vacataire_id", Long.class), r.get("vacataire_name", String.class),
				r.get("module_id", Long.class), r.get("module_name", String.class), r.get("module_shortname", String.class),
				r.get("role", String.class), r.get("starts_on", LocalDate.class), r.get("ends_on", LocalDate.class),
				r.get("hours", Integer.class), r.get("coverage", String.class), r.get("derogation_reason", String.class),
				r.get("created_by", String.class), r.get("created_at", Instant.class));
	}

	static List<String> roles() {
		return List.of("AUTHOR", "TUTOR");
	}

}
