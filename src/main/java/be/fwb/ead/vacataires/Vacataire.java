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

	/**
	 * "Last, First" as a list shows it; a person whose data were erased, « Anonymisé n° 199 » as everywhere else (the
	 * erasure leaves « Anonymisé » and « n° 199 » in place of the names, which the list's order would read as « n° 199,
	 * Anonymisé »).
	 */
	public String listedName() {
		if ("Anonymisé".equals(firstname) && ("n° " + id).equals(lastname)) {
			return firstname + " " + lastname;
		}
		return lastname + ", " + firstname;
	}

	/** A role held on a module: {@code AUTHOR} (conception) or {@code TUTOR} (tutorat). */
	public record ModuleRole(long moduleId, String role, String shortname, String fullname, boolean archived) {
	}
}
