package be.fwb.ead.vacataires.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import be.fwb.ead.audit.ChangeLog;
import be.fwb.ead.vacataires.VacataireFile;
import be.fwb.ead.vacataires.VacataireFile.Identity;
import be.fwb.ead.vacataires.VacataireStatus;
import org.jspecify.annotations.Nullable;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The vacataire's file, kept by coordinators: identity, status, contracts, availability, timeline. */
@RestController
@Tag(name = "Dossier du vacataire", description = "Identité saisie, statut, contrats, disponibilités, historique (coordination).")
@RequestMapping("/api/vacataires")
class VacataireFileController {

	private final VacataireFile files;

	VacataireFileController(VacataireFile files) {
		this.files = files;
	}

	record NewVacataire(@Nullable String firstname, @Nullable String lastname, @Nullable String email,
			@Nullable String idnumber, @Nullable String phone, @Nullable Integer workloadCapHours, @Nullable String status) {
	}

	record Created(long id) {
	}

	record StatusChange(@Nullable String status, @Nullable String reason) {
	}

	record NewContract(@Nullable LocalDate startsOn, @Nullable LocalDate endsOn, @Nullable String reference) {
	}

	record AvailabilityOfYear(Map<Integer, Integer> hoursByTerm) {
	}

	/** A vacataire entered before having a Moodle account (a candidate, say); the sync links them later. */
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Mono<Created> create(@RequestBody NewVacataire v, Authentication who) {
		return files.create(new Identity(v.firstname(), v.lastname(), v.email(), v.idnumber(), v.phone(), v.workloadCapHours()),
				v.status() == null ? VacataireStatus.CANDIDAT : VacataireStatus.of(v.status()), who.getName()).map(Created::new);
	}

	/** Replaces what coordinators entered; a field left empty falls back to Moodle's value. */
	@PutMapping("/{id}/identity")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> identity(@PathVariable long id, @RequestBody Identity identity, Authentication who) {
		return files.update(id, identity, who.getName());
	}

	@PostMapping("/{id}/status")
	Mono<Map<String, String>> status(@PathVariable long id, @RequestBody StatusChange change, Authentication who) {
		return files.changeStatus(id, VacataireStatus.of(change.status()), change.reason(), who.getName())
			.map(s -> Map.of("status", s.name()));
	}

	@GetMapping("/{id}/timeline")
	Mono<List<ChangeLog.Entry>> timeline(@PathVariable long id) {
		return files.timeline(id).collectList();
	}

	@GetMapping("/{id}/contracts")
	Mono<List<VacataireFile.ContractPeriod>> contracts(@PathVariable long id) {
		return files.contracts(id).collectList();
	}

	@PostMapping("/{id}/contracts")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<Created> addContract(@PathVariable long id, @RequestBody NewContract c, Authentication who) {
		if (c.startsOn() == null || c.endsOn() == null) {
			return Mono.error(new be.fwb.ead.shared.InvalidRequest("Les dates de début et de fin du contrat sont obligatoires."));
		}
		return files.addContract(id, c.startsOn(), c.endsOn(), c.reference(), who.getName()).map(Created::new);
	}

	@GetMapping("/{id}/availability")
	Mono<List<VacataireFile.Availability>> availability(@PathVariable long id) {
		return files.availability(id).collectList();
	}

	@PutMapping("/{id}/availability/{schoolYear}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> setAvailability(@PathVariable long id, @PathVariable String schoolYear, @RequestBody AvailabilityOfYear a,
			Authentication who) {
		return files.setAvailability(id, schoolYear, a.hoursByTerm() == null ? Map.of() : a.hoursByTerm(), who.getName());
	}
}
