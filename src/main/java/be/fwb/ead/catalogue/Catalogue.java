package be.fwb.ead.catalogue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import be.fwb.ead.catalogue.Module.Person;
import be.fwb.ead.moodle.MoodleSettings;
import be.fwb.ead.shared.PageOf;
import be.fwb.ead.shared.Paging;
import be.fwb.ead.shared.SearchText;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Finds modules: one page at a time, sorted by name without regard to accents, with their authors and tutors
 * (two queries per page, whatever its size).
 */
@Service
public class Catalogue {

	private static final String COLUMNS = "m.id, m.moodle_course_id, m.shortname, m.fullname, m.category_id, m.visible, "
			+ "m.archived_at, m.learner_count, m.content_changed_at";

	/**
	 * The names of the categories from the root to a module's category, and whether one of them is hidden, read with
	 * the module (alias {@code m}).
	 */
	private static final String CATEGORY_PATH = """
			coalesce((select c.names from category_path c where c.id = m.category_id), '{}') as category_path,
			coalesce((select c.hidden from category_path c where c.id = m.category_id), false) as category_hidden""";

	private static final int CHUNK = 500;

	private final DatabaseClient db;
	private final String moodleUrl;

	Catalogue(DatabaseClient db, MoodleSettings moodle) {
		this.db = db;
		this.moodleUrl = moodle.url().endsWith("/") ? moodle.url().substring(0, moodle.url().length() - 1) : moodle.url();
	}

	public Mono<PageOf<Module>> search(ModuleFilter filter, Paging paging) {
		return search(filter, ModuleOrder.NAME, paging);
	}

	/**
	 * One page of the modules that match, in the given order, with the total count of matches (counted in the same
	 * query; a second query only for a page past the end).
	 */
	public Mono<PageOf<Module>> search(ModuleFilter filter, ModuleOrder order, Paging paging) {
		Where where = where(filter);
		return where
			.bindTo(db.sql("select m.*, " + CATEGORY_PATH + " from (select " + COLUMNS + ", m.sort_key, count(*) over () as total "
					+ "from synced_module m where " + where.sql + " order by " + order.sql + " limit :limit offset :offset) m order by "
					+ order.sql))
			.bind("limit", paging.size())
			.bind("offset", paging.offset())
			.map(r -> Map.entry(Row.of(r), r.get("total", Long.class)))
			.all()
			.collectList()
			.flatMap(found -> {
				List<Row> rows = found.stream().map(Map.Entry::getKey).toList();
				Mono<Long> total = !found.isEmpty() ? Mono.just(found.get(0).getValue())
						: paging.offset() == 0 ? Mono.just(0L)
						: where.bindTo(db.sql("select count(*) as n from synced_module m where " + where.sql))
							.map(r -> r.get("n", Long.class))
							.one();
				return Mono.zip(withPeople(rows), total);
			})
			.map(t -> new PageOf<>(t.getT1(), t.getT2(), paging.page(), paging.size()));
	}

	/**
	 * Every module that matches, read {@value #CHUNK} at a time (for exports): memory stays bounded by one chunk
	 * whatever the size of the catalogue.
	 */
	public Flux<Module> stream(ModuleFilter filter, ModuleOrder order) {
		return search(filter, order, new Paging(0, CHUNK))
			.expand(page -> page.items().size() < CHUNK ? Mono.empty()
					: search(filter, order, new Paging(page.page() + 1, CHUNK)))
			.concatMapIterable(PageOf::items);
	}

	/** The figures of the dashboard, in one query. */
	public Mono<CatalogueFigures> figures() {
		return db.sql("""
				select count(*) filter (where m.archived_at is null) as current,
				       count(*) filter (where m.archived_at is null and not m.visible) as hidden,
				       count(*) filter (where m.archived_at is not null) as archived,
				       count(*) filter (where m.archived_at is null and not exists
				           (select 1 from role_link r where r.module_id = m.id and r.role = 'AUTHOR')) as without_author,
				       count(*) filter (where m.archived_at is null and not exists
				           (select 1 from role_link r where r.module_id = m.id and r.role = 'TUTOR')) as without_tutor,
				       coalesce(sum(m.learner_count) filter (where m.archived_at is null), 0) as learners
				from synced_module m""")
			.map(r -> new CatalogueFigures(r.get("current", Long.class), r.get("hidden", Long.class),
					r.get("archived", Long.class), r.get("without_author", Long.class),
					r.get("without_tutor", Long.class), ((Number) r.get("learners")).longValue()))
			.one();
	}

	public Mono<Module> find(long id) {
		return db.sql("select " + COLUMNS + ", " + CATEGORY_PATH + " from synced_module m where m.id = :id")
			.bind("id", id)
			.map(Row::of)
			.all()
			.collectList()
			.flatMap(this::withPeople)
			.flatMap(list -> Mono.justOrEmpty(list.stream().findFirst()));
	}

	private Mono<List<Module>> withPeople(List<Row> rows) {
		if (rows.isEmpty()) {
			return Mono.just(List.of());
		}
		Long[] ids = rows.stream().map(Row::id).toArray(Long[]::new);
		Mono<Map<Long, java.util.Collection<Staff>>> people = db.sql("""
				select r.module_id, r.role, v.id as vacataire_id,
				       v.name
				from role_link r join vacataire_name v on v.id = r.vacataire_id
				where r.module_id = any(:ids::bigint[])
				order by v.sort_key, v.id""")
			.bind("ids", ids)
			.map(r -> new Staff(r.get("module_id", Long.class), r.get("role", String.class),
					new Person(r.get("vacataire_id", Long.class), r.get("name", String.class))))
			.all()
			.collectMultimap(Staff::moduleId);
		return people.map(staff -> {
			List<Module> out = new ArrayList<>(rows.size());
			for (Row row : rows) {
				List<Person> authors = new ArrayList<>();
				List<Person> tutors = new ArrayList<>();
				for (Staff s : staff.getOrDefault(row.id(), List.of())) {
					("AUTHOR".equals(s.role()) ? authors : tutors).add(s.person());
				}
				out.add(new Module(row.id(), row.moodleCourseId(), row.shortname(), row.fullname(),
						List.of(row.categoryPath()), row.categoryId(), row.visible(),
						row.archivedAt() != null, row.archivedAt(), row.learnerCount(), authors, tutors,
						moodleUrl + "/course/view.php?id=" + row.moodleCourseId(), row.contentChangedAt(), row.categoryHidden()));
			}
			return out;
		});
	}

	/** An author or tutor of a module, as read. */
	private record Staff(long moduleId, String role, Person person) {
	}

	private record Row(long id, long moodleCourseId, String shortname, String fullname, long categoryId,
			boolean visible, Instant archivedAt, int learnerCount, Instant contentChangedAt, String[] categoryPath,
			boolean categoryHidden) {

		static Row of(Readable r) {
			return new Row(r.get("id", Long.class), r.get("moodle_course_id", Long.class), r.get("shortname", String.class),
					r.get("fullname", String.class), r.get("category_id", Long.class), r.get("visible", Boolean.class),
					r.get("archived_at", Instant.class), r.get("learner_count", Integer.class),
					r.get("content_changed_at", Instant.class), r.get("category_path", String[].class),
					Boolean.TRUE.equals(r.get("category_hidden", Boolean.class)));
		}
	}

	/** A WHERE clause and its bindings, built from a filter. */
	private record Where(String sql, Map<String, Object> binds) {

		DatabaseClient.GenericExecuteSpec bindTo(DatabaseClient.GenericExecuteSpec spec) {
			for (Map.Entry<String, Object> b : binds.entrySet()) {
				spec = spec.bind(b.getKey(), b.getValue());
			}
			return spec;
		}
	}

	private static Where where(ModuleFilter f) {
		List<String> parts = new ArrayList<>();
		Map<String, Object> binds = new HashMap<>();
		parts.add("true");
		if (f.q() != null && !SearchText.key(f.q()).isEmpty()) {
			parts.add("m.search_key like all(:pattern)");
			binds.put("pattern", SearchText.containsPatterns(f.q()));
		}
		if (f.categoryId() != null) {
			parts.add("m.category_id in (select s.member_id from category_subtree s where s.category_id = :category)");
			binds.put("category", f.categoryId());
		}
		if (f.visible() != null) {
			parts.add("m.visible = :visible");
			binds.put("visible", f.visible());
		}
		if (f.archived() != null) {
			parts.add(f.archived() ? "m.archived_at is not null" : "m.archived_at is null");
		}
		if (f.withoutTutor()) {
			parts.add("not exists (select 1 from role_link r where r.module_id = m.id and r.role = 'TUTOR')");
		}
		if (f.withoutAuthor()) {
			parts.add("not exists (select 1 from role_link r where r.module_id = m.id and r.role = 'AUTHOR')");
		}
		return new Where(String.join(" and ", parts), binds);
	}
}
