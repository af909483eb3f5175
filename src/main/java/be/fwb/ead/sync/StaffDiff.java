package be.fwb.ead.sync;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import be.fwb.ead.audit.Change;
import be.fwb.ead.moodle.MoodleRecords.User;
import be.fwb.ead.vacataires.MoodleIdentities.Match;
import be.fwb.ead.vacataires.MoodleIdentities.Stored;

/**
 * What a read of Moodle's staff changes in the vacataires: the users to create (no vacataire is them, by
 * {@link AccountMatcher}), and the vacataires whose Moodle identity to write — linked for the first time, or read again
 * and different. A linked vacataire whose identity was not read ({@code identified}) is left as it is: an incremental
 * read of their roles says nothing of it. Pure: it writes nothing.
 *
 * @param created the Moodle users to create as vacataires, by Moodle id
 * @param updated the vacataires matched whose Moodle identity to write, by Moodle id
 * @param linked how many of {@code updated} were not linked to Moodle before
 */
record StaffDiff(List<User> created, List<Match> updated, int linked) {

	static StaffDiff between(List<Stored> existing, Collection<User> staff, Set<Long> identified) {
		AccountMatcher matcher = new AccountMatcher(existing);
		List<User> created = new ArrayList<>();
		List<Match> updated = new ArrayList<>();
		int linked = 0;
		for (User u : staff.stream().sorted(Comparator.comparingLong(User::id)).toList()) {
			Stored match = matcher.find(u);
			if (match == null) {
				created.add(u);
			}
			else if (match.moodleUserId() != null && !identified.contains(u.id())) {
				continue;
			}
			else if (!match.sameMoodleIdentity(u)) {
				if (match.moodleUserId() == null) {
					linked++;
				}
				updated.add(new Match(match, u));
			}
		}
		return new StaffDiff(List.copyOf(created), List.copyOf(updated), linked);
	}

	/** The audit trail's lines: created, linked or updated (the Moodle identity before and after). */
	List<Change> changes() {
		List<Change> out = new ArrayList<>();
		created.forEach(u -> out.add(Change.of("moodle_user", u.id(), null, "created", "Vacataire ajouté depuis Moodle : "
				+ u.fullname()).withStates(null, identity(u))));
		updated.forEach(m -> out.add(Change.of("vacataire", m.stored().id(), m.stored().id(),
				m.stored().moodleUserId() == null ? "linked" : "updated", (m.stored().moodleUserId() == null
						? "Relié à l’utilisateur Moodle " + m.user().id() : "Identité Moodle mise à jour") + " : " + m.user().fullname())
			.withStates(stored(m.stored()), identity(m.user()))));
		return out;
	}

	private static Map<String, Object> identity(User u) {
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("moodleUserId", u.id());
		out.put("username", u.username());
		out.put("firstname", u.firstname());
		out.put("lastname", u.lastname());
		out.put("email", u.email());
		out.put("idnumber", u.idnumber());
		return out;
	}

	private static Map<String, Object> stored(Stored v) {
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("moodleUserId", v.moodleUserId());
		out.put("username", v.username());
		out.put("firstname", v.moodleFirstname());
		out.put("lastname", v.moodleLastname());
		out.put("email", v.moodleEmail());
		out.put("idnumber", v.moodleIdnumber());
		return out;
	}
}
