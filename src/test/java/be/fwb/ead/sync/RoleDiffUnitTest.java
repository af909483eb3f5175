package be.fwb.ead.sync;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import be.fwb.ead.audit.Change;
import be.fwb.ead.sync.MoodleSnapshot.RoleLink;
import be.fwb.ead.sync.RoleDiff.Link;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** What a read of Moodle changes in the author and tutor links, built with {@code new}: no database, no Moodle. */
class RoleDiffUnitTest {

	/** Courses 101, 102, 103 are modules 1, 2, 3; Moodle users 501, 502 are vacataires 11, 12. */
	private static final Map<Long, Long> MODULES = Map.of(101L, 1L, 102L, 2L, 103L, 3L);
	private static final Map<Long, Long> VACATAIRES = Map.of(501L, 11L, 502L, 12L);

	@Test
	void aReadAddsTheNewLinksUpdatesTheirMoodleRolesAndRemovesTheGoneOnesOfTheModulesItRead() {
		RoleDiff.Wanted wanted = RoleDiff.Wanted.of(Map.of(
				101L, List.of(new RoleLink(501, "AUTHOR", "editingteacher"), new RoleLink(502, "TUTOR", "teacher")),
				102L, List.of(new RoleLink(501, "TUTOR", "teacher,tuteur")),
				999L, List.of(new RoleLink(502, "TUTOR", "teacher"))), MODULES, VACATAIRES);
		assertThat(wanted.modules()).containsExactlyInAnyOrder(1L, 2L);

		RoleDiff diff = RoleDiff.between(wanted, stored(new Link(1, 11, "AUTHOR", "editingteacher"), new Link(1, 12, "AUTHOR", "editingteacher"),
				new Link(2, 11, "TUTOR", "teacher")));

		assertThat(diff.added()).containsExactly(new Link(1, 12, "TUTOR", "teacher"));
		assertThat(diff.changed()).containsExactly(new Link(2, 11, "TUTOR", "teacher,tuteur"));
		assertThat(diff.removed()).containsExactly(new Link(1, 12, "AUTHOR", "editingteacher"));
		assertThat(diff.changes(Map.of(1L, "Mathématiques 1re – Les fonctions"))).extracting(Change::entityId, Change::vacataireId,
				Change::action, Change::summary).containsExactly(
				tuple(1L, 12L, "added", "Rôle Moodle tutorat (teacher) sur le module « Mathématiques 1re – Les fonctions »"),
				tuple(2L, 11L, "updated", "Rôles Moodle tutorat sur le module n° 2 : teacher,tuteur"),
				tuple(1L, 12L, "removed", "Rôle Moodle conception retiré du module « Mathématiques 1re – Les fonctions »"));
	}

	@Test
	void theSameLinksChangeNothing() {
		RoleDiff.Wanted wanted = RoleDiff.Wanted.of(Map.of(101L, List.of(new RoleLink(501, "AUTHOR", "editingteacher"))), MODULES,
				VACATAIRES);
		RoleDiff diff = RoleDiff.between(wanted, stored(new Link(1, 11, "AUTHOR", "editingteacher")));
		assertThat(diff.added()).isEmpty();
		assertThat(diff.changed()).isEmpty();
		assertThat(diff.removed()).isEmpty();
		assertThat(diff.changes(Map.of())).isEmpty();
	}

	private static Map<String, Link> stored(Link... links) {
		return List.of(links).stream().collect(Collectors.toMap(Link::key, Function.identity()));
	}
}
