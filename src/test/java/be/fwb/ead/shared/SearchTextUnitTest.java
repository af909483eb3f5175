package be.fwb.ead.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchTextUnitTest {

	@Test
	void keysIgnoreCaseAccentsLigaturesAndSpacing() {
		assertThat(SearchText.key("  Zoë ", "CRÈVECŒUR")).isEqualTo("zoe crevecoeur");
		assertThat(SearchText.key("Ça  va", null, "Ørsted")).isEqualTo("ca va ørsted");
		assertThat(SearchText.key((String) null)).isEmpty();
	}

	@Test
	void patternsEscapeLikeWildcards() {
		assertThat(SearchText.containsPatterns("100%_sûr\\")).containsExactly("%100\\%\\_sur\\\\%");
		assertThat(SearchText.containsPatterns(null)).isEmpty();
		assertThat(SearchText.containsPatterns(" , ")).isEmpty();
	}

	@Test
	void aSearchIsItsWordsInAnyOrderAsANameIsWritten() {
		assertThat(SearchText.containsPatterns("Mathieu, Jean-Marc")).containsExactly("%mathieu%", "%jean-marc%");
		assertThat(SearchText.containsPatterns("préparation à l'épreuve")).containsExactly("%preparation%", "%a%", "%l%", "%epreuve%");
		assertThat(SearchText.containsPatterns("« Stœchiométrie »  (2)")).containsExactly("%stoechiometrie%", "%2%");
	}
}
