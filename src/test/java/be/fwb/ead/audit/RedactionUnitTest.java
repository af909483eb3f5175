package be.fwb.ead.audit;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What an erasure does to a line of the journal, built with {@code new}. */
class RedactionUnitTest {

	private final Redaction redaction = new Redaction(Arrays.asList("Zoé", "Lefèvre", "Zoé Lefèvre", "zoe.lefevre@exemple.be", "zl",
			null, " "), "vacataire n° 7");

	@Test
	void theIdentifiersBecomeThePseudonymWhateverTheCaseAndAccents() {
		assertThat(redaction.text("Fiche créée : Zoé Lefèvre (ZOE.LEFEVRE@exemple.be), dite zoe lefevre"))
			.isEqualTo("Fiche créée : vacataire n° 7 (vacataire n° 7), dite vacataire n° 7");
		// Too short to be told from an ordinary word: « zl » is left alone.
		assertThat(redaction.text("Lefevre a relu zlib")).isEqualTo("vacataire n° 7 a relu zlib");
		assertThat(redaction.author("ZOÉ")).isEqualTo("vacataire n° 7");
		assertThat(redaction.author("coord")).isEqualTo("coord");
	}

	@Test
	void inALineAboutThePersonIdentityAndFreeTextGoAndTheRestStays() {
		String before = "{\"firstname\":\"Zoé\",\"email\":\"zoe.lefevre@exemple.be\",\"status\":\"ACTIF\",\"hours\":40,"
				+ "\"scores\":[{\"criterionId\":1,\"score\":3,\"comment\":\"Très bien\"}],\"note\":\"Vue à Namur\"}";
		assertThat(redaction.json(before, true)).isEqualTo("{\"firstname\":\"[effacé]\",\"email\":\"[effacé]\",\"status\":\"ACTIF\","
				+ "\"hours\":40,\"scores\":[{\"criterionId\":1,\"score\":3,\"comment\":\"[effacé]\"}],\"note\":\"[effacé]\"}");
		// In another's line, only the person's identifiers go.
		assertThat(redaction.json("{\"note\":\"Remplace Zoé Lefèvre\",\"comment\":\"RAS\"}", false))
			.isEqualTo("{\"note\":\"Remplace vacataire n° 7\",\"comment\":\"RAS\"}");
		assertThat(redaction.json(null, true)).isNull();
	}

	@Test
	void inAnotherPersonsLineABareFirstOrLastNameStaysAndOnlyWholeWordsAreReplaced() {
		// Another Zoé: her e-mail starts with the first name, her line names her by first name.
		String other = "{\"email\":\"zoe.bodart@exemple.be\",\"note\":\"Zoé remplace Zoé Lefèvre\"}";
		assertThat(redaction.json(other, false)).isEqualTo("{\"email\":\"zoe.bodart@exemple.be\",\"note\":\"Zoé remplace vacataire n° 7\"}");
		assertThat(redaction.text("Fiche de Zoé Bodart (zoe.bodart@exemple.be)", false)).isEqualTo("Fiche de Zoé Bodart (zoe.bodart@exemple.be)");
		assertThat(redaction.names("Fiche de Zoé Bodart (zoe.bodart@exemple.be)")).isFalse();
		assertThat(redaction.names("Copie à zoe.lefevre@exemple.be")).isTrue();
		// Part of a longer word or address is not the person.
		assertThat(redaction.names("xzoe.lefevre@exemple.bey")).isFalse();
		// About the person, the bare names go too.
		assertThat(redaction.text("Zoé a signé", true)).isEqualTo("vacataire n° 7 a signé");
		assertThat(redaction.likePatterns()).noneMatch(p -> p.equals("%Zoé%") || p.equals("%zoe%") || p.equals("%Lefèvre%"));
	}

	@Test
	void aUsernameIsTheirsAloneAndLookedForInEveryLineEvenWhenItReadsAsABareName() {
		Redaction withUsername = new Redaction(List.of("Zoé", "zlefevre"), List.of("zlefevre"), "vacataire n° 7");
		assertThat(withUsername.names("Compte zlefevre désactivé par coord")).isTrue();
		assertThat(withUsername.text("Compte zlefevre désactivé par coord", false)).isEqualTo("Compte vacataire n° 7 désactivé par coord");
		assertThat(withUsername.names("Zoé a relu")).isFalse();
		assertThat(new Redaction(List.of("Zoé", "zlefevre"), "x").names("Compte zlefevre désactivé")).isFalse();
	}

	@Test
	void theSearchPatternsEscapeWhatLikeReadsAsWildcards() {
		assertThat(new Redaction(List.of("a_b%c"), "x").likePatterns()).contains("%a\\_b\\%c%");
	}
}
