package be.fwb.ead.workspace.web;

import java.util.List;
import java.util.Map;

import be.fwb.ead.assignments.Assignment;
import be.fwb.ead.evaluations.Evaluations;
import be.fwb.ead.reviews.Reviews;
import be.fwb.ead.training.Training;
import be.fwb.ead.vacataires.Vacataire;
import be.fwb.ead.workspace.Workspaces;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The signed-in vacataire's own data, for a bearer token of a {@code VACATAIRE} account. The vacataire is the one linked
 * to the account; no identifier of another vacataire is ever taken from the request.
 */
@RestController
@Tag(name = "Mon espace", description = "Les données du vacataire connecté, et seulement les siennes.")
@RequestMapping("/api/me")
class MyController {

	private final Workspaces workspaces;

	MyController(Workspaces workspaces) {
		this.workspaces = workspaces;
	}

	record Acknowledgement(@Nullable String comment) {
	}

	record AnswerText(@Nullable String text) {
	}

	@GetMapping
	Mono<Vacataire> me(Authentication who) {
		return myId(who).flatMap(workspaces::file);
	}

	@GetMapping("/assignments")
	Mono<List<Assignment>> assignments(Authentication who) {
		return myId(who).flatMap(workspaces::assignments);
	}

	@GetMapping("/trainings")
	Mono<List<Training.Registration>> trainings(Authentication who) {
		return myId(who).flatMap(workspaces::trainings);
	}

	@GetMapping("/evaluations")
	Mono<List<Evaluations.Evaluation>> evaluations(Authentication who) {
		return myId(who).flatMap(me -> workspaces.evaluations(me, "API GET /api/me/evaluations"));
	}

	/** Acknowledges one of my evaluations, once, with an optional comment. */
	@PostMapping("/evaluations/{id}/acknowledgement")
	Mono<Evaluations.Evaluation> acknowledge(@PathVariable long id, @RequestBody(required = false) @Nullable Acknowledgement a,
			Authentication who) {
		return myId(who).flatMap(me -> workspaces.acknowledge(me, id, a == null ? null : a.comment()));
	}

	/** The quality reviews of my modules, once started, with their findings and the answers given. */
	@GetMapping("/reviews")
	Mono<List<Reviews.AuthorView>> reviews(Authentication who) {
		return myId(who).flatMap(workspaces::reviews);
	}

	/** Answers a finding on one of my modules, while its review is open. */
	@PostMapping("/findings/{id}/answers")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<Map<String, Long>> answer(@PathVariable long id, @RequestBody(required = false) @Nullable AnswerText answer,
			Authentication who) {
		return myId(who).flatMap(me -> workspaces.answer(me, id, answer == null ? null : answer.text())).map(a -> Map.of("id", a));
	}

	private Mono<Long> myId(Authentication who) {
		return workspaces.ofAccount(who.getName());
	}
}
