package be.fwb.ead.vacataires;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A vacataire as the API shows it. Names and e-mail are the ones a coordinator entered, or else Moodle's.
 *
 * @param email {@literal null} when unknown (Moodle may hide it from the sync user)
 * @param moodleUrl their Moodle profile; {@literal null} when they have no Moodle account yet
 * @param modules the current modules they hold a role in, in Moodle, with the role
 * @param formerModules history: the roles they held in modules archived since (the course left Moodle or the EAD's
 *        categories); they no longer count among their modules
 */
public record Vacataire(long id, @Nullable Long moodleUserId, String firstname, String lastname, @Nullable String email,
		@Nullable String idnumber, String status, @Nullable String moodleUrl, List<ModuleRole> modules,
		List<ModuleRole> formerModules) {

	/** "First Last", or the id number when the names are unknown. */
	public String displayName() {
		String name = (firstname + " " + lastname).trim();
		return name.isEmpty() ? (idnumber == null ? "#" + id : idnumber) : name;
	}

	/** What an erasure (GDPR) writes in place of the first name; the last name becomes {@link #erasedLastname}. */
	public static final String ERASED_FIRSTNAME = "Anonymisé";

	/** What an erasure writes in place of the last name: « n° 199 ». */
	public static String erasedLastname(long id) {
		return "n° " + id;
	}

	/** "Last, First" as a list shows it; an erased person « Anonymisé n° 199 » as everywhere else. */
	public String listedName() {
		if (ERASED_FIRSTNAME.equals(firstname) && erasedLastname(id).equals(lastname)) {
			return firstname + " " + lastname;
		}
		return lastname + ", " + firstname;
	}

	/** A role held on a module: {@code AUTHOR} (conception) or {@code TUTOR} (tutorat). */
	public record ModuleRole(long moduleId, String role, String shortname, String fullname, boolean archived) {
	}
}
