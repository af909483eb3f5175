package be.fwb.ead.evaluations.web;

import java.time.LocalDate;
import java.util.List;

import be.fwb.ead.evaluations.EvaluationPlanning;
import be.fwb.ead.evaluations.Evaluations;
import io.swagger.v3.oas.annotations.Operation;
import org.jspecify.annotations.Nullable;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Evaluations of the vacataires (coordinators): the grid, recording one, history, who is due. */
@RestController
@Tag(name = "Évaluations", description = "Grille, évaluations et évaluations à faire (coordination).")
class EvaluationController {

	private final Evaluations evaluations;
	private final EvaluationPlanning planning;

	EvaluationController(Evaluations evaluations, EvaluationPlanning planning) {
		this.evaluations = evaluations;
		this.planning = planning;
	}

	/**
	 * @param evaluator a coordinator's username; the caller when absent
	 */
	record NewPlans(@Nullable List<Long> vacataireIds, @Nullable LocalDate plannedOn, @Nullable String evaluator) {
	}

	record NewEvaluation(@Nullable LocalDate evaluatedOn, @Nullable List<Evaluations.Score> scores, @Nullable String comment) {
	}

	@GetMapping("/api/evaluations/grid")
	Mono<List<be.fwb.ead.grids.CriteriaGrid.Criterion>> grid() {
		return evaluations.grid().collectList();
	}

	/** Replaces the grid; criteria left out are deactivated, past evaluations keep their scores. */
	@org.springframework.web.bind.annotation.PutMapping("/api/evaluations/grid")
	Mono<List<be.fwb.ead.grids.CriteriaGrid.Criterion>> configure(@RequestBody List<be.fwb.ead.grids.CriteriaGrid.Definition> grid, Authentication who) {
		return evaluations.configure(grid, who.getName());
	}

	@GetMapping("/api/evaluations/due")
	Mono<List<Evaluations.Due>> due() {
		return evaluations.due().collectList();
	}

	@PostMapping("/api/evaluations/plans")
	@Operation(summary = "Planifie l’évaluation de vacataires dus (un jour, un évaluateur) : ceux qu’une règle refuse (pas actif, "
			+ "évalué récemment, déjà planifiée) sont listés avec leur raison, les autres planifiés, une entrée au journal chacun. "
			+ "Un jour passé, ou un évaluateur qui n’est pas un compte de coordination actif : 400, le champ nommé.")
	Mono<EvaluationPlanning.Outcome> plan(@RequestBody NewPlans p, Authentication who) {
		return planning.plan(p.vacataireIds() == null ? List.of() : p.vacataireIds(), p.plannedOn(), p.evaluator(), who.getName());
	}

	@PostMapping("/api/vacataires/{id}/evaluations")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<Evaluations.Evaluation> record(@PathVariable long id, @RequestBody NewEvaluation e, Authentication who) {
		return evaluations.record(id, e.evaluatedOn(), e.scores() == null ? List.of() : e.scores(), e.comment(), who.getName())
			.flatMap(evaluations::find);
	}

	@GetMapping("/api/vacataires/{id}/evaluations")
	Mono<List<Evaluations.Evaluation>> ofVacataire(@PathVariable long id, Authentication who) {
		return evaluations.readBy(id, who.getName(), "API GET /api/vacataires/" + id + "/evaluations").collectList();
	}
}
