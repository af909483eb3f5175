package be.fwb.ead.training;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import be.fwb.ead.audit.Change;
import be.fwb.ead.audit.ChangeLog;
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

	private final DatabaseClient db;
	private final ChangeLog changes;

	Training(DatabaseClient db, ChangeLog changes) {
		this.db = db;
		this.changes = changes;
	}

	@Transactional
	public Mono<Long> plan(NewSession s, String author) {
		String kind = upper(s.kind());
		String topic = upper(s.topic());
		String mode = upper(s.mode());
		if (!KINDS.contains(kind) || !TOPICS.contains(topic) || !MODES.contains(mode)) {
			return Mono.error(new InvalidRequest("Type (INITIAL, CONTINUING), thème (" + String.join(", ", TOPICS)
					+ ") ou modalité (ON_SITE, VIRTUAL) inconnu."));
		}
		if (s.title() == null || s.title().isBlank() || s.startsAt() == null) {
			return Mono.error(new InvalidRequest("L'intitulé et la date de la session sont obligatoires."));
		}
		if (s.durationMinutes() < 15 || s.durationMinutes() > 2880 || s.capacity() < 1 || s.capacity() > 500) {
			return Mono.error(new InvalidRequest("Durée de 15 à 2880 minutes et capacité de 1 à 500 places."));
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
			.switchIfEmpty(Mono.error(new NotFound("Aucune session de formation n'a l'identifiant " + id + ".")));
	}

	/** Registers a vacataire; refused when the session is full. The session row is locked: no overbooking. */
	@Transactional
	public Mono<Void> register(long sessionId, long vacataireId, String author) {
		return db.sql("select capacity, title from training_session where id = :id for update")
			.bind("id", sessionId)
			.map((Readable r) -> new Seats(r.get("capacity", Integer.class), r.get("title", String.class)))
			.one()
			.switchIfEmpty(Mono.error(new NotFound("Aucune session de formation n'a l'identifiant " + sessionId + ".")))
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
						.bind("now", Instant.now())
						.then()
						.onErrorMap(org.springframework.dao.DataIntegrityViolationException.class,
								e -> new NotFound("Aucun vacataire n'a l'identifiant " + vacataireId + "."))
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
		var update = db.sql("""
				update training_registration set attended = :attended, completed_at = :completedAt
				where session_id = :s and vacataire_id = :v returning (select title from training_session where id = :s) as title""")
			.bind("attended", attended)
			.bind("s", sessionId)
			.bind("v", vacataireId);
		return (completed ? update.bind("completedAt", Instant.now()) : update.bindNull("completedAt", Instant.class))
			.map(r -> r.get("title", String.class))
			.one()
			.switchIfEmpty(Mono.error(new NotFound("Ce vacataire n'est pas inscrit à cette session.")))
			.flatMap(title -> changes.record(author, Change.of("training", sessionId, vacataireId, "attendance",
					"Formation « " + title + " » : " + (completed ? "terminée" : attended ? "présent, non terminée" : "absent"))));
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
						"Formations exigées : " + requirements.size() + " exigence(s)").withStates(before, requirements))));
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
	 * Vacataires holding a role — by a current assignment or a Moodle role on a current module — without a training
	 * that role requires.
	 */
	public Flux<Overdue> overdue() {
		return db.sql("""
				with holders as (
				    select a.vacataire_id, a.role from assignment a where current_date between a.starts_on and a.ends_on
				    union
				    select r.vacataire_id, r.role from module_staff r)
				select h.vacataire_id, h.role, q.kind, q.topic,
				       v.name
				from holders h join training_requirement q on q.role = h.role join vacataire_name v on v.id = h.vacataire_id
				where v.status in ('RETENU', 'ACTIF') and not exists (
				    select 1 from training_registration r join training_session s on s.id = r.session_id
				    where r.vacataire_id = h.vacataire_id and r.completed_at is not null and s.kind = q.kind and s.topic = q.topic)
				order by v.sort_key, h.role, q.kind, q.topic""")
			.map(r -> new Overdue(r.get("vacataire_id", Long.class), r.get("name", String.class), r.get("role", String.class),
					r.get("kind", String.class), r.get("topic", String.class)))
			.all();
	}

	private record Seats(int capacity, String title) {
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
