package be.fwb.ead.assignments;

import java.time.Instant;
import java.util.List;

import be.fwb.ead.audit.Change;
import be.fwb.ead.audit.ChangeLog;
import be.fwb.ead.shared.InvalidRequest;
import be.fwb.ead.shared.NotFound;
import be.fwb.ead.shared.PageOf;
import be.fwb.ead.shared.Paging;
import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Compares today's assignments with the author and tutor roles the sync found in Moodle, on current modules. Two
 * kinds of line: assigned but no Moodle role (enrol them in Moodle, or end the assignment), and a Moodle role
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

	private final DatabaseClient db;
	private final ChangeLog changes;

	Reconciliation(DatabaseClient db, ChangeLog changes) {
		this.db = db;
		this.changes = changes;
	}

	/**
	 * The lines: the gaps between current assignments and the Moodle roles on current modules, less the roles a
	 * coordinator accepted.
	 */
	private static final String GAPS = """
			with current_assignment as (
			    select id, vacataire_id, module_id, role from assignment where current_date between starts_on and ends_on),
			gap as (
			    select case when a.id is null then 'MOODLE_ROLE_WITHOUT_ASSIGNMENT' else 'ASSIGNED_WITHOUT_MOODLE_ROLE' end as kind,
			           coalesce(a.vacataire_id, r.vacataire_id) as vacataire_id, coalesce(a.module_id, r.module_id) as module_id,
			           coalesce(a.role, r.role) as role, a.id as assignment_id
			    from current_assignment a
			    full outer join module_staff r on r.vacataire_id = a.vacataire_id and r.module_id = a.module_id and r.role = a.role
			    where a.id is null or r.module_id is null)
			select g.kind, g.vacataire_id, g.module_id, g.role, g.assignment_id, m.fullname as module_name, v.sort_key as v_sort,
			       m.sort_key as m_sort,
			       v.name
			from gap g join current_module m on m.id = g.module_id join vacataire_name v on v.id = g.vacataire_id
			where not exists (select 1 from reconciliation_ack k
			                  where g.kind = 'MOODLE_ROLE_WITHOUT_ASSIGNMENT' and k.module_id = g.module_id
			                    and k.vacataire_id = g.vacataire_id and k.role = g.role)""";

	private static final String ORDER = " order by kind, v_sort, m_sort, role";

	public Flux<Line> lines() {
		return db.sql("select * from (" + GAPS + ") x" + ORDER).map(Reconciliation::read).all();
	}

	/** One page of the lines, and how many there are. */
	public Mono<PageOf<Line>> page(Paging paging) {
		return page(null, paging);
	}

	/** One page of the lines of one kind ({@literal null}: both), and how many there are. */
	public Mono<PageOf<Line>> page(@Nullable Kind kind, Paging paging) {
		String where = kind == null ? "" : " where kind = '" + kind.name() + "'";
		Mono<List<Line>> items = db.sql("select * from (" + GAPS + ") x" + where + ORDER + " limit :limit offset :offset")
			.bind("limit", paging.size())
			.bind("offset", paging.offset())
			.map(Reconciliation::read)
			.all()
			.collectList();
		Mono<Long> total = db.sql("select count(*) as n from (" + GAPS + ") x" + where).map(r -> r.get("n", Long.class)).one();
		return Mono.zip(items, total).map(t -> new PageOf<>(t.getT1(), t.getT2(), paging.page(), paging.size()));
	}

	private static Line read(Readable r) {
		return new Line(Kind.valueOf(r.get("kind", String.class)), r.get("vacataire_id", Long.class), r.get("name", String.class),
				r.get("module_id", Long.class), r.get("module_name", String.class), r.get("role", String.class),
				r.get("assignment_id", Long.class));
	}

	/** Accepts a Moodle role without assignment (for instance a coordinator's own account in a course), with a reason. */
	@Transactional
	public Mono<Void> accept(long moduleId, long vacataireId, String role, @Nullable String reason, String author) {
		if (reason == null || reason.isBlank()) {
			return Mono.error(new InvalidRequest("Indiquez pourquoi ce rôle Moodle n'appelle pas d'affectation."));
		}
		return db.sql("select count(*) as n from module_staff where module_id = :m and vacataire_id = :v and role = :role")
			.bind("m", moduleId)
			.bind("v", vacataireId)
			.bind("role", role)
			.map(r -> r.get("n", Long.class))
			.one()
			.flatMap(n -> n == 0 ? Mono.error(new NotFound("Moodle ne montre pas ce rôle : rien à régulariser."))
					: db.sql("""
							insert into reconciliation_ack (module_id, vacataire_id, role, reason, by_whom, at)
							values (:m, :v, :role, :reason, :by, :now)
							on conflict (module_id, vacataire_id, role) do update set reason = excluded.reason,
							       by_whom = excluded.by_whom, at = excluded.at""")
						.bind("m", moduleId)
						.bind("v", vacataireId)
						.bind("role", role)
						.bind("reason", reason.trim())
						.bind("by", author)
						.bind("now", Instant.now())
						.then()
						.then(changes.record(author, Change.of("reconciliation", moduleId, vacataireId, "accepted",
								"Rôle Moodle sans affectation accepté (" + Assignments.roleLabel(role) + ", module " + moduleId + ")")
							.because(reason.trim()))));
	}
}
