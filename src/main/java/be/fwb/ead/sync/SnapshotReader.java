package be.fwb.ead.sync;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import be.fwb.ead.moodle.MoodleClient;
import be.fwb.ead.moodle.MoodleException;
import be.fwb.ead.moodle.MoodleRecords.Category;
import be.fwb.ead.moodle.MoodleRecords.Change;
import be.fwb.ead.moodle.MoodleRecords.Changes;
import be.fwb.ead.moodle.MoodleRecords.Course;
import be.fwb.ead.moodle.MoodleRecords.CourseUsers;
import be.fwb.ead.moodle.MoodleRecords.SiteInfo;
import be.fwb.ead.moodle.MoodleRecords.User;
import be.fwb.ead.moodle.MoodleSettings;
import be.fwb.ead.sync.MoodleSnapshot.RoleLink;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads the EAD catalogue from Moodle in few round trips: site info (token and functions check), then categories and
 * courses in parallel, then, for batches of courses, authors and tutors (one call) and learner counts (another call,
 * ids only) through {@code core_enrol_get_enrolled_users_with_capability}. A batch that Moodle refuses for one course is bisected to
 * isolate that course, which is reported and left as it was.
 */
@Component
class SnapshotReader {

	static final List<String> REQUIRED_FUNCTIONS = List.of("core_webservice_get_site_info",
			"core_course_get_categories", "core_course_get_courses_by_field",
			"core_enrol_get_enrolled_users_with_capability");

	/** Errors that concern one course of a batch, not the whole call: worth bisecting. */
	private static final Set<String> COURSE_SCOPED = Set.of("requireloginerror", "invalidrecord",
			"errorcoursecontextnotvalid", "nopermissions", "restrictedcontextexception", "coursehidden");

	private static final String STAFF_FIELDS = "id,username,firstname,lastname,fullname,email,idnumber,roles";
	/** Learners are only counted: their ids are all that is asked for (GDPR: no learner data is read or kept). */
	private static final String LEARNER_FIELDS = "id";

	private final MoodleClient moodle;
	private final MoodleSettings settings;

	SnapshotReader(MoodleClient moodle, MoodleSettings settings) {
		this.moodle = moodle;
		this.settings = settings;
	}

	/** How many changes one incremental sync reads from the feed; beyond, it reads everything. */
	static final int FEED_PAGE = 1000;

	/** Everything: site info, categories and courses, then enrolments by batches. */
	Mono<MoodleSnapshot> read() {
		return read(SyncMode.FULL, null, Set.of());
	}

	/**
	 * An incremental sync with the plugin's change feed in the token's service and a cursor reads only what changed
	 * since the cursor (nothing changed: two calls; a tutor added: four); otherwise, or when the changes are too many or
	 * concern users' profiles, it reads everything. A full read with the feed available notes the feed's cursor first,
	 * so that what changes during the read is read again next time.
	 *
	 * @param known the Moodle course ids of the modules already stored (role changes elsewhere are not the EAD's)
	 */
	Mono<MoodleSnapshot> read(SyncMode mode, @Nullable Long cursor, Set<Long> known) {
		return moodle.siteInfo().flatMap(this::checkFunctions).flatMap(info -> {
			if (!info.functions().contains(MoodleClient.CHANGE_FEED)) {
				return full(null);
			}
			if (mode == SyncMode.INCREMENTAL && cursor != null) {
				return moodle.changes(cursor, FEED_PAGE).flatMap(page -> since(page, known));
			}
			return moodle.changes(0, 0).flatMap(head -> full(head.latest()));
		});
	}

	private Mono<MoodleSnapshot> full(@Nullable Long cursor) {
		return Mono.zip(moodle.categories(), moodle.courses()).flatMap(listing -> {
			List<Course> modules = eadModules(eadCategories(listing.getT1()), listing.getT2());
			return readEnrolments(eadCategories(listing.getT1()), modules, modules.stream().map(Course::id).toList(), false,
					Set.of(), cursor);
		});
	}

	/** Only what the page of changes names; everything when it cannot be done by parts. */
	private Mono<MoodleSnapshot> since(Changes page, Set<Long> known) {
		if (page.more() || page.changes().stream().anyMatch(c -> c.kind().startsWith("user_"))) {
			return full(page.latest());
		}
		if (page.changes().isEmpty()) {
			return Mono.just(MoodleSnapshot.unchanged(page.cursor()));
		}
		Set<Long> touched = new TreeSet<>();
		Set<Long> roles = new TreeSet<>();
		Set<Long> deleted = new TreeSet<>();
		for (Change c : page.changes()) {
			switch (c.kind()) {
				case "course_created", "course_updated" -> touched.add(c.courseid());
				case "course_deleted" -> deleted.add(c.courseid());
				case "role_assigned", "role_unassigned" -> roles.add(c.courseid());
				default -> {
					return full(page.latest());
				}
			}
		}
		touched.removeAll(deleted);
		roles.removeAll(deleted);
		roles.retainAll(known);
		deleted.retainAll(known);
		if (touched.isEmpty()) {
			return readEnrolments(List.of(), List.of(), List.copyOf(roles), true, deleted, page.cursor());
		}
		return Mono.zip(moodle.categories(), moodle.courses(List.copyOf(touched))).flatMap(listing -> {
			List<Category> categories = eadCategories(listing.getT1());
			List<Course> modules = eadModules(categories, listing.getT2());
			Set<Long> ead = new TreeSet<>(modules.stream().map(Course::id).toList());
			// A known course moved out of the EAD's categories, or gone, leaves the catalogue.
			touched.stream().filter(id -> known.contains(id) && !ead.contains(id)).forEach(deleted::add);
			Set<Long> read = new TreeSet<>(roles);
			read.addAll(ead);
			return readEnrolments(categories, modules, List.copyOf(read), true, deleted, page.cursor());
		});
	}

	private Mono<SiteInfo> checkFunctions(SiteInfo info) {
		List<String> missing = REQUIRED_FUNCTIONS.stream().filter(f -> !info.functions().contains(f)).toList();
		if (missing.isEmpty()) {
			return Mono.just(info);
		}
		return Mono.error(new MoodleException.Permanent("core_webservice_get_site_info", "missingfunction",
				"Fonction(s) Moodle absente(s) du service externe du jeton : " + String.join(", ", missing)
						+ ". Ajoutez-les dans Administration du site > Serveur > Services web > Services externes."));
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

	/** The enrolments of {@code ids} (authors, tutors; learners counted), by batches, into a snapshot. */
	private Mono<MoodleSnapshot> readEnrolments(List<Category> categories, List<Course> modules, List<Long> ids, boolean partial,
			Set<Long> deleted, @Nullable Long cursor) {
		Accumulator acc = new Accumulator(modules, ids);
		int batch = Math.max(1, settings.enrolmentBatchSize());
		List<Request> requests = new ArrayList<>();
		for (int i = 0; i < ids.size(); i += batch) {
			List<Long> slice = ids.subList(i, Math.min(ids.size(), i + batch));
			requests.add(new Request(slice, settings.staffCapability(), STAFF_FIELDS));
			requests.add(new Request(slice, settings.learnerCapability(), LEARNER_FIELDS));
		}
		return Flux.fromIterable(requests)
			.flatMap(r -> readBatch(r, acc), Math.max(1, settings.maxInFlight()))
			.doOnNext(acc::add)
			.then(Mono.fromSupplier(() -> acc.snapshot(categories, partial, deleted, cursor)));
	}

	/** One enrolment call: a batch of courses, one capability, the user fields wanted. */
	private record Request(List<Long> courseIds, String capability, String userfields) {

		Request slice(int from, int to) {
			return new Request(courseIds.subList(from, to), capability, userfields);
		}
	}

	private Flux<CourseUsers> readBatch(Request request, Accumulator acc) {
		List<Long> courseIds = request.courseIds();
		return moodle.usersWithCapabilities(courseIds, List.of(request.capability()), request.userfields())
			.flatMapIterable(groups -> groups)
			.onErrorResume(MoodleException.Permanent.class, e -> {
				if (!COURSE_SCOPED.contains(String.valueOf(e.errorcode()))) {
					return Flux.error(e);
				}
				if (courseIds.size() == 1) {
					acc.unreadable(courseIds.get(0), e.errorcode());
					return Flux.empty();
				}
				int half = courseIds.size() / 2;
				return Flux.concat(readBatch(request.slice(0, half), acc),
						readBatch(request.slice(half, courseIds.size()), acc));
			});
	}

	/** Folds the batches as they arrive; Reactor delivers them one at a time. */
	private final class Accumulator {

		private final Map<Long, Course> modules = new LinkedHashMap<>();
		/** The courses whose enrolments are read. */
		private final List<Long> read;
		private final Map<Long, User> staff = new HashMap<>();
		private final Map<Long, List<RoleLink>> roles = new HashMap<>();
		private final Map<Long, Integer> learnerCounts = new HashMap<>();
		private final Set<Long> unread = Collections.synchronizedSet(new TreeSet<>());
		private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());

		Accumulator(List<Course> modules, List<Long> read) {
			modules.forEach(m -> this.modules.put(m.id(), m));
			this.read = read;
		}

		void add(CourseUsers group) {
			if (group.capability().equals(settings.learnerCapability())) {
				learnerCounts.put(group.courseid(), group.users().size());
				return;
			}
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
				if (!authorRoles.isEmpty() || !tutorRoles.isEmpty()) {
					staff.put(user.id(), user);
				}
			}
		}

		void unreadable(long courseId, String errorcode) {
			if (!unread.add(courseId)) {
				return;
			}
			Course course = modules.get(courseId);
			warnings.add("Module " + (course == null ? courseId : course.shortname() + " (cours Moodle " + courseId + ")")
					+ " : Moodle refuse d'en lister les inscriptions (" + errorcode
					+ ") ; ses auteurs, tuteurs et apprenants restent tels qu'enregistrés.");
		}

		MoodleSnapshot snapshot(List<Category> categories, boolean partial, Set<Long> deleted, @Nullable Long cursor) {
			for (Long id : read) {
				if (!unread.contains(id)) {
					roles.computeIfAbsent(id, c -> new ArrayList<>());
					learnerCounts.putIfAbsent(id, 0);
				}
			}
			return new MoodleSnapshot(categories, List.copyOf(modules.values()), staff, roles, learnerCounts,
					Set.copyOf(unread), List.copyOf(warnings), partial, Set.copyOf(deleted), cursor);
		}

		private String matching(List<String> held, List<String> wanted) {
			return String.join(",", held.stream().filter(wanted::contains).sorted().distinct().toList());
		}
	}
}
