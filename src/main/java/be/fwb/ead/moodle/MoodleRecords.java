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

	/** {@code core_course_get_categories}. {@code path} is like {@code /2/5/9}. */
	public record Category(long id, String name, long parent, String path, int depth, int sortorder, boolean visible) {

		public boolean isUnder(long rootId) {
			return id == rootId || path.contains("/" + rootId + "/");
		}
	}

	/** {@code core_course_get_courses_by_field}. {@code timemodified} needs {@code moodle/course:update}. */
	public record Course(long id, String shortname, String fullname, long categoryid, @Nullable String idnumber,
			boolean visible, String format, @Nullable Long timemodified) {

		public boolean isSiteCourse() {
			return "site".equals(format) || categoryid == 0;
		}
	}

	/** A user as returned by the enrolment functions; absent optional fields are {@literal null}. */
	public record User(long id, @Nullable String username, @Nullable String firstname, @Nullable String lastname,
			String fullname, @Nullable String email, @Nullable String idnumber, List<String> roles) {
	}

	/** One (course, capability) group of {@code core_enrol_get_enrolled_users_with_capability}. */
	public record CourseUsers(long courseid, String capability, List<User> users) {
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

	/** A change of the plugin's feed: kind role_assigned, role_unassigned, course_created|updated|deleted, user_updated|deleted. */
	public record Change(long id, String kind, long courseid, long userid, long roleid) {
	}

	/** A page of the plugin's change feed: its changes, the cursor to ask from next, the latest, whether more remain. */
	public record Changes(List<Change> changes, long cursor, long latest, boolean more) {
	}
}
