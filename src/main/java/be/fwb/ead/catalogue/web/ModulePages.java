package be.fwb.ead.catalogue.web;

import java.util.List;

import be.fwb.ead.catalogue.Catalogue;
import be.fwb.ead.catalogue.Categories;
import be.fwb.ead.catalogue.Module;
import be.fwb.ead.shared.DisplaySettings;
import be.fwb.ead.shared.NotFound;
import be.fwb.ead.shared.TableExport;
import be.fwb.ead.shared.TableExport.Column;
import be.fwb.ead.ui.PageController;
import be.fwb.ead.ui.Pages;
import be.fwb.ead.ui.Texts;
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
		model.addAttribute("modules", Pages.clamped(query.paging(), p -> catalogue.search(query.filter(), query.order(), p)));
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
				catalogue.find(id).switchIfEmpty(Mono.error(new NotFound("Aucun module n’a l’identifiant " + id + "."))));
		return "modules/detail";
	}

	@GetMapping("/export.csv")
	ResponseEntity<Flux<DataBuffer>> csv(@ModelAttribute ModuleQuery query, ServerWebExchange exchange) {
		return export(Texts.of(messages, exchange)).csvDownload("modules", rows(query), exchange.getResponse().bufferFactory());
	}

	@GetMapping("/export.xlsx")
	Mono<ResponseEntity<byte[]>> xlsx(@ModelAttribute ModuleQuery query, ServerWebExchange exchange) {
		Texts t = Texts.of(messages, exchange);
		return export(t).xlsxDownload("modules", t.get("nav.modules"), rows(query));
	}

	private Flux<Module> rows(ModuleQuery query) {
		return catalogue.stream(query.filter(), query.order());
	}

	private TableExport<Module> export(Texts t) {
		String yes = t.get("common.yes");
		String no = t.get("common.no");
		return new TableExport<>(List.of(
				new Column<Module>(t.get("module.moodleId"), Module::moodleCourseId),
				new Column<Module>(t.get("module.shortname"), Module::shortname),
				new Column<Module>(t.get("module.fullname"), Module::fullname),
				new Column<Module>(t.get("module.level"), m -> pathPart(m, 1)),
				new Column<Module>(t.get("module.subject"), m -> pathPart(m, 2)),
				new Column<Module>(t.get("module.visible"), m -> m.visible() ? yes : no),
				new Column<Module>(t.get("module.archived"), m -> m.archived() ? yes : no),
				new Column<Module>(t.get("module.learners"), Module::learnerCount),
				new Column<Module>(t.get("module.authors"), m -> names(m.authors())),
				new Column<Module>(t.get("module.tutors"), m -> names(m.tutors())),
				new Column<Module>(t.get("module.changed"), Module::contentChangedAt),
				new Column<Module>(t.get("module.moodleLink"), Module::moodleUrl)), display.zone());
	}

	private static @Nullable String pathPart(Module m, int index) {
		return m.categoryPath().size() > index ? m.categoryPath().get(index) : null;
	}

	private static String names(List<Module.Person> people) {
		return String.join(", ", people.stream().map(Module.Person::name).toList());
	}


}
