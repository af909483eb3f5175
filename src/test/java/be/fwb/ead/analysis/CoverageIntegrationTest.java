package be.fwb.ead.analysis;

import java.io.InputStream;
import java.util.List;

import be.fwb.ead.IntegrationTest;
import be.fwb.ead.referentials.Coverage.Depth;
import be.fwb.ead.referentials.Coverage.Mapping;
import be.fwb.ead.referentials.Coverage;
import be.fwb.ead.referentials.Exams;
import be.fwb.ead.referentials.Referentials;
import be.fwb.ead.shared.InvalidRequest;
import be.fwb.ead.sync.SyncLauncher;
import be.fwb.ead.sync.SyncMode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** The coverage analyses on a small fixture, against figures computed by hand. */
class CoverageIntegrationTest extends IntegrationTest {

	@Autowired SyncLauncher launcher;
	@Autowired Referentials referentials;
	@Autowired Coverage coverage;
	@Autowired Exams exams;
	@Autowired Priorities priorities;
	@Autowired CatalogueCoverage analyses;
	@Autowired ExamReadiness readiness;

	private long referential;
	private long a;
	private long b;
	private long c;
	private long lire11a;
	private long ecr11;

	@BeforeEach
	void catalogueReferentialAndMappings() throws Exception {
		syncedCatalogue();
		try (InputStream in = getClass().getResourceAsStream("/referentials/francais-tronc-commun.csv")) {
			referential = await(referentials.importFile(in.readAllBytes(), "coord")).id();
		}
		a = count("select min(id) from module");
		b = count("select min(id) from module where id > " + a + " and category_id <> (select category_id from module where id = " + a + ")");
		c = count("select max(id) from module");
		lire11a = count("select id from competency where idnumber = 'FR-LIRE-1-1-a'");
		ecr11 = count("select id from competency where idnumber = 'FR-ECR-1-1'");
		await(coverage.map(List.of(new Mapping(a, lire11a, Depth.WORKED), new Mapping(a, ecr11, Depth.MASTERED),
				new Mapping(b, lire11a, Depth.INTRODUCED), new Mapping(c, lire11a, Depth.WORKED)), "coord"));
	}

	@Test
	void theMatrixHasEveryCurrentModuleEveryCompetencyAndTheirTotals() {
		CatalogueCoverage.Matrix m = await(analyses.matrix(referential, null));
		assertThat(m.rows()).hasSize(522);
		assertThat(m.columns()).hasSize(11);
		assertThat(m.mappings()).isEqualTo(4);
		assertThat(m.coveredCompetencies()).isEqualTo(2);
		assertThat(m.columns()).filteredOn(col -> col.competencyId() == lire11a).singleElement()
			.satisfies(col -> assertThat(col.modules()).isEqualTo(3));
		assertThat(m.columns()).filteredOn(col -> col.competencyId() == ecr11).singleElement()
			.satisfies(col -> assertThat(col.modules()).isEqualTo(1));
		int row = indexOf(m, a);
		int lireColumn = columnOf(m, lire11a);
		int ecrColumn = columnOf(m, ecr11);
		assertThat(m.rows().get(row).competencies()).isEqualTo(2);
		assertThat(m.cells().get(row)).containsExactly(lireColumn, Depth.WORKED.ordinal(), ecrColumn, Depth.MASTERED.ordinal());

		long category = count("select category_id from module where id = " + a);
		CatalogueCoverage.Matrix subject = await(analyses.matrix(referential, category));
		assertThat(subject.rows()).extracting(CatalogueCoverage.Row::moduleId).contains(a).doesNotContain(b);
		assertThat(subject.rows()).hasSize((int) count("select count(*) from module where category_id = " + category));
		assertThat(subject.mappings()).isEqualTo(count("select count(*) from competency_mapping k join module m on m.id = k.module_id "
				+ "where m.category_id = " + category));
	}

	@Test
	void gapsOverlapsAndOrphansFollowTheMappingsOfCurrentModules() {
		// Branches whose descendants are worked are not gaps; FR-ECR-1-1 is covered itself, its outcome is not.
		assertThat(await(analyses.gaps(referential))).extracting(CatalogueCoverage.Gap::idnumber).containsExactly("FR-LIRE-1-1-b",
				"FR-LIRE-1-2", "FR-LIRE-2", "FR-ECR-1-1-a");
		assertThat(await(analyses.overlaps(referential, 3))).extracting(CatalogueCoverage.Overlap::idnumber, CatalogueCoverage.Overlap::modules)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("FR-LIRE-1-1-a", 3));
		StepVerifier.create(analyses.overlaps(referential, 1)).expectError(InvalidRequest.class).verify();
		assertThat(await(analyses.orphans().count())).isEqualTo(519);

		// An archived module no longer covers anything; a removed mapping neither.
		await(db.sql("update module set archived_at = :now where id = " + c).bind("now", clock.instant()).then());
		await(coverage.map(List.of(new Mapping(b, lire11a, null)), "coord"));
		assertThat(await(analyses.overlaps(referential, 2))).isEmpty();
		assertThat(await(analyses.matrix(referential, null)).columns()).filteredOn(col -> col.competencyId() == lire11a)
			.singleElement().satisfies(col -> assertThat(col.modules()).isEqualTo(1));
		assertThat(count("select count(*) from change_log where entity = 'competency_mapping'")).isEqualTo(2);
	}

	@Test
	void anExamIsReadyInTheWeightedShareOfItsCompetenciesThatCurrentModulesCover() {
		await(exams.define("ce1d-fr", "CE1D – français", "Secondaire inférieur", List.of(
				new Exams.PartDefinition("Lecture", 60, List.of("FR-LIRE-1-1-a", "FR-LIRE-1-1-b")),
				new Exams.PartDefinition("Écriture", 40, List.of("FR-ECR-1-1-a"))), "coord"));
		ExamReadiness.Readiness r = await(readiness.all().single());
		assertThat(r.code()).isEqualTo("CE1D-FR");
		assertThat(r.parts()).extracting(ExamReadiness.PartReadiness::name, ExamReadiness.PartReadiness::covered, ExamReadiness.PartReadiness::ratio)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("Lecture", 1, 0.5), org.assertj.core.groups.Tuple.tuple("Écriture", 0, 0.0));
		// 60 × 1/2 + 40 × 0, over 100.
		assertThat(r.ratio()).isEqualTo(0.30, org.assertj.core.data.Offset.offset(1e-9));

		await(coverage.map(List.of(new Mapping(b, count("select id from competency where idnumber = 'FR-ECR-1-1-a'"), Depth.WORKED)), "coord"));
		assertThat(await(readiness.all().single()).ratio()).isEqualTo(0.70, org.assertj.core.data.Offset.offset(1e-9));
		StepVerifier.create(exams.define("X", "X", null, List.of(new Exams.PartDefinition("P", 1, List.of("INCONNUE"))), "coord"))
			.expectErrorSatisfies(e -> assertThat(e).isInstanceOf(InvalidRequest.class).hasMessageContaining("1 compétence inconnue parmi"))
			.verify();
	}

	@Test
	void theRankedListShowsItsIngredientsAndTheScoreTheyMake() {
		await(exams.define("CE1D-FR", "CE1D – français", null, List.of(
				new Exams.PartDefinition("Lecture", 60, List.of("FR-LIRE-1-1-a", "FR-LIRE-1-1-b")),
				new Exams.PartDefinition("Écriture", 40, List.of("FR-ECR-1-1-a"))), "coord"));
		java.time.Instant now = clock.instant();
		await(db.sql("update module set learner_count = 10000, content_changed_at = :at where id = " + a).bind("at", now).then());
		await(db.sql("update module set learner_count = 3000, content_changed_at = :at where id = " + b).bind("at", daysBefore(now, 800)).then());
		long orphan = count("select max(id) from module where id not in (" + a + ", " + b + ", " + c + ")");
		await(db.sql("update module set learner_count = 0, content_changed_at = :at where id = " + orphan).bind("at", now).then());
		// The last quality reviews: b approved at 77 %, the orphan refused (an earlier approval no longer counts).
		await(db.sql("""
				insert into review (module_id, rubric_id, reviewer, state, round, score, planned_by, planned_at, decided_at) values
				(:b, (select min(id) from rubric), 'relect', 'APPROVED', 1, 77, 'coord', :d9, :d8),
				(:o, (select min(id) from rubric), 'relect', 'APPROVED', 1, 95, 'coord', :d99, :d98),
				(:o, (select min(id) from rubric), 'relect', 'REJECTED', 1, 40, 'coord', :d9, :d8)""")
			.bind("b", b).bind("o", orphan).bind("d9", daysBefore(now, 9)).bind("d8", daysBefore(now, 8))
			.bind("d99", daysBefore(now, 99)).bind("d98", daysBefore(now, 98)).then());

		List<Priorities.Priority> ranked = await(priorities.ranked());
		Priorities.Priority first = ranked.get(0);
		// a: Écriture is wholly uncovered (gap 1), most learners (demand 1), just changed, never reviewed:
		// 100 × (0.35 + 0.30) = 65.
		assertThat(first.moduleId()).isEqualTo(a);
		assertThat(first.examGap()).isEqualTo(1.0);
		assertThat(first.examPart()).isEqualTo("CE1D-FR – Écriture");
		assertThat(first.score()).isEqualTo(65);
		assertThat(first.qualityGap()).isNull();
		// b: Lecture half covered (gap 0.5), 0.3 of the learners, stale, approved at 77 %:
		// 100 × (0.35 × 0.5 + 0.30 × 0.3 + 0.15 + 0.20 × 0.23) = 17.5 + 9 + 15 + 4.6 = 46.1 → 46.
		Priorities.Priority second = ranked.get(1);
		assertThat(second.moduleId()).isEqualTo(b);
		assertThat(second.examGap()).isEqualTo(0.5);
		assertThat(second.staleness()).isEqualTo(1.0);
		assertThat(second.qualityGap()).isCloseTo(0.23, org.assertj.core.data.Offset.offset(1e-9));
		assertThat(second.reviewScore()).isEqualTo(77);
		assertThat(second.score()).isEqualTo(46);
		Priorities.Priority none = ranked.stream().filter(p -> p.moduleId() == orphan).findFirst().orElseThrow();
		assertThat(none.aligned()).isFalse();
		assertThat(none.examGap()).isNull();
		// Refused at its last review: 100 × 0.20 × 1 = 20.
		assertThat(none.reviewState()).isEqualTo("REJECTED");
		assertThat(none.qualityGap()).isEqualTo(1.0);
		assertThat(none.score()).isEqualTo(20);
	}

	private static int indexOf(CatalogueCoverage.Matrix m, long moduleId) {
		for (int i = 0; i < m.rows().size(); i++) {
			if (m.rows().get(i).moduleId() == moduleId) {
				return i;
			}
		}
		throw new AssertionError("module " + moduleId + " absent");
	}

	private static int columnOf(CatalogueCoverage.Matrix m, long competencyId) {
		for (int i = 0; i < m.columns().size(); i++) {
			if (m.columns().get(i).competencyId() == competencyId) {
				return i;
			}
		}
		throw new AssertionError("compétence " + competencyId + " absente");
	}

	private static java.time.Instant daysBefore(java.time.Instant now, int days) {
		return now.minus(java.time.Duration.ofDays(days));
	}
}
