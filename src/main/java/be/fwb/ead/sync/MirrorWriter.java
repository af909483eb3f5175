package be.fwb.ead.sync;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import be.fwb.ead.audit.Change;
import be.fwb.ead.moodle.MoodleRecords.Category;
import be.fwb.ead.moodle.MoodleRecords.Course;
import be.fwb.ead.moodle.MoodleRecords.User;
import be.fwb.ead.shared.SearchText;
import be.fwb.ead.sync.RoleDiff.Link;
import be.fwb.ead.vacataires.MoodleIdentities;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Writes a {@link MoodleSnapshot} into the mirror tables: only what differs, in one transaction, so that a run that
 * finds nothing changed writes no row and a run killed half-way leaves the previous state intact. Touches only the
 * columns Moodle owns; what people entered is never overwritten. Modules that vanished from Moodle are archived with
 * the date, never deleted.
 */
@Component
class MirrorWriter {

	private final DatabaseClient db;

	/** The author of a sync's lines in the audit trail. */
	static final String AUTHOR = "synchronisation Moodle";

	private final be.fwb.ead.audit.ChangeLog changes;
	private final Activities activities;
	private final MoodleIdentities identities;

	MirrorWriter(DatabaseClient db, be.fwb.ead.audit.ChangeLog changes, Activities activities, MoodleIdentities identities) {
		this.db = db;
		this.identities = identities;
		this.changes = changes;
		this.activities = activities;
	}

	/** Writes with {@code now} as the read's time too (tests and tools that read and write at once). */
	public Mono<SyncCounts> apply(MoodleSnapshot snapshot, Instant now) {
		return apply(snapshot, now, now);
	}

	/** @param readAt when the read of Moodle began: a watched module's activities written since are not overwritten */
	@Transactional
	public Mono<SyncCounts> apply(MoodleSnapshot snapshot, Instant readAt, Instant now) {
		SyncCounts counts = new SyncCounts();
		return writeCategories(snapshot.categories(), !snapshot.categoriesComplete(), now, counts)
			.then(writeModules(snapshot, now, counts))
			.then(writeVacataires(snapshot.staff().values(), snapshot.identified(), now, counts))
			.then(writeRoles(snapshot, now, counts))
			.then(writeContents(snapshot, readAt, now, counts))
			.then(snapshot.changeCursor() == null ? Mono.empty() : saveCursor(snapshot.changeCursor(), now))
			// Every change the sync made, one line each, in the same transaction: the audit trail.
			.then(Mono.defer(() -> changes.recordAll(AUTHOR, counts.journal())))
			.thenReturn(counts);
	}

	/** Rows a run must change for the mirror's planner statistics to be refreshed after it. */
	static final int MANY_CHANGES = 500;

	/**
	 * After a run that changed many rows (the first sync, a new school year), refreshes the planner's statistics of the
	 * mirror's tables, so that the next queries are planned on the catalogue as it is (PostgreSQL's autovacuum may be
	 * late, or off). Out of the run's transaction; a failure is logged, never the run's.
	 */
	Mono<Void> refreshStatistics(SyncCounts counts) {
		int changed = counts.asMap().values().stream().flatMap(m -> m.values().stream()).mapToInt(Integer::intValue).sum();
		if (changed < MANY_CHANGES) {
			return Mono.empty();
		}
		return db.sql("analyze moodle_category, module, module_role, module_activity")
			.then()
			.onErrorResume(e -> {
				org.slf4j.LoggerFactory.getLogger(MirrorWriter.class).warn("Statistiques du miroir non rafraîchies : {}", e.getMessage());
				return Mono.empty();
			});
	}

	// ---- the plugin's change feed ----------------------------------------------------------------------------------

	/** Where the change feed stood after the last successful sync; empty when it was never read. */
	Mono<java.util.Optional<Long>> cursor() {
		return db.sql("select cursor from moodle_change_cursor where id = 1")
			.map(r -> r.get("cursor", Long.class))
			.one()
			.map(java.util.Optional::of)
			.defaultIfEmpty(java.util.Optional.empty());
	}

	/** What a read of Moodle needs to know of what is stored (four small queries). */
	Mono<Mirror> mirror() {
		Mono<Map<Long, Long>> current = db.sql("select moodle_course_id, category_id from module where archived_at is null")
			.map(r -> Map.entry(r.get("moodle_course_id", Long.class), r.get("category_id", Long.class)))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
		Mono<Set<Long>> archived = db.sql("select moodle_course_id from module where archived_at is not null")
			.map(r -> r.get("moodle_course_id", Long.class))
			.all()
			.collect(HashSet::new, Set::add);
		Mono<Map<Long, Boolean>> categories = db.sql("select id, visible from moodle_category")
			.map(r -> Map.entry(r.get("id", Long.class), Boolean.TRUE.equals(r.get("visible", Boolean.class))))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
		Mono<Set<Long>> vacataires = identities.byMoodleUser().map(Map::keySet);
		Mono<Map<Long, Mirror.Watch>> watched = db.sql("""
				select m.moodle_course_id, w.cacherev, w.baseline_at is null as pending
				from watched_module w join module m on m.id = w.module_id where m.archived_at is null""")
			.map(r -> Map.entry(r.get("moodle_course_id", Long.class),
					new Mirror.Watch(r.get("cacherev", Long.class), Boolean.TRUE.equals(r.get("pending", Boolean.class)))))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
		return Mono.zip(cursor(), current, archived, categories, vacataires, watched)
			.map(t -> new Mirror(t.getT1().orElse(null), t.getT2(), t.getT3(), t.getT4(), t.getT5(), t.getT6()));
	}

	// ---- the activities of the watched modules -------------------------------------------------------------------

	/**
	 * Records the activities read of watched modules. Activities that differ from the read before date the module's
	 * content change (« à revoir » when that is after its approval) and go to the audit trail; the same fingerprints
	 * (a site-wide cache purge bumps every cache revision) change nothing but the noted revision.
	 */
	private Mono<Void> writeContents(MoodleSnapshot snapshot, Instant readAt, Instant now, SyncCounts counts) {
		counts.add("activities", "read", 0);
		counts.add("activities", "changed", 0);
		if (snapshot.contents().isEmpty()) {
			return Mono.empty();
		}
		return db.sql("select id, moodle_course_id, shortname from module where moodle_course_id = any(:ids::bigint[])")
			.bind("ids", snapshot.contents().keySet().toArray(Long[]::new))
			.map(r -> new Watched(r.get("moodle_course_id", Long.class), r.get("id", Long.class), r.get("shortname", String.class)))
			.all()
			.sort(java.util.Comparator.comparingLong(Watched::courseId))
			.concatMap(w -> {
				MoodleSnapshot.Contents read = snapshot.contents().get(w.courseId());
				return activities.record(w.moduleId(), read.activities(), read.cacherev(), readAt, now).flatMap(outcome -> {
					counts.add("activities", "read", 1);
					if (outcome != Activities.Outcome.CHANGED) {
						return Mono.empty();
					}
					counts.add("activities", "changed", 1);
					counts.note(Change.of("module", w.moduleId(), null, "activities", "Activités modifiées dans Moodle : " + w.shortname()));
					return db.sql("update module set content_changed_at = :now, updated_at = :now where id = :id")
						.bind("now", now)
						.bind("id", w.moduleId())
						.then();
				});
			})
			.then();
	}

	private Mono<Void> saveCursor(long cursor, Instant now) {
		return db.sql("""
				insert into moodle_change_cursor (id, cursor, updated_at) values (1, :cursor, :now)
				on conflict (id) do update set cursor = excluded.cursor, updated_at = excluded.updated_at""")
			.bind("cursor", cursor)
			.bind("now", now)
			.then();
	}

	/** A watched module whose activities were read. */
	private record Watched(long courseId, long moduleId, String shortname) {
	}

	// ---- categories ----------------------------------------------------------------------------------------------

	private Mono<Void> writeCategories(List<Category> categories, boolean partial, Instant now, SyncCounts counts) {
		return db.sql("select id, name, parent_id, path, depth, sortorder, visible from moodle_category")
			.map(r -> new Category(r.get("id", Long.class), r.get("name", String.class), r.get("parent_id", Long.class),
					r.get("path", String.class), r.get("depth", Integer.class), r.get("sortorder", Integer.class),
					r.get("visible", Boolean.class)))
			.all()
			.collectMap(Category::id)
			.flatMap(existing -> {
				CategoryDiff diff = CategoryDiff.between(existing, categories, partial);
				counts.add("categories", "created", diff.created());
				counts.add("categories", "updated", diff.updated());
				counts.add("categories", "deleted", diff.gone().size());
				return upsertCategories(diff.changed(), now).then(deleteCategories(diff.gone()));
			});
	}

	private Mono<Void> upsertCategories(List<Category> changed, Instant now) {
		if (changed.isEmpty()) {
			return Mono.empty();
		}
		return db.sql("""
				insert into moodle_category (id, name, parent_id, path, depth, sortorder, visible, synced_at)
				select u.id, u.name, u.parent, u.path, u.depth, u.sortorder, u.visible, :now
				from unnest(:ids::bigint[], :names::text[], :parents::bigint[], :paths::text[], :depths::int[],
				            :sortorders::int[], :visibles::boolean[]) as u(id, name, parent, path, depth, sortorder, visible)
				on conflict (id) do update set name = excluded.name, parent_id = excluded.parent_id, path = excluded.path,
				    depth = excluded.depth, sortorder = excluded.sortorder, visible = excluded.visible,
				    synced_at = excluded.synced_at
				""")
			.bind("now", now)
			.bind("ids", changed.stream().map(Category::id).toArray(Long[]::new))
			.bind("names", changed.stream().map(Category::name).toArray(String[]::new))
			.bind("parents", changed.stream().map(Category::parent).toArray(Long[]::new))
			.bind("paths", changed.stream().map(Category::path).toArray(String[]::new))
			.bind("depths", changed.stream().map(Category::depth).toArray(Integer[]::new))
			.bind("sortorders", changed.stream().map(Category::sortorder).toArray(Integer[]::new))
			.bind("visibles", changed.stream().map(Category::visible).toArray(Boolean[]::new))
			.then();
	}

	private Mono<Void> deleteCategories(List<Long> gone) {
		if (gone.isEmpty()) {
			return Mono.empty();
		}
		return db.sql("delete from moodle_category where id = any(:ids::bigint[])")
			.bind("ids", gone.toArray(Long[]::new))
			.then();
	}

	// ---- modules -------------------------------------------------------------------------------------------------

	private Mono<Void> writeModules(MoodleSnapshot snapshot, Instant now, SyncCounts counts) {
		return db.sql("""
				select id, moodle_course_id, shortname, fullname, idnumber, category_id, visible,
				       extract(epoch from moodle_timemodified)::bigint as timemodified, learner_count,
				       archived_at is not null as archived
				from module""")
			.map(r -> new ModuleDiff.Stored(r.get("id", Long.class), r.get("moodle_course_id", Long.class),
					r.get("shortname", String.class), r.get("fullname", String.class), r.get("idnumber", String.class),
					r.get("category_id", Long.class), r.get("visible", Boolean.class), r.get("timemodified", Long.class),
					r.get("learner_count", Integer.class), r.get("archived", Boolean.class)))
			.all()
			.collectMap(ModuleDiff.Stored::moodleCourseId)
			.flatMap(existing -> {
				ModuleDiff diff = ModuleDiff.between(existing, snapshot);
				diff.changes().forEach(counts::note);
				counts.add("modules", "created", diff.created().size());
				counts.add("modules", "updated", diff.updated());
				counts.add("modules", "archived", diff.archived().size());
				counts.add("modules", "restored", diff.restored().size());
				return insertModules(diff.created(), snapshot.learnerCounts(), now)
					.then(updateModules(diff.contentChanged(), snapshot, existing, now, true))
					.then(updateModules(diff.countChanged(), snapshot, existing, now, false))
					.then(setArchived(diff.archived(), now, now))
					.then(setArchived(diff.restored(), null, now))
					.then(recount(diff.recounted(), now));
			});
	}

	private Mono<Void> insertModules(List<Course> created, Map<Long, Integer> learners, Instant now) {
		if (created.isEmpty()) {
			return Mono.empty();
		}
		return bindModuleColumns(db.sql("""
				insert into module (moodle_course_id, shortname, fullname, idnumber, category_id, visible,
				                    moodle_timemodified, learner_count, content_changed_at, search_key, sort_key,
				                    created_at, updated_at)
				select u.cid, u.shortname, u.fullname, u.idnumber, u.category, u.visible, to_timestamp(u.tm), u.learners,
				       :now, u.search_key, u.sort_key, :now, :now
				from unnest(:cids::bigint[], :shortnames::text[], :fullnames::text[], :idnumbers::text[],
				            :categories::bigint[], :visibles::boolean[], :tms::bigint[], :learners::int[],
				            :searchKeys::text[], :sortKeys::text[])
				     as u(cid, shortname, fullname, idnumber, category, visible, tm, learners, search_key, sort_key)
				""")
			.bind("now", now), created, c -> learners.getOrDefault(c.id(), 0))
			.then();
	}

	/**
	 * Updates Moodle-owned module columns. {@code content} says whether the name, category, visibility or Moodle
	 * modification date changed (which dates {@code content_changed_at}), or only the learner count.
	 */
	private Mono<Void> updateModules(List<Course> changed, MoodleSnapshot snapshot, Map<Long, ModuleDiff.Stored> existing,
			Instant now, boolean content) {
		if (changed.isEmpty()) {
			return Mono.empty();
		}
		return bindModuleColumns(db.sql("""
				update module m set shortname = u.shortname, fullname = u.fullname, idnumber = u.idnumber,
				       category_id = u.category, visible = u.visible, moodle_timemodified = to_timestamp(u.tm),
				       learner_count = u.learners, search_key = u.search_key, sort_key = u.sort_key, updated_at = :now,
				       content_changed_at = case when :content then :now else m.content_changed_at end
				from unnest(:cids::bigint[], :shortnames::text[], :fullnames::text[], :idnumbers::text[],
				            :categories::bigint[], :visibles::boolean[], :tms::bigint[], :learners::int[],
				            :searchKeys::text[], :sortKeys::text[])
				     as u(cid, shortname, fullname, idnumber, category, visible, tm, learners, search_key, sort_key)
				where m.moodle_course_id = u.cid
				""")
			.bind("now", now)
			.bind("content", content), changed,
				c -> snapshot.learnerCounts().getOrDefault(c.id(), existing.get(c.id()).learnerCount()))
			.then();
	}

	/** Binds the per-module arrays shared by the insert and the update, in the order of {@code courses}. */
	private static DatabaseClient.GenericExecuteSpec bindModuleColumns(DatabaseClient.GenericExecuteSpec spec,
			List<Course> courses, java.util.function.Function<Course, Integer> learners) {
		return spec.bind("cids", courses.stream().map(Course::id).toArray(Long[]::new))
			.bind("shortnames", courses.stream().map(Course::shortname).toArray(String[]::new))
			.bind("fullnames", courses.stream().map(Course::fullname).toArray(String[]::new))
			.bind("idnumbers", courses.stream().map(Course::idnumber).toArray(String[]::new))
			.bind("categories", courses.stream().map(Course::categoryid).toArray(Long[]::new))
			.bind("visibles", courses.stream().map(Course::visible).toArray(Boolean[]::new))
			.bind("tms", courses.stream().map(Course::timemodified).toArray(Long[]::new))
			.bind("learners", courses.stream().map(learners).toArray(Integer[]::new))
			.bind("searchKeys", courses.stream().map(MirrorWriter::moduleSearchKey).toArray(String[]::new))
			.bind("sortKeys", courses.stream().map(c -> SearchText.key(c.fullname())).toArray(String[]::new));
	}

	private Mono<Void> recount(Map<Long, Integer> learners, Instant now) {
		return Flux.fromIterable(learners.entrySet())
			.concatMap(e -> db.sql("update module set learner_count = :n, updated_at = :now where id = :id")
				.bind("n", e.getValue())
				.bind("now", now)
				.bind("id", e.getKey())
				.then())
			.then();
	}

	private Mono<Void> setArchived(List<Long> moduleIds, @Nullable Instant at, Instant now) {
		if (moduleIds.isEmpty()) {
			return Mono.empty();
		}
		var spec = db.sql("update module set archived_at = :at, updated_at = :now where id = any(:ids::bigint[])")
			.bind("ids", moduleIds.toArray(Long[]::new))
			.bind("now", now);
		return (at == null ? spec.bindNull("at", Instant.class) : spec.bind("at", at)).then();
	}

	private static String moduleSearchKey(Course c) {
		return SearchText.key(c.fullname(), c.shortname(), c.idnumber());
	}

	// ---- vacataires ----------------------------------------------------------------------------------------------

	/**
	 * Creates the staff the service does not know, links those entered by hand (by Moodle id, then ID number, then
	 * e-mail), and updates the Moodle identity of those whose identity was read ({@code identified}); the others' stored
	 * identity is left as it is (an incremental read of their roles only says nothing of it).
	 */
	private Mono<Void> writeVacataires(java.util.Collection<User> staff, Set<Long> identified, Instant now, SyncCounts counts) {
		return identities.all()
			.flatMap(existing -> {
				StaffDiff diff = StaffDiff.between(existing, staff, identified);
				diff.changes().forEach(counts::note);
				counts.add("vacataires", "created", diff.created().size());
				counts.add("vacataires", "updated", diff.updated().size() - diff.linked());
				counts.add("vacataires", "linked", diff.linked());
				return identities.create(diff.created(), now).then(identities.update(diff.updated(), now));
			});
	}

	// ---- role links ----------------------------------------------------------------------------------------------

	private Mono<Void> writeRoles(MoodleSnapshot snapshot, Instant now, SyncCounts counts) {
		record Known(long id, long courseId, String name) {
		}
		Mono<List<Known>> modules = db.sql("select id, moodle_course_id, fullname from module")
			.map(r -> new Known(r.get("id", Long.class), r.get("moodle_course_id", Long.class), r.get("fullname", String.class)))
			.all()
			.collectList();
		Mono<Map<Long, Long>> vacataires = identities.byMoodleUser();
		return Mono.zip(modules, vacataires).flatMap(ids -> {
			Map<Long, Long> byCourse = new java.util.HashMap<>();
			Map<Long, String> names = new java.util.HashMap<>();
			ids.getT1().forEach(m -> {
				byCourse.put(m.courseId(), m.id());
				names.put(m.id(), m.name());
			});
			RoleDiff.Wanted wanted = RoleDiff.Wanted.of(snapshot.roles(), byCourse, ids.getT2());
			return db.sql("""
					select module_id, vacataire_id, role, moodle_roles from module_role
					where module_id = any(:ids::bigint[])""")
				.bind("ids", wanted.modules().toArray(Long[]::new))
				.map(r -> new Link(r.get("module_id", Long.class), r.get("vacataire_id", Long.class),
						r.get("role", String.class), r.get("moodle_roles", String.class)))
				.all()
				.collectMap(Link::key)
				.flatMap(existing -> {
					RoleDiff diff = RoleDiff.between(wanted, existing);
					diff.changes(names).forEach(counts::note);
					counts.add("roles", "added", diff.added().size());
					counts.add("roles", "updated", diff.changed().size());
					counts.add("roles", "removed", diff.removed().size());
					return removeLinks(diff.removed()).then(upsertLinks(diff.added(), now)).then(upsertLinks(diff.changed(), now));
				});
		});
	}

	private Mono<Void> upsertLinks(List<Link> links, Instant now) {
		if (links.isEmpty()) {
			return Mono.empty();
		}
		return db.sql("""
				insert into module_role (module_id, vacataire_id, role, moodle_roles, synced_at)
				select u.m, u.v, u.r, u.mr, :now
				from unnest(:modules::bigint[], :vacataires::bigint[], :roles::text[], :moodleRoles::text[]) as u(m, v, r, mr)
				on conflict (module_id, vacataire_id, role) do update set moodle_roles = excluded.moodle_roles,
				    synced_at = excluded.synced_at
				""")
			.bind("now", now)
			.bind("modules", links.stream().map(Link::moduleId).toArray(Long[]::new))
			.bind("vacataires", links.stream().map(Link::vacataireId).toArray(Long[]::new))
			.bind("roles", links.stream().map(Link::role).toArray(String[]::new))
			.bind("moodleRoles", links.stream().map(Link::moodleRoles).toArray(String[]::new))
			.then();
	}

	private Mono<Void> removeLinks(List<Link> links) {
		if (links.isEmpty()) {
			return Mono.empty();
		}
		return db.sql("""
				delete from module_role r
				using unnest(:modules::bigint[], :vacataires::bigint[], :roles::text[]) as u(m, v, role)
				where r.module_id = u.m and r.vacataire_id = u.v and r.role = u.role""")
			.bind("modules", links.stream().map(Link::moduleId).toArray(Long[]::new))
			.bind("vacataires", links.stream().map(Link::vacataireId).toArray(Long[]::new))
			.bind("roles", links.stream().map(Link::role).toArray(String[]::new))
			.then();
	}
}
