package be.fwb.ead.referentials;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import be.fwb.ead.IntegrationTest;
import be.fwb.ead.analysis.ExamReadiness;
import be.fwb.ead.analysis.Production;
import be.fwb.ead.moodlesim.MoodleDataset;
import be.fwb.ead.referentials.Coverage.Depth;
import be.fwb.ead.referentials.Coverage.Mapping;
import be.fwb.ead.shared.InvalidRequest;
import be.fwb.ead.shared.NotFound;
import be.fwb.ead.shared.Refused;
import be.fwb.ead.sync.SyncLauncher;
import be.fwb.ead.sync.SyncMode;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * Living with mappings: a new version of a référentiel and its impact, mappings as files, a module's editor, what to
 * produce, and the frameworks read from Moodle. Figures are computed by hand on the 11-competency fixture.
 */
class MappingsIntegrationTest extends IntegrationTest {

	@Autowired SyncLauncher launcher;
	@Autowired Referentials referentials;
	@Autowired Coverage coverage;
	@Autowired Exams exams;
	@Autowired MappingFiles files;
	@Autowired ModuleMappings moduleMappings;
	@Autowired Production production;
	@Autowired ExamReadiness examReadiness;
	@Autowired MoodleFrameworks moodleFrameworks;

	private long referential;
	private long a;
	private long b;
	private long c;
	private String aName;
	private String bName;
	private String cName;

	@BeforeEach
	void catalogueAndReferential() throws IOException {
		syncedCatalogue();
		referential = await(referentials.importFile(fixture(), "coord")).id();
		a = count("select min(id) from module");
		b = count("select min(id) from module where id > " + a);
		c = count("select max(id) from module");
		aName = shortname(a);
		bName = shortname(b);
		cName = shortname(c);
	}

	@Test
	void aNewVersionCarriesTheUnchangedMappingsMovesTheExamTiesAndListsTheModulesAffected() throws IOException {
		await(coverage.map(List.of(new Mapping(a, id("FR-LIRE-1-1-a"), Depth.WORKED), new Mapping(a, id("FR-LIRE-1-2"), Depth.INTRODUCED),
				new Mapping(a, id("FR-LIRE-2"), Depth.MASTERED), new Mapping(b, id("FR-ECR-1-1"), Depth.WORKED)), "coord"));
		await(exams.define("CE1D-FR", "CE1D – français", null, List.of(
				new Exams.PartDefinition("Lecture", 60, List.of("FR-LIRE-1-1-a", "FR-LIRE-1-2")),
				new Exams.PartDefinition("Écriture", 40, List.of("FR-ECR-1-1-a"))), "coord"));

		// Version 2: FR-LIRE-1-2 removed, FR-LIRE-2 reworded, FR-ECR-2 added.
		String v2 = new String(fixture(), StandardCharsets.UTF_8).lines()
			.filter(l -> !l.startsWith("FR-LIRE-1,FR-LIRE-1-2,"))
			.map(l -> l.replace("\"Apprécier un texte littéraire\"", "\"Apprécier et comparer des textes littéraires\""))
			.reduce("", (x, y) -> x + y + "\n")
			+ "FR-ECR,FR-ECR-2,\"Écrire pour apprendre\",\"Prendre des notes, résumer.\",1,,,,,,,,,\n";
		Referentials.Imported second = await(referentials.importFile(v2.getBytes(StandardCharsets.UTF_8), "autre"));

		assertThat(second.mappingsCarried()).isEqualTo(2);
		assertThat(second.examTiesMoved()).isEqualTo(2);
		// The carried mappings keep who mapped them; the previous version keeps all of its own.
		assertThat(count("select count(*) from competency_mapping k join competency c on c.id = k.competency_id "
				+ "where c.referential_id = " + second.id() + " and k.mapped_by = 'coord'")).isEqualTo(2);
		assertThat(count("select count(*) from competency_mapping k join competency c on c.id = k.competency_id "
				+ "where c.referential_id = " + referential)).isEqualTo(4);
		// The exam's ties follow the competencies kept; the removed one stays on the old version.
		assertThat(count("select count(*) from exam_part_competency pc join competency c on c.id = pc.competency_id "
				+ "where c.referential_id = " + second.id())).isEqualTo(2);
		assertThat(count("select count(*) from exam_part_competency pc join competency c on c.id = pc.competency_id "
				+ "where c.referential_id = " + referential + " and c.idnumber = 'FR-LIRE-1-2'")).isEqualTo(1);

		Referentials.Changes changes = await(referentials.changes(second.id()));
		assertThat(changes.affected()).singleElement().satisfies(m -> {
			assertThat(m.moduleId()).isEqualTo(a);
			assertThat(m.removed()).containsExactly("FR-LIRE-1-2");
			assertThat(m.reworded()).containsExactly("FR-LIRE-2");
		});
		assertThat(await(referentials.all().collectList())).extracting(Referentials.Referential::version,
				Referentials.Referential::latest).containsExactly(tuple(2, true), tuple(1, false));
	}

	@Test
	void aMappingsFileIsCheckedLineByLineThenWrittenWholeOrNotAtAll() {
		await(coverage.map(List.of(new Mapping(a, id("FR-LIRE-1-1-a"), Depth.WORKED), new Mapping(a, id("FR-ECR-1-1"), Depth.MASTERED),
				new Mapping(b, id("FR-ECR-1-1"), Depth.WORKED)), "coord"));
		assertThat(await(files.lines(referential).collectList())).extracting(MappingFiles.Line::moduleShortname,
				MappingFiles.Line::competencyIdnumber, MappingFiles.Line::depthLabel)
			.contains(tuple(aName, "FR-LIRE-1-1-a", "travaillée"), tuple(bName, "FR-ECR-1-1", "travaillée")).hasSize(3);

		// As Excel in fr-BE saves it: byte-order mark, semicolons, an extra column; one change of each kind.
		String file = "\uFEFFModule (nom abrégé);Compétence (numéro d'identification);Profondeur;Commentaire\n"
				+ aName + ";FR-LIRE-1-1-a;maîtrisée;plus loin\n"
				+ aName + ";FR-ECR-1-1;;retirée\n"
				+ cName + ";FR-LIRE-2;T;\n"
				+ bName + ";FR-ECR-1-1;Travaillée;\n";
		MappingFiles.Report dry = await(files.run(referential, bytes(file), true, "coord"));
		assertThat(dry.applied()).isFalse();
		assertThat(dry.hasErrors()).isFalse();
		assertThat(List.of(dry.created(), dry.updated(), dry.removed(), dry.unchanged())).containsExactly(1, 1, 1, 1);
		assertThat(dry.ignoredColumns()).containsExactly("Commentaire");
		assertThat(depth(a, "FR-LIRE-1-1-a")).isEqualTo("WORKED");

		MappingFiles.Report applied = await(files.run(referential, bytes(file), false, "import"));
		assertThat(applied.applied()).isTrue();
		assertThat(applied.lines()).extracting(MappingFiles.LineReport::line, MappingFiles.LineReport::action).containsExactly(
				tuple(2, MappingFiles.Action.UPDATE), tuple(3, MappingFiles.Action.REMOVE), tuple(4, MappingFiles.Action.CREATE),
				tuple(5, MappingFiles.Action.UNCHANGED));
		assertThat(depth(a, "FR-LIRE-1-1-a")).isEqualTo("MASTERED");
		assertThat(depth(a, "FR-ECR-1-1")).isNull();
		assertThat(depth(c, "FR-LIRE-2")).isEqualTo("WORKED");
		// The unchanged line keeps its author.
		assertThat(count("select count(*) from competency_mapping where module_id = " + b + " and mapped_by = 'coord'")).isEqualTo(1);

		String broken = "Module (nom abrégé),Compétence (numéro d'identification),Profondeur\n"
				+ aName + ",FR-LIRE-2,introduite\n"
				+ "INCONNU,FR-LIRE-2,introduite\n"
				+ aName + ",FR-XX-9,introduite\n"
				+ bName + ",FR-LIRE-2,à peu près\n"
				+ aName + ",FR-LIRE-2,maîtrisée\n";
		MappingFiles.Report refused = await(files.run(referential, bytes(broken), false, "coord"));
		assertThat(refused.applied()).isFalse();
		assertThat(refused.errors()).extracting(MappingFiles.LineReport::line, l -> String.join(" ; ", l.errors())).containsExactly(
				tuple(3, "aucun module n’a le nom abrégé « INCONNU »"),
				tuple(4, "la compétence « FR-XX-9 » n’est pas dans ce référentiel"),
				tuple(5, "profondeur inconnue « à peu près » (introduite, travaillée, maîtrisée, ou vide pour retirer)"),
				tuple(6, "le couple module × compétence figure déjà plus haut"));
		assertThat(depth(a, "FR-LIRE-2")).isNull();

		// The header as copied from the page: typographic apostrophe, no-break space, capitals: the same columns.
		String copied = "MODULE (NOM ABRÉGÉ);Compétence\u00A0(numéro d\u2019identification);profondeur\n" + aName + ";FR-LIRE-2;introduite\n";
		MappingFiles.Report typographic = await(files.run(referential, bytes(copied), true, "coord"));
		assertThat(typographic.hasErrors()).isFalse();
		assertThat(typographic.ignoredColumns()).isEmpty();
		assertThat(typographic.created()).isEqualTo(1);

		// A column missing: named in plain words, with its other names and what the first line holds.
		StepVerifier.create(files.run(referential, bytes("Module;Note\nX;1\n"), false, "coord"))
			.expectErrorSatisfies(e -> assertThat(e).isInstanceOf(InvalidRequest.class).hasMessage("Il manque les colonnes "
					+ "« Compétence (numéro d'identification) » (ou « Compétence », « idnumber »), « Profondeur » (ou « depth ») : la "
					+ "première ligne du fichier doit les nommer (majuscules, accents, apostrophes et espaces n’y comptent pas). "
					+ "Colonnes trouvées : « Module », « Note »."))
			.verify();
		StepVerifier.create(files.run(999_999, bytes(file), false, "coord")).expectError(NotFound.class).verify();
	}

	@Test
	void aModulesEditorShowsOneBranchAndSavesOnlyWhatChanged() {
		await(coverage.map(List.of(new Mapping(a, id("FR-LIRE-1-1-a"), Depth.WORKED), new Mapping(a, id("FR-LIRE-2"), Depth.INTRODUCED)),
				"coord"));
		List<ModuleMappings.Branch> branches = await(moduleMappings.branches(a, referential));
		assertThat(branches).extracting(ModuleMappings.Branch::idnumber, ModuleMappings.Branch::mapped)
			.containsExactly(tuple("FR-LIRE", 2), tuple("FR-ECR", 0));
		List<ModuleMappings.EditorRow> rows = await(moduleMappings.editor(a, referential, branches.get(0).id()));
		assertThat(rows).extracting(ModuleMappings.EditorRow::idnumber, ModuleMappings.EditorRow::current).containsExactly(
				tuple("FR-LIRE", null), tuple("FR-LIRE-1", null), tuple("FR-LIRE-1-1", null), tuple("FR-LIRE-1-1-a", Depth.WORKED),
				tuple("FR-LIRE-1-1-b", null), tuple("FR-LIRE-1-2", null), tuple("FR-LIRE-2", Depth.INTRODUCED));

		// The form sends every line of the branch: two changes among seven.
		Map<Long, Depth> wanted = new HashMap<>();
		rows.forEach(r -> wanted.put(r.competencyId(), r.current()));
		wanted.put(id("FR-LIRE-1-2"), Depth.MASTERED);
		wanted.put(id("FR-LIRE-2"), null);
		assertThat(await(moduleMappings.save(a, referential, wanted, "autre"))).isEqualTo(2);
		assertThat(await(moduleMappings.mapped(a))).extracting(ModuleMappings.Mapped::idnumber, ModuleMappings.Mapped::depth,
				ModuleMappings.Mapped::mappedBy).containsExactlyInAnyOrder(tuple("FR-LIRE-1-1-a", Depth.WORKED, "coord"),
						tuple("FR-LIRE-1-2", Depth.MASTERED, "autre"));

		long other = await(referentials.importFile(bytes(new String(fixture(), StandardCharsets.UTF_8)
			.replace("FR-TC-2024", "AUTRE-REF")), "coord")).id();
		long foreign = count("select id from competency where referential_id = " + other + " and idnumber = 'FR-LIRE'");
		StepVerifier.create(moduleMappings.save(a, referential, Map.of(foreign, Depth.WORKED), "coord"))
			.expectErrorSatisfies(e -> assertThat(e).isInstanceOf(InvalidRequest.class).hasMessageContaining("n’appartient pas"))
			.verify();
		assertThat(count("select count(*) from competency_mapping where competency_id = " + foreign)).isZero();
	}

	@Test
	void whatToProduceRanksTheDomainsByTheExamWeightTheirOpenCompetenciesCarry() {
		await(coverage.map(List.of(new Mapping(a, id("FR-LIRE-1-1-a"), Depth.WORKED), new Mapping(b, id("FR-ECR-1-1"), Depth.WORKED)),
				"coord"));
		await(exams.define("CE1D-FR", "CE1D – français", null, List.of(
				new Exams.PartDefinition("Lecture", 60, List.of("FR-LIRE-1-1-a", "FR-LIRE-1-1-b", "FR-LIRE-2")),
				new Exams.PartDefinition("Écriture", 40, List.of("FR-ECR-1-1-a"))), "coord"));

		List<Production.ToProduce> ranked = await(production.ranked());
		// FR-ECR-1: FR-ECR-1-1-a open, the whole of Écriture: 0.4 × 1/1.
		// FR-LIRE-1: FR-LIRE-1-1, -1-1-b and -1-2 open (3 of 4); -1-1-b is 1 of Lecture's 3: 0.6 × 1/3.
		// FR-LIRE-2: itself open (a leaf domain), 1 of Lecture's 3: 0.6 × 1/3; fewer open, so after FR-LIRE-1.
		assertThat(ranked).extracting(Production.ToProduce::idnumber, Production.ToProduce::open, Production.ToProduce::competencies)
			.containsExactly(tuple("FR-ECR-1", 1, 2), tuple("FR-LIRE-1", 3, 4), tuple("FR-LIRE-2", 1, 1));
		assertThat(ranked.get(0).examStake()).isEqualTo(0.4, Offset.offset(1e-9));
		assertThat(ranked.get(1).examStake()).isEqualTo(0.2, Offset.offset(1e-9));
		assertThat(ranked.get(2).examStake()).isEqualTo(0.2, Offset.offset(1e-9));
		assertThat(ranked.get(0).examParts()).containsExactly("CE1D-FR – Écriture");
		assertThat(ranked.get(1).openIdnumbers()).containsExactly("FR-LIRE-1-1", "FR-LIRE-1-1-b", "FR-LIRE-1-2");
		// The stakes add up to what the exam readiness leaves uncovered.
		double readiness = await(examReadiness.all().single()).ratio();
		assertThat(ranked.stream().mapToDouble(Production.ToProduce::examStake).sum()).isEqualTo(1 - readiness, Offset.offset(1e-9));
	}

	@Test
	void theFrameworksOfTheMoodleSiteAreReadAndAChangedOneBecomesANewVersion() {
		await(db.sql("truncate referential restart identity cascade").then());
		List<MoodleFrameworks.Outcome> first = await(moodleFrameworks.read("coord"));
		assertThat(first).singleElement().satisfies(o -> {
			assertThat(o.idnumber()).isEqualTo("EAD-TRANSV");
			assertThat(o.competencies()).isEqualTo(21);
			assertThat(o.imported()).isNotNull();
			assertThat(o.imported().maxDepth()).isEqualTo(3);
		});
		long v1 = first.get(0).imported().id();
		assertThat(await(referentials.tree(v1))).extracting(c -> "  ".repeat(c.depth() - 1) + c.idnumber()).startsWith("TRANSV-1",
				"  TRANSV-1.1", "    TRANSV-1.1.a", "  TRANSV-1.2", "    TRANSV-1.2.a");
		assertThat(await(referentials.tree(v1)).get(0).description()).isEqualTo(
				"Planifier, organiser et évaluer son travail d'apprenant, seul et à distance.");
		assertThat(count("select count(*) from referential where taxonomy = 'domain,competency,outcome'")).isEqualTo(1);

		// Unchanged: nothing written.
		assertThat(await(moodleFrameworks.read("coord"))).singleElement().satisfies(o -> assertThat(o.imported()).isNull());
		assertThat(count("select count(*) from referential")).isEqualTo(1);

		MoodleDataset.Competency reworded = MOODLE.dataset().competencies().stream()
			.filter(x -> x.idnumber().equals("TRANSV-2.1")).findFirst().orElseThrow();
		MOODLE.dataset().rewordCompetency(reworded.id(), "Rédiger un message clair et complet", 1_764_000_000L);
		Referentials.Imported v2 = await(moodleFrameworks.read("coord")).get(0).imported();
		assertThat(v2).isNotNull();
		assertThat(v2.version()).isEqualTo(2);
		assertThat(await(referentials.changes(v2.id())).reworded()).extracting(Referentials.Reworded::idnumber)
			.containsExactly("TRANSV-2.1");

		MOODLE.disableCompetencies();
		StepVerifier.create(moodleFrameworks.read("coord"))
			.expectErrorSatisfies(e -> assertThat(e).isInstanceOf(Refused.class).hasMessageContaining("ne sont pas activées"))
			.verify();
		MOODLE.reset(be.fwb.ead.moodlesim.EadDataset.create(1));
		MOODLE.removeFunction("core_competency_list_competencies");
		StepVerifier.create(moodleFrameworks.read("coord"))
			.expectErrorSatisfies(e -> assertThat(e).isInstanceOf(Refused.class).hasMessageContaining("ajoutez-les"))
			.verify();
		assertThat(count("select count(*) from referential")).isEqualTo(2);
	}

	@Test
	void anExamReadsBackAsDefinedAndAnUnknownOneIsNotFound() {
		await(exams.define("CEB", "Certificat d'études de base", "Primaire", List.of(
				new Exams.PartDefinition("Français", 50, List.of("FR-LIRE-2", "FR-LIRE-1-1-a")),
				new Exams.PartDefinition("Écriture", 50, List.of("FR-ECR-1-1"))), "coord"));
		Exams.Definition ceb = await(exams.find("ceb"));
		assertThat(ceb.level()).isEqualTo("Primaire");
		assertThat(ceb.parts()).extracting(Exams.PartDefinition::name, Exams.PartDefinition::competencies).containsExactly(
				tuple("Français", List.of("FR-LIRE-1-1-a", "FR-LIRE-2")), tuple("Écriture", List.of("FR-ECR-1-1")));
		StepVerifier.create(exams.find("CE2D")).expectError(NotFound.class).verify();
		await(exams.delete("CEB", "coord"));
		assertThat(count("select count(*) from exam_part")).isZero();
		assertThat(count("select count(*) from competency")).isEqualTo(11);
	}

	private long id(String idnumber) {
		return count("select id from competency where referential_id = " + referential + " and idnumber = '" + idnumber + "'");
	}

	private String shortname(long module) {
		return await(db.sql("select shortname from module where id = " + module).map(r -> r.get(0, String.class)).one());
	}

	private @org.jspecify.annotations.Nullable String depth(long module, String idnumber) {
		return await(db.sql("select depth from competency_mapping where module_id = " + module + " and competency_id = " + id(idnumber))
			.map(r -> java.util.Optional.ofNullable(r.get(0, String.class)))
			.one()
			.defaultIfEmpty(java.util.Optional.empty())).orElse(null);
	}

	private static byte[] bytes(String s) {
		return s.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] fixture() {
		try (InputStream in = MappingsIntegrationTest.class.getResourceAsStream("/referentials/francais-tronc-commun.csv")) {
			return in.readAllBytes();
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}
}
