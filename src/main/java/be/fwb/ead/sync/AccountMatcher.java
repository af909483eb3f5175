package be.fwb.ead.sync;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import be.fwb.ead.moodle.MoodleRecords.User;
import be.fwb.ead.vacataires.MoodleIdentities.Stored;
import org.jspecify.annotations.Nullable;

/**
 * Finds the vacataire a Moodle user is: the one linked to their Moodle user id; else, among those not yet linked (a
 * coordinator entered them by hand or imported them), the one with their ID number, then the one with their e-mail
 * (both compared trimmed and case-insensitively; what a coordinator entered wins over what Moodle said). An unlinked
 * vacataire is matched to one Moodle user only. Pure: built with {@code new} from the stored vacataires.
 */
final class AccountMatcher {

	private final Map<Long, Stored> byMoodleId = new HashMap<>();
	private final Map<String, Stored> byIdnumber = new HashMap<>();
	private final Map<String, Stored> byEmail = new HashMap<>();

	AccountMatcher(List<Stored> existing) {
		for (Stored v : existing) {
			if (v.moodleUserId() != null) {
				byMoodleId.put(v.moodleUserId(), v);
				continue;
			}
			String idnumber = v.idnumber() != null ? v.idnumber() : v.moodleIdnumber();
			if (idnumber != null && !idnumber.isBlank()) {
				byIdnumber.putIfAbsent(normal(idnumber), v);
			}
			String email = v.email() != null ? v.email() : v.moodleEmail();
			if (email != null && !email.isBlank()) {
				byEmail.putIfAbsent(normal(email), v);
			}
		}
	}

	/** The vacataire this Moodle user is; {@literal null}: none, a new one. */
	@Nullable Stored find(User u) {
		Stored v = byMoodleId.get(u.id());
		if (v == null && u.idnumber() != null) {
			v = take(byIdnumber.get(normal(u.idnumber())));
		}
		if (v == null && u.email() != null) {
			v = take(byEmail.get(normal(u.email())));
		}
		return v;
	}

	/** An unlinked vacataire can be linked to one Moodle user only. */
	private @Nullable Stored take(@Nullable Stored v) {
		if (v != null) {
			byIdnumber.values().remove(v);
			byEmail.values().remove(v);
		}
		return v;
	}

	private static String normal(String s) {
		return s.trim().toLowerCase(Locale.ROOT);
	}
}
