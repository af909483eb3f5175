package be.fwb.ead.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Stored JSON of the journal as people read it, without Spring: the service's own bundle, in French. */
class ReadableDataUnitTest {

	private final ReadableData readable = new ReadableData(Texts.of(messages(), Locale.forLanguageTag("fr-BE")),
			ZoneId.of("Europe/Brussels"));

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

	@Test
	void anErasureReadsAsLabelsAndTablesNotAsTheServiceKeys() {
		String after = readable.json("""
				{"deleted": {"candidacy": 1, "vacataire_title": 2}, "redactedJournalLines": 7,
				 "kept": {"assignment": "preuve des heures prestées"}}""");
		assertThat(after).isEqualTo("Lignes effacées : (Candidatures : 1 ; Titres : 2) ; Lignes du journal pseudonymisées : 7 ; "
				+ "Gardé, et pourquoi : (Affectations : preuve des heures prestées)");
		assertThat(after).doesNotContain("deleted", "redactedJournalLines", "kept", "candidacy");
	}

	@Test
	void aRetentionRunReadsItsPeriodInWords() {
		assertThat(readable.json("""
				{"anonymised": [12, 14], "after": "P2Y"}""")).isEqualTo("Personnes anonymisées (n°) : (12 ; 14) ; Après : 2 ans");
		assertThat(readable.json("{\"after\": \"P1Y6M\"}")).isEqualTo("Après : 1 an 6 mois");
	}

	@Test
	void codesDatesAndInstantsReadAsWords() {
		assertThat(readable.json("""
				{"status": "ACTIF", "startsOn": "2026-09-01", "at": "2026-03-12T09:30:00Z", "enabled": true}"""))
			.isEqualTo("Statut : Actif ; Du : 01/09/2026 ; Date : 12/03/2026 10:30 ; Actif : oui");
	}

	@Test
	void anAssignmentWithoutHoursSaysTheyAreNotGivenAsTheScreensDo() {
		assertThat(readable.value("hours", tools.jackson.databind.node.JsonNodeFactory.instance.numberNode(0))).isEqualTo("non précisées");
		assertThat(readable.value("hours", tools.jackson.databind.node.JsonNodeFactory.instance.numberNode(40))).isEqualTo("40");
	}

	@Test
	void anAvailabilityReadsItsYearAndEachTermsHours() {
		assertThat(readable.json("""
				{"schoolYear": "2026-2027", "term1Hours": 20, "term3Hours": 0}"""))
			.isEqualTo("Année scolaire : 2026-2027 ; Trimestre 1 (heures) : 20 ; Trimestre 3 (heures) : 0");
	}

	@Test
	void anEvaluationsScoresReadByCriterion() {
		assertThat(readable.json("""
				[{"criterion": "Maîtrise technique de Moodle", "score": 3}, {"criterion": "Collaboration", "score": 4, "comment": "Très bien"}]"""))
			.isEqualTo("(Critère : Maîtrise technique de Moodle ; Note : 3) ; (Critère : Collaboration ; Note : 4 ; Commentaire : Très bien)");
	}

	@Test
	void unreadableTextIsShownAsItIs() {
		assertThat(readable.json("{not json")).isEqualTo("{not json");
		assertThat(readable.json(null)).isEmpty();
		assertThat(readable.json("{\"zzz\": \"P1D\"}")).as("a period only where a period is stored").isEqualTo("zzz : P1D");
	}
}
