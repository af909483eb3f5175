package be.fwb.ead.portal.web;

import java.util.List;

import be.fwb.ead.assignments.Assignment;
import be.fwb.ead.assignments.Assignments;
import be.fwb.ead.evaluations.Evaluations;
import be.fwb.ead.reviews.Reviews;
import be.fwb.ead.security.Account;
import be.fwb.ead.security.Accounts;
import be.fwb.ead.shared.NotFound;
import be.fwb.ead.training.Training;
import be.fwb.ead.vacataires.Vacataire;
import be.fwb.ead.vacataires.Vacataires;
import org.jspecify.annotations.Nullable;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The signed-in vacataire's own data. The vacataire is the one linked to the account; no identifier of another
 * vacataire is ever taken from the request.
 */
@RestController
@Tag(name = "Mon espace", description = "Les données du vacataire connecté, et seulement les siennes.")
@RequestMapping("/api/me")
class MyController {

	private final Accounts accounts;
	private final Vacataires vacataires;
	private final Assignments assignments;
	private final Training training;
	private final Evaluations evaluations;
	private final Reviews reviews;

	MyController(Accounts accounts, Vacataires vacataires, Assignments assignments, Training training,
			Evaluations evaluations, Reviews reviews) {
		this.reviews = reviews;
		this.accounts = accounts;
		this.vacataires = vacataires;
		this.assignments = assignments;
		this.training = training;
		this.evaluations = evaluations;
	}

	record Acknowledgement(@Nullable String comment) {
	}

	@GetMapping
	Mono<Vacataire> me(Authentication who) {
		return myId(who).flatMap(vacataires::find);
	}

	@GetMapping("/assignments")
	Mono<List<Assignment>> assignments(Authentication who) {
		return myId(who).flatMapMany(assignments::ofVacataire).collectList();
	}

	@GetMapping("/trainings")
	Mono<List<Training.Registration>> trainings(Authentication who) {
		return myId(who).flatMapMany(training::ofVacataire).collectList();
	}

	@GetMapping("/evaluations")
	Mono<List<Evaluations.Evaluation>> evaluations(Authentication who) {
		return myId(who).flatMapMany(me -> evaluations.readBy(me, "vacataire:" + me, "API GET /api/me/evaluations")).collectList();
	}

	/** Acknowledges one of my evaluations, once, with an optional comment. */
	@PostMapping("/evaluations/{id}/acknowledgement")
	Mono<Evaluations.Evaluation> acknowledge(@PathVariable long id, @RequestBody(required = false) @Nullable Acknowledgement a,
			Authentication who) {
		return myId(who).flatMap(me -> evaluations.acknowledge(id, me, a == null ? null : a.comment()));
	}

	/** The quality reviews of my modules, once started, with their findings and the answers given. */
	@GetMapping("/reviews")
	Mono<List<Reviews.AuthorView>> reviews(Authentication who) {
		return myId(who).flatMapMany(reviews::ofVacataire).collectList();
	}

	record AnswerText(@Nullable String text) {
	}

	/** Answers a finding on one of my modules, while its review is open. */
	@PostMapping("/findings/{id}/answers")
	@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
	Mono<java.util.Map<String, Long>> answer(@PathVariable long id, @RequestBody(required = false) @Nullable AnswerText answer,
			Authentication who) {
		return myId(who).flatMap(me -> reviews.answer(id, me, answer == null ? null : answer.text())).map(a -> java.util.Map.of("id", a));
	}

	private Mono<Long> myId(Authentication who) {
		return accounts.byUsername(who.getName())
			.mapNotNull(Account::vacataireId)
			.switchIfEmpty(Mono.error(new NotFound("Ce compte n'est lié à aucun vacataire.")));
	}
}
