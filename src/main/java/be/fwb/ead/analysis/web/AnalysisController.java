package be.fwb.ead.analysis.web;

import java.util.List;

import be.fwb.ead.analysis.CatalogueCoverage;
import be.fwb.ead.analysis.ExamReadiness;
import be.fwb.ead.analysis.Priorities;
import be.fwb.ead.analysis.Production;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The catalogue analyses through the API: what the current modules cover of a référentiel, the exam readiness, the
 * modules to adapt first and what to produce. The paths stay under {@code /api/referentials} and {@code /api/exams},
 * beside the référentiels and exams they analyse.
 */
@RestController
@Tag(name = "Analyse du catalogue", description = "Couverture des référentiels par les modules courants, préparation aux "
		+ "épreuves, modules à adapter d’abord, domaines à produire.")
class AnalysisController {

	private final CatalogueCoverage coverage;
	private final ExamReadiness readiness;
	private final Priorities priorities;
	private final Production production;

	AnalysisController(CatalogueCoverage coverage, ExamReadiness readiness, Priorities priorities, Production production) {
		this.coverage = coverage;
		this.readiness = readiness;
		this.priorities = priorities;
		this.production = production;
	}

	/**
	 * The domains where competencies no current module works lie, the most exam weight at stake first: what to
	 * produce.
	 */
	@GetMapping("/api/referentials/to-produce")
	Mono<List<Production.ToProduce>> toProduce() {
		return production.ranked();
	}

	/** The current modules to adapt first, the highest score first, with the ingredients of the score. */
	@GetMapping("/api/exams/priorities")
	Mono<List<Priorities.Priority>> priorities() {
		return priorities.ranked();
	}

	/** For each exam and part, the share of its weight the current modules cover. */
	@GetMapping("/api/exams/readiness")
	Mono<List<ExamReadiness.Readiness>> readiness() {
		return readiness.all().collectList();
	}

	/**
	 * The coverage matrix: current modules (of a level or subject category, if given) × competencies in tree order,
	 * with the totals; cells are sparse (column index, depth) pairs per row.
	 */
	@GetMapping("/api/referentials/{id}/matrix")
	Mono<CatalogueCoverage.Matrix> matrix(@PathVariable long id, @RequestParam(required = false) @Nullable Long categoryId) {
		return coverage.matrix(id, categoryId);
	}

	/** Competencies no current module covers. */
	@GetMapping("/api/referentials/{id}/gaps")
	Mono<List<CatalogueCoverage.Gap>> gaps(@PathVariable long id) {
		return coverage.gaps(id);
	}

	/** Competencies covered by at least {@code threshold} current modules. */
	@GetMapping("/api/referentials/{id}/overlaps")
	Mono<List<CatalogueCoverage.Overlap>> overlaps(@PathVariable long id, @RequestParam(defaultValue = "5") int threshold) {
		return coverage.overlaps(id, threshold);
	}

	/** Current modules mapped to no competency. */
	@GetMapping("/api/referentials/orphan-modules")
	Mono<List<CatalogueCoverage.Orphan>> orphans() {
		return coverage.orphans().collectList();
	}
}
