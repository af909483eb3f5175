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
		assertThat(SearchText.containsPattern("100%_sûr\\")).isEqualTo("%100\\%\\_sur\\\\%");
		assertThat(SearchText.containsPattern(null)).isEqualTo("%%");
	}
}
