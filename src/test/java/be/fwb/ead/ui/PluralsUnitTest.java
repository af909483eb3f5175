package be.fwb.ead.ui;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Counted words agree with their count in both languages: « Voir la ligne », « Voir les 3 lignes », never « les 1 lignes ». */
class PluralsUnitTest {

	private final ResourceBundleMessageSource messages = messages();

	@Test
	void aCountOfOneIsSingularAndZeroSaysSo() {
		assertThat(fr("attention.show", 1)).isEqualTo("Voir la ligne");
		assertThat(fr("attention.show", 3)).isEqualTo("Voir les 3 lignes");
		assertThat(fr("attention.total", 0)).isEqualTo("Rien à traiter");
		assertThat(fr("attention.total", 1)).isEqualTo("1 ligne à traiter");
		assertThat(fr("attention.total", 1234).replace('\u202F', ' ').replace('\u00A0', ' ')).isEqualTo("1 234 lignes à traiter");
		assertThat(fr("attention.more", 1)).startsWith("… et une autre ligne");
		assertThat(fr("adoption.confirm", 0)).isEqualTo("Aucune affectation à créer");
		assertThat(fr("adoption.confirm", 1)).isEqualTo("Créer l’affectation");
		assertThat(fr("adoption.confirm", 27)).isEqualTo("Créer les 27 affectations");
		assertThat(fr("training.outcomeAllSubmit", 1)).isEqualTo("Enregistrer pour la personne sans présence enregistrée");
		assertThat(fr("training.registerMissing", 1)).isEqualTo("Inscrire à cette session (1 place libre)");
		assertThat(fr("analysis.modules", 1)).isEqualTo("1 module");
		// A sync's counts: a sign on what was added or removed, none on nothing (« −0 retirés » read as a loss).
		assertThat(messages.getMessage("sync.counts.roles", new Object[] { 0, 1, 0 }, Languages.FRENCH))
			.isEqualTo("0 ajouté, 1 modifié, 0 retiré");
		assertThat(messages.getMessage("sync.counts.roles", new Object[] { 1183, 2, 3 }, Languages.FRENCH).replace('\u202F', ' ')
			.replace('\u00A0', ' ')).isEqualTo("+1 183 ajoutés, 2 modifiés, −3 retirés");
		assertThat(messages.getMessage("sync.counts.modules", new Object[] { 522, 0, 1, 0 }, Languages.FRENCH))
			.isEqualTo("+522 créés, 0 modifié, 1 archivé, 0 restauré");
		assertThat(messages.getMessage("sync.counts.vacataires", new Object[] { 0, 0, 0 }, Languages.ENGLISH))
			.isEqualTo("0 created, 0 changed, 0 linked");
		assertThat(messages.getMessage("attention.show", new Object[] { 1 }, Languages.ENGLISH)).isEqualTo("Show the line");
		assertThat(messages.getMessage("adoption.confirm", new Object[] { 2 }, Languages.ENGLISH)).isEqualTo("Create the 2 assignments");
	}

	@Test
	void aModulesNameIsHeadedModuleAndAnEvaluationNeverDueSaysWhenTheFirstAssignmentBegan() {
		assertThat(messages.getMessage("module.column", null, Languages.FRENCH)).isEqualTo("Module");
		assertThat(fr("evaluation.never", "01/09/2025")).isEqualTo("(aucune évaluation ; première affectation le 01/09/2025)");
	}

	@Test
	void noFrenchMessageHedgesItsPluralWithParentheses() throws java.io.IOException {
		java.util.Properties french = new java.util.Properties();
		try (var in = new java.io.InputStreamReader(getClass().getResourceAsStream("/messages.properties"), StandardCharsets.UTF_8)) {
			french.load(in);
		}
		assertThat(french.entrySet()).as("« résultat(s) » : un choix singulier / pluriel ({0,choice,…})")
			.filteredOn(e -> e.getValue().toString().matches("(?s).*\\p{L}\\(s\\).*"))
			.isEmpty();
		assertThat(fr("common.results", 1)).isEqualTo("1 résultat");
		assertThat(fr("common.results", 0)).isEqualTo("0 résultat");
		assertThat(fr("review.openCount", 2)).isEqualTo("2 revues en cours");
		assertThat(messages.getMessage("evaluation.plan.outcome", new Object[] { 4, "02/12/2026", "Claire", 1 }, Languages.FRENCH))
			.isEqualTo("4 évaluations planifiées le 02/12/2026 avec Claire ; 1 non planifiée.");
		assertThat(messages.getMessage("import.applied", new Object[] { 1, 0, 3, 1 }, Languages.FRENCH))
			.isEqualTo("1 vacataire créé, 0 mis à jour, 1 inchangé, 3 titres ajoutés.");
		assertThat(messages.getMessage("adoption.wouldCreate", new Object[] { 1, 1, 0, 1, 0 }, Languages.FRENCH))
			.isEqualTo("1 rôle Moodle : 1 affectation sera créée (0 en conception, 1 en tutorat) ; aucun n’est refusé par une règle.");
	}

	@Test
	void sentencesWrittenInJavaCountTheirWordsToo() throws java.io.IOException {
		assertThat(be.fwb.ead.shared.Counted.of(0, "critère", "critères")).isEqualTo("0 critère");
		assertThat(be.fwb.ead.shared.Counted.of(1, "revue planifiée", "revues planifiées")).isEqualTo("1 revue planifiée");
		assertThat(be.fwb.ead.shared.Counted.of(12, "revue planifiée", "revues planifiées")).isEqualTo("12 revues planifiées");
		assertThat(be.fwb.ead.shared.Counted.word(2, "Fonction Moodle absente", "Fonctions Moodle absentes"))
			.isEqualTo("Fonctions Moodle absentes");
		// Journal lines, refusals and log lines of the product's own code: no « critère(s) » in a string literal.
		java.util.List<String> hedged = new java.util.ArrayList<>();
		try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/java"))) {
			for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				java.util.List<String> lines = java.nio.file.Files.readAllLines(file, StandardCharsets.UTF_8);
				for (int i = 0; i < lines.size(); i++) {
					String line = lines.get(i).strip();
					if (!line.startsWith("*") && !line.startsWith("//") && line.matches(".*\"[^\"]*\\p{L}\\(s\\)[^\"]*\".*")) {
						hedged.add(file + ":" + (i + 1) + " " + line);
					}
				}
			}
		}
		assertThat(hedged).as("« critère(s) » écrit en Java : Counted.of(n, singulier, pluriel)").isEmpty();
	}

	private String fr(String code, Object arg) {
		return messages.getMessage(code, new Object[] { arg }, Languages.FRENCH);
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasename("messages");
		source.setDefaultEncoding(StandardCharsets.UTF_8.name());
		source.setFallbackToSystemLocale(false);
		return source;
	}
}
