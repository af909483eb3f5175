package be.fwb.ead.vacataires.web;

import be.fwb.ead.shared.NotFound;
import be.fwb.ead.shared.PageOf;
import be.fwb.ead.shared.Paging;
import be.fwb.ead.vacataires.Vacataire;
import be.fwb.ead.vacataires.VacataireFilter;
import be.fwb.ead.vacataires.Vacataires;
import org.jspecify.annotations.Nullable;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The vacataires, for coordinators and reviewers. */
@RestController
@Tag(name = "Vacataires", description = "Les vacataires et les modules où ils ont un rôle dans Moodle.")
@RequestMapping("/api/vacataires")
class VacataireController {

	private final Vacataires vacataires;

	VacataireController(Vacataires vacataires) {
		this.vacataires = vacataires;
	}

	@GetMapping
	Mono<PageOf<Vacataire>> list(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String status,
			@RequestParam(defaultValue = "false") boolean withoutModule,
			@RequestParam(required = false) @Nullable Integer page, @RequestParam(required = false) @Nullable Integer size) {
		return vacataires.search(new VacataireFilter(q, status, withoutModule), Paging.of(page, size));
	}

	@GetMapping("/{id}")
	Mono<Vacataire> one(@PathVariable long id) {
		return vacataires.find(id)
			.switchIfEmpty(Mono.error(new NotFound("Aucun vacataire n’a l’identifiant " + id + ".")));
	}
}
