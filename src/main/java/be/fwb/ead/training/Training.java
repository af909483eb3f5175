package be.fwb.ead.training;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import be.fwb.ead.audit.Change;
import be.fwb.ead.audit.ChangeLog;
import be.fwb.ead.events.ModuleListener;
import be.fwb.ead.shared.Conflict;
import be.fwb.ead.shared.InvalidRequest;
import be.fwb.ead.shared.NotFound;
import be.fwb.ead.shared.Refused;
import be.fwb.ead.vacataires.VacataireStatus;
import be.fwb.ead.vacataires.VacataireStatusChanged;
import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import be.fwb.ead.shared.Counted;

/** Training sessions, registrations, completion, and the trainings each role requires. */
@Service
public class Training {

	public static final Set<String> KINDS = Set.of("INITIAL", "CONTINUING");
	public static final List<String> TOPICS = List.of("MOODLE", "PEDAGOGY", "TUTORING", "OTHER");
	public static final Set<String> MODES = Set.of("ON_SITE", "VIRTUAL");

	public record NewSession(String kind, String topic, String title, Instant startsAt, int durationMinutes, String mode,
			@Nullable String location, int capacity) {
	}

	public record Session(long id, String kind, String topic, String title, Instant startsAt, int durationMinutes,
			String mode, @Nullable String location, int capacity, int registered) {
	}

	/** A vacataire's registration, with the session. */
	public record Registration(long sessionId, long vacataireId, String vacataireName, String kind, String topic,
			String title, Instant startsAt, @Nullable Boolean attended, @Nullable Instant completedAt) {
	}

	/** A required training (role × kind × topic). */
	public record Requirement(String role, String kind, String topic) {
	}

	/** A vacataire holding a role whose required training is not completed. */
	public record Overdue(long vacataireId, String name, String role, String kind, String topic) {
	}

	private static final String SESSION_COLUMNS = """
			s.id, s.kind, s.topic, s.title, s.starts_at, s.duration_minutes, s.mode, s.location, s.capacity,
			(select count(*) from training_registration r where r.session_id = s.id) as registered""";

	private static final String REGISTRATION_COLUMNS = """
			r.session_id, r.vacataire_id,
			v.name,
			s.kind, s.topic, s.title, s.starts_at, r.attended, r.completed_at""";

	/** How far back a session may be recorded (the history of the trainings done), and how far ahead planned. */
	static final int HISTORY_YEARS = 10;
	static final int AHEAD_YEARS = 3;

	private final DatabaseClient db;
	private final ChangeLog changes;
	private final Clock clock;

	Training(DatabaseClient db, ChangeLog changes, Clock clock) {
		this.db = db;
		this.changes = changes;
		this.clock = clock;
	}

	@Transactional
	public Mono<Long> plan(NewSession s, String author) {
		String kind = upper(s.kind());
		String topic = upper(s.topic());
		String mode = upper(s.mode());
		if (!KINDS.contains(kind) || !TOPICS.contains(topic) || !MODES.contains(mode)) {
			return Mono.error(InvalidRequest.ofField(!KINDS.contains(kind) ? "kind" : !TOPICS.contains(topic) ? "topic" : "mode",
					"Type (INITIAL, CONTINUING), thème (" + String.join(", ", TOPICS) + ") ou modalité (ON_SITE, VIRTUAL) inconnu."));
		}
		if (s.title() == null || s.title().isBlank() || s.startsAt() == null) {
			return Mono.error(InvalidRequest.ofField(s.startsAt() == null ? "startsAt" : "title",
					"L’intitulé et la date de la session sont obligatoires."));
		}
		// Last years' sessions are recorded for the history, next years' planned; a century away is a slip of the keyboard.
		Instant now = Instant.now(clock);
		Instant earliest = now.atZone(java.time.ZoneOffset.UTC).minusYears(HISTORY_YEARS).toInstant();
		Instant latest = now.atZone(java.time.ZoneOffset.UTC).plusYears(AHEAD_YEARS).toInstant();
		if (s.startsAt().isBefore(earliest) || s.startsAt().isAfter(latest)) {
			return Mono.error(InvalidRequest.ofField("startsAt", "La date de la session doit se situer entre il y a " + HISTORY_YEARS
					+ " ans (l’historique) et dans " + AHEAD_YEARS + " ans."));
		}
		if ("ON_SITE".equals(mode) && (s.location() == null || s.location().isBlank()) && s.startsAt().isAfter(now)) {
			// Those registered must know where to go; a past session's room may be forgotten, its history is still recorded.
			return Mono.error(InvalidRequest.ofField("location", "Une session en présentiel à venir indique son lieu (adresse, salle)."));
		}
		if (s.durationMinutes() < 15 || s.durationMinutes() > 2880 || s.capacity() < 1 || s.capacity() > 500) {
			return Mono.error(InvalidRequest.ofField(s.capacity() < 1 || s.capacity() > 500 ? "capacity" : "durationMinutes",
					"Durée de 15 à 2880 minutes et capacité de 1 à 500 places."));
		}
		var spec = db.sql("""
				insert into training_session (kind, topic, title, starts_at, duration_minutes, mode, location, capacity)
				values (:kind, :topic, :title, :at, :minutes, :mode, :location, :capacity) returning id""")
			.bind("kind", kind)
			.bind("topic", topic)
			.bind("title", s.title().trim())
			.bind("at", s.startsAt())
			.bind("minutes", s.durationMinutes())
			.bind("mode", mode)
			.bind("capacity", s.capacity());
		spec = s.location() == null || s.location().isBlank() ? spec.bindNull("location", String.class)
				: spec.bind("location", s.location().trim());
		return spec.map(r -> r.get("id", Long.class))
			.one()
			.flatMap(id -> changes.record(author, Change.of("training", id, null, "created", "Session planifiée : " + s.title().trim())
				.withStates(null, s)).thenReturn(id));
	}

	public Flux<Session> sessions() {
		return db.sql("select " + SESSION_COLUMNS + " from training_session s order by s.starts_at desc, s.id desc")
			.map(Training::readSession)
			.all();
	}

	public Mono<Session> session(long id) {
		return db.sql("select " + SESSION_COLUMNS + " from training_session s where s.id = :id")
			.bind("id", id)
			.map(Training::readSession)
			.one()
			.switchIfEmpty(Mono.error(new NotFound("Aucune session de formation n’a l’identifiant " + id + ".")));
	}

	/**
	 * An initial training is followed once: registering someone who completed one of its kind and topic is refused,
	 * naming when (a continuing one may be followed again, and « other » topics are not one training).
	 */
	private Mono<Void> refuseInitialDone(long sessionId, long vacataireId) {
		return db.sql("""
				select d.title, r.completed_at from training_session t
				join training_session d on d.kind = t.kind and d.topic = t.topic and d.id <> t.id
				join training_registration r on r.session_id = d.id and r.vacataire_id = :v and r.completed_at is not null
				where t.id = :s and t.kind = 'INITIAL' and t.topic <> 'OTHER' order by r.completed_at limit 1""")
			.bind("s", sessionId)
			.bind("v", vacataireId)
			.map(r -> new Conflict("Ce vacataire a déjà terminé cette formation initiale (« " + r.get("title", String.class) + " », le "
					+ be.fwb.ead.shared.Days.text(java.time.LocalDate.ofInstant(r.get("completed_at", Instant.class), clock.getZone()))
					+ ") : une formation initiale se suit une fois."))
			.one()
			.flatMap(Mono::<Void>error);
	}

	/** Registers a vacataire; refused when the session is full. The session row is locked: no overbooking. */
	@Transactional
	public Mono<Void> register(long sessionId, long vacataireId, String author) {
		return seats(sessionId)
			.flatMap(row -> row.endsAt().isBefore(Instant.now(clock)) ? Mono.error(past(row)) : Mono.just(row))
			.flatMap(row -> refuseGone(List.of(vacataireId), null).thenReturn(row))
			.flatMap(row -> refuseInitialDone(sessionId, vacataireId).thenReturn(row))
			.flatMap(row -> db.sql("select count(*) as n, count(*) filter (where vacataire_id = :v) as mine "
					+ "from training_registration where session_id = :s")
				.bind("s", sessionId)
				.bind("v", vacataireId)
				.map((Readable r) -> new long[] { r.get("n", Long.class), r.get("mine", Long.class) })
				.one()
				.flatMap(n -> {
					if (n[1] > 0) {
						return Mono.error(new Conflict("Ce vacataire est déjà inscrit à cette session."));
					}
					if (n[0] >= row.capacity()) {
						return Mono.error(new Refused("La session « " + row.title() + " » est complète (" + row.capacity() + " places)."));
					}
					return db.sql("insert into training_registration (session_id, vacataire_id, registered_at) values (:s, :v, :now)")
						.bind("s", sessionId)
						.bind("v", vacataireId)
						.bind("now", Instant.now(clock))
						.then()
						.onErrorMap(org.springframework.dao.DataIntegrityViolationException.class,
								e -> new NotFound("Aucun vacataire n’a l’identifiant " + vacataireId + "."))
						.then(changes.record(author, Change.of("training", sessionId, vacataireId, "registered",
								"Inscrit à la formation « " + row.title() + " »")));
				}));
	}

	/**
	 * Records attendance; attending completes the training (dated now) unless {@code completed} says otherwise, and a
	 * vacataire who did not attend has not completed it.
	 */
	@Transactional
	public Mono<Void> recordAttendance(long sessionId, long vacataireId, boolean attended, boolean completed, String author) {
		if (completed && !attended) {
			return Mono.error(new InvalidRequest("Une formation ne peut être terminée sans y avoir assisté."));
		}
		return seats(sessionId).flatMap(row -> row.startsAt().isAfter(Instant.now(clock)) ? Mono.error(future(row))
				: attendance(sessionId, vacataireId, attended, completed, author));
	}

	private Mono<Void> attendance(long sessionId, long vacataireId, boolean attended, boolean completed, String author) {
		// Completed again: the day it was completed stays (saving a row again is no new completion).
		return db.sql("""
				update training_registration set attended = :attended,
				       completed_at = case when :completed then coalesce(completed_at, :now) end
				where session_id = :s and vacataire_id = :v returning (select title from training_session where id = :s) as title""")
			.bind("attended", attended)
			.bind("completed", completed)
			.bind("now", Instant.now(clock))
			.bind("s", sessionId)
			.bind("v", vacataireId)
			.map(r -> r.get("title", String.class))
			.one()
			.switchIfEmpty(Mono.error(new NotFound("Ce vacataire n’est pas inscrit à cette session.")))
			.flatMap(title -> changes.record(author, Change.of("training", sessionId, vacataireId, "attendance",
					"Formation « " + title + " » : " + (completed ? "terminée" : attended ? "présent, non terminée" : "absent"))));
	}

	/**
	 * A vacataire who leaves (sorti, non retenu) gives up their seats: their registrations to the sessions not started
	 * when they leave are withdrawn (the trainings they followed stay), each in the change log, by the author of the
	 * status change, with its reason. Bears repeating.
	 */
	@ModuleListener
	Mono<Void> on(VacataireStatusChanged changed) {
		if (!changed.leaves()) {
			return Mono.empty();
		}
		return db.sql("""
				delete from training_registration r using training_session s
				where s.id = r.session_id and r.vacataire_id = :v and s.starts_at > :at
				returning s.id, s.title""")
			.bind("v", changed.vacataireId())
			.bind("at", changed.at())
			.map(r -> Change.of("training", r.get("id", Long.class), changed.vacataireId(), "removed",
					"Inscription à la formation « " + r.get("title", String.class) + " » retirée : le vacataire est "
							+ changed.to().label()).because(changed.reason()))
			.all()
			.collectList()
			.flatMapMany(Flux::fromIterable)
			.concatMap(change -> changes.record(changed.author(), change))
			.then();
	}

	public Flux<Registration> registrations(long sessionId) {
		return db.sql("select " + REGISTRATION_COLUMNS + " from training_registration r join training_session s on s.id = r.session_id "
				+ "join vacataire_name v on v.id = r.vacataire_id where r.session_id = :s order by v.sort_key")
			.bind("s", sessionId)
			.map(Training::readRegistration)
			.all();
	}

	/** Every registration, the most recent sessions first (for exports). */
	public Flux<Registration> allRegistrations() {
		return db.sql("select " + REGISTRATION_COLUMNS + " from training_registration r join training_session s on s.id = r.session_id "
				+ "join vacataire_name v on v.id = r.vacataire_id order by s.starts_at desc, v.sort_key")
			.map(Training::readRegistration)
			.all();
	}

	public Flux<Registration> ofVacataire(long vacataireId) {
		return db.sql("select " + REGISTRATION_COLUMNS + " from training_registration r join training_session s on s.id = r.session_id "
				+ "join vacataire_name v on v.id = r.vacataire_id where r.vacataire_id = :v order by s.starts_at desc")
			.bind("v", vacataireId)
			.map(Training::readRegistration)
			.all();
	}

	public Flux<Requirement> requirements() {
		return db.sql("select role, kind, topic from training_requirement order by role, kind, topic")
			.map(r -> new Requirement(r.get("role", String.class), r.get("kind", String.class), r.get("topic", String.class)))
			.all();
	}

	/** Replaces the trainings each role requires. */
	@Transactional
	public Mono<Void> require(List<Requirement> requirements, String author) {
		for (Requirement q : requirements) {
			if (!("AUTHOR".equals(q.role()) || "TUTOR".equals(q.role())) || !KINDS.contains(q.kind()) || !TOPICS.contains(q.topic())) {
				return Mono.error(new InvalidRequest("Exigence invalide : rôle AUTHOR ou TUTOR, type INITIAL ou CONTINUING, thème "
						+ String.join(", ", TOPICS) + "."));
			}
		}
		return requirements().collectList()
			.flatMap(before -> db.sql("delete from training_requirement").then()
				.thenMany(Flux.fromIterable(requirements).distinct().concatMap(q -> db.sql(
						"insert into training_requirement (role, kind, topic) values (:r, :k, :t)")
					.bind("r", q.role())
					.bind("k", q.kind())
					.bind("t", q.topic())
					.then()))
				.then(changes.record(author, Change.of("training_requirement", 0, null, "updated",
						"Formations exigées : " + Counted.of(requirements.size(), "exigence", "exigences")).withStates(before, requirements))));
	}

	/** The required trainings of {@code role} that the vacataire has not completed. */
	public Flux<Requirement> missing(long vacataireId, String role) {
		return missing(vacataireId, List.of(role));
	}

	/** The required trainings of any of {@code roles} that the vacataire has not completed, by role, in one query. */
	public Flux<Requirement> missing(long vacataireId, Collection<String> roles) {
		if (roles.isEmpty()) {
			return Flux.empty();
		}
		return db.sql("""
				select q.role, q.kind, q.topic from training_requirement q
				where q.role = any(:roles::text[]) and not exists (
				    select 1 from training_registration r join training_session s on s.id = r.session_id
				    where r.vacataire_id = :v and r.completed_at is not null and s.kind = q.kind and s.topic = q.topic)
				order by q.role, q.kind, q.topic""")
			.bind("roles", roles.toArray(String[]::new))
			.bind("v", vacataireId)
			.map(r -> new Requirement(r.get("role", String.class), r.get("kind", String.class), r.get("topic", String.class)))
			.all();
	}

	/**
	 * The roles to prepare a vacataire for.
	 *
	 * @param roles the roles, sorted
	 * @param held {@literal true} when they hold these roles today; {@literal false} for tutoring foreseen for someone who
	 * holds no role yet (what they would need first, not a fault)
	 */
	public record Preparation(List<String> roles, boolean held) {
	}

	/** Whether the vacataire left or was not retained ({@link VacataireStatus#gone()}): no registration is taken for them. */
	public Mono<Boolean> gone(long vacataireId) {
		return db.sql("select status from vacataire_status where id = :v").bind("v", vacataireId)
			.map(r -> VacataireStatus.valueOf(r.get("status", String.class)).gone())
			.one()
			.defaultIfEmpty(false);
	}

	/**
	 * The roles the vacataire holds today (a current assignment or a Moodle role on a current module); for someone who
	 * holds none yet, tutoring, the role most are recruited for — what they would need first; for someone who left or was
	 * not retained, none.
	 */
	public Mono<Preparation> rolesToPrepare(long vacataireId) {
		return db.sql("""
				select a.role from assignment_period a where a.vacataire_id = :v and :today between a.starts_on and a.ends_on
				union
				select r.role from module_staff r where r.vacataire_id = :v""")
			.bind("v", vacataireId)
			.bind("today", java.time.LocalDate.now(clock))
			.map(r -> r.get("role", String.class))
			.all()
			.sort()
			.collectList()
			.flatMap(held -> !held.isEmpty() ? Mono.just(new Preparation(held, true))
					: db.sql("select status from vacataire_status where id = :v").bind("v", vacataireId)
						.map(r -> VacataireStatus.valueOf(r.get("status", String.class)))
						.one()
						.map(status -> new Preparation(status.gone() ? List.of() : List.of("TUTOR"), false))
						.defaultIfEmpty(new Preparation(List.of(), false)));
	}

	/**
	 * Vacataires holding a role — by a current assignment or a Moodle role on a current module — without a training
	 * that role requires.
	 */
	public Flux<Overdue> overdue() {
		return db.sql("""
				with holders as (
				    select a.vacataire_id, a.role from assignment_period a where :today between a.starts_on and a.ends_on
				    union
				    select r.vacataire_id, r.role from module_staff r)
				select h.vacataire_id, h.role, q.kind, q.topic,
				       v.name
				from holders h join training_requirement q on q.role = h.role join vacataire_name v on v.id = h.vacataire_id
				where v.status in ('RETENU', 'ACTIF') and not exists (
				    select 1 from training_done d where d.vacataire_id = h.vacataire_id and d.kind = q.kind and d.topic = q.topic)
				order by v.sort_key, h.role, q.kind, q.topic""")
			.bind("today", java.time.LocalDate.now(clock))
			.map(r -> new Overdue(r.get("vacataire_id", Long.class), r.get("name", String.class), r.get("role", String.class),
					r.get("kind", String.class), r.get("topic", String.class)))
			.all();
	}

	/**
	 * The {@link #overdue()} requirements that no session handles yet: the vacataire is registered for no session of that
	 * training which has not ended (one that has ended without completion brings the line back). A training two of their
	 * roles require is one line (the first role, by name).
	 */
	public Flux<Overdue> awaitingSession() {
		Instant now = Instant.now(clock);
		return db.sql("""
				select distinct r.vacataire_id, s.kind, s.topic from training_registration r join training_session s on s.id = r.session_id
				where s.starts_at + make_interval(mins => s.duration_minutes) > :now and r.completed_at is null""")
			.bind("now", now)
			.map(r -> r.get("vacataire_id", Long.class) + "|" + r.get("kind", String.class) + "|" + r.get("topic", String.class))
			.all()
			.collect(java.util.stream.Collectors.toSet())
			.flatMapMany(planned -> overdue().filter(o -> !planned.contains(o.vacataireId() + "|" + o.kind() + "|" + o.topic())))
			.distinct(o -> o.vacataireId() + "|" + o.kind() + "|" + o.topic());
	}

	/**
	 * Withdraws a vacataire's registration to a session not yet begun (once it has begun, their presence or absence is
	 * recorded instead), in the change log.
	 */
	@Transactional
	public Mono<Void> unregister(long sessionId, long vacataireId, String author) {
		return seats(sessionId)
			.flatMap(row -> !row.startsAt().isAfter(Instant.now(clock))
					? Mono.<Seats>error(new Refused("La session « " + row.title() + " » a commencé : ses inscriptions restent, "
							+ "enregistrez plutôt la présence ou l’absence."))
					: Mono.just(row))
			.flatMap(row -> db.sql("delete from training_registration where session_id = :s and vacataire_id = :v")
				.bind("s", sessionId)
				.bind("v", vacataireId)
				.fetch()
				.rowsUpdated()
				.flatMap(n -> n == 0 ? Mono.error(new NotFound("Ce vacataire n’est pas inscrit à cette session."))
						: changes.record(author, Change.of("training", sessionId, vacataireId, "removed",
								"Inscription à la formation « " + row.title() + " » retirée"))));
	}

	/**
	 * Changes a session's number of seats, from 1 to 500 and never below its registrations, until it is over; in the
	 * change log.
	 */
	@Transactional
	public Mono<Void> changeCapacity(long sessionId, int capacity, String author) {
		if (capacity < 1 || capacity > 500) {
			return Mono.error(InvalidRequest.ofField("capacity", "Une session compte de 1 à 500 places."));
		}
		return seats(sessionId)
			.flatMap(row -> {
				if (row.endsAt().isBefore(Instant.now(clock))) {
					return Mono.error(new Refused("La session « " + row.title() + " » est passée : ses places ne changent plus."));
				}
				if (capacity < row.registered()) {
					return Mono.error(InvalidRequest.ofField("capacity", "La session compte déjà " + row.registered()
							+ " inscrits : gardez au moins " + row.registered() + " places, ou retirez d’abord des inscriptions."));
				}
				if (capacity == row.capacity()) {
					return Mono.empty();
				}
				return db.sql("update training_session set capacity = :c where id = :s")
					.bind("c", capacity)
					.bind("s", sessionId)
					.then()
					.then(changes.record(author, Change.of("training", sessionId, null, "updated",
							"Places de la session « " + row.title() + " » : " + row.capacity() + " → " + capacity)));
			});
	}

	/** A session's seats, locked until the end of the transaction: no overbooking. */
	private record Seats(int capacity, String title, Instant startsAt, Instant endsAt, long registered) {
	}

	private Mono<Seats> seats(long sessionId) {
		return db.sql("select capacity, title, starts_at, duration_minutes, "
				+ "(select count(*) from training_registration r where r.session_id = s.id) as registered "
				+ "from training_session s where id = :id for update")
			.bind("id", sessionId)
			.map((Readable r) -> {
				Instant start = r.get("starts_at", Instant.class);
				return new Seats(r.get("capacity", Integer.class), r.get("title", String.class), start,
						start.plus(Duration.ofMinutes(r.get("duration_minutes", Integer.class))), r.get("registered", Long.class));
			})
			.one()
			.switchIfEmpty(Mono.error(new NotFound("Aucune session de formation n’a l’identifiant " + sessionId + ".")));
	}

	private static Refused past(Seats s) {
		return new Refused("La session « " + s.title() + " » est passée : on ne s’y inscrit plus. Choisissez une session à venir.");
	}

	private static Refused future(Seats s) {
		return new Refused("La session « " + s.title() + " » n’a pas encore commencé : sa présence et son achèvement "
				+ "s’enregistrent à partir de son début.");
	}

	/**
	 * Registers the vacataires, all or none: refused when the session is past or when they outnumber the seats left.
	 * Those already registered are left out. One statement, one journal entry each. Gives how many were registered.
	 */
	@Transactional
	public Mono<Integer> registerAll(long sessionId, List<Long> vacataireIds, String author) {
		if (vacataireIds.isEmpty()) {
			return Mono.error(InvalidRequest.ofField("vacataireId", "Cochez au moins un vacataire à inscrire."));
		}
		return seats(sessionId).flatMap(row -> {
			if (row.endsAt().isBefore(Instant.now(clock))) {
				return Mono.error(past(row));
			}
			return refuseGone(vacataireIds, "vacataireId").then(db.sql("""
					select count(*) as n from unnest(:v::bigint[]) as k(vacataire_id)
					where not exists (select 1 from training_registration r where r.session_id = :s and r.vacataire_id = k.vacataire_id)""")
				.bind("v", vacataireIds.stream().distinct().toArray(Long[]::new))
				.bind("s", sessionId)
				.map(r -> r.get("n", Long.class))
				.one()
				.flatMap(n -> n + row.registered() > row.capacity()
						? Mono.error(Refused.ofField("vacataireId", "La session « " + row.title() + " » n’a plus que "
								+ Counted.of(row.capacity() - row.registered(), "place", "places") + " pour "
								+ Counted.of(n, "vacataire", "vacataires") + " : décochez-en, ou choisissez une autre session."))
						: db.sql("""
								insert into training_registration (session_id, vacataire_id, registered_at)
								select :s, v.id, :now from vacataire_name v where v.id = any(:v::bigint[])
								on conflict (session_id, vacataire_id) do nothing returning vacataire_id""")
							.bind("s", sessionId)
							.bind("v", vacataireIds.stream().distinct().toArray(Long[]::new))
							.bind("now", Instant.now(clock))
							.map(r -> Change.of("training", sessionId, r.get("vacataire_id", Long.class), "registered",
									"Inscrit à la formation « " + row.title() + " »"))
							.all()
							.collectList()
							.flatMap(done -> changes.recordAll(author, done).thenReturn(done.size()))));
		});
	}

	/**
	 * Refuses to register a vacataire who left or was not retained: they keep no seat to come (their registrations were
	 * withdrawn when they left), so none is given them afterwards either.
	 */
	private Mono<Void> refuseGone(List<Long> vacataireIds, @Nullable String field) {
		return db.sql("""
				select n.name, s.status from vacataire_status s join vacataire_name n on n.id = s.id
				where s.id = any(:v::bigint[]) and s.status in (:gone) order by n.sort_key""")
			.bind("v", vacataireIds.stream().distinct().toArray(Long[]::new))
			.bind("gone", Arrays.stream(VacataireStatus.values()).filter(VacataireStatus::gone).map(Enum::name).toList())
			.map(r -> r.get("name", String.class) + " (" + VacataireStatus.valueOf(r.get("status", String.class)).label() + ")")
			.all()
			.collectList()
			.flatMap(gone -> gone.isEmpty() ? Mono.<Void>empty() : Mono.error(Refused.ofField(field,
					(gone.size() == 1 ? gone.get(0) + " a quitté l’EAD ou n’a pas été retenu" : String.join(", ", gone)
							+ " ont quitté l’EAD ou n’ont pas été retenus") + " : pas d’inscription à une formation.")));
	}

	/**
	 * Records that the vacataires attended and completed a session that is over: the history of the trainings done
	 * before the service was switched on, or not recorded at the time. One statement, one journal entry each; those
	 * already recorded are left as they are. Gives how many were recorded.
	 */
	@Transactional
	public Mono<Integer> recordCompleted(long sessionId, List<Long> vacataireIds, String author) {
		if (vacataireIds.isEmpty()) {
			return Mono.error(InvalidRequest.ofField("vacataireId", "Cochez au moins un vacataire qui a suivi cette session."));
		}
		return seats(sessionId).flatMap(row -> {
			if (!row.endsAt().isBefore(Instant.now(clock))) {
				return Mono.error(new Refused("La session « " + row.title() + " » n’est pas terminée : inscrivez-y les vacataires, "
						+ "puis enregistrez leur présence."));
			}
			return db.sql("""
					insert into training_registration (session_id, vacataire_id, registered_at, attended, completed_at)
					select :s, v.id, :at, true, :at from vacataire_name v where v.id = any(:v::bigint[])
					on conflict (session_id, vacataire_id) do nothing returning vacataire_id""")
				.bind("s", sessionId)
				.bind("v", vacataireIds.stream().distinct().toArray(Long[]::new))
				.bind("at", row.endsAt())
				.map(r -> Change.of("training", sessionId, r.get("vacataire_id", Long.class), "attendance",
						"Formation « " + row.title() + " » : terminée (enregistrée après la session)"))
				.all()
				.collectList()
				.flatMap(done -> changes.recordAll(author, done).thenReturn(done.size()));
		});
	}

	/**
	 * Records one outcome ({@code completed}, {@code attended} or {@code absent}) for every registration of the session
	 * whose attendance is not recorded yet, in one statement; those recorded stay as they are. Refused before the session
	 * has begun, and when every attendance is recorded already. Gives how many were recorded.
	 */
	@Transactional
	public Mono<Integer> recordAttendanceAll(long sessionId, boolean attended, boolean completed, String author) {
		if (completed && !attended) {
			return Mono.error(new InvalidRequest("Une formation ne peut être terminée sans y avoir assisté."));
		}
		return seats(sessionId).flatMap(row -> {
			Instant now = Instant.now(clock);
			if (row.startsAt().isAfter(now)) {
				return Mono.error(future(row));
			}
			// Only those whose attendance is not recorded yet: one recorded by hand (an absence) is not overwritten.
			var update = db.sql("update training_registration set attended = :attended, completed_at = :completedAt "
					+ "where session_id = :s and attended is null and completed_at is null returning vacataire_id")
				.bind("attended", attended)
				.bind("s", sessionId);
			return (completed ? update.bind("completedAt", now) : update.bindNull("completedAt", Instant.class))
				.map(r -> Change.of("training", sessionId, r.get("vacataire_id", Long.class), "attendance",
						"Formation « " + row.title() + " » : " + (completed ? "terminée" : attended ? "présent, non terminée" : "absent")))
				.all()
				.collectList()
				.flatMap(done -> done.isEmpty()
						? Mono.error(new Refused("Chaque présence de cette session est déjà enregistrée : changez-la sur sa ligne."))
						: changes.recordAll(author, done).thenReturn(done.size()));
		});
	}

	/**
	 * Vacataires holding a role — by a current assignment or a Moodle role on a current module — whom the session's
	 * training is required of and who have neither completed it nor registered for this session.
	 */
	public Flux<Overdue> missingFor(long sessionId) {
		return session(sessionId).flatMapMany(s -> registrations(sessionId)
			.map(Registration::vacataireId)
			.collect(java.util.stream.Collectors.toSet())
			.flatMapMany(registered -> overdue().filter(o -> o.kind().equals(s.kind()) && o.topic().equals(s.topic())
					&& !registered.contains(o.vacataireId()))))
			.distinct(Overdue::vacataireId);
	}

	/** Whether the session's training is required of some role (an initial training); else anyone may follow it. */
	public Mono<Boolean> isRequired(long sessionId) {
		return db.sql("""
				select exists (select 1 from training_requirement q join training_session s on s.kind = q.kind and s.topic = q.topic
				               where s.id = :s) as required""")
			.bind("s", sessionId)
			.map(r -> Boolean.TRUE.equals(r.get("required", Boolean.class)))
			.one();
	}

	/**
	 * For a training required of nobody (continuing training): the retained and active vacataires who have not completed
	 * it and are not registered for this session, by name — whom a coordinator may register or record as having followed
	 * it.
	 */
	public Flux<Overdue> notYetFollowed(long sessionId) {
		return db.sql("""
				select v.id, v.name, s.kind, s.topic
				from training_session s cross join vacataire_name v
				where s.id = :s and v.status in ('RETENU', 'ACTIF')
				  and not exists (select 1 from training_done d where d.vacataire_id = v.id and d.kind = s.kind and d.topic = s.topic)
				  and not exists (select 1 from training_registration r where r.session_id = s.id and r.vacataire_id = v.id)
				order by v.sort_key""")
			.bind("s", sessionId)
			.map(r -> new Overdue(r.get("id", Long.class), r.get("name", String.class), "", r.get("kind", String.class),
					r.get("topic", String.class)))
			.all();
	}

	private static Session readSession(Readable r) {
		return new Session(r.get("id", Long.class), r.get("kind", String.class), r.get("topic", String.class),
				r.get("title", String.class), r.get("starts_at", Instant.class), r.get("duration_minutes", Integer.class),
				r.get("mode", String.class), r.get("location", String.class), r.get("capacity", Integer.class),
				r.get("registered", Long.class).intValue());
	}

	private static Registration readRegistration(Readable r) {
		return new Registration(r.get("session_id", Long.class), r.get("vacataire_id", Long.class), r.get("name", String.class),
				r.get("kind", String.class), r.get("topic", String.class), r.get("title", String.class),
				r.get("starts_at", Instant.class), r.get("attended", Boolean.class), r.get("completed_at", Instant.class));
	}

	private static String upper(@Nullable String s) {
		return s == null ? "" : s.trim().toUpperCase(Locale.ROOT);
	}
}
