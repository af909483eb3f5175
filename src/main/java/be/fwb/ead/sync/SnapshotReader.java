package be.fwb.ead.sync;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import be.fwb.ead.moodle.MoodleClient;
import be.fwb.ead.moodle.MoodleException;
import be.fwb.ead.moodle.MoodleRecords.Category;
import be.fwb.ead.moodle.MoodleRecords.Change;
import be.fwb.ead.moodle.MoodleRecords.Changes;
import be.fwb.ead.moodle.MoodleRecords.Course;
import be.fwb.ead.moodle.MoodleRecords.CourseCount;
import be.fwb.ead.moodle.MoodleRecords.CourseUsers;
import be.fwb.ead.moodle.MoodleRecords.SiteInfo;
import be.fwb.ead.moodle.MoodleRecords.User;
import be.fwb.ead.moodle.MoodleSettings;
import be.fwb.ead.sync.MoodleSnapshot.Contents;
import be.fwb.ead.sync.MoodleSnapshot.RoleLink;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import be.fwb.ead.shared.Counted;

/**
 * Reads the EAD catalogue from Moodle in few round trips: site info (token and functions check), then categories
 * (with the hidden ones, see {@link #categories()}) and courses in parallel, then, for batches of courses, authors and
 * tutors (one call, with a capability learners do not hold) and learner counts (another call, active enrolments,
 * counted as read) through {@code core_enrol_get_enrolled_users_with_capability}, the staff's identity in batches
 * ({@code core_user_get_users_by_field}), and the activities of the watched modules whose content changed
 * ({@code core_course_get_contents}). A batch that Moodle refuses for one course is bisected to isolate that course,
 * which is reported and left as it was.
 */
@Component
class SnapshotReader {

	static final List<String> REQUIRED_FUNCTIONS = List.of("core_webservice_get_site_info",
			"core_course_get_categories", "core_course_get_courses_by_field",
			"core_enrol_get_enrolled_users_with_capability", "core_user_get_users_by_field", "core_course_get_contents");

	/** Errors that concern one course of a batch, not the whole call: worth bisecting. */
	private static final Set<String> COURSE_SCOPED = Set.of("requireloginerror", "invalidrecord", "invalidrecordunknown",
			"errorcoursecontextnotvalid", "restrictedcontextexception", "coursehidden");

	/** How many changes one incremental sync reads from the feed; beyond, it reads everything. */
	static final int FEED_PAGE = 1000;

	private final MoodleClient moodle;
	private final MoodleSettings settings;

	SnapshotReader(MoodleClient moodle, MoodleSettings settings) {
		this.moodle = moodle;
		this.settings = settings;
	}

	/** Everything: site info, categories and courses, then enrolments by batches, identities and changed contents. */
	Mono<MoodleSnapshot> read() {
		return read(SyncMode.FULL, Mirror.empty());
	}

	/**
	 * An incremental sync with the plugin's change feed in the token's service and a cursor reads only what changed
	 * since the cursor (nothing changed: two calls; a tutor added: four, five when the tutor is new to the service);
	 * otherwise, or when the changes are too many or older than what the plugin still keeps, it reads everything. A
	 * full read with the feed available notes the feed's cursor first, so that what changes during the read is read
	 * again next time.
	 */
	Mono<MoodleSnapshot> read(SyncMode mode, Mirror mirror) {
		return moodle.siteInfo().flatMap(this::checkFunctions).flatMap(info -> {
			if (!info.functions().contains(MoodleClient.CHANGE_FEED)) {
				return full(null, mirror, List.of());
			}
			Long cursor = mirror.cursor();
			if (mode == SyncMode.INCREMENTAL && cursor != null) {
				return moodle.changes(cursor, FEED_PAGE).flatMap(page -> since(page, cursor, mirror));
			}
			return moodle.changes(0, 0).flatMap(head -> full(head.latest(), mirror, List.of()));
		});
	}

	private Mono<MoodleSnapshot> full(@Nullable Long cursor, Mirror mirror, List<String> why) {
		return Mono.zip(categories(), moodle.courses()).flatMap(listing -> {
			List<Category> categories = eadCategories(listing.getT1());
			List<Course> modules = eadModules(categories, listing.getT2());
			Map<Long, Long> revisions = new HashMap<>();
			modules.forEach(m -> revisions.put(m.id(), m.cacherev()));
			// A watched module is read again when its cache revision moved (or cannot be known, or its baseline waits).
			List<Long> changed = modules.stream()
				.filter(m -> mirror.watched().containsKey(m.id()))
				.filter(m -> mirror.watched().get(m.id()).pending() || m.cacherev() == null
						|| !m.cacherev().equals(mirror.watched().get(m.id()).cacherev()))
				.map(Course::id)
				.toList();
			Read read = new Read(categories, true, modules, modules.stream().map(Course::id).toList(), false, Set.of(), cursor,
					Set.of(), changed, revisions, mirror, why);
			return read(read);
		});
	}

	/** Only what the page of changes names; everything when it cannot be done by parts. */
	private Mono<MoodleSnapshot> since(Changes page, long cursor, Mirror mirror) {
		if (page.horizon() > cursor) {
			return full(page.latest(), mirror, List.of("Le journal des changements du plugin ne remonte plus jusqu’à la "
					+ "dernière synchronisation (changements purgés jusqu’au n° " + page.horizon() + ") : tout a été relu."));
		}
		if (page.more()) {
			return full(page.latest(), mirror, List.of());
		}
		if (page.changes().isEmpty()) {
			return Mono.just(MoodleSnapshot.unchanged(page.cursor()));
		}
		Set<Long> touched = new TreeSet<>();
		Set<Long> roles = new TreeSet<>();
		Set<Long> deleted = new TreeSet<>();
		Set<Long> content = new TreeSet<>();
		Set<Long> profiles = new TreeSet<>();
		boolean categoriesChanged = false;
		for (Change c : page.changes()) {
			switch (c.kind()) {
				case "course_created", "course_updated" -> touched.add(c.courseid());
				case "course_deleted" -> deleted.add(c.courseid());
				case "role_assigned", "role_unassigned" -> roles.add(c.courseid());
				case "category_created", "category_updated", "category_deleted" -> categoriesChanged = true;
				case "course_module_created", "course_module_updated", "course_module_deleted" -> content.add(c.courseid());
				// Only a vacataire's profile matters; anyone else's (a learner's, with a plugin that still records them) is
				// none of the service's business.
				case "user_updated" -> {
					if (mirror.vacataires().contains(c.userid())) {
						profiles.add(c.userid());
					}
				}
				case "user_deleted" -> {
					if (mirror.vacataires().contains(c.userid())) {
						return full(page.latest(), mirror, List.of());
					}
				}
				default -> {
					return full(page.latest(), mirror, List.of());
				}
			}
		}
		touched.removeAll(deleted);
		roles.removeAll(deleted);
		roles.retainAll(mirror.modules().keySet());
		content.removeAll(deleted);
		content.retainAll(mirror.watched().keySet());
		mirror.watched().forEach((course, watch) -> {
			if (watch.pending() && mirror.modules().containsKey(course)) {
				content.add(course);
			}
		});
		deleted.retainAll(known(mirror));
		Mono<Optional<List<Category>>> categories = categoriesChanged ? categories().map(all -> Optional.of(eadCategories(all)))
				: Mono.just(Optional.empty());
		boolean readCategories = categoriesChanged;
		return categories.flatMap(fresh -> {
			Set<Long> ead = new TreeSet<>(mirror.categories().keySet());
			Set<Long> arrived = new TreeSet<>();
			Set<Long> shownOrHidden = new TreeSet<>();
			if (fresh.isPresent()) {
				ead.clear();
				fresh.get().forEach(c -> ead.add(c.id()));
				// The modules of a category that left the EAD's tree leave the catalogue with it.
				mirror.modules().forEach((course, category) -> {
					if (!ead.contains(category)) {
						deleted.add(course);
					}
				});
				fresh.get().stream().filter(c -> !mirror.categories().containsKey(c.id())).forEach(c -> arrived.add(c.id()));
				// Hiding or showing a category changes its courses' visibility with no event of their own
				// (core_course_category::hide_raw): the courses under it are read again.
				fresh.get().stream()
					.filter(c -> mirror.categories().containsKey(c.id()) && !mirror.categories().get(c.id()).equals(c.visible()))
					.forEach(c -> fresh.get().stream().filter(below -> below.isUnder(c.id())).forEach(below -> shownOrHidden.add(below.id())));
			}
			Mono<List<Course>> listing = arrived.isEmpty() && shownOrHidden.isEmpty()
					? (touched.isEmpty() ? Mono.just(List.of()) : coursesByIds(touched))
					// A category that came into the EAD's tree brings its courses, one hidden or shown changes theirs: list
					// every course once.
					: moodle.courses().map(all -> all.stream()
						.filter(c -> touched.contains(c.id()) || arrived.contains(c.categoryid()) || shownOrHidden.contains(c.categoryid()))
						.toList());
			return listing.flatMap(courses -> {
				List<Course> modules = courses.stream().filter(c -> !c.isSiteCourse() && ead.contains(c.categoryid())).toList();
				Set<Long> inEad = new TreeSet<>(modules.stream().map(Course::id).toList());
				// A known course moved out of the EAD's categories, or gone, leaves the catalogue.
				touched.stream().filter(id -> known(mirror).contains(id) && !inEad.contains(id)).forEach(deleted::add);
				courses.stream().map(Course::id).filter(id -> !inEad.contains(id) && known(mirror).contains(id)).forEach(deleted::add);
				deleted.removeAll(inEad);
				roles.removeAll(deleted);
				content.removeAll(deleted);
				// Enrolments: of the courses whose roles changed, and of those created, updated or arrived; a course whose
				// category was only hidden or shown keeps its links and counts.
				Set<Long> enrolments = new TreeSet<>(roles);
				modules.stream()
					.filter(m -> touched.contains(m.id()) || arrived.contains(m.categoryid()) || !mirror.modules().containsKey(m.id()))
					.forEach(m -> enrolments.add(m.id()));
				Map<Long, Long> revisions = new HashMap<>();
				modules.forEach(m -> revisions.put(m.id(), m.cacherev()));
				Read read = new Read(fresh.orElse(List.of()), readCategories, modules, List.copyOf(enrolments), true, deleted,
						page.cursor(), profiles, List.copyOf(content), revisions, mirror, List.of());
				return read(read);
			});
		});
	}

	/**
	 * These courses. Moodle 5.1 answers {@code field=ids} with a PHP Error (no errorcode) when one of them was deleted
	 * meanwhile ({@code util::validate_courses}): then every course is listed once, and these kept.
	 */
	private Mono<List<Course>> coursesByIds(Set<Long> ids) {
		return moodle.courses(List.copyOf(ids))
			.onErrorResume(e -> e instanceof MoodleException.Permanent p && "phperror".equals(p.errorcode()),
					e -> moodle.courses().map(all -> all.stream().filter(c -> ids.contains(c.id())).toList()));
	}

	private static Set<Long> known(Mirror mirror) {
		Set<Long> all = new HashSet<>(mirror.modules().keySet());
		all.addAll(mirror.archived());
		return all;
	}

	/**
	 * What one run reads once it knows the courses.
	 *
	 * @param enrolments the courses whose staff and learners to read
	 * @param profiles vacataires whose identity to read again (their profile changed)
	 * @param contents the watched courses whose activities to read
	 * @param revisions course id → its cache revision as listed ({@literal null}: not known)
	 */
	private record Read(List<Category> categories, boolean categoriesComplete, List<Course> modules, List<Long> enrolments,
			boolean partial, Set<Long> deleted, @Nullable Long cursor, Set<Long> profiles, List<Long> contents,
			Map<Long, Long> revisions, Mirror mirror, List<String> warnings) {
	}

	/** Enrolments, then the identities they call for; the contents of the changed watched modules alongside. */
	private Mono<MoodleSnapshot> read(Read read) {
		Accumulator acc = new Accumulator(read);
		return Mono.when(readEnrolments(read.enrolments(), acc).then(Mono.defer(() -> readIdentities(read, acc))),
				readContents(read, acc))
			.then(Mono.fromSupplier(acc::snapshot));
	}

	private Mono<SiteInfo> checkFunctions(SiteInfo info) {
		List<String> missing = REQUIRED_FUNCTIONS.stream().filter(f -> !info.functions().contains(f)).toList();
		if (missing.isEmpty()) {
			return Mono.just(info);
		}
		return Mono.error(new MoodleException.Permanent("core_webservice_get_site_info", "missingfunction",
				Counted.word(missing.size(), "Fonction Moodle absente", "Fonctions Moodle absentes") + " du service externe du jeton : " + String.join(", ", missing)
						+ ". Ajoutez-les dans Administration du site > Serveur > Services web > Services externes > le service > "
						+ "Functions (Add functions)."));
	}

	/**
	 * Every category the token sees, each with its visibility: Moodle 5.1 gives {@code visible} only to holders of
	 * {@code moodle/category:manage}; without it, one more call lists the hidden ones (criterion {@code visible = 0},
	 * which needs only {@code moodle/category:viewhiddencategories}).
	 */
	private Mono<List<Category>> categories() {
		return moodle.categories().flatMap(all -> {
			if (all.stream().allMatch(c -> c.visible() != null)) {
				return Mono.just(all);
			}
			return moodle.hiddenCategoryIds()
				.map(hidden -> all.stream().map(c -> c.visible() != null ? c : c.withVisible(!hidden.contains(c.id()))).toList());
		});
	}

	private List<Category> eadCategories(List<Category> all) {
		List<Long> roots = settings.categoryRoots();
		return all.stream().filter(c -> roots.isEmpty() || roots.stream().anyMatch(c::isUnder)).toList();
	}

	private static List<Course> eadModules(List<Category> categories, List<Course> courses) {
		Set<Long> categoryIds = new HashSet<>();
		categories.forEach(c -> categoryIds.add(c.id()));
		return courses.stream().filter(c -> !c.isSiteCourse() && categoryIds.contains(c.categoryid())).toList();
	}

	/** The enrolments of {@code ids} (authors and tutors; active learners counted), by batches. */
	private Mono<Void> readEnrolments(List<Long> ids, Accumulator acc) {
		int batch = Math.max(1, settings.enrolmentBatchSize());
		List<Request> requests = new ArrayList<>();
		for (int i = 0; i < ids.size(); i += batch) {
			List<Long> slice = ids.subList(i, Math.min(ids.size(), i + batch));
			requests.add(new Request(slice, true));
			requests.add(new Request(slice, false));
		}
		return Flux.fromIterable(requests)
			.flatMap(r -> readBatch(r, acc), Math.max(1, settings.maxInFlight()))
			.then();
	}

	/** One enrolment call: a batch of courses, for their staff or for their learners' count. */
	private record Request(List<Long> courseIds, boolean staff) {

		Request slice(int from, int to) {
			return new Request(courseIds.subList(from, to), staff);
		}
	}

	private Mono<Void> readBatch(Request request, Accumulator acc) {
		List<Long> courseIds = request.courseIds();
		Set<String> roles = new HashSet<>(settings.authorRoles());
		roles.addAll(settings.tutorRoles());
		Mono<Void> call = request.staff()
				? moodle.staff(courseIds, settings.staffCapability(), roles, settings.onlyActive()).doOnNext(acc::addStaff).then()
				: moodle.count(courseIds, settings.learnerCapability(), settings.onlyActive()).doOnNext(acc::addCounts).then();
		return call.onErrorResume(MoodleException.Permanent.class, e -> {
			if (!COURSE_SCOPED.contains(String.valueOf(e.errorcode()))) {
				return Mono.error(e);
			}
			if (courseIds.size() == 1) {
				acc.unreadable(courseIds.get(0), e.errorcode());
				return Mono.empty();
			}
			int half = courseIds.size() / 2;
			return readBatch(request.slice(0, half), acc).then(readBatch(request.slice(half, courseIds.size()), acc));
		});
	}

	/**
	 * The identity (names, e-mail, ID number) of the staff read that the service does not know yet, or of all of them
	 * in a full read, and of the vacataires whose profile changed: {@code core_user_get_users_by_field} by batches of
	 * {@code moodle.user-batch-size} ids.
	 */
	private Mono<Void> readIdentities(Read read, Accumulator acc) {
		Set<Long> wanted = new TreeSet<>(read.profiles());
		acc.staffIds().stream().filter(id -> !read.partial() || !read.mirror().vacataires().contains(id)).forEach(wanted::add);
		List<Long> ids = List.copyOf(wanted);
		int batch = Math.max(1, settings.userBatchSize());
		List<List<Long>> batches = new ArrayList<>();
		for (int i = 0; i < ids.size(); i += batch) {
			batches.add(ids.subList(i, Math.min(ids.size(), i + batch)));
		}
		return Flux.fromIterable(batches)
			.flatMap(b -> moodle.usersByIds(b).doOnNext(users -> acc.identities(b, users)), Math.max(1, settings.maxInFlight()))
			.then();
	}

	/**
	 * The activities of the watched modules whose content changed, at most {@code moodle.contents-per-run} of them (the
	 * others next time: their cache revision is not noted, so they stay « changed »).
	 */
	private Mono<Void> readContents(Read read, Accumulator acc) {
		List<Long> courses = read.contents();
		int limit = Math.max(0, settings.contentsPerRun());
		if (courses.size() > limit) {
			acc.warn(courses.size() + " modules suivis ont changé dans Moodle ; " + limit + " ont été relus, les autres le seront "
					+ "à la prochaine synchronisation (moodle.contents-per-run).");
		}
		return Flux.fromIterable(courses.subList(0, Math.min(limit, courses.size())))
			.flatMap(course -> moodle.contents(course)
				.doOnNext(activities -> acc.contents(course, new Contents(activities, read.revisions().get(course))))
				.onErrorResume(MoodleException.Permanent.class, e -> {
					if (!COURSE_SCOPED.contains(String.valueOf(e.errorcode()))) {
						return Mono.error(e);
					}
					acc.warn("Cours Moodle " + course + " : Moodle refuse d’en lister les activités (" + e.errorcode()
							+ ") ; elles restent telles que lues la dernière fois.");
					return Mono.empty();
				})
				.then(), Math.max(1, settings.maxInFlight()))
			.then();
	}

	/** Folds the answers as they arrive; several arrive at once, hence the locks. */
	private final class Accumulator {

		private final Read read;
		private final Map<Long, Course> modules = new LinkedHashMap<>();
		private final Map<Long, User> staff = new HashMap<>();
		private final Set<Long> identified = new HashSet<>();
		private final Map<Long, List<RoleLink>> roles = new HashMap<>();
		private final Map<Long, Integer> learnerCounts = new HashMap<>();
		private final Map<Long, Contents> contents = new HashMap<>();
		private final Set<Long> unread = new TreeSet<>();
		private final List<String> warnings = new ArrayList<>();

		Accumulator(Read read) {
			this.read = read;
			read.modules().forEach(m -> modules.put(m.id(), m));
			warnings.addAll(read.warnings());
		}

		synchronized void addStaff(List<CourseUsers> groups) {
			for (CourseUsers group : groups) {
				List<RoleLink> links = roles.computeIfAbsent(group.courseid(), c -> new ArrayList<>());
				for (User user : group.users()) {
					String authorRoles = matching(user.roles(), settings.authorRoles());
					String tutorRoles = matching(user.roles(), settings.tutorRoles());
					if (!authorRoles.isEmpty()) {
						links.add(new RoleLink(user.id(), "AUTHOR", authorRoles));
					}
					if (!tutorRoles.isEmpty()) {
						links.add(new RoleLink(user.id(), "TUTOR", tutorRoles));
					}
					staff.putIfAbsent(user.id(), user);
				}
			}
		}

		synchronized void addCounts(List<CourseCount> counts) {
			counts.forEach(c -> learnerCounts.put(c.courseid(), c.count()));
		}

		synchronized Set<Long> staffIds() {
			return Set.copyOf(staff.keySet());
		}

		/** What Moodle said of these users; those it left out (it hides them from the token) keep what the roles gave. */
		synchronized void identities(List<Long> asked, List<User> found) {
			Map<Long, User> byId = new HashMap<>();
			found.forEach(u -> byId.put(u.id(), u));
			for (Long id : asked) {
				User identity = byId.get(id);
				User known = staff.get(id);
				if (known != null) {
					staff.put(id, identity == null ? new User(id, known.username(), known.firstname(), known.lastname(),
							known.fullname(), null, null, known.roles()) : known.withIdentity(identity));
					identified.add(id);
				}
				else if (identity != null) {
					// A vacataire whose profile changed, read without their courses: their identity only.
					staff.put(id, identity);
					identified.add(id);
				}
			}
		}

		synchronized void contents(long course, Contents read) {
			contents.put(course, read);
		}

		synchronized void warn(String warning) {
			warnings.add(warning);
		}

		synchronized void unreadable(long courseId, String errorcode) {
			if (!unread.add(courseId)) {
				return;
			}
			Course course = modules.get(courseId);
			warnings.add("Module " + (course == null ? courseId : course.shortname() + " (cours Moodle " + courseId + ")")
					+ " : Moodle refuse d’en lister les inscriptions (" + errorcode
					+ ") ; ses auteurs, tuteurs et apprenants restent tels qu’enregistrés.");
		}

		synchronized MoodleSnapshot snapshot() {
			for (Long id : read.enrolments()) {
				if (!unread.contains(id)) {
					roles.computeIfAbsent(id, c -> new ArrayList<>());
					learnerCounts.putIfAbsent(id, 0);
				}
			}
			roles.keySet().removeAll(unread);
			learnerCounts.keySet().removeAll(unread);
			warnings.sort(Comparator.naturalOrder());
			return new MoodleSnapshot(read.categories(), read.categoriesComplete(), List.copyOf(modules.values()), Map.copyOf(staff),
					Set.copyOf(identified), Map.copyOf(roles), Map.copyOf(learnerCounts), Set.copyOf(unread), Map.copyOf(contents),
					Collections.unmodifiableList(new ArrayList<>(warnings)), read.partial(), Set.copyOf(read.deleted()), read.cursor());
		}

		private String matching(List<String> held, List<String> wanted) {
			return String.join(",", held.stream().filter(wanted::contains).sorted().distinct().toList());
		}
	}
}
