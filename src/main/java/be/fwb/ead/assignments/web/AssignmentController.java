package be.fwb.ead.assignments.web;

import java.util.List;
import java.time.LocalDate;

import be.fwb.ead.assignments.Assignment;
import be.fwb.ead.assignments.Assignments;
import be.fwb.ead.assignments.NewAssignment;
import be.fwb.ead.assignments.Reconciliation;
import be.fwb.ead.shared.InvalidRequest;
import org.jspecify.annotations.Nullable;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Assignments (coordinators create, end and cancel them; reviewers read them) and their reconciliation with Moodle. */
@RestController
@Tag(name = "Affectations", description = "Affectations sous les règles du service, et rapprochement avec Moodle.")
class AssignmentController {

	private final Assignments assignments;
	private final Reconciliation reconciliation;

	AssignmentController(Assignments assignments, Reconciliation reconciliation) {
		this.assignments = assignments;
		this.reconciliation = reconciliation;
	}

	record End(@Nullable LocalDate endsOn) {
	}

	record Acceptance(long moduleId, long vacataireId, @Nullable String role, @Nullable String reason) {
	}

	@GetMapping("/api/assignments")
	Mono<List<Assignment>> all(@RequestParam(defaultValue = "false") boolean current) {
		return assignments.all(current).collectList();
	}

	/** Creates an assignment; a rule that refuses it answers 422 with the rule and what to do. */
	@PostMapping("/api/assignments")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<Assignment> create(@RequestBody NewAssignment a, Authentication who) {
		return assignments.create(a, who.getName());
	}

	@GetMapping("/api/assignments/{id}")
	Mono<Assignment> one(@PathVariable long id) {
		return assignments.find(id);
	}

	@PostMapping("/api/assignments/{id}/end")
	Mono<Assignment> end(@PathVariable long id, @RequestBody End e, Authentication who) {
		if (e.endsOn() == null) {
			return Mono.error(InvalidRequest.ofField("endsOn", "Indiquez la date de fin (endsOn)."));
		}
		return assignments.end(id, e.endsOn(), who.getName());
	}

	/**
	 * Cancels an assignment that has not started yet (it is removed; the journal keeps it); one that has started
	 * answers 422: it is ended instead.
	 */
	@PostMapping("/api/assignments/{id}/cancel")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> cancel(@PathVariable long id, Authentication who) {
		return assignments.cancel(id, who.getName()).then();
	}

	@GetMapping("/api/vacataires/{id}/assignments")
	Mono<List<Assignment>> ofVacataire(@PathVariable long id) {
		return assignments.ofVacataire(id).collectList();
	}

	@GetMapping("/api/modules/{id}/assignments")
	Mono<List<Assignment>> ofModule(@PathVariable long id) {
		return assignments.ofModule(id).collectList();
	}

	@GetMapping("/api/reconciliation")
	Mono<List<Reconciliation.Line>> reconciliation() {
		return reconciliation.lines().collectList();
	}

	/** Settles a Moodle role without assignment by accepting it, with a reason. */
	@PostMapping("/api/reconciliation/acceptances")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> accept(@RequestBody Acceptance a, Authentication who) {
		String role = a.role() == null ? "" : a.role().trim().toUpperCase(java.util.Locale.ROOT);
		return reconciliation.accept(a.moduleId(), a.vacataireId(), role, a.reason(), who.getName());
	}
}
