package be.fwb.ead.catalogue.web;

import be.fwb.ead.catalogue.Catalogue;
import be.fwb.ead.catalogue.Module;
import be.fwb.ead.catalogue.ModuleFilter;
import be.fwb.ead.catalogue.ModuleOrder;
import be.fwb.ead.shared.NotFound;
import be.fwb.ead.shared.PageOf;
import be.fwb.ead.shared.Paging;
import org.jspecify.annotations.Nullable;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The module catalogue, for coordinators and reviewers. */
@RestController
@Tag(name = "Modules", description = "Le catalogue des modules synchronisé depuis Moodle.")
@RequestMapping("/api/modules")
class ModuleController {

	private final Catalogue catalogue;

	ModuleController(Catalogue catalogue) {
		this.catalogue = catalogue;
	}

	@GetMapping
	Mono<PageOf<Module>> list(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable Long categoryId,
			@RequestParam(required = false) @Nullable Boolean visible,
			@RequestParam(required = false) @Nullable Boolean archived,
			@RequestParam(defaultValue = "false") boolean withoutTutor,
			@RequestParam(defaultValue = "false") boolean withoutAuthor,
			@RequestParam(required = false) @Nullable String sort,
			@RequestParam(required = false) @Nullable Integer page, @RequestParam(required = false) @Nullable Integer size) {
		return catalogue.search(new ModuleFilter(q, categoryId, visible, archived, withoutTutor, withoutAuthor),
				ModuleOrder.of(sort), Paging.of(page, size));
	}

	@GetMapping("/{id}")
	Mono<Module> one(@PathVariable long id) {
		return catalogue.find(id).switchIfEmpty(Mono.error(new NotFound("Aucun module n’a l’identifiant " + id + ".")));
	}
}
