package be.fwb.ead.shared;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Headers of an import are matched as a person reads them: case, accents, apostrophes, quotes and spaces do not count. */
class SpreadsheetHeadersUnitTest {

	private static final Map<String, String> ALIASES = Map.of("Compétence (numéro d'identification)", "competency", "Prénom",
			"firstname", "E-mail", "email");

	@Test
	void aHeaderCopiedWithATypographicApostropheANoBreakSpaceOrCapitalsNamesTheSameColumn() {
		SpreadsheetReader.Columns columns = SpreadsheetReader.columns(List.of("COMPÉTENCE\u00A0(numéro d\u2019identification)",
				"prenom", "«\u202FE mail\u202F»", "Remarque"), ALIASES);
		assertThat(columns.index()).containsExactlyInAnyOrderEntriesOf(Map.of("competency", 0, "firstname", 1, "email", 2));
		assertThat(columns.ignored()).containsExactly("Remarque");
		assertThat(SpreadsheetReader.headerKey("Compétence (numéro d’identification)"))
			.isEqualTo(SpreadsheetReader.headerKey("competence (numero d'identification)")).isEqualTo("competence numero d identification");
	}

	@Test
	void aMissingColumnIsNamedInPlainWordsWithWhatTheFirstLineHolds() {
		assertThat(SpreadsheetReader.missingColumns(Map.of("Prénom", List.of()), List.of("Nom", "", "Courriel")))
			.isEqualTo("Il manque la colonne « Prénom » : la première ligne du fichier doit la nommer (majuscules, accents, "
					+ "apostrophes et espaces n’y comptent pas). Colonnes trouvées : « Nom », « Courriel ».");
	}
}
