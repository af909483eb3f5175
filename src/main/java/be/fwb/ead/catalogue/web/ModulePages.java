package be.fwb.ead.catalogue.web;

import java.util.List;
import java.util.Locale;

import be.fwb.ead.catalogue.Catalogue;
import be.fwb.ead.catalogue.Categories;
import be.fwb.ead.catalogue.Module;
import be.fwb.ead.shared.DisplaySettings;
import be.fwb.ead.shared.NotFound;
import be.fwb.ead.shared.PageController;
import be.fwb.ead.shared.TableExport;
import be.fwb.ead.shared.TableExport.Column;
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

/** The modules' screens: the list with its filters and exports, and a module's page. */
@PageController
@RequestMapping("/modules")
class ModulePages {

	private final Catalogue catalogue;
	private final Categories categories;
	private final MessageSource messages;
	private final DisplaySettings display;

	ModulePages(Catalogue catalogue, Categories categories, MessageSource messages, DisplaySettings display) {
		this.catalogue = catalogue;
		this.categories = categories;
		this.messages = messages;
		this.display = display;
	}

	/** The whole page, or only its results when htmx asks for them (the filter form updates them as one types). */
	@GetMapping
	String list(@ModelAttribute("query") ModuleQuery query, @RequestHeader(value = "HX-Target", required = false) @Nullable String target,
			ServerWebExchange exchange, Model model) {
		model.addAttribute("modules", catalogue.search(query.filter(), query.order(), query.paging()));
		exchange.getResponse().getHeaders().add(HttpHeaders.VARY, "HX-Target");
		if ("resultats".equals(target)) {
			return "modules/list :: results";
		}
		model.addAttribute("levels", categories.levels());
		return "modules/list";
	}

	@GetMapping("/{id}")
	String one(@PathVariable long id, Model model) {
		model.addAttribute("module",
				catalogue.find(id).switchIfEmpty(Mono.error(new NotFound("Aucun module n'a l'identifiant " + id + "."))));
		return "modules/detail";
	}

	@GetMapping("/export.csv")
	ResponseEntity<Flux<DataBuffer>> csv(@ModelAttribute ModuleQuery query, ServerWebExchange exchange) {
		return export(locale(exchange)).csvDownload("modules", rows(query), exchange.getResponse().bufferFactory());
	}

	@GetMapping("/export.xlsx")
	Mono<ResponseEntity<byte[]>> xlsx(@ModelAttribute ModuleQuery query, ServerWebExchange exchange) {
		Locale locale = locale(exchange);
		return export(locale).xlsxDownload("modules", text("nav.modules", locale), rows(query));
	}

	private Flux<Module> rows(ModuleQuery query) {
		return catalogue.stream(query.filter(), query.order());
	}

	private TableExport<Module> export(Locale locale) {
		String yes = text("common.yes", locale);
		String no = text("common.no", locale);
		return new TableExport<>(List.of(
				new Column<Module>(text("module.moodleId", locale), Module::moodleCourseId),
				new Column<Module>(text("module.shortname", locale), Module::shortname),
				new Column<Module>(text("module.fullname", locale), Module::fullname),
				new Column<Module>(text("module.level", locale), m -> pathPart(m, 1)),
				new Column<Module>(text("module.subject", locale), m -> pathPart(m, 2)),
				new Column<Module>(text("module.visible", locale), m -> m.visible() ? yes : no),
				new Column<Module>(text("module.archived", locale), m -> m.archived() ? yes : no),
				new Column<Module>(text("module.learners", locale), Module::learnerCount),
				new Column<Module>(text("module.authors", locale), m -> names(m.authors())),
				new Column<Module>(text("module.tutors", locale), m -> names(m.tutors())),
				new Column<Module>(text("module.changed", locale), Module::contentChangedAt),
				new Column<Module>(text("module.moodleLink", locale), Module::moodleUrl)), display.zone());
	}

	private static @Nullable String pathPart(Module m, int index) {
		return m.categoryPath().size() > index ? m.categoryPath().get(index) : null;
	}

	private static String names(List<Module.Person> people) {
		return String.join(", ", people.stream().map(Module.Person::name).toList());
	}

	private String text(String code, Locale locale) {
		return messages.getMessage(code, null, locale);
	}

	private static Locale locale(ServerWebExchange exchange) {
		Locale locale = exchange.getLocaleContext().getLocale();
		return locale == null ? Locale.forLanguageTag("fr-BE") : locale;
	}
}
