package be.fwb.ead.referentials;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import be.fwb.ead.audit.Change;
import be.fwb.ead.audit.ChangeLog;
import be.fwb.ead.shared.InvalidRequest;
import be.fwb.ead.shared.NotFound;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import be.fwb.ead.shared.Counted;

/**
 * The exams, their parts (each tied to competencies, with a weight) and their sessions. How ready the catalogue is for
 * each is read by the read side ({@code analysis.ExamReadiness}), from the views this module publishes.
 */
@Service
public class Exams {

	/** A part to define: its competencies by ID number (of any référentiel; the latest version wins). */
	public record PartDefinition(String name, int weight, List<String> competencies) {
	}

	/** An exam as defined: its parts with the ID numbers of their competencies, and its sessions' dates. */
	public record Definition(long id, String code, String name, @Nullable String level, List<PartDefinition> parts,
			List<LocalDate> sessions) {
	}

	private final DatabaseClient db;
	private final ChangeLog changes;

	Exams(DatabaseClient db, ChangeLog changes) {
		this.db = db;
		this.changes = changes;
	}

	/** Creates or replaces the exam with this code, with its parts; its sessions stay as they were. */
	public Mono<Long> define(String code, String name, @Nullable String level, List<PartDefinition> parts, String author) {
		return define(code, name, level, parts, null, author);
	}

	/**
	 * Creates or replaces the exam with this code, with its parts and, when {@code sessions} is given, the dates of
	 * its sessions (an approaching session makes the modules concerned by the exam a review risk).
	 */
	@Transactional
	public Mono<Long> define(String code, String name, @Nullable String level, List<PartDefinition> parts,
			@Nullable List<LocalDate> sessions, String author) {
		if (code == null || code.isBlank() || name == null || name.isBlank() || parts.isEmpty()) {
			return Mono.error(code == null || code.isBlank() || name == null || name.isBlank()
					? InvalidRequest.ofField(code == null || code.isBlank() ? "code" : "name", "Un examen a un code, un nom et au moins une épreuve.")
					: new InvalidRequest("Un examen a un code, un nom et au moins une épreuve."));
		}
		for (PartDefinition p : parts) {
			if (p.name() == null || p.name().isBlank() || p.weight() < 1 || p.weight() > 1000) {
				return Mono.error(InvalidRequest.ofField(p.name() == null || p.name().isBlank() ? "partName" : "partWeight",
						"Chaque épreuve a un nom et un poids de 1 à 1000."));
			}
		}
		String clean = code.trim().toUpperCase(Locale.ROOT);
		var upsert = db.sql("""
				insert into exam (code, name, level) values (:code, :name, :level)
				on conflict (code) do update set name = excluded.name, level = excluded.level returning id""")
			.bind("code", clean)
			.bind("name", name.trim());
		upsert = level == null || level.isBlank() ? upsert.bindNull("level", String.class) : upsert.bind("level", level.trim());
		return upsert.map(r -> r.get("id", Long.class)).one().flatMap(id -> db.sql("delete from exam_part where exam_id = :id")
			.bind("id", id)
			.then()
			.thenMany(Flux.range(0, parts.size()).concatMap(i -> insertPart(id, i, parts.get(i))))
			.then(sessions == null ? Mono.empty() : schedule(id, sessions))
			.then(changes.record(author, Change.of("exam", id, null, "updated", "Examen " + clean + " : " + Counted.of(parts.size(), "épreuve", "épreuves")
					+ (sessions == null ? "" : ", " + Counted.of(sessions.size(), "session", "sessions")))
				.withStates(null, sessions == null ? parts : Map.of("parts", parts, "sessions", sessions))))
			.thenReturn(id));
	}

	private Mono<Void> schedule(long examId, List<LocalDate> sessions) {
		return db.sql("delete from exam_session where exam_id = :id")
			.bind("id", examId)
			.then()
			.thenMany(Flux.fromStream(sessions.stream().distinct()).concatMap(d -> db.sql(
					"insert into exam_session (exam_id, starts_on) values (:id, :d)").bind("id", examId).bind("d", d).then()))
			.then();
	}

	/** The exam with this code, as defined. */
	public Mono<Definition> find(String code) {
		return db.sql("""
				select e.id, e.code, e.name as exam_name, e.level, p.id as part_id, p.name, p.weight,
				       coalesce(array_agg(c.idnumber order by c.idnumber) filter (where c.id is not null), '{}') as competencies
				from exam e left join exam_part p on p.exam_id = e.id
				left join exam_part_competency pc on pc.part_id = p.id left join competency c on c.id = pc.competency_id
				where e.code = :code group by e.id, p.id order by p.position""")
			.bind("code", code.trim().toUpperCase(Locale.ROOT))
			.fetch()
			.all()
			.collectList()
			.flatMap(rows -> {
				if (rows.isEmpty()) {
					return Mono.error(new NotFound("Aucun examen n’a le code « " + code + " »."));
				}
				Map<String, Object> head = rows.get(0);
				List<PartDefinition> parts = rows.stream()
					.filter(r -> r.get("part_id") != null)
					.map(r -> new PartDefinition((String) r.get("name"), ((Number) r.get("weight")).intValue(),
							List.of((String[]) r.get("competencies"))))
					.toList();
				long id = ((Number) head.get("id")).longValue();
				return db.sql("select starts_on from exam_session where exam_id = :id order by starts_on")
					.bind("id", id)
					.map(r -> r.get("starts_on", LocalDate.class))
					.all()
					.collectList()
					.map(sessions -> new Definition(id, (String) head.get("code"), (String) head.get("exam_name"),
							(String) head.get("level"), parts, sessions));
			});
	}

	/** Removes an exam and its parts (the competencies and the mappings stay). */
	@Transactional
	public Mono<Void> delete(String code, String author) {
		return find(code).flatMap(e -> db.sql("delete from exam where id = :id")
			.bind("id", e.id())
			.then()
			.then(changes.record(author, Change.of("exam", e.id(), null, "deleted", "Examen " + e.code() + " supprimé")
				.withStates(e, null))));
	}

	private Mono<Void> insertPart(long examId, int position, PartDefinition p) {
		return db.sql("insert into exam_part (exam_id, name, weight, position) values (:e, :n, :w, :p) returning id")
			.bind("e", examId)
			.bind("n", p.name().trim())
			.bind("w", p.weight())
			.bind("p", position)
			.map(r -> r.get("id", Long.class))
			.one()
			.flatMap(partId -> db.sql("""
					insert into exam_part_competency (part_id, competency_id)
					select distinct :part, c.id from competency c join referential r on r.id = c.referential_id
					where c.idnumber = any(:ids::text[])
					  and r.version = (select max(r2.version) from referential r2 where r2.idnumber = r.idnumber)
					returning competency_id""")
				.bind("part", partId)
				.bind("ids", p.competencies().toArray(String[]::new))
				.map(r -> r.get("competency_id", Long.class))
				.all()
				.count()
				.flatMap(n -> n < p.competencies().stream().distinct().count()
						? Mono.error(new InvalidRequest("Épreuve « " + p.name() + " » : " + Counted.of(p.competencies().stream().distinct().count() - n,
								"compétence inconnue", "compétences inconnues") + " parmi " + p.competencies() + "."))
						: Mono.empty()));
	}
}
