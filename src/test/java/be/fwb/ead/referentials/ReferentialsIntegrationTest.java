package be.fwb.ead.referentials;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import be.fwb.ead.IntegrationTest;
import be.fwb.ead.referentials.Referentials.Competency;
import be.fwb.ead.shared.InvalidRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A référentiel written by hand in the format of Moodle's exporter (accents, commas and quotes inside descriptions,
 * four levels, rows out of order) gives the right tree; export then import gives the same tree; a new version keeps
 * the old one and says what changed.
 */
class ReferentialsIntegrationTest extends IntegrationTest {

	@Autowired
	Referentials referentials;

	private static byte[] fixture() throws IOException {
		try (InputStream in = ReferentialsIntegrationTest.class.getResourceAsStream("/referentials/francais-tronc-commun.csv")) {
			return in.readAllBytes();
		}
	}

	@Test
	void aMoodleExportGivesTheRightTree() throws IOException {
		Referentials.Imported imported = await(referentials.importFile(fixture(), "coord"));
		assertThat(imported.idnumber()).isEqualTo("FR-TC-2024");
		assertThat(imported.version()).isEqualTo(1);
		assertThat(imported.competencies()).isEqualTo(11);
		assertThat(imported.maxDepth()).isEqualTo(4);
		assertThat(imported.skipped()).singleElement().asString().contains("ligne 14");

		List<Competency> tree = await(referentials.tree(imported.id()));
		assertThat(tree).extracting(c -> "  ".repeat(c.depth() - 1) + c.idnumber()).containsExactly(
				"FR-LIRE", "  FR-LIRE-1", "    FR-LIRE-1-1", "      FR-LIRE-1-1-a", "      FR-LIRE-1-1-b", "    FR-LIRE-1-2",
				"  FR-LIRE-2", "FR-ECR", "  FR-ECR-1", "    FR-ECR-1-1", "      FR-ECR-1-1-a");
		Competency lire = tree.get(0);
		assertThat(lire.description()).isEqualTo("Savoir lire : comprendre, interpréter, apprécier des textes variés "
				+ "(littéraires, informatifs, argumentatifs).");
		assertThat(tree.get(6).description()).contains("\"exprimer\" un avis motivé");
		assertThat(tree.get(3).parentIdnumber()).isEqualTo("FR-LIRE-1-1");
		assertThat(count("select count(*) from referential r where r.scale_values = 'Non acquis,En cours d''acquisition,Acquis' "
				+ "and r.scale_configuration like '[{\"scaleid\":\"3\"}%'")).isEqualTo(1);
	}

	@Test
	void exportThenImportGivesTheSameTreeAsANewVersionThatChangesNothing() throws IOException {
		Referentials.Imported first = await(referentials.importFile(fixture(), "coord"));
		byte[] exported = await(referentials.export(first.id(), be.fwb.ead.shared.TableExport.Dialect.MOODLE));
		String csv = new String(exported, StandardCharsets.UTF_8);
		assertThat(csv).startsWith(String.join(",", FrameworkCsv.HEADERS) + "\n,FR-TC-2024,");
		assertThat(csv).contains("core_competency\\competency_rule_all");

		Referentials.Imported second = await(referentials.importFile(exported, "coord"));
		assertThat(second.version()).isEqualTo(2);
		assertThat(await(referentials.tree(second.id()))).extracting(Competency::idnumber, Competency::parentIdnumber,
				Competency::shortname, Competency::description, Competency::depth)
			.containsExactlyElementsOf(await(referentials.tree(first.id())).stream()
				.map(c -> org.assertj.core.groups.Tuple.tuple(c.idnumber(), c.parentIdnumber(), c.shortname(), c.description(), c.depth()))
				.toList());
		Referentials.Changes changes = await(referentials.changes(second.id()));
		assertThat(changes.previousId()).isEqualTo(first.id());
		assertThat(changes.added()).isEmpty();
		assertThat(changes.removed()).isEmpty();
		assertThat(changes.reworded()).isEmpty();
		assertThat(await(referentials.all().collectList())).hasSize(2);
	}

	@Test
	void aNewVersionListsTheAddedRemovedAndRewordedCompetencies() throws IOException {
		Referentials.Imported first = await(referentials.importFile(fixture(), "coord"));
		// Semicolons this time, as Excel in fr-BE writes them; one reworded, one removed (with its child), one added.
		String v2 = new String(fixture(), StandardCharsets.UTF_8).lines()
			.filter(l -> !l.startsWith("FR-LIRE-1,FR-LIRE-1-2,"))
			.map(l -> l.replace("\"Inférer\"", "\"Inférer et justifier\""))
			.map(l -> l.replace("\"Apprécier un texte littéraire\"", "\"Apprécier et comparer des textes littéraires\""))
			.reduce("", (a, b) -> a + b + "\n")
			+ "FR-ECR,FR-ECR-2,\"Écrire pour apprendre\",\"Prendre des notes, résumer, synthétiser.\",1,,,,,,,,,\n";
		Referentials.Imported second = await(referentials.importFile(v2.getBytes(StandardCharsets.UTF_8), "coord"));
		Referentials.Changes changes = await(referentials.changes(second.id()));
		assertThat(changes.added()).extracting(Competency::idnumber).containsExactly("FR-ECR-2");
		assertThat(changes.removed()).extracting(Competency::idnumber).containsExactly("FR-LIRE-1-2");
		assertThat(changes.reworded()).singleElement().satisfies(r -> {
			assertThat(r.idnumber()).isEqualTo("FR-LIRE-2");
			assertThat(r.after()).startsWith("Apprécier et comparer des textes littéraires");
		});
		assertThat(await(referentials.tree(first.id()))).hasSize(11);
	}

	@Test
	void aBrokenFileIsRefusedWithItsLineAndNothingIsWritten() throws IOException {
		String broken = new String(fixture(), StandardCharsets.UTF_8).replace("FR-ECR-1,FR-ECR-1-1,", "FR-ECR-9,FR-ECR-1-1,");
		StepVerifier.create(referentials.importFile(broken.getBytes(StandardCharsets.UTF_8), "coord"))
			.expectErrorSatisfies(e -> assertThat(e).isInstanceOf(InvalidRequest.class)
				.hasMessageContaining("Ligne 12").hasMessageContaining("« FR-ECR-9 » n’existe pas"))
			.verify();
		String noFramework = new String(fixture(), StandardCharsets.UTF_8).replace(",,1,\"domain", ",,,\"domain");
		StepVerifier.create(referentials.importFile(noFramework.getBytes(StandardCharsets.UTF_8), "coord"))
			.expectErrorSatisfies(e -> assertThat(e).hasMessageContaining("Aucune ligne ne décrit le référentiel"))
			.verify();
		assertThat(count("select count(*) from referential")).isZero();
		assertThat(count("select count(*) from competency")).isZero();
	}
}
