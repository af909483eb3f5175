package be.fwb.ead.moodle;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** Typed views of what Moodle answers. Text fields are already decoded ({@code &amp;} becomes {@code &}). */
public final class MoodleRecords {

	private MoodleRecords() {
	}

	/** {@code core_webservice_get_site_info}: who the token is, and which functions it may call. */
	public record SiteInfo(String sitename, String release, String version, long userid, List<String> functions) {
	}

	/**
	 * {@code core_course_get_categories}. {@code path} is like {@code /2/5/9}. {@code visible} is the category's own
	 * flag; Moodle 5.1 returns it only to holders of {@code moodle/category:manage}, so it is {@literal null} when absent
	 * (see {@link MoodleClient#hiddenCategoryIds()} for the way without that capability).
	 */
	public record Category(long id, String name, long parent, String path, int depth, int sortorder, @Nullable Boolean visible) {

		public boolean isUnder(long rootId) {
			return id == rootId || path.contains("/" + rootId + "/");
		}

		/** This category with its visibility known. */
		public Category withVisible(boolean shown) {
			return new Category(id, name, parent, path, depth, sortorder, shown);
		}
	}

	/**
	 * {@code core_course_get_courses_by_field}. {@code idnumber}, {@code timemodified} and {@code cacherev} come only with
	 * {@code moodle/course:update}. {@code cacherev} changes whenever the course's content changes, and also at every
	 * site-wide cache purge.
	 */
	public record Course(long id, String shortname, String fullname, long categoryid, @Nullable String idnumber,
			boolean visible, String format, @Nullable Long timemodified, @Nullable Long cacherev) {

		public Course(long id, String shortname, String fullname, long categoryid, @Nullable String idnumber, boolean visible,
				String format, @Nullable Long timemodified) {
			this(id, shortname, fullname, categoryid, idnumber, visible, format, timemodified, null);
		}

		public boolean isSiteCourse() {
			return "site".equals(format) || categoryid == 0;
		}
	}

	/**
	 * A staff user: from the enrolment call (names, roles in the course) and from {@code core_user_get_users_by_field}
	 * (e-mail and ID number, which the enrolment call never gives); absent optional fields are {@literal null}.
	 */
	public record User(long id, @Nullable String username, @Nullable String firstname, @Nullable String lastname,
			String fullname, @Nullable String email, @Nullable String idnumber, List<String> roles) {

		/** This user with the identity Moodle gave for them (names, e-mail, ID number), keeping their roles. */
		public User withIdentity(User identity) {
			return new User(id, identity.username() != null ? identity.username() : username,
					identity.firstname() != null ? identity.firstname() : firstname,
					identity.lastname() != null ? identity.lastname() : lastname, identity.fullname(), identity.email(),
					identity.idnumber(), roles);
		}
	}

	/** One (course, capability) group of {@code core_enrol_get_enrolled_users_with_capability}: staff only. */
	public record CourseUsers(long courseid, String capability, List<User> users) {
	}

	/** How many enrolled users of a course hold a capability: learners are counted, nothing of them is kept. */
	public record CourseCount(long courseid, String capability, int count) {
	}

	/**
	 * An activity of a course ({@code core_course_get_contents}): its course-module id, section number, type and name,
	 * and a fingerprint (SHA-256) of what an author changes in it (name, description, visibility, availability, dates,
	 * completion, its files' count, size and last modification). What a cache purge changes (icon URLs, the theme's
	 * revision) and what depends on the reader (completion state, {@code uservisible}) is left out.
	 */
	public record Activity(long cmid, int section, String modname, String name, String fingerprint) {
	}

	/** {@code core_competency_list_competency_frameworks}: a framework; {@code taxonomies} one term per depth. */
	public record Framework(long id, String shortname, String idnumber, @Nullable String description,
			int descriptionformat, @Nullable String scaleconfiguration, @Nullable String taxonomies, boolean visible,
			long timemodified) {
	}

	/** {@code core_competency_list_competencies}: a competency; {@code parentid} 0 at the top. */
	public record Competency(long id, String shortname, String idnumber, @Nullable String description,
			int descriptionformat, int sortorder, long parentid, @Nullable String ruletype, int ruleoutcome,
			@Nullable String ruleconfig, @Nullable String scaleconfiguration, long timemodified) {
	}

	/**
	 * A change of the plugin's feed (contract of issue 17): kind {@code role_assigned}, {@code role_unassigned},
	 * {@code course_created|updated|deleted}, {@code category_created|updated|deleted},
	 * {@code course_module_created|updated|deleted}, {@code user_updated|deleted}; {@code categoryid} for category kinds,
	 * {@code cmid} (with {@code courseid}) for course-module kinds, 0 otherwise.
	 */
	public record Change(long id, String kind, long courseid, long userid, long roleid, long categoryid, long cmid) {

		public Change(long id, String kind, long courseid, long userid, long roleid) {
			this(id, kind, courseid, userid, roleid, 0, 0);
		}
	}

	/**
	 * A page of the plugin's change feed: its changes, the cursor to ask from next, the latest readable change, whether
	 * more remain, and the horizon (the highest change id no longer available: a reader whose cursor is below it missed
	 * changes and must read everything).
	 */
	public record Changes(List<Change> changes, long cursor, long latest, boolean more, long horizon) {
	}
}
