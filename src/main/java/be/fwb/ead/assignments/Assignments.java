package be.fwb.ead.assignments;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import be.fwb.ead.audit.Change;
import be.fwb.ead.audit.ChangeLog;
import be.fwb.ead.catalogue.Catalogue;
import be.fwb.ead.catalogue.Module;
import be.fwb.ead.catalogue.Placements;
import be.fwb.ead.shared.InvalidRequest;
import be.fwb.ead.shared.NotFound;
import be.fwb.ead.shared.Refused;
import be.fwb.ead.titles.CoverageKind;
import be.fwb.ead.titles.Titles;
import be.fwb.ead.training.Training;
import be.fwb.ead.vacataires.Vacataires;
import be.fwb.ead.vacataires.Vacataires.Assignable;
import io.r2dbc.spi.Readable;
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
	private final Placements placements;
	private final Titles titles;
	private final Training training;
	private final ChangeLog changes;
	private final AssignmentSettings settings;

	Assignments(DatabaseClient db, Vacataires vacataires, Catalogue catalogue, Placements placements, Titles titles,
			Training training, ChangeLog changes, AssignmentSettings settings) {
		this.db = db;
		this.vacataires = vacataires;
		this.catalogue = catalogue;
		this.placements = placements;
		this.titles = titles;
		this.training = training;
		this.changes = changes;
		this.settings = settings;
	}

	/**
	 * Creates the assignment if every rule allows it; otherwise fails with {@link Refused} naming the rule, and
	 * nothing is written. The vacataire's row stays locked until the end, so concurrent assignments are checked one
	 * after the other.
	 */
	@Transactional
	public Mono<Assignment> create(NewAssignment a, String author) {
		String role = a.role() == null ? "" : a.role().trim().toUpperCase(Locale.ROOT);
		if (!role.equals("AUTHOR") && !role.equals("TUTOR")) {
			return Mono.error(new InvalidRequest("Rôle inconnu : « " + a.role() + " ». Valeurs admises : AUTHOR (conception), TUTOR (tutorat)."));
		}
		if (a.startsOn() == null || a.endsOn() == null || a.endsOn().isBefore(a.startsOn())) {
			return Mono.error(new InvalidRequest("La période est invalide : la fin doit suivre le début."));
		}
		if (a.hours() < 1 || a.hours() > 1000) {
			return Mono.error(new InvalidRequest("Le nombre d'heures doit être compris entre 1 et 1000."));
		}
		return vacataires.lockForAssignment(a.vacataireId())
			.zipWith(catalogue.find(a.moduleId())
				.switchIfEmpty(Mono.error(new NotFound("Aucun module n'a l'identifiant " + a.moduleId() + "."))))
			.flatMap(t -> check(a, role, t.getT1(), t.getT2())
				.flatMap(coverage -> insert(a, role, coverage, author)
					.flatMap(id -> changes.record(author, Change.of("assignment", id, a.vacataireId(),
							coverage == Coverage.DEROGATION ? "derogation" : "created",
							"Affecté en " + roleLabel(role) + " au module « " + t.getT2().fullname() + " » du "
									+ DAY.format(a.startsOn()) + " au " + DAY.format(a.endsOn()) + " (" + a.hours() + " h"
									+ (coverage == Coverage.DEROGATION ? ", par dérogation" : "") + ")")
						.withStates(null, Map.of("moduleId", a.moduleId(), "role", role, "startsOn", a.startsOn().toString(),
								"endsOn", a.endsOn().toString(), "hours", a.hours(), "coverage", coverage.name()))
						.because(coverage == Coverage.DEROGATION ? a.derogationReason().trim() : null))
						.then(find(id)))));
	}

	/** Ends an assignment on {@code endsOn} (not before it started). */
	@Transactional
	public Mono<Assignment> end(long id, LocalDate endsOn, String author) {
		return find(id).flatMap(before -> {
			if (endsOn.isBefore(before.startsOn())) {
				return Mono.error(new InvalidRequest("L'affectation commence le " + DAY.format(before.startsOn())
						+ " : elle ne peut finir avant."));
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

	public Mono<Assignment> find(long id) {
		return db.sql("select " + COLUMNS + FROM + "where a.id = :id")
			.bind("id", id)
			.map(Assignments::read)
			.one()
			.switchIfEmpty(Mono.error(new NotFound("Aucune affectation n'a l'identifiant " + id + ".")));
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
		return db.sql("select " + COLUMNS + FROM + (currentOnly ? "where current_date between a.starts_on and a.ends_on " : "")
				+ "order by v.sort_key, a.starts_on desc, m.sort_key")
			.map(Assignments::read)
			.all();
	}

	/** How the vacataire may hold the module: through a title's coverage, or by derogation. */
	enum Coverage {
		REQUIS, SUFFISANT, PENURIE, DEROGATION
	}

	private Mono<Coverage> check(NewAssignment a, String role, Assignable v, Module m) {
		if (!v.status().assignable()) {
			return Mono.error(new Refused(v.name() + " a le statut « " + v.status().label()
					+ " » : seuls les vacataires retenus ou actifs peuvent être affectés."));
		}
		if (m.archived()) {
			return Mono.error(new Refused("Le module « " + m.fullname() + " » est archivé (il n'existe plus dans Moodle)."));
		}
		return noOverlap(a, role, v, m).then(coverage(a, v, m))
			.flatMap(coverage -> (role.equals("TUTOR") ? trained(v) : Mono.<Void>empty())
				.then(withinCap(a, v))
				.thenReturn(coverage));
	}

	private Mono<Void> noOverlap(NewAssignment a, String role, Assignable v, Module m) {
		return db.sql("""
				select starts_on, ends_on from assignment
				where vacataire_id = :v and module_id = :m and role = :role and starts_on <= :e and ends_on >= :s limit 1""")
			.bind("v", v.id())
			.bind("m", m.id())
			.bind("role", role)
			.bind("s", a.startsOn())
			.bind("e", a.endsOn())
			.map(r -> "du " + DAY.format(r.get("starts_on", LocalDate.class)) + " au " + DAY.format(r.get("ends_on", LocalDate.class)))
			.one()
			.flatMap(period -> Mono.error(new Refused(v.name() + " est déjà affecté en " + roleLabel(role) + " au module « "
					+ m.fullname() + " » " + period + " : les périodes se chevauchent.")));
	}

	private Mono<Coverage> coverage(NewAssignment a, Assignable v, Module m) {
		return placements.of(m.id())
			.flatMap(place -> titles.coverage(v.id(), place.level(), place.subject()).flatMap((Optional<CoverageKind> kind) -> {
				if (kind.isPresent()) {
					return Mono.just(Coverage.valueOf(kind.get().name()));
				}
				if (a.derogationReason() != null && !a.derogationReason().isBlank()) {
					return Mono.just(Coverage.DEROGATION);
				}
				return titles.held(v.id()).map(Titles.Held::code).collectList().flatMap(held -> Mono.error(new Refused(
						"Aucun titre de " + v.name() + " (" + (held.isEmpty() ? "aucun titre enregistré" : String.join(", ", held))
								+ ") ne couvre « " + place.subject() + " » en « " + place.level()
								+ " ». Enregistrez le titre du vacataire, ou une dérogation motivée.")));
			}));
	}

	private Mono<Void> trained(Assignable v) {
		return training.missing(v.id(), "TUTOR").map(q -> topicLabel(q.kind(), q.topic())).collectList().flatMap(missing ->
				missing.isEmpty() ? Mono.empty() : Mono.error(new Refused(v.name()
						+ " n'a pas terminé la formation requise pour le tutorat : " + String.join(", ", missing)
						+ ". Inscrivez-le à une session et enregistrez sa présence avant de l'affecter en tutorat.")));
	}

	private Mono<Void> withinCap(NewAssignment a, Assignable v) {
		LocalDate start = schoolYearStart(a.startsOn());
		int cap = v.workloadCapHours() != null ? v.workloadCapHours() : settings.defaultWorkloadCapHours();
		return db.sql("select coalesce(sum(hours), 0) as h from assignment where vacataire_id = :v and starts_on >= :s and starts_on < :e")
			.bind("v", v.id())
			.bind("s", start)
			.bind("e", start.plusYears(1))
			.map(r -> ((Number) r.get("h")).intValue())
			.one()
			.flatMap(already -> already + a.hours() <= cap ? Mono.empty()
					: Mono.error(new Refused("Plafond d'heures dépassé : " + v.name() + " a déjà " + already
							+ " h d'affectations en " + start.getYear() + "-" + (start.getYear() + 1) + " ; avec ces "
							+ a.hours() + " h, le total serait de " + (already + a.hours()) + " h, au-delà du plafond de "
							+ cap + " h.")));
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
			.bind("now", Instant.now());
		spec = coverage == Coverage.DEROGATION ? spec.bind("reason", a.derogationReason().trim())
				: spec.bindNull("reason", String.class);
		return spec.map(r -> r.get("id", Long.class)).one();
	}

	/** A school year runs from 1 September to 31 August. */
	static LocalDate schoolYearStart(LocalDate day) {
		int year = day.getMonthValue() >= 9 ? day.getYear() : day.getYear() - 1;
		return LocalDate.of(year, 9, 1);
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
