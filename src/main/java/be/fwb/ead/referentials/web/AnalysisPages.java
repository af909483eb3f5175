package be.fwb.ead.referentials.web;

import java.util.List;

import be.fwb.ead.referentials.Coverage;
import be.fwb.ead.referentials.Exams;
import be.fwb.ead.referentials.Priorities;
import be.fwb.ead.referentials.Referentials;
import be.fwb.ead.shared.DisplaySettings;
import be.fwb.ead.shared.TableExport;
import be.fwb.ead.shared.TableExport.Column;
import be.fwb.ead.shared.Texts;
import be.fwb.ead.shared.Flash;
import be.fwb.ead.shared.FormInput;
import be.fwb.ead.shared.PageController;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The catalogue analysis screens: référentiels, exam readiness, and a référentiel's heatmap, gaps and overlaps. */
@PageController
class AnalysisPages {

	private static final int MAX_BYTES = 20 * 1024 * 1024;
	private static final int SHOWN = 100;

	private final Referentials referentials;
	private final Coverage coverage;
	private final Exams exams;
	private final Priorities priorities;
	private final MessageSource messages;
	private final DisplaySettings display;

	AnalysisPages(Referentials referentials, Coverage coverage, Exams exams, Priorities priorities, MessageSource messages,
			DisplaySettings display) {
		this.referentials = referentials;
		this.coverage = coverage;
		this.exams = exams;
		this.priorities = priorities;
		this.messages = messages;
		this.display = display;
	}

	@GetMapping("/analyse")
	String index(Model model) {
		model.addAttribute("referentials", referentials.all().collectList());
		model.addAttribute("readiness", exams.readiness().collectList());
		model.addAttribute("orphans", coverage.orphans().count());
		model.addAttribute("priorities", priorities.ranked().map(p -> p.size() > 30 ? p.subList(0, 30) : p));
		return "analysis/index";
	}

	/** The whole ranked list, with the ingredients of each score. */
	@GetMapping("/analyse/priorites.xlsx")
	Mono<ResponseEntity<byte[]>> prioritiesXlsx(ServerWebExchange exchange) {
		Texts t = Texts.of(messages, exchange);
		TableExport<Priorities.Priority> export = new TableExport<>(List.of(
				new Column<Priorities.Priority>(t.get("analysis.score"), Priorities.Priority::score),
				new Column<Priorities.Priority>(t.get("module.fullname"), Priorities.Priority::fullname),
				new Column<Priorities.Priority>(t.get("module.shortname"), Priorities.Priority::shortname),
				new Column<Priorities.Priority>(t.get("analysis.examGap"), Priorities.Priority::examGap),
				new Column<Priorities.Priority>(t.get("analysis.examPart"), Priorities.Priority::examPart),
				new Column<Priorities.Priority>(t.get("module.learners"), Priorities.Priority::learners),
				new Column<Priorities.Priority>(t.get("analysis.demand"), Priorities.Priority::demand),
				new Column<Priorities.Priority>(t.get("module.changed"), Priorities.Priority::contentChangedAt),
				new Column<Priorities.Priority>(t.get("analysis.staleness"), Priorities.Priority::staleness)), display.zone());
		return export.xlsxDownload("priorites", t.get("analysis.priorities"),
				priorities.ranked().flatMapIterable(list -> list));
	}

	/**
	 * @param categoryId a level or subject: only its modules; under a subject, one row per module (the zoom)
	 * @param depth the depth of the heatmap's columns in the tree (2: domains)
	 */
	@GetMapping("/analyse/{id}")
	String referential(@PathVariable long id, @RequestParam(required = false) @Nullable Long categoryId,
			@RequestParam(defaultValue = "2") int depth, @RequestParam(defaultValue = "false") boolean modules, Model model) {
		// One matrix of all current modules serves the gaps, the overlaps and, unless zoomed in, the heatmap.
		Mono<Coverage.Matrix> all = coverage.matrix(id, null).cache();
		Mono<List<Coverage.Gap>> gaps = all.map(Coverage::gaps).cache();
		int columns = Math.max(1, Math.min(depth, 6));
		model.addAttribute("referential", referentials.find(id));
		model.addAttribute("heatmap", categoryId == null ? all.flatMap(m -> coverage.heatmap(m, null, columns, modules))
				: coverage.heatmap(id, categoryId, columns, modules));
		model.addAttribute("gaps", gaps.map(g -> g.size() > SHOWN ? g.subList(0, SHOWN) : g));
		model.addAttribute("gapCount", gaps.map(List::size));
		model.addAttribute("overlaps", all.map(m -> {
			List<Coverage.Overlap> o = Coverage.overlaps(m, 5);
			return o.size() > 50 ? o.subList(0, 50) : o;
		}));
		model.addAttribute("depth", depth);
		model.addAttribute("categoryId", categoryId);
		return "analysis/referential";
	}

	/** Exam readiness: one line per exam part, with the exam's own share. */
	@GetMapping("/analyse/epreuves.xlsx")
	Mono<ResponseEntity<byte[]>> readinessXlsx(ServerWebExchange exchange) {
		Texts t = Texts.of(messages, exchange);
		record Line(Exams.Readiness exam, Exams.PartReadiness part) {
		}
		TableExport<Line> export = new TableExport<>(List.of(
				new Column<Line>(t.get("analysis.exam"), l -> l.exam().name() + " (" + l.exam().code() + ")"),
				new Column<Line>(t.get("analysis.ready"), l -> l.exam().ratio()),
				new Column<Line>(t.get("analysis.examPart"), l -> l.part().name()),
				new Column<Line>(t.get("grid.weight"), l -> l.part().weight()),
				new Column<Line>(t.get("analysis.partCompetencies"), l -> l.part().competencies()),
				new Column<Line>(t.get("analysis.partCovered"), l -> l.part().covered()),
				new Column<Line>(t.get("analysis.partReady"), l -> l.part().ratio())), display.zone());
		return export.xlsxDownload("epreuves", t.get("analysis.readiness"),
				exams.readiness().flatMapIterable(e -> e.parts().stream().map(p -> new Line(e, p)).toList()));
	}

	/** A référentiel's gaps, whole. */
	@GetMapping("/analyse/{id}/lacunes.xlsx")
	Mono<ResponseEntity<byte[]>> gapsXlsx(@PathVariable long id, ServerWebExchange exchange) {
		Texts t = Texts.of(messages, exchange);
		TableExport<Coverage.Gap> export = new TableExport<>(List.of(
				new Column<Coverage.Gap>(t.get("analysis.idnumber"), Coverage.Gap::idnumber),
				new Column<Coverage.Gap>(t.get("analysis.competency"), Coverage.Gap::shortname),
				new Column<Coverage.Gap>(t.get("analysis.treeDepth"), Coverage.Gap::depth)), display.zone());
		return export.xlsxDownload("lacunes", t.get("analysis.gapsSheet"), coverage.gaps(id).flatMapIterable(g -> g));
	}

	@PostMapping("/analyse/import")
	Mono<String> importFile(ServerWebExchange exchange, Authentication who) {
		Mono<Referentials.Imported> imported = exchange.getMultipartData()
			.flatMap(parts -> FormInput.upload(parts, "file", MAX_BYTES, "Choisissez le fichier du référentiel (CSV ou XLSX)."))
			.flatMap(file -> referentials.importFile(file.bytes(), who.getName()))
			.cache();
		return Flash.outcome(exchange, imported, "flash.imported")
			.flatMap(ok -> ok ? imported.map(i -> "redirect:/analyse/" + i.id()) : Mono.just("redirect:/analyse"));
	}
}
