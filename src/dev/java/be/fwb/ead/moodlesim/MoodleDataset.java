package be.fwb.ead.moodlesim;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What the simulated Moodle site holds: categories, courses, users, course-level role assignments, learner
 * enrolments (active, suspended or ended), the activities of each course and its cache revision, and the change log
 * of the plugin local_eadtutors. Thread-safe; tests change it between syncs to play what happens on a real site.
 */
public final class MoodleDataset {

	/** Moodle's site course id (SITEID). */
	public static final long SITE_COURSE_ID = 1;

	public record Category(long id, String name, long parent, String path, int depth, int sortorder, boolean visible) {
	}

	public record Course(long id, String shortname, String fullname, long categoryid, String idnumber, boolean visible,
			String format, long timecreated, long timemodified) {

		Course renamed(String newFullname, long now) {
			return new Course(id, shortname, newFullname, categoryid, idnumber, visible, format, timecreated, now);
		}
	}

	/** A Moodle user; {@code email} is {@literal null} when the site hides it from the sync user. */
	public record User(long id, String username, String firstname, String lastname, @Nullable String email,
			String idnumber) {

		String fullname() {
			return firstname + " " + lastname;
		}
	}

	/** A competency framework ({@code competency_framework}); {@code taxonomies} is one term per depth, comma-separated. */
	public record Framework(long id, String shortname, String idnumber, String description, String taxonomies,
			boolean visible, long timemodified) {
	}

	/** A competency ({@code competency}); {@code parentid} 0 at the top, {@code path} like {@code /0/12/34/}. */
	public record Competency(long id, long frameworkid, String shortname, String idnumber, String description,
			long parentid, String path, int sortorder, long timemodified) {
	}

	/**
	 * A change the plugin local_eadtutors records (its table local_eadtutors_change); {@code id} is the cursor. Kinds
	 * and fields as in /work/wt/CONTRACT-17.md: {@code categoryid} for category kinds, {@code cmid} (with
	 * {@code courseid}) for course-module kinds, 0 otherwise.
	 */
	public record Change(long id, String kind, long courseid, long userid, long roleid, long categoryid, long cmid,
			long timecreated) {
	}

	/**
	 * An activity of a course ({@code course_modules} and its instance), as {@code core_course_get_contents} shows it.
	 *
	 * @param section the section number it is in
	 * @param contentModified when its content (a page's text, a file) last changed: Moodle reports it only through the
	 *        module's files ({@code contentsinfo.lastmodified})
	 */
	public record Activity(long cmid, int section, String modname, long instance, String name, boolean visible,
			String description, long contentModified, int files, long filesize) {

		Activity edited(String newName, String newDescription, long now) {
			return new Activity(cmid, section, modname, instance, newName, visible, newDescription, now, files, filesize + 17);
		}
	}

	private final java.util.List<Change> changes = new java.util.ArrayList<>();
	/** Changes up to this id were purged by the plugin (by age, or deleted for privacy): they cannot be read any more. */
	private long horizon;
	/** Whether the plugin records every user's profile change (its versions before issue 17), learners' included. */
	private boolean everyUserUpdate;
	/** course id → user ids whose enrolment is suspended or ended (not returned with {@code onlyactive}). */
	private final Map<Long, Set<Long>> inactive = new HashMap<>();
	/** Learners by id: their names and e-mails are what the site would hand out; the service must keep none. */
	private final Map<Long, User> learnerUsers = new HashMap<>();
	/** course id → its activities, in course order. */
	private final Map<Long, List<Activity>> activities = new HashMap<>();
	/** course id → {@code course.cacherev}, bumped by every change of its content and by a site-wide cache purge. */
	private final Map<Long, Long> cacherevs = new HashMap<>();
	/** The theme's revision ({@code themerev}): in every icon URL, bumped by a cache purge. */
	private long themeRevision = 1_763_900_000L;

	private final Map<Long, Framework> frameworks = new LinkedHashMap<>();
	private final Map<Long, Competency> competencies = new LinkedHashMap<>();
	private final Map<Long, Category> categories = new LinkedHashMap<>();
	private final Map<Long, Course> courses = new LinkedHashMap<>();
	private final Map<Long, User> users = new LinkedHashMap<>();
	/** course id → user id → role shortnames assigned in the course context. */
	private final Map<Long, Map<Long, Set<String>>> roles = new HashMap<>();
	/** course id → ids of enrolled learners (role student). */
	private final Map<Long, long[]> learners = new HashMap<>();
	private long nextId = 100_000;

	synchronized void addCategory(Category category) {
		categories.put(category.id(), category);
	}

	/** A category created on the site (the plugin records {@code category_created}). */
	public synchronized void createCategory(Category category) {
		categories.put(category.id(), category);
		nextId = Math.max(nextId, category.id() + 1);
		change("category_created", 0, 0, 0, category.id(), 0);
	}

	public synchronized void addCourse(Course course) {
		boolean created = !courses.containsKey(course.id());
		courses.put(course.id(), course);
		nextId = Math.max(nextId, course.id() + 1);
		change(created ? "course_created" : "course_updated", course.id(), 0, 0, 0, 0);
	}

	public synchronized void addUser(User user) {
		users.put(user.id(), user);
		nextId = Math.max(nextId, user.id() + 1);
	}

	public synchronized void assignRole(long courseId, long userId, String shortname) {
		if (roles.computeIfAbsent(courseId, c -> new LinkedHashMap<>()).computeIfAbsent(userId, u -> new LinkedHashSet<>())
			.add(shortname)) {
			change("role_assigned", courseId, userId, SimulatedMoodle.roleId(shortname), 0, 0);
		}
	}

	public synchronized void unassignRole(long courseId, long userId, String shortname) {
		Map<Long, Set<String>> byUser = roles.getOrDefault(courseId, Map.of());
		Set<String> held = byUser.get(userId);
		if (held != null && held.contains(shortname)) {
			change("role_unassigned", courseId, userId, SimulatedMoodle.roleId(shortname), 0, 0);
			held.remove(shortname);
			if (held.isEmpty()) {
				byUser.remove(userId);
			}
		}
	}

	synchronized void enrolLearners(long courseId, long[] learnerIds) {
		learners.put(courseId, learnerIds);
	}

	public synchronized void renameCourse(long courseId, String fullname, long now) {
		if (courses.computeIfPresent(courseId, (id, c) -> c.renamed(fullname, now)) != null) {
			bumpCacherev(courseId);
			change("course_updated", courseId, 0, 0, 0, 0);
		}
	}

	/** The course moves to another category (in Moodle: *Edit settings*, or *Move* in the course management). */
	public synchronized void moveCourse(long courseId, long categoryId) {
		Course c = courses.get(courseId);
		if (c != null) {
			courses.put(courseId, new Course(c.id(), c.shortname(), c.fullname(), categoryId, c.idnumber(), c.visible(),
					c.format(), c.timecreated(), c.timemodified()));
			bumpCacherev(courseId);
			change("course_updated", courseId, 0, 0, 0, 0);
		}
	}

	public synchronized void deleteCourse(long courseId) {
		courses.remove(courseId);
		roles.remove(courseId);
		learners.remove(courseId);
		activities.remove(courseId);
		change("course_deleted", courseId, 0, 0, 0, 0);
	}

	/**
	 * A user's profile changed (names, e-mail…). The plugin records it only for users who hold a staff role in a course
	 * (since issue 17), or for everyone after {@link #recordEveryUserUpdate()}.
	 */
	public synchronized void updateUser(User user) {
		users.put(user.id(), user);
		boolean staff = roles.values().stream().anyMatch(byUser -> byUser.containsKey(user.id()));
		if (staff || everyUserUpdate) {
			change("user_updated", 0, user.id(), 0, 0, 0);
		}
	}

	/** A learner changed their profile (their city, say): the plugin records nothing, unless it records every user. */
	public synchronized void updateLearner(long learnerId) {
		if (everyUserUpdate && learnerUsers.containsKey(learnerId)) {
			change("user_updated", 0, learnerId, 0, 0, 0);
		}
	}

	/** Plays a plugin of before issue 17, which recorded every {@code user_updated}, learners' included. */
	public synchronized void recordEveryUserUpdate() {
		everyUserUpdate = true;
	}

	private void change(String kind, long courseId, long userId, long roleId, long categoryId, long cmid) {
		changes.add(new Change(changes.size() + 1L, kind, courseId, userId, roleId, categoryId, cmid,
				java.time.Instant.now().getEpochSecond()));
	}

	/** Up to {@code limit} changes after the cursor that are still kept (after the horizon), oldest first. */
	public synchronized java.util.List<Change> changesSince(long cursor, int limit) {
		return changes.stream().filter(c -> c.id() > cursor && c.id() > horizon).limit(Math.max(0, limit)).toList();
	}

	/** The plugin purges its changes up to {@code id} (by age, or for privacy): they are gone, the horizon says so. */
	public synchronized void purgeChangesUpTo(long id) {
		horizon = Math.max(horizon, Math.min(id, changes.size()));
	}

	/** The highest change id no longer available; 0 when nothing was ever purged. */
	public synchronized long horizon() {
		return horizon;
	}

	// ---- categories --------------------------------------------------------------------------------------------

	/** A category renamed (*Edit* in the course and category management). */
	public synchronized void renameCategory(long id, String name) {
		Category c = categories.get(id);
		if (c != null) {
			categories.put(id, new Category(id, name, c.parent(), c.path(), c.depth(), c.sortorder(), c.visible()));
			change("category_updated", 0, 0, 0, id, 0);
		}
	}

	/**
	 * A category hidden or shown (the eye icon), as {@code core_course_category::hide_raw} / {@code show_raw} do: the
	 * category, its subcategories and their courses are hidden, each keeping what it was ({@code visibleold}), and shown
	 * again as they were; one event only, for that category.
	 */
	public synchronized void setCategoryVisible(long id, boolean visible) {
		Category c = categories.get(id);
		if (c == null) {
			return;
		}
		for (Category below : List.copyOf(categories.values())) {
			if (below.id() == id || below.path().startsWith(c.path() + "/")) {
				boolean own = below.id() == id ? visible : remembered("cat" + below.id(), below.visible(), visible);
				categories.put(below.id(), new Category(below.id(), below.name(), below.parent(), below.path(), below.depth(),
						below.sortorder(), own));
				for (Course course : List.copyOf(courses.values())) {
					if (course.categoryid() == below.id()) {
						courses.put(course.id(), new Course(course.id(), course.shortname(), course.fullname(), course.categoryid(),
								course.idnumber(), remembered("course" + course.id(), course.visible(), visible), course.format(),
								course.timecreated(), course.timemodified()));
					}
				}
			}
		}
		change("category_updated", 0, 0, 0, id, 0);
	}

	/** Hiding: keeps what it was and hides it; showing: gives back what it was before. */
	private boolean remembered(String key, boolean now, boolean show) {
		if (show) {
			Boolean before = visibleOld.remove(key);
			return before == null || before;
		}
		visibleOld.putIfAbsent(key, now);
		return false;
	}

	/** What a category or course was before a category above it was hidden ({@code visibleold}): "cat12", "course100". */
	private final Map<String, Boolean> visibleOld = new HashMap<>();

	/** A category moved under another one (0: to the top), its whole subtree's paths and depths following. */
	public synchronized void moveCategory(long id, long newParent) {
		Category moved = categories.get(id);
		Category parent = categories.get(newParent);
		if (moved == null) {
			return;
		}
		String oldPath = moved.path();
		String newPath = (parent == null ? "" : parent.path()) + "/" + id;
		int shift = (parent == null ? 1 : parent.depth() + 1) - moved.depth();
		for (Category c : List.copyOf(categories.values())) {
			if (c.id() == id || c.path().startsWith(oldPath + "/")) {
				categories.put(c.id(), new Category(c.id(), c.name(), c.id() == id ? newParent : c.parent(),
						newPath + c.path().substring(oldPath.length()), c.depth() + shift, c.sortorder(), c.visible()));
			}
		}
		change("category_updated", 0, 0, 0, id, 0);
	}

	// ---- enrolments --------------------------------------------------------------------------------------------

	/** The user's enrolment in the course is suspended, or its end date passed: Moodle keeps it, inactive. */
	public synchronized void deactivateEnrolment(long courseId, long userId) {
		inactive.computeIfAbsent(courseId, c -> new java.util.HashSet<>()).add(userId);
	}

	/** Whether the user's enrolment in the course is active (not suspended, not ended). */
	public synchronized boolean activeIn(long courseId, long userId) {
		return !inactive.getOrDefault(courseId, Set.of()).contains(userId);
	}

	/** The learners of the course whose enrolment is active. */
	public synchronized long[] activeLearners(long courseId) {
		Set<Long> off = inactive.getOrDefault(courseId, Set.of());
		return java.util.Arrays.stream(learners.getOrDefault(courseId, new long[0])).filter(id -> !off.contains(id)).toArray();
	}

	synchronized void addLearner(User learner) {
		learnerUsers.put(learner.id(), learner);
	}

	/** A learner's account (names, e-mail) as the site holds it; {@literal null} for an unknown id. */
	public synchronized @Nullable User learner(long id) {
		return learnerUsers.get(id);
	}

	/** Every learner account of the site. */
	public synchronized Collection<User> learnerAccounts() {
		return List.copyOf(learnerUsers.values());
	}

	// ---- course content ----------------------------------------------------------------------------------------

	synchronized void setActivities(long courseId, List<Activity> list) {
		activities.put(courseId, new ArrayList<>(list));
	}

	/** The activities of the course, in course order. */
	public synchronized List<Activity> activities(long courseId) {
		return List.copyOf(activities.getOrDefault(courseId, List.of()));
	}

	/**
	 * An author edits an activity (its settings form: {@code update_moduleinfo()}): its name, description and content
	 * change; Moodle fires {@code course_module_updated} and bumps the course's {@code cacherev}, but leaves
	 * {@code course.timemodified} alone.
	 */
	public synchronized void editActivity(long courseId, long cmid, String name, long now) {
		List<Activity> list = activities.get(courseId);
		if (list == null) {
			return;
		}
		for (int i = 0; i < list.size(); i++) {
			Activity a = list.get(i);
			if (a.cmid() == cmid) {
				list.set(i, a.edited(name, a.description() + "<p>Mis à jour.</p>", now));
				bumpCacherev(courseId);
				change("course_module_updated", courseId, 0, 0, 0, cmid);
			}
		}
	}

	/** An author adds an activity at the end of a section. */
	public synchronized Activity addActivity(long courseId, int section, String modname, String name, long now) {
		Activity a = new Activity(newId(), section, modname, newId(), name, true, "", now, "page".equals(modname) ? 1 : 0, 1_024);
		activities.computeIfAbsent(courseId, c -> new ArrayList<>()).add(a);
		bumpCacherev(courseId);
		change("course_module_created", courseId, 0, 0, 0, a.cmid());
		return a;
	}

	/** An author deletes an activity. */
	public synchronized void deleteActivity(long courseId, long cmid) {
		List<Activity> list = activities.get(courseId);
		if (list != null && list.removeIf(a -> a.cmid() == cmid)) {
			bumpCacherev(courseId);
			change("course_module_deleted", courseId, 0, 0, 0, cmid);
		}
	}

	/** {@code course.cacherev}: when nothing bumped it, the course's last modification. */
	public synchronized long cacherev(long courseId) {
		Course c = courses.get(courseId);
		return cacherevs.getOrDefault(courseId, c == null ? 0 : c.timemodified());
	}

	private void bumpCacherev(long courseId) {
		cacherevs.put(courseId, Math.max(cacherev(courseId) + 1, java.time.Instant.now().getEpochSecond()));
	}

	/**
	 * *Purge all caches* (or an upgrade): {@code purge_other_caches()} bumps every course's {@code cacherev}, and the
	 * theme revision changes every icon URL; no content changed, and the plugin records nothing.
	 */
	public synchronized void purgeCaches() {
		for (Long id : courses.keySet()) {
			cacherevs.put(id, cacherev(id) + 1);
		}
		themeRevision++;
	}

	/** The theme's revision, in the URLs of icons. */
	public synchronized long themeRevision() {
		return themeRevision;
	}

	/** The latest change's cursor (0 when none). */
	public synchronized long latestChange() {
		return changes.size();
	}

	public synchronized void addFramework(Framework framework) {
		frameworks.put(framework.id(), framework);
	}

	/** Adds a competency under {@code parentid} (0: at the top), its path and sort order computed as Moodle does. */
	public synchronized Competency addCompetency(long frameworkid, long parentid, String idnumber, String shortname,
			String description, long now) {
		Competency parent = competencies.get(parentid);
		String path = parent == null ? "/0/" : parent.path() + parent.id() + "/";
		int sortorder = (int) competencies.values().stream()
			.filter(c -> c.frameworkid() == frameworkid && c.parentid() == parentid)
			.count();
		Competency c = new Competency(newId(), frameworkid, shortname, idnumber, description, parentid, path, sortorder, now);
		competencies.put(c.id(), c);
		return c;
	}

	public synchronized void rewordCompetency(long id, String shortname, long now) {
		competencies.computeIfPresent(id, (k, c) -> new Competency(c.id(), c.frameworkid(), shortname, c.idnumber(),
				c.description(), c.parentid(), c.path(), c.sortorder(), now));
	}

	public synchronized List<Framework> frameworks() {
		return List.copyOf(frameworks.values());
	}

	public synchronized List<Competency> competencies() {
		return List.copyOf(competencies.values());
	}

	public synchronized long newId() {
		return nextId++;
	}

	public synchronized List<Category> categories() {
		return List.copyOf(categories.values());
	}

	public synchronized List<Course> courses() {
		return List.copyOf(courses.values());
	}

	public synchronized @Nullable Course course(long id) {
		return courses.get(id);
	}

	public synchronized @Nullable User user(long id) {
		return users.get(id);
	}

	public synchronized Collection<User> users() {
		return List.copyOf(users.values());
	}

	/** user id → role shortnames held in the course (a copy). */
	public synchronized Map<Long, Set<String>> roles(long courseId) {
		Map<Long, Set<String>> copy = new LinkedHashMap<>();
		roles.getOrDefault(courseId, Map.of()).forEach((u, r) -> copy.put(u, Set.copyOf(r)));
		return copy;
	}

	public synchronized long[] learners(long courseId) {
		return learners.getOrDefault(courseId, new long[0]).clone();
	}

	public synchronized @Nullable Category category(long id) {
		return categories.get(id);
	}

	/** Courses under a category subtree, the site course excluded. */
	public synchronized List<Course> coursesUnder(long rootCategoryId) {
		List<Course> out = new ArrayList<>();
		for (Course c : courses.values()) {
			Category cat = categories.get(c.categoryid());
			if (cat != null && (cat.id() == rootCategoryId || cat.path().contains("/" + rootCategoryId + "/"))) {
				out.add(c);
			}
		}
		return out;
	}

	public synchronized int enrolmentCount() {
		return learners.values().stream().mapToInt(a -> a.length).sum();
	}
}
