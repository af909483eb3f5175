package be.fwb.ead.titles.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import be.fwb.ead.catalogue.Placements;
import be.fwb.ead.shared.Flash;
import be.fwb.ead.shared.InvalidRequest;
import be.fwb.ead.shared.PageController;
import be.fwb.ead.titles.CoverageKind;
import be.fwb.ead.titles.Titles;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The titles' screens: the catalogue of titles, the levels and subjects of categories, a vacataire's titles. */
@PageController
class TitlePages {

	private final Titles titles;
	private final Placements placements;

	TitlePages(Titles titles, Placements placements) {
		this.titles = titles;
		this.placements = placements;
	}

	@GetMapping("/titres")
	String list(Model model) {
		model.addAttribute("titles", titles.all().collectList());
		model.addAttribute("levels", placements.levels());
		model.addAttribute("subjects", placements.subjects());
		model.addAttribute("kinds", CoverageKind.values());
		model.addAttribute("mappings", placements.mappings().collectList());
		return "titles/list";
	}

	/** A title with up to three coverage lines (the API takes any number). */
	record TitleForm(@Nullable String code, @Nullable String name, @Nullable String level1, @Nullable String subject1,
			@Nullable String kind1, @Nullable String level2, @Nullable String subject2, @Nullable String kind2,
			@Nullable String level3, @Nullable String subject3, @Nullable String kind3) {

		List<Titles.Coverage> coverages() {
			List<Titles.Coverage> list = new ArrayList<>();
			add(list, level1, subject1, kind1);
			add(list, level2, subject2, kind2);
			add(list, level3, subject3, kind3);
			return list;
		}

		private static void add(List<Titles.Coverage> list, @Nullable String level, @Nullable String subject,
				@Nullable String kind) {
			if (level != null && !level.isBlank() && subject != null && !subject.isBlank()) {
				list.add(new Titles.Coverage(level, subject, kind == null || kind.isBlank() ? CoverageKind.REQUIS
						: CoverageKind.valueOf(kind)));
			}
		}
	}

	@PostMapping("/titres")
	Mono<String> save(@ModelAttribute TitleForm f, Authentication who, ServerWebExchange exchange) {
		return Flash.outcome(exchange, Mono.defer(() -> titles.save(f.code(), f.name(), f.coverages(), who.getName())),
				"flash.saved").thenReturn("redirect:/titres");
	}

	record MappingForm(@Nullable String level, @Nullable String subject) {
	}

	@PostMapping("/titres/correspondances/{categoryId}")
	Mono<String> map(@PathVariable long categoryId, @ModelAttribute MappingForm f, Authentication who,
			ServerWebExchange exchange) {
		return Flash.outcome(exchange, Mono.defer(() -> placements.map(categoryId, f.level(), f.subject(), who.getName())),
				"flash.saved").thenReturn("redirect:/titres#correspondances");
	}

	/** A vacataire's titles: the section of their page (htmx), or a page of its own. */
	@GetMapping("/vacataires/{id}/titres")
	String ofVacataire(@PathVariable long id, @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx,
			Model model) {
		model.addAttribute("vacataireId", id);
		model.addAttribute("held", titles.held(id).collectList());
		model.addAttribute("titles", titles.all().collectList());
		return htmx != null ? "titles/vacataire :: section" : "titles/vacataire";
	}

	record GrantForm(@Nullable Long titleId, @Nullable LocalDate obtainedOn, @Nullable String reference) {
	}

	@PostMapping("/vacataires/{id}/titres")
	Mono<String> grant(@PathVariable long id, @ModelAttribute GrantForm f, Authentication who, ServerWebExchange exchange) {
		return Flash.outcome(exchange, Mono.defer(() -> f.titleId() == null ? Mono.error(InvalidRequest.ofField("titleId", "Choisissez un titre."))
				: titles.grant(id, f.titleId(), f.obtainedOn(), f.reference(), who.getName())), "flash.saved")
			.thenReturn("redirect:/vacataires/" + id + "#titres");
	}

	@PostMapping("/vacataires/{id}/titres/{titleId}/retrait")
	Mono<String> revoke(@PathVariable long id, @PathVariable long titleId, Authentication who, ServerWebExchange exchange) {
		return Flash.outcome(exchange, titles.revoke(id, titleId, who.getName()), "flash.saved")
			.thenReturn("redirect:/vacataires/" + id + "#titres");
	}
}
