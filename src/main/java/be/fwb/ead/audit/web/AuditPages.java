package be.fwb.ead.audit.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import be.fwb.ead.audit.AuditTrail;
import be.fwb.ead.audit.ChangeLog;
import be.fwb.ead.shared.DisplaySettings;
import be.fwb.ead.shared.InvalidRequest;
import be.fwb.ead.shared.PageOf;
import be.fwb.ead.shared.Paging;
import be.fwb.ead.shared.TableExport;
import be.fwb.ead.shared.TableExport.Column;
import be.fwb.ead.ui.Flash;
import be.fwb.ead.ui.ListQuery;
import be.fwb.ead.ui.PageController;
import be.fwb.ead.ui.Pages;
import be.fwb.ead.ui.QueryString;
import be.fwb.ead.ui.Texts;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The audit trail on screen (coordinators): the changes and the reads of evaluations, searched and exported. */
@PageController
class AuditPages {

	static final int PAGE_SIZE = 50;

	/** The kinds of object the change log names (its {@code entity} codes); each has its words, {@code audit.entity.<code>}. */
	static final List<String> ENTITIES = List.of("account", "assignment", "availability", "campaign", "candidacy", "category_mapping",
			"competency_mapping", "contract", "evaluation", "evaluation_criterion", "exam", "gdpr_retention", "module", "module_role",
			"moodle_course", "moodle_user", "reconciliation", "recruitment_criterion", "referential", "review", "review_campaign",
			"rubric", "title", "training", "training_requirement", "vacataire", "vacataire_title");

	private final AuditTrail trail;
	private final MessageSource messages;
	private final DisplaySettings display;

	AuditPages(AuditTrail trail, MessageSource messages, DisplaySettings display) {
		this.trail = trail;
		this.messages = messages;
		this.display = display;
	}

	/** The search as the address gives it, and the links it makes. */
	record Query(@Nullable String qui, @Nullable String objet, @Nullable String vacataire, @Nullable LocalDate du,
			@Nullable LocalDate au, @Nullable String q, int page) implements ListQuery {

		AuditTrail.Filter filter() {
			return new AuditTrail.Filter(qui, objet, null, vacataire, du, au, q);
		}

		@Override
		public String query(boolean paged, int n) {
			String f = new QueryString().add("qui", qui).add("objet", objet).add("vacataire", vacataire).add("du", du).add("au", au)
				.add("q", q).toString();
			return paged ? (f.isEmpty() ? "" : f + "&") + "page=" + n : f;
		}
	}

	@GetMapping("/journal")
	String journal(@RequestParam(required = false) @Nullable String qui, @RequestParam(required = false) @Nullable String objet,
			@RequestParam(required = false) @Nullable String vacataire, @RequestParam(required = false) @Nullable LocalDate du,
			@RequestParam(required = false) @Nullable LocalDate au, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable Integer page, @RequestParam(required = false) @Nullable LocalDate from,
			@RequestParam(required = false) @Nullable LocalDate to, Model model, ServerWebExchange exchange) {
		Query query = new Query(blank(qui), blank(objet), blank(vacataire), either(du, from), either(au, to), blank(q), page == null ? 1 : page);
		model.addAttribute("query", query);
		AuditTrail.Filter filter;
		try {
			filter = query.filter();
		}
		catch (InvalidRequest e) {
			// A period that ends before it begins: the page and its filters as typed, the refusal at the top, no line.
			exchange.getResponse().setStatusCode(HttpStatus.BAD_REQUEST);
			model.addAttribute("flash", Flash.refusal(exchange, e));
			model.addAttribute("flashTitle", "flash.searchRefused");
			model.addAttribute("changes", new PageOf<>(List.of(), 0, 1, PAGE_SIZE));
			model.addAttribute("reads", new PageOf<>(List.of(), 0, 1, 20));
			return page(model, exchange);
		}
		model.addAttribute("changes", Pages.clamped(Pages.paging(page, PAGE_SIZE, PAGE_SIZE), p -> trail.changes(filter, p)));
		model.addAttribute("reads", trail.reads(filter, Paging.of(0, 20)));
		return page(model, exchange);
	}

	private String page(Model model, ServerWebExchange exchange) {
		Texts texts = Texts.of(messages, exchange);
		Map<String, String> labels = labels(texts);
		// A change's before and after as people read them (labels, local times, codes by their words), not JSON.
		model.addAttribute("readable", new be.fwb.ead.ui.ReadableData(texts, display.zone()));
		model.addAttribute("entityLabels", labels);
		model.addAttribute("entities", labels.keySet());
		return "audit/journal";
	}

	@GetMapping("/journal/export.csv")
	ResponseEntity<Flux<DataBuffer>> csv(@RequestParam(required = false) @Nullable String qui,
			@RequestParam(required = false) @Nullable String objet, @RequestParam(required = false) @Nullable String vacataire,
			@RequestParam(required = false) @Nullable LocalDate du, @RequestParam(required = false) @Nullable LocalDate au,
			@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable LocalDate from,
			@RequestParam(required = false) @Nullable LocalDate to, ServerWebExchange exchange) {
		AuditTrail.Filter filter = new AuditTrail.Filter(blank(qui), blank(objet), null, blank(vacataire), either(du, from), either(au, to),
				blank(q));
		return export(Texts.of(messages, exchange)).csvDownload("journal", trail.allChanges(filter), exchange.getResponse().bufferFactory());
	}

	@GetMapping("/journal/export.xlsx")
	Mono<ResponseEntity<byte[]>> xlsx(@RequestParam(required = false) @Nullable String qui,
			@RequestParam(required = false) @Nullable String objet, @RequestParam(required = false) @Nullable String vacataire,
			@RequestParam(required = false) @Nullable LocalDate du, @RequestParam(required = false) @Nullable LocalDate au,
			@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable LocalDate from,
			@RequestParam(required = false) @Nullable LocalDate to, ServerWebExchange exchange) {
		AuditTrail.Filter filter = new AuditTrail.Filter(blank(qui), blank(objet), null, blank(vacataire), either(du, from), either(au, to),
				blank(q));
		Texts t = Texts.of(messages, exchange);
		return export(t).xlsxDownload("journal", t.get("audit.title"), trail.allChanges(filter));
	}

	/** Each kind of object, code → its words, in the order of the words (fr-BE: accents sort with their letter). */
	static Map<String, String> labels(Texts t) {
		java.text.Collator order = java.text.Collator.getInstance(java.util.Locale.forLanguageTag("fr-BE"));
		Map<String, String> labels = new LinkedHashMap<>();
		ENTITIES.stream().map(code -> Map.entry(code, t.getOrDefault("audit.entity." + code, code)))
			.sorted(Map.Entry.comparingByValue(order))
			.forEach(e -> labels.put(e.getKey(), e.getValue()));
		return labels;
	}

	private TableExport<ChangeLog.Entry> export(Texts t) {
		Map<String, String> labels = labels(t);
		return new TableExport<>(List.of(new Column<ChangeLog.Entry>(t.get("common.date"), ChangeLog.Entry::at),
				new Column<ChangeLog.Entry>(t.get("audit.author"), ChangeLog.Entry::author),
				new Column<ChangeLog.Entry>(t.get("audit.entity"), e -> labels.getOrDefault(e.entity(), e.entity())),
				new Column<ChangeLog.Entry>(t.get("audit.entityId"), ChangeLog.Entry::entityId),
				new Column<ChangeLog.Entry>(t.get("audit.vacataire"), ChangeLog.Entry::vacataireId),
				new Column<ChangeLog.Entry>(t.get("audit.action"), ChangeLog.Entry::action),
				new Column<ChangeLog.Entry>(t.get("audit.summary"), ChangeLog.Entry::summary),
				new Column<ChangeLog.Entry>(t.get("audit.before"), ChangeLog.Entry::before),
				new Column<ChangeLog.Entry>(t.get("audit.after"), ChangeLog.Entry::after),
				new Column<ChangeLog.Entry>(t.get("audit.reason"), ChangeLog.Entry::reason)), display.zone());
	}

	/**
	 * The page's French name of a date ({@code du}, {@code au}) or the API's ({@code from}, {@code to}): an address
	 * written for one works on the other, and an invalid date in either answers 400, never ignored.
	 */
	private static @Nullable LocalDate either(@Nullable LocalDate french, @Nullable LocalDate api) {
		return french != null ? french : api;
	}

	private static @Nullable String blank(@Nullable String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}
}
