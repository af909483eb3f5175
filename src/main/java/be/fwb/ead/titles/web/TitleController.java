package be.fwb.ead.titles.web;

import java.time.LocalDate;
import java.util.List;

import be.fwb.ead.catalogue.Placements;
import be.fwb.ead.titles.Titles;
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

/** Titles and their coverage, the titles each vacataire holds, and the level and subject of each category. */
@RestController
@Tag(name = "Titres", description = "Titres requis, couvertures, titres détenus, niveau et matière des catégories.")
class TitleController {

	private final Titles titles;
	private final Placements placements;

	TitleController(Titles titles, Placements placements) {
		this.titles = titles;
		this.placements = placements;
	}

	record TitleDefinition(@Nullable String name, @Nullable List<Titles.Coverage> coverages) {
	}

	record Grant(long titleId, @Nullable LocalDate obtainedOn, @Nullable String reference) {
	}

	record CategoryPlacement(@Nullable String level, @Nullable String subject) {
	}

	@GetMapping("/api/titles")
	Mono<List<Titles.Title>> all() {
		return titles.all().collectList();
	}

	/** Creates or replaces the title with this code (name and coverages). */
	@PutMapping("/api/titles/{code}")
	Mono<Titles.Title> save(@PathVariable String code, @RequestBody TitleDefinition t, Authentication who) {
		return titles.save(code, t.name(), t.coverages() == null ? List.of() : t.coverages(), who.getName())
			.flatMap(titles::find);
	}

	@GetMapping("/api/vacataires/{id}/titles")
	Mono<List<Titles.Held>> held(@PathVariable long id) {
		return titles.held(id).collectList();
	}

	@PostMapping("/api/vacataires/{id}/titles")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> grant(@PathVariable long id, @RequestBody Grant g, Authentication who) {
		return titles.grant(id, g.titleId(), g.obtainedOn(), g.reference(), who.getName());
	}

	@DeleteMapping("/api/vacataires/{id}/titles/{titleId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> revoke(@PathVariable long id, @PathVariable long titleId, Authentication who) {
		return titles.revoke(id, titleId, who.getName());
	}

	/** The level and subject of the modules of each Moodle category. */
	@GetMapping("/api/placements")
	Mono<List<Placements.Mapping>> placements() {
		return placements.mappings().collectList();
	}

	/** Maps a category to a level and subject; both empty go back to the category names. */
	@PutMapping("/api/placements/{categoryId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> place(@PathVariable long categoryId, @RequestBody CategoryPlacement p, Authentication who) {
		return placements.map(categoryId, p.level(), p.subject(), who.getName());
	}
}
