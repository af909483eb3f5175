package be.fwb.ead.vacataires;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import be.fwb.ead.moodle.MoodleSettings;
import be.fwb.ead.shared.NotFound;
import be.fwb.ead.shared.PageOf;
import be.fwb.ead.shared.Paging;
import be.fwb.ead.shared.SearchText;
import be.fwb.ead.vacataires.Vacataire.ModuleRole;
import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Finds vacataires, one page at a time, sorted by last name without regard to accents. */
@Service
public class Vacataires {

	/** Read from {@code vacataire_name} (alias {@code v}): the name rule is written there, once. */
	private static final String COLUMNS = "v.id, v.moodle_user_id, v.firstname, v.lastname, v.email, v.idnumber, v.status";

	/** Who is in the corps (retained or active) and holds no role on a current module: candidates and leavers need none. */
	private static final String WITHOUT_MODULE = """
			v.status in ('RETENU', 'ACTIF') and not exists (select 1 from module_staff r where r.vacataire_id = v.id)""";

	private static final int CHUNK = 500;

	private final DatabaseClient db;
	private final String moodleUrl;

	Vacataires(DatabaseClient db, MoodleSettings moodle) {
		this.db = db;
		this.moodleUrl = moodle.url().endsWith("/") ? moodle.url().substring(0, moodle.url().length() - 1) : moodle.url();
	}

	/** One page of the vacataires that match, with the total count of matches. */
	public Mono<PageOf<Vacataire>> search(VacataireFilter filter, Paging paging) {
		String where = where(filter);
		String[] pattern = SearchText.containsPatterns(filter.q());
		Mono<Long> total = bind(db.sql("select count(*) as n from vacataire_name v where " + where), filter, pattern)
			.map(r -> r.get("n", Long.class))
			.one();
		Mono<List<Vacataire>> items = bind(db.sql("select " + COLUMNS + " from vacataire_name v where " + where
				+ " order by v.sort_key, v.id limit :limit offset :offset"), filter, pattern)
			.bind("limit", paging.size())
			.bind("offset", paging.offset())
			.map(this::read)
			.all()
			.collectList()
			.flatMap(this::withModules);
		return Mono.zip(items, total).map(t -> new PageOf<>(t.getT1(), t.getT2(), paging.page(), paging.size()));
	}

	/** Every vacataire that matches, read {@value #CHUNK} at a time (for exports). */
	public Flux<Vacataire> stream(VacataireFilter filter) {
		return search(filter, new Paging(0, CHUNK))
			.expand(page -> page.items().size() < CHUNK ? Mono.empty() : search(filter, new Paging(page.page() + 1, CHUNK)))
			.concatMapIterable(PageOf::items);
	}

	/** What assignments need to know of a vacataire. */
	public record Assignable(long id, String name, VacataireStatus status, @Nullable Integer workloadCapHours) {
	}

	/**
	 * Reads the vacataire and locks the row until the end of the current transaction, so that two assignments to the
	 * same vacataire are checked one after the other (workload, overlaps).
	 */
	public Mono<Assignable> lockForAssignment(long id) {
		return db.sql("select v.id, v.status, v.workload_cap_hours, n.name from vacataire v join vacataire_name n on n.id = v.id "
				+ "where v.id = :id for update of v")
			.bind("id", id)
			.map(r -> new Assignable(r.get("id", Long.class), r.get("name", String.class),
					VacataireStatus.valueOf(r.get("status", String.class)), r.get("workload_cap_hours", Integer.class)))
			.one()
			.switchIfEmpty(Mono.error(new NotFound("Aucun vacataire n’a l’identifiant " + id + ".")));
	}

	/**
	 * Locks the rows of these vacataires until the end of the current transaction, in id order (so that two batches
	 * never wait on each other): a bulk of assignments is checked after another one touching the same people.
	 */
	public Mono<Void> lockForAssignment(java.util.Collection<Long> ids) {
		Long[] sorted = ids.stream().distinct().sorted().toArray(Long[]::new);
		return sorted.length == 0 ? Mono.empty()
				: db.sql("select id from vacataire where id = any(:ids::bigint[]) order by id for update").bind("ids", sorted).then();
	}

	/** Every vacataire's shown name by id (for exports that list several vacataires). */
	public Mono<Map<Long, String>> namesById() {
		return db.sql("select v.id, v.name from vacataire_name v")
			.map(r -> Map.entry(r.get("id", Long.class), r.get("name", String.class)))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
	}

	/** The figures of the dashboard, in one query. */
	public Mono<VacataireFigures> figures() {
		return db.sql("select count(*) as total, count(*) filter (where v.status = 'ACTIF') as active, "
				+ "count(*) filter (where " + WITHOUT_MODULE + ") as without_module from vacataire_name v")
			.map(r -> new VacataireFigures(r.get("total", Long.class), r.get("active", Long.class),
					r.get("without_module", Long.class)))
			.one();
	}

	private static String where(VacataireFilter filter) {
		return "v.search_key like all(:pattern)" + (filter.status() == null ? "" : " and v.status = :status")
				+ (filter.withoutModule() ? " and " + WITHOUT_MODULE : "");
	}

	private static DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec, VacataireFilter filter,
			String[] pattern) {
		spec = spec.bind("pattern", pattern);
		return filter.status() == null ? spec : spec.bind("status", filter.status());
	}

	public Mono<Vacataire> find(long id) {
		return db.sql("select " + COLUMNS + " from vacataire_name v where v.id = :id")
			.bind("id", id)
			.map(this::read)
			.all()
			.collectList()
			.flatMap(this::withModules)
			.flatMap(list -> Mono.justOrEmpty(list.stream().findFirst()));
	}

	/** The vacataire with this Moodle user id, with their modules; empty when that Moodle user is not a vacataire. */
	public Mono<Vacataire> byMoodleUser(long moodleUserId) {
		return db.sql("select " + COLUMNS + " from vacataire_name v where v.moodle_user_id = :id")
			.bind("id", moodleUserId)
			.map(this::read)
			.all()
			.collectList()
			.flatMap(this::withModules)
			.flatMap(list -> Mono.justOrEmpty(list.stream().findFirst()));
	}

	private Mono<List<Vacataire>> withModules(List<Vacataire> people) {
		if (people.isEmpty()) {
			return Mono.just(List.of());
		}
		return db.sql("""
				select r.vacataire_id, r.module_id, r.role, m.shortname, m.fullname, m.archived
				from role_link r join module_name m on m.id = r.module_id
				where r.vacataire_id = any(:ids::bigint[])
				order by m.sort_key, r.role""")
			.bind("ids", people.stream().map(Vacataire::id).toArray(Long[]::new))
			.map(r -> Map.entry(r.get("vacataire_id", Long.class), new ModuleRole(r.get("module_id", Long.class),
					r.get("role", String.class), r.get("shortname", String.class), r.get("fullname", String.class),
					r.get("archived", Boolean.class))))
			.all()
			.collectMultimap(Map.Entry::getKey, Map.Entry::getValue)
			.map(byPerson -> {
				List<Vacataire> out = new ArrayList<>(people.size());
				for (Vacataire v : people) {
					java.util.Collection<ModuleRole> held = byPerson.getOrDefault(v.id(), List.of());
					out.add(new Vacataire(v.id(), v.moodleUserId(), v.firstname(), v.lastname(), v.email(), v.idnumber(),
							v.status(), v.moodleUrl(), held.stream().filter(m -> !m.archived()).toList(),
							held.stream().filter(ModuleRole::archived).toList()));
				}
				return out;
			});
	}

	private Vacataire read(Readable r) {
		Long moodleUserId = r.get("moodle_user_id", Long.class);
		return new Vacataire(r.get("id", Long.class), moodleUserId, r.get("firstname", String.class),
				r.get("lastname", String.class), r.get("email", String.class), r.get("idnumber", String.class),
				r.get("status", String.class), moodleUserId == null ? null : moodleUrl + "/user/profile.php?id=" + moodleUserId,
				List.of(), List.of());
	}
}
