package be.fwb.ead.evaluations.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import be.fwb.ead.evaluations.Evaluations;
import be.fwb.ead.shared.Flash;
import be.fwb.ead.shared.InvalidRequest;
import be.fwb.ead.shared.PageController;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The evaluation screens: a vacataire's evaluations, the form on the grid, who is due. */
@PageController
class EvaluationPages {

	private final Evaluations evaluations;

	EvaluationPages(Evaluations evaluations) {
		this.evaluations = evaluations;
	}

	/** A vacataire's evaluations with the form to record one: the section of their page (htmx), or a page of its own. */
	@GetMapping("/vacataires/{id}/evaluations")
	String ofVacataire(@PathVariable long id, @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx,
			Model model) {
		model.addAttribute("vacataireId", id);
		model.addAttribute("evaluations", evaluations.ofVacataire(id).collectList());
		model.addAttribute("grid", evaluations.grid().collectList());
		model.addAttribute("today", LocalDate.now());
		return htmx != null ? "evaluations/vacataire :: section" : "evaluations/vacataire";
	}

	/** The form sends {@code score-<criterion>} and {@code comment-<criterion>} for each criterion of the grid. */
	@PostMapping("/vacataires/{id}/evaluations")
	Mono<String> record(@PathVariable long id, Authentication who, ServerWebExchange exchange) {
		Mono<Long> record = exchange.getFormData().flatMap(form -> evaluations.grid().collectList().flatMap(grid -> {
			List<Evaluations.Score> scores = new ArrayList<>();
			for (Evaluations.Criterion c : grid) {
				String score = form.getFirst("score-" + c.id());
				if (score != null && score.matches("[1-4]")) {
					scores.add(new Evaluations.Score(c.id(), Integer.parseInt(score), form.getFirst("comment-" + c.id())));
				}
			}
			LocalDate on = date(form);
			return on == null ? Mono.error(new InvalidRequest("La date de l'évaluation est obligatoire."))
					: evaluations.record(id, on, scores, form.getFirst("comment"), who.getName());
		}));
		return Flash.outcome(exchange, record, "flash.evaluated").thenReturn("redirect:/vacataires/" + id + "#evaluations");
	}

	@GetMapping("/evaluations/a-faire")
	String due(Model model) {
		model.addAttribute("due", evaluations.due().collectList());
		return "evaluations/due";
	}

	private static @Nullable LocalDate date(MultiValueMap<String, String> form) {
		String value = form.getFirst("evaluatedOn");
		try {
			return value == null || value.isBlank() ? null : LocalDate.parse(value);
		}
		catch (java.time.format.DateTimeParseException e) {
			throw new InvalidRequest("Date invalide : « " + value + " ».");
		}
	}
}
