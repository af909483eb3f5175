package be.fwb.ead.vacataires;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A vacataire as the API shows it. Names and e-mail are the ones a coordinator entered, or else Moodle's.
 *
 * @param email {@literal null} when unknown (Moodle may hide it from the sync user)
 * @param modules the modules they hold in Moodle, with the role
 */
public record Vacataire(long id, @Nullable Long moodleUserId, String firstname, String lastname, @Nullable String email,
		@Nullable String idnumber, String status, List<ModuleRole> modules) {

	/** A role held on a module: {@code AUTHOR} (conception) or {@code TUTOR} (tutorat). */
	public record ModuleRole(long moduleId, String role, String shortname, String fullname, boolean archived) {
	}
}
