package be.fwb.ead.training.web;

import java.util.List;


import be.fwb.ead.training.Training;
import org.jspecify.annotations.Nullable;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Training sessions, registrations, attendance, requirements and who is overdue (coordinators). */
@RestController
@Tag(name = "Formations", description = "Sessions, inscriptions, présences, exigences, retards (coordination).")
class TrainingController {

	private final Training training;

	TrainingController(Training training) {
		this.training = training;
	}

	record Registration(long vacataireId) {
	}

	record Attendance(boolean attended, @Nullable Boolean completed) {
	}

	record Capacity(int capacity) {
	}

	@GetMapping("/api/trainings")
	Mono<List<Training.Session>> sessions() {
		return training.sessions().collectList();
	}

	@PostMapping("/api/trainings")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<Training.Session> plan(@RequestBody Training.NewSession s, Authentication who) {
		return training.plan(s, who.getName()).flatMap(training::session);
	}

	@GetMapping("/api/trainings/{id}")
	Mono<Training.Session> session(@PathVariable long id) {
		return training.session(id);
	}

	@GetMapping("/api/trainings/{id}/registrations")
	Mono<List<Training.Registration>> registrations(@PathVariable long id) {
		return training.registrations(id).collectList();
	}

	@PostMapping("/api/trainings/{id}/registrations")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> register(@PathVariable long id, @RequestBody Registration r, Authentication who) {
		return training.register(id, r.vacataireId(), who.getName());
	}

	/** Withdraws a registration to a session not yet begun (422 once it has begun: record the attendance instead). */
	@DeleteMapping("/api/trainings/{id}/registrations/{vacataireId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> unregister(@PathVariable long id, @PathVariable long vacataireId, Authentication who) {
		return training.unregister(id, vacataireId, who.getName());
	}

	/** Changes the number of seats: 1 to 500, never below the registrations, until the session is over. */
	@PutMapping("/api/trainings/{id}/capacity")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> capacity(@PathVariable long id, @RequestBody Capacity c, Authentication who) {
		return training.changeCapacity(id, c.capacity(), who.getName());
	}

	/** Attendance; attending completes the training unless {@code completed} is false. */
	@PutMapping("/api/trainings/{id}/registrations/{vacataireId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> attendance(@PathVariable long id, @PathVariable long vacataireId, @RequestBody Attendance a,
			Authentication who) {
		boolean completed = a.completed() == null ? a.attended() : a.completed();
		return training.recordAttendance(id, vacataireId, a.attended(), completed, who.getName());
	}

	@GetMapping("/api/vacataires/{id}/trainings")
	Mono<List<Training.Registration>> ofVacataire(@PathVariable long id) {
		return training.ofVacataire(id).collectList();
	}

	@GetMapping("/api/trainings/requirements")
	Mono<List<Training.Requirement>> requirements() {
		return training.requirements().collectList();
	}

	/** Replaces the trainings each role requires (tutoring is refused until the TUTOR ones are completed). */
	@PutMapping("/api/trainings/requirements")
	Mono<List<Training.Requirement>> require(@RequestBody java.util.List<Training.Requirement> requirements, Authentication who) {
		return training.require(requirements, who.getName()).thenMany(training.requirements()).collectList();
	}

	@GetMapping("/api/trainings/overdue")
	Mono<List<Training.Overdue>> overdue() {
		return training.overdue().collectList();
	}

}
