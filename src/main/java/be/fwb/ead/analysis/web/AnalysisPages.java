package be.fwb.ead.analysis.web;

import java.util.List;

import be.fwb.ead.analysis.CatalogueCoverage;
import be.fwb.ead.analysis.ExamReadiness;
import be.fwb.ead.analysis.Priorities;
import be.fwb.ead.analysis.Production;
import be.fwb.ead.referentials.Referentials;
import be.fwb.ead.shared.DisplaySettings;
import be.fwb.ead.shared.TableExport;
import be.fwb.ead.shared.TableExport.Column;
import be.fwb.ead.shared.Texts;
import be.fwb.ead.shared.PageController;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The catalogue analysis screens: the référentiels with the exam readiness, the modules to adapt first and what to
 * produce; a référentiel's heatmap, gaps and overlaps; their spreadsheets. The référentiels themselves (import, export,
 * versions) are {@code referentials.web.ReferentialPages}'.
 */
@PageController
class AnalysisPages {

	private static final int SHOWN = 100;

	private final Referentials referentials;
	private final CatalogueCoverage coverage;
	private final ExamReadiness readiness;
	private final Priorities priorities;
	private final Production production;
	private final MessageSource messages;
	private final DisplaySettings display;

	AnalysisPages(Referentials referentials, CatalogueCoverage coverage, ExamReadiness readiness, Priorities priorities,
			Production production, MessageSource messages, DisplaySettings display) {
		this.referentials = referentials;
		this.coverage = coverage;
		this.readiness = readiness;
		this.priorities = priorities;
		this.production = production;
		this.messages = messages;
		this.display = display;
	}

	/** The domains to produce for, whole, with their ingredients. */
	@GetMapping("/analyse/a-produire.xlsx")
	Mono<ResponseEntity<byte[]>> toProduceXlsx(ServerWebExchange exchange) {
		Texts t = Texts.of(messages, exchange);
		TableExport<Production.ToProduce> export = new TableExport<>(List.of(
				Column.<Production.ToProduce>decimal(t.get("analysis.examStake"), Production.ToProduce::examStake),
				new Column<Production.ToProduce>(t.get("analysis.referential"), Production.ToProduce::referential),
				new Column<Production.ToProduce>(t.get("analysis.idnumber"), Production.ToProduce::idnumber),
				new Column<Production.ToProduce>(t.get("analysis.domain"), Production.ToProduce::shortname),
				new Column<Production.ToProduce>(t.get("analysis.open"), Production.ToProduce::open),
				new Column<Production.ToProduce>(t.get("analysis.domainSize"), Production.ToProduce::competencies),
				new Column<Production.ToProduce>(t.get("analysis.openList"), p -> String.join(", ", p.openIdnumbers())),
				new Column<Production.ToProduce>(t.get("analysis.examParts"), p -> String.join(" ; ", p.examParts()))),
				display.zone());
		return export.xlsxDownload("a-produire", t.get("analysis.toProduce"), production.ranked().flatMapIterable(l -> l));
	}

	/**
	 * The coverage matrix in XLSX: one row per current module (of the category, if given), one column per competency
	 * (I, T or M for the depth), a column and a row of totals.
	 */
	@GetMapping("/analyse/{id}/matrice.xlsx")
	Mono<ResponseEntity<byte[]>> matrixXlsx(@PathVariable long id, @RequestParam(required = false) @Nullable Long categoryId,
			ServerWebExchange exchange) {
		Texts t = Texts.of(messages, exchange);
		return coverage.matrix(id, categoryId).flatMap(m -> {
			if (m.columns().size() > MAX_XLSX_COLUMNS) {
				return Mono.error(new be.fwb.ead.shared.InvalidRequest("La matrice a " + m.columns().size() + " compétences ; un "
						+ "classeur en accepte au plus " + MAX_XLSX_COLUMNS + " : choisissez une matière."));
			}
			// Dense per row: 0 for no mapping, else the depth's ordinal + 1.
			byte[][] dense = new byte[m.rows().size()][m.columns().size()];
			for (int r = 0; r < dense.length; r++) {
				int[] cells = m.cells().get(r);
				for (int i = 0; i < cells.length; i += 2) {
					dense[r][cells[i]] = (byte) (cells[i + 1] + 1);
				}
			}
			String[] letters = { t.get("analysis.letter.INTRODUCED"), t.get("analysis.letter.WORKED"), t.get("analysis.letter.MASTERED") };
			List<Column<Integer>> columns = new java.util.ArrayList<>();
			columns.add(new Column<Integer>(t.get("module.shortname"), r -> r < 0 ? t.get("analysis.total") : m.rows().get(r).shortname()));
			columns.add(new Column<Integer>(t.get("module.column"), r -> r < 0 ? "" : m.rows().get(r).fullname()));
			columns.add(new Column<Integer>(t.get("analysis.total"), r -> r < 0 ? m.mappings() : m.rows().get(r).competencies()));
			for (int c = 0; c < m.columns().size(); c++) {
				int column = c;
				columns.add(new Column<Integer>(m.columns().get(c).idnumber(), r -> {
					if (r < 0) {
						return m.columns().get(column).modules();
					}
					int depth = dense[r][column];
					return depth == 0 ? null : letters[depth - 1];
				}));
			}
			return new TableExport<>(columns, display.zone()).xlsxDownload("matrice", t.get("analysis.matrix"),
					reactor.core.publisher.Flux.concat(reactor.core.publisher.Flux.range(0, m.rows().size()),
							Mono.just(-1)));
		});
	}

	private static final int MAX_XLSX_COLUMNS = 16_000;

	/**
	 * @param epreuve an exam's code: the modules to adapt first for it (CEB, CE1D, CESS…)
	 * @param niveau a level's category: the modules to adapt first in it
	 */
	@GetMapping("/analyse")
	String index(@RequestParam(required = false) @Nullable String epreuve, @RequestParam(required = false) @Nullable Long niveau,
			Model model) {
		Priorities.Filter filter = filter(epreuve, niveau);
		model.addAttribute("referentials", referentials.all().collectList());
		model.addAttribute("readiness", readiness.all().collectList());
		model.addAttribute("orphans", coverage.orphans().count());
		model.addAttribute("filter", filter);
		model.addAttribute("levels", priorities.levels().collectList());
		model.addAttribute("priorities", priorities.ranked(filter).map(p -> p.size() > 30 ? p.subList(0, 30) : p));
		model.addAttribute("toProduce", production.ranked().map(p -> p.size() > 20 ? p.subList(0, 20) : p));
		return "analysis/index";
	}

	/** The whole ranked list, with the ingredients of each score. */
	@GetMapping("/analyse/priorites.xlsx")
	Mono<ResponseEntity<byte[]>> prioritiesXlsx(@RequestParam(required = false) @Nullable String epreuve,
			@RequestParam(required = false) @Nullable Long niveau, ServerWebExchange exchange) {
		Texts t = Texts.of(messages, exchange);
		TableExport<Priorities.Priority> export = new TableExport<>(List.of(
				new Column<Priorities.Priority>(t.get("analysis.score"), Priorities.Priority::score),
				new Column<Priorities.Priority>(t.get("module.fullname"), Priorities.Priority::fullname),
				new Column<Priorities.Priority>(t.get("module.shortname"), Priorities.Priority::shortname),
				Column.<Priorities.Priority>percent(t.get("analysis.examGap"), Priorities.Priority::examGap),
				new Column<Priorities.Priority>(t.get("analysis.examPart"), Priorities.Priority::examPart),
				new Column<Priorities.Priority>(t.get("module.learners"), Priorities.Priority::learners),
				Column.<Priorities.Priority>percent(t.get("analysis.demand"), Priorities.Priority::demand),
				new Column<Priorities.Priority>(t.get("module.changed"), Priorities.Priority::contentChangedAt),
				Column.<Priorities.Priority>percent(t.get("analysis.staleness"), Priorities.Priority::staleness),
				new Column<Priorities.Priority>(t.get("analysis.review"),
						p -> p.reviewState() == null ? null : t.get("review.state." + p.reviewState())),
				new Column<Priorities.Priority>(t.get("analysis.score") + " (" + t.get("analysis.review") + ")", Priorities.Priority::reviewScore),
				Column.<Priorities.Priority>percent(t.get("analysis.qualityGap"), Priorities.Priority::qualityGap)), display.zone());
		return export.xlsxDownload("priorites", t.get("analysis.priorities"),
				priorities.ranked(filter(epreuve, niveau)).flatMapIterable(list -> list));
	}

	private static Priorities.Filter filter(@Nullable String exam, @Nullable Long level) {
		return new Priorities.Filter(exam == null || exam.isBlank() ? null : exam.trim(), level);
	}

	/**
	 * @param categoryId a level or subject: only its modules; under a subject, one row per module (the zoom)
	 * @param depth the depth of the heatmap's columns in the tree (2: domains)
	 */
	@GetMapping("/analyse/{id}")
	String referential(@PathVariable long id, @RequestParam(required = false) @Nullable Long categoryId,
			@RequestParam(defaultValue = "2") int depth, @RequestParam(defaultValue = "false") boolean modules, Model model) {
		// One matrix of all current modules serves the gaps, the overlaps and, unless zoomed in, the heatmap.
		Mono<CatalogueCoverage.Matrix> all = coverage.matrix(id, null).cache();
		Mono<List<CatalogueCoverage.Gap>> gaps = all.map(CatalogueCoverage::gaps).cache();
		int columns = Math.max(1, Math.min(depth, 6));
		model.addAttribute("referential", referentials.find(id));
		model.addAttribute("heatmap", categoryId == null ? all.flatMap(m -> coverage.heatmap(m, null, columns, modules))
				: coverage.heatmap(id, categoryId, columns, modules));
		model.addAttribute("gaps", gaps.map(g -> g.size() > SHOWN ? g.subList(0, SHOWN) : g));
		model.addAttribute("gapCount", gaps.map(List::size));
		model.addAttribute("overlaps", all.map(m -> {
			List<CatalogueCoverage.Overlap> o = CatalogueCoverage.overlaps(m, 5);
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
		record Line(ExamReadiness.Readiness exam, ExamReadiness.PartReadiness part) {
		}
		TableExport<Line> export = new TableExport<>(List.of(
				new Column<Line>(t.get("analysis.exam"), l -> l.exam().name() + " (" + l.exam().code() + ")"),
				Column.<Line>percent(t.get("analysis.ready"), l -> l.exam().ratio()),
				new Column<Line>(t.get("analysis.examPart"), l -> l.part().name()),
				new Column<Line>(t.get("grid.weight"), l -> l.part().weight()),
				new Column<Line>(t.get("analysis.partCompetencies"), l -> l.part().competencies()),
				new Column<Line>(t.get("analysis.partCovered"), l -> l.part().covered()),
				Column.<Line>percent(t.get("analysis.partReady"), l -> l.part().ratio())), display.zone());
		return export.xlsxDownload("epreuves", t.get("analysis.readiness"),
				readiness.all().flatMapIterable(e -> e.parts().stream().map(p -> new Line(e, p)).toList()));
	}

	/** A référentiel's gaps, whole. */
	@GetMapping("/analyse/{id}/lacunes.xlsx")
	Mono<ResponseEntity<byte[]>> gapsXlsx(@PathVariable long id, ServerWebExchange exchange) {
		Texts t = Texts.of(messages, exchange);
		TableExport<CatalogueCoverage.Gap> export = new TableExport<>(List.of(
				new Column<CatalogueCoverage.Gap>(t.get("analysis.idnumber"), CatalogueCoverage.Gap::idnumber),
				new Column<CatalogueCoverage.Gap>(t.get("analysis.competency"), CatalogueCoverage.Gap::shortname),
				new Column<CatalogueCoverage.Gap>(t.get("analysis.treeDepth"), CatalogueCoverage.Gap::depth)), display.zone());
		return export.xlsxDownload("lacunes", t.get("analysis.gapsSheet"), coverage.gaps(id).flatMapIterable(g -> g));
	}
}
