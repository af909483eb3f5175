package be.fwb.ead.vacataires.web;

import java.util.List;
import java.util.Locale;

import be.fwb.ead.shared.DisplaySettings;
import be.fwb.ead.shared.NotFound;
import be.fwb.ead.shared.PageController;
import be.fwb.ead.shared.TableExport;
import be.fwb.ead.shared.TableExport.Column;
import be.fwb.ead.vacataires.Vacataire;
import be.fwb.ead.vacataires.VacataireFilter;
import be.fwb.ead.vacataires.Vacataires;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The vacataires' screens: the list with its filters and exports, and a vacataire's page. */
@PageController
@RequestMapping("/vacataires")
class VacatairePages {

	private final Vacataires vacataires;
	private final MessageSource messages;
	private final DisplaySettings display;

	VacatairePages(Vacataires vacataires, MessageSource messages, DisplaySettings display) {
		this.vacataires = vacataires;
		this.messages = messages;
		this.display = display;
	}

	@GetMapping
	String list(@ModelAttribute("query") VacataireQuery query,
			@RequestHeader(value = "HX-Target", required = false) @Nullable String target, ServerWebExchange exchange,
			Model model) {
		model.addAttribute("vacataires", vacataires.search(query.filter(), query.paging()));
		model.addAttribute("statuses", VacataireFilter.STATUSES);
		exchange.getResponse().getHeaders().add(HttpHeaders.VARY, "HX-Target");
		return "resultats".equals(target) ? "vacataires/list :: results" : "vacataires/list";
	}

	@GetMapping("/{id}")
	String one(@PathVariable long id, Model model) {
		model.addAttribute("vacataire", vacataires.find(id)
			.switchIfEmpty(Mono.error(new NotFound("Aucun vacataire n'a l'identifiant " + id + "."))));
		return "vacataires/detail";
	}

	@GetMapping("/export.csv")
	ResponseEntity<Flux<DataBuffer>> csv(@ModelAttribute VacataireQuery query, ServerWebExchange exchange) {
		return export(locale(exchange)).csvDownload("vacataires", vacataires.stream(query.filter()),
				exchange.getResponse().bufferFactory());
	}

	@GetMapping("/export.xlsx")
	Mono<ResponseEntity<byte[]>> xlsx(@ModelAttribute VacataireQuery query, ServerWebExchange exchange) {
		Locale locale = locale(exchange);
		return export(locale).xlsxDownload("vacataires", text("nav.vacataires", locale), vacataires.stream(query.filter()));
	}

	private TableExport<Vacataire> export(Locale locale) {
		return new TableExport<>(List.of(
				new Column<Vacataire>(text("vacataire.lastname", locale), Vacataire::lastname),
				new Column<Vacataire>(text("vacataire.firstname", locale), Vacataire::firstname),
				new Column<Vacataire>(text("vacataire.email", locale), Vacataire::email),
				new Column<Vacataire>(text("vacataire.idnumber", locale), Vacataire::idnumber),
				new Column<Vacataire>(text("vacataire.status", locale), v -> text("status." + v.status(), locale)),
				new Column<Vacataire>(text("vacataire.authored", locale), v -> modules(v, "AUTHOR")),
				new Column<Vacataire>(text("vacataire.tutored", locale), v -> modules(v, "TUTOR")),
				new Column<Vacataire>(text("vacataire.moodleLink", locale), Vacataire::moodleUrl)), display.zone());
	}

	/** The short names of the current modules where the vacataire holds the role. */
	private static String modules(Vacataire v, String role) {
		return String.join(", ", v.modules().stream()
			.filter(m -> m.role().equals(role) && !m.archived())
			.map(Vacataire.ModuleRole::shortname)
			.toList());
	}

	private String text(String code, Locale locale) {
		return messages.getMessage(code, null, locale);
	}

	private static Locale locale(ServerWebExchange exchange) {
		Locale locale = exchange.getLocaleContext().getLocale();
		return locale == null ? Locale.forLanguageTag("fr-BE") : locale;
	}
}
