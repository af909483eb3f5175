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
 * What the simulated Moodle site holds: categories, courses, users, course-level role assignments and learner
 * enrolments. Thread-safe; tests change it between syncs to play what happens on a real site.
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

	/** A change the plugin local_eadtutors records (its table local_eadtutors_change); {@code id} is the cursor. */
	public record Change(long id, String kind, long courseid, long userid, long roleid, long timecreated) {
	}

	private final java.util.List<Change> changes = new java.util.ArrayList<>();

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

	public synchronized void addCourse(Course course) {
		boolean created = !courses.containsKey(course.id());
		courses.put(course.id(), course);
		nextId = Math.max(nextId, course.id() + 1);
		change(created ? "course_created" : "course_updated", course.id(), 0, 0);
	}

	public synchronized void addUser(User user) {
		users.put(user.id(), user);
		nextId = Math.max(nextId, user.id() + 1);
	}

	public synchronized void assignRole(long courseId, long userId, String shortname) {
		if (roles.computeIfAbsent(courseId, c -> new LinkedHashMap<>()).computeIfAbsent(userId, u -> new LinkedHashSet<>())
			.add(shortname)) {
			change("role_assigned", courseId, userId, SimulatedMoodle.roleId(shortname));
		}
	}

	public synchronized void unassignRole(long courseId, long userId, String shortname) {
		Map<Long, Set<String>> byUser = roles.getOrDefault(courseId, Map.of());
		Set<String> held = byUser.get(userId);
		if (held != null && held.contains(shortname)) {
			change("role_unassigned", courseId, userId, SimulatedMoodle.roleId(shortname));
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
			change("course_updated", courseId, 0, 0);
		}
	}

	public synchronized void deleteCourse(long courseId) {
		courses.remove(courseId);
		roles.remove(courseId);
		learners.remove(courseId);
		change("course_deleted", courseId, 0, 0);
	}

	/** A user's profile changed (names, e-mail…). */
	public synchronized void updateUser(User user) {
		users.put(user.id(), user);
		change("user_updated", 0, user.id(), 0);
	}

	private void change(String kind, long courseId, long userId, long roleId) {
		changes.add(new Change(changes.size() + 1L, kind, courseId, userId, roleId, java.time.Instant.now().getEpochSecond()));
	}

	/** Up to {@code limit} changes after the cursor, oldest first. */
	public synchronized java.util.List<Change> changesSince(long cursor, int limit) {
		return changes.stream().filter(c -> c.id() > cursor).limit(Math.max(0, limit)).toList();
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
