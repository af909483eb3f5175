package be.fwb.ead.evaluations.web;

import java.time.LocalDate;
import java.util.List;

import be.fwb.ead.evaluations.Evaluations;
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

	EvaluationController(Evaluations evaluations) {
		this.evaluations = evaluations;
	}

	record NewEvaluation(@Nullable LocalDate evaluatedOn, @Nullable List<Evaluations.Score> scores, @Nullable String comment) {
	}

	@GetMapping("/api/evaluations/grid")
	Mono<List<be.fwb.ead.shared.CriteriaGrid.Criterion>> grid() {
		return evaluations.grid().collectList();
	}

	/** Replaces the grid; criteria left out are deactivated, past evaluations keep their scores. */
	@org.springframework.web.bind.annotation.PutMapping("/api/evaluations/grid")
	Mono<List<be.fwb.ead.shared.CriteriaGrid.Criterion>> configure(@RequestBody List<be.fwb.ead.shared.CriteriaGrid.Definition> grid, Authentication who) {
		return evaluations.configure(grid, who.getName());
	}

	@GetMapping("/api/evaluations/due")
	Mono<List<Evaluations.Due>> due() {
		return evaluations.due().collectList();
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
