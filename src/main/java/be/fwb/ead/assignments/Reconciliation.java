package be.fwb.ead.assignments;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import be.fwb.ead.audit.Change;
import be.fwb.ead.audit.ChangeLog;
import be.fwb.ead.catalogue.Placements;
import be.fwb.ead.shared.InvalidRequest;
import be.fwb.ead.shared.NotFound;
import be.fwb.ead.shared.PageOf;
import be.fwb.ead.shared.Paging;
import be.fwb.ead.shared.SearchText;
import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Compares today's assignments with the author and tutor roles the sync found in Moodle, on current modules. Two
 * kinds of line: assigned but no Moodle role (enrol them in Moodle, or end the assignment: one ending today is not
 * listed), and a Moodle role
 * without assignment (create the assignment, or accept the role with a reason, which settles the line).
 */
@Service
public class Reconciliation {

	public enum Kind {
		ASSIGNED_WITHOUT_MOODLE_ROLE, MOODLE_ROLE_WITHOUT_ASSIGNMENT
	}

	/** One line; {@code assignmentId} is set for the first kind. */
	public record Line(Kind kind, long vacataireId, String vacataireName, long moduleId, String moduleName, String role,
			@Nullable Long assignmentId) {
	}

	/**
	 * Which lines: of one kind, on the modules of a level and subject, of one role, of one vacataire, of one module;
	 * {@literal null} or blank: any.
	 */
	public record Filter(@Nullable Kind kind, @Nullable String level, @Nullable String subject, @Nullable String role,
			@Nullable Long vacataireId, @Nullable Long moduleId) {

		public static final Filter ALL = new Filter(null, null, null, null, null, null);

		/** The Moodle roles without assignment among these lines. */
		public Filter rolesWithoutAssignment() {
			return new Filter(Kind.MOODLE_ROLE_WITHOUT_ASSIGNMENT, level, subject, role, vacataireId, moduleId);
		}
	}

	/** A Moodle role without assignment: the key of a line of the second kind. */
	public record RoleKey(long vacataireId, long moduleId, String role) {

		/** {@code vacataireId:moduleId:ROLE}, as a form's check box carries it. */
		public static @Nullable RoleKey parse(String text) {
			String[] p = text.split(":");
			if (p.length != 3 || !(p[2].equals("AUTHOR") || p[2].equals("TUTOR"))) {
				return null;
			}
			try {
				return new RoleKey(Long.parseLong(p[0]), Long.parseLong(p[1]), p[2]);
			}
			catch (NumberFormatException e) {
				return null;
			}
		}

		@Override
		public String toString() {
			return vacataireId + ":" + moduleId + ":" + role;
		}
	}

	/** Lines grouped by vacataire or by module: how many, of each role. */
	public record Group(long id, String name, long lines, long authors, long tutors) {
	}

	public enum GroupBy {
		VACATAIRE, MODULE
	}

	private final DatabaseClient db;
	private final ChangeLog changes;
	private final Placements placements;
	private final Clock clock;

	Reconciliation(DatabaseClient db, ChangeLog changes, Placements placements, Clock clock) {
		this.db = db;
		this.changes = changes;
		this.placements = placements;
		this.clock = clock;
	}

	/**
	 * The lines: the gaps between current assignments and the Moodle roles on current modules, less the roles a
	 * coordinator accepted. An assignment ending today still covers its Moodle role today, but is no longer listed
	 * without one: it is over, there is nothing left to do (ending it today settles its line).
	 */
	private static final String GAPS = """
			with current_assignment as (
			    select id, vacataire_id, module_id, role, ends_on from assignment where :today between starts_on and ends_on),
			gap as (
			    select case when a.id is null then 'MOODLE_ROLE_WITHOUT_ASSIGNMENT' else 'ASSIGNED_WITHOUT_MOODLE_ROLE' end as kind,
			           coalesce(a.vacataire_id, r.vacataire_id) as vacataire_id, coalesce(a.module_id, r.module_id) as module_id,
			           coalesce(a.role, r.role) as role, a.id as assignment_id
			    from current_assignment a
			    full outer join module_staff r on r.vacataire_id = a.vacataire_id and r.module_id = a.module_id and r.role = a.role
			    where a.id is null or (r.module_id is null and a.ends_on > :today))
			select g.kind, g.vacataire_id, g.module_id, g.role, g.assignment_id, m.fullname as module_name, v.sort_key as v_sort,
			       m.sort_key as m_sort, m.category_id,
			       v.name
			from gap g join current_module m on m.id = g.module_id join vacataire_name v on v.id = g.vacataire_id
			where not exists (select 1 from reconciliation_ack k
			                  where g.kind = 'MOODLE_ROLE_WITHOUT_ASSIGNMENT' and k.module_id = g.module_id
			                    and k.vacataire_id = g.vacataire_id and k.role = g.role)""";

	private static final String ORDER = " order by kind, v_sort, m_sort, role";

	public Flux<Line> lines() {
		return lines(Filter.ALL);
	}

	public Flux<Line> lines(Filter filter) {
		return where(filter).flatMapMany(w -> w.bind(db.sql("select * from (" + GAPS + ") x" + w.sql() + ORDER))
			.map(Reconciliation::read)
			.all());
	}

	/** One page of the lines, and how many there are. */
	public Mono<PageOf<Line>> page(Paging paging) {
		return page(Filter.ALL, paging);
	}

	/** One page of the lines of one kind ({@literal null}: both), and how many there are. */
	public Mono<PageOf<Line>> page(@Nullable Kind kind, Paging paging) {
		return page(new Filter(kind, null, null, null, null, null), paging);
	}

	/** One page of the lines the filter keeps, and how many there are. */
	public Mono<PageOf<Line>> page(Filter filter, Paging paging) {
		return where(filter).flatMap(w -> {
			Mono<List<Line>> items = w.bind(db.sql("select * from (" + GAPS + ") x" + w.sql() + ORDER + " limit :limit offset :offset"))
				.bind("limit", paging.size())
				.bind("offset", paging.offset())
				.map(Reconciliation::read)
				.all()
				.collectList();
			Mono<Long> total = w.bind(db.sql("select count(*) as n from (" + GAPS + ") x" + w.sql())).map(r -> r.get("n", Long.class)).one();
			return Mono.zip(items, total).map(t -> new PageOf<>(t.getT1(), t.getT2(), paging.page(), paging.size()));
		});
	}

	/** One page of the lines the filter keeps, grouped by vacataire or by module, the most lines first. */
	public Mono<PageOf<Group>> groups(Filter filter, GroupBy by, Paging paging) {
		String id = by == GroupBy.VACATAIRE ? "vacataire_id" : "module_id";
		String name = by == GroupBy.VACATAIRE ? "name" : "module_name";
		String sort = by == GroupBy.VACATAIRE ? "v_sort" : "m_sort";
		return where(filter).flatMap(w -> {
			Mono<List<Group>> items = w.bind(db.sql("select " + id + " as id, min(" + name + ") as name, count(*) as n, "
					+ "count(*) filter (where role = 'AUTHOR') as authors, count(*) filter (where role = 'TUTOR') as tutors "
					+ "from (" + GAPS + ") x" + w.sql() + " group by " + id + " order by count(*) desc, min(" + sort + ") "
					+ "limit :limit offset :offset"))
				.bind("limit", paging.size())
				.bind("offset", paging.offset())
				.map(r -> new Group(r.get("id", Long.class), r.get("name", String.class), r.get("n", Long.class),
						r.get("authors", Long.class), r.get("tutors", Long.class)))
				.all()
				.collectList();
			Mono<Long> total = w.bind(db.sql("select count(distinct " + id + ") as n from (" + GAPS + ") x" + w.sql()))
				.map(r -> r.get("n", Long.class))
				.one();
			return Mono.zip(items, total).map(t -> new PageOf<>(t.getT1(), t.getT2(), paging.page(), paging.size()));
		});
	}

	/** The Moodle roles without assignment the filter keeps, in the order of the list. */
	public Flux<RoleKey> roles(Filter filter) {
		return lines(filter.rolesWithoutAssignment()).map(l -> new RoleKey(l.vacataireId(), l.moduleId(), l.role()));
	}

	/** A where clause and the values it binds. */
	private record Where(String sql, Map<String, Object> values) {

		DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec) {
			for (Map.Entry<String, Object> e : values.entrySet()) {
				spec = spec.bind(e.getKey(), e.getValue());
			}
			return spec;
		}
	}

	private Mono<Where> where(Filter f) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("today", LocalDate.now(clock));
		List<String> conditions = new ArrayList<>();
		if (f.kind() != null) {
			conditions.add("kind = :kind");
			values.put("kind", f.kind().name());
		}
		if (f.role() != null && !f.role().isBlank()) {
			conditions.add("role = :role");
			values.put("role", f.role().trim().toUpperCase(java.util.Locale.ROOT));
		}
		if (f.vacataireId() != null) {
			conditions.add("vacataire_id = :vacataire");
			values.put("vacataire", f.vacataireId());
		}
		if (f.moduleId() != null) {
			conditions.add("module_id = :module");
			values.put("module", f.moduleId());
		}
		boolean placed = (f.level() != null && !f.level().isBlank()) || (f.subject() != null && !f.subject().isBlank());
		Mono<Where> built = Mono.fromSupplier(() -> new Where(conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions),
				values));
		if (!placed) {
			return built;
		}
		String level = SearchText.key(f.level());
		String subject = SearchText.key(f.subject());
		return placements.mappings()
			.filter(m -> (level.isEmpty() || SearchText.key(m.level()).equals(level))
					&& (subject.isEmpty() || SearchText.key(m.subject()).equals(subject)))
			.map(Placements.Mapping::categoryId)
			.collectList()
			.flatMap(categories -> {
				conditions.add("category_id = any(:categories::bigint[])");
				values.put("categories", categories.toArray(Long[]::new));
				return built;
			});
	}

	private static Line read(Readable r) {
		return new Line(Kind.valueOf(r.get("kind", String.class)), r.get("vacataire_id", Long.class), r.get("name", String.class),
				r.get("module_id", Long.class), r.get("module_name", String.class), r.get("role", String.class),
				r.get("assignment_id", Long.class));
	}

	/** Accepts a Moodle role without assignment (for instance a coordinator's own account in a course), with a reason. */
	@Transactional
	public Mono<Void> accept(long moduleId, long vacataireId, String role, @Nullable String reason, String author) {
		return acceptAll(List.of(new RoleKey(vacataireId, moduleId, role)), reason, author).flatMap(n -> n == 0
				? Mono.error(new NotFound("Moodle ne montre pas ce rôle : rien à régulariser."))
				: Mono.empty());
	}

	/**
	 * Accepts Moodle roles without assignment, all for one reason, in one statement, with a journal entry for each;
	 * keys Moodle does not show are left out. Gives how many were accepted.
	 */
	@Transactional
	public Mono<Integer> acceptAll(List<RoleKey> keys, @Nullable String reason, String author) {
		if (reason == null || reason.isBlank()) {
			return Mono.error(InvalidRequest.ofField("reason", "Indiquez pourquoi ce rôle Moodle n’appelle pas d’affectation."));
		}
		if (keys.isEmpty()) {
			return Mono.just(0);
		}
		String why = reason.trim();
		return db.sql("""
				insert into reconciliation_ack (module_id, vacataire_id, role, reason, by_whom, at)
				select r.module_id, r.vacataire_id, r.role, :reason, :by, :now
				from unnest(:v::bigint[], :m::bigint[], :r::text[]) as k(vacataire_id, module_id, role)
				join module_staff r on r.vacataire_id = k.vacataire_id and r.module_id = k.module_id and r.role = k.role
				on conflict (module_id, vacataire_id, role) do update set reason = excluded.reason,
				       by_whom = excluded.by_whom, at = excluded.at
				returning module_id, vacataire_id, role""")
			.bind("v", keys.stream().map(RoleKey::vacataireId).toArray(Long[]::new))
			.bind("m", keys.stream().map(RoleKey::moduleId).toArray(Long[]::new))
			.bind("r", keys.stream().map(RoleKey::role).toArray(String[]::new))
			.bind("reason", why)
			.bind("by", author)
			.bind("now", Instant.now(clock))
			.map(r -> Change.of("reconciliation", r.get("module_id", Long.class), r.get("vacataire_id", Long.class), "accepted",
					"Rôle Moodle sans affectation accepté (" + Assignments.roleLabel(r.get("role", String.class)) + ", module "
							+ r.get("module_id", Long.class) + ")").because(why))
			.all()
			.collectList()
			.flatMap(accepted -> changes.recordAll(author, accepted).thenReturn(accepted.size()));
	}
}
