package be.fwb.ead.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import be.fwb.ead.audit.Change;
import be.fwb.ead.moodle.MoodleRecords.User;
import be.fwb.ead.vacataires.MoodleIdentities.Stored;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Matching Moodle's staff to the vacataires (by Moodle id, then ID number, then e-mail among those not linked) and
 * what a read changes in them, built with {@code new}: no database, no Moodle.
 */
class StaffDiffUnitTest {

	private final List<Stored> stored = new ArrayList<>();

	@Test
	void aUserIsMatchedByMoodleIdFirstThenByIdNumberThenByEmailAmongTheUnlinked() {
		Stored linked = linked(1, 501, "claire.dubois@ead.example");
		Stored byIdnumber = entered(2, "MAT-0042", null);
		Stored byEmail = entered(3, null, "Leon.Martin@EAD.example");
		AccountMatcher matcher = new AccountMatcher(List.of(linked, byIdnumber, byEmail));

		assertThat(matcher.find(user(501, "autre@ead.example", null))).isEqualTo(linked);
		assertThat(matcher.find(user(502, "leon.martin@ead.example", " mat-0042 "))).isEqualTo(byIdnumber);
		assertThat(matcher.find(user(503, "  leon.martin@ead.example", null))).isEqualTo(byEmail);
		assertThat(matcher.find(user(504, "inconnu@ead.example", "X-1"))).isNull();
	}

	@Test
	void aLinkedVacataireIsNeverMatchedByEmailAndAnUnlinkedOneOnlyOnce() {
		AccountMatcher matcher = new AccountMatcher(List.of(linked(1, 501, "claire.dubois@ead.example"),
				entered(2, null, "leon.martin@ead.example")));
		assertThat(matcher.find(user(600, "claire.dubois@ead.example", null))).isNull();
		assertThat(matcher.find(user(601, "leon.martin@ead.example", null))).isNotNull();
		assertThat(matcher.find(user(602, "leon.martin@ead.example", null))).isNull();
	}

	@Test
	void whatACoordinatorEnteredIsMatchedBeforeWhatMoodleOnceSaid() {
		Stored v = new Stored(4, null, null, null, null, "ancienne@ead.example", "OLD-1", null, null, "nouvelle@ead.example", "NEW-1");
		assertThat(new AccountMatcher(List.of(v)).find(user(700, "ancienne@ead.example", "OLD-1"))).isNull();
		assertThat(new AccountMatcher(List.of(v)).find(user(700, "nouvelle@ead.example", null))).isEqualTo(v);
		assertThat(new AccountMatcher(List.of(v)).find(user(700, null, "new-1"))).isEqualTo(v);
	}

	@Test
	void aReadCreatesTheUnknownLinksTheEnteredAndUpdatesOnlyTheIdentitiesItReadThatDiffer() {
		stored.add(linked(1, 501, "claire.dubois@ead.example"));
		stored.add(linked(2, 502, "marc.leroy@ead.example"));
		stored.add(linked(5, 505, "ines.vandamme@ead.example"));
		stored.add(entered(3, null, "leon.martin@ead.example"));
		List<User> staff = List.of(user(503, "leon.martin@ead.example", null), user(501, "claire.dubois@ead.example", null),
				user(502, "marc.leroy@ecole.example", null), user(505, "ines.nouvelle@ead.example", null),
				user(504, "nouveau@ead.example", null));

		// 505's identity was not read (an incremental read of their roles only): left as it is.
		StaffDiff diff = StaffDiff.between(stored, staff, Set.of(501L, 502L, 503L, 504L));

		assertThat(diff.created()).extracting(User::id).containsExactly(504L);
		assertThat(diff.updated()).extracting(m -> m.stored().id(), m -> m.user().id()).containsExactly(tuple(2L, 502L), tuple(3L, 503L));
		assertThat(diff.linked()).isEqualTo(1);
		assertThat(diff.changes()).extracting(Change::entity, Change::entityId, Change::action).containsExactly(
				tuple("moodle_user", 504L, "created"), tuple("vacataire", 2L, "updated"), tuple("vacataire", 3L, "linked"));
		assertThat(diff.changes().get(2).summary()).isEqualTo("Relié à l’utilisateur Moodle 503 : Prénom503 Nom503");
	}

	private static Stored linked(long id, long moodleId, String email) {
		return new Stored(id, moodleId, "u" + moodleId, "Prénom" + moodleId, "Nom" + moodleId, email, null, null, null, null, null);
	}

	private static Stored entered(long id, @Nullable String idnumber, @Nullable String email) {
		return new Stored(id, null, null, null, null, null, null, "Léon", "Martin", email, idnumber);
	}

	private static User user(long id, @Nullable String email, @Nullable String idnumber) {
		return new User(id, "u" + id, "Prénom" + id, "Nom" + id, "Prénom" + id + " Nom" + id, email, idnumber, List.of("editingteacher"));
	}
}
