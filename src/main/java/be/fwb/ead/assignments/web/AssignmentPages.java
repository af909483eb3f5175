package be.fwb.ead.assignments.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import be.fwb.ead.assignments.Assignment;
import be.fwb.ead.assignments.AssignmentFilter;
import be.fwb.ead.assignments.Assignments;
import be.fwb.ead.assignments.NewAssignment;
import be.fwb.ead.assignments.Reconciliation;
import be.fwb.ead.assignments.RoleAdoption;
import be.fwb.ead.catalogue.Catalogue;
import be.fwb.ead.catalogue.ModuleFilter;
import be.fwb.ead.catalogue.ModuleOrder;
import be.fwb.ead.catalogue.Placements;
import be.fwb.ead.shared.DisplaySettings;
import be.fwb.ead.shared.InvalidRequest;
import be.fwb.ead.shared.Paging;
import be.fwb.ead.shared.SchoolYear;
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
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The assignments' screens: a vacataire's assignments and the form to add one, the list, the reconciliation. */
@PageController
class AssignmentPages {

	private static final int MODULE_CHOICES = 50;
	private static final int RECONCILIATION_PAGE = 100;

	private final Assignments assignments;
	private final Reconciliation reconciliation;
	private final Catalogue catalogue;
	private final MessageSource messages;
	private final DisplaySettings display;
	private final RoleAdoption adoption;
	private final Placements placements;
	private final Clock clock;

	AssignmentPages(Assignments assignments, Reconciliation reconciliation, Catalogue catalogue, MessageSource messages,
			DisplaySettings display, RoleAdoption adoption, Placements placements, Clock clock) {
		this.assignments = assignments;
		this.reconciliation = reconciliation;
		this.catalogue = catalogue;
		this.messages = messages;
		this.display = display;
		this.adoption = adoption;
		this.placements = placements;
		this.clock = clock;
	}

	/** A vacataire's assignments: the section of their page (htmx), or a page of its own. */
	@GetMapping("/vacataires/{id}/affectations")
	String ofVacataire(@PathVariable long id, @RequestParam(required = false) @Nullable String moduleQ,
			@RequestParam(required = false) @Nullable Long module, @RequestParam(required = false) @Nullable String role,
			@RequestHeader(value = "HX-Request", required = false) @Nullable String htmx, Model model) {
		model.addAttribute("vacataireId", id);
		model.addAttribute("assignments", assignments.ofVacataire(id).collectList());
		// A module chosen beforehand (a reconciliation line, a refused form) is searched by its name.
		model.addAttribute("moduleQ", moduleQ != null || module == null ? Mono.justOrEmpty(moduleQ)
				: catalogue.find(module).map(be.fwb.ead.catalogue.Module::fullname));
		model.addAttribute("choices", module == null ? choices(moduleQ) : catalogue.find(module).map(List::of).defaultIfEmpty(List.of()));
		model.addAttribute("prefill", new Prefill(module, "AUTHOR".equals(role) ? "AUTHOR" : "TUTOR", adoption.schoolYear()));
		model.addAttribute("today", LocalDate.now(clock));
		model.addAttribute("moduleChoices", MODULE_CHOICES);
		// Someone who may not be assigned (candidate, suspended, gone) is offered no form that would be refused.
		model.addAttribute("status", assignments.status(id));
		return htmx != null ? "assignments/vacataire :: section" : "assignments/vacataire";
	}

	/**
	 * A module's assignments, the current and coming ones first: the section of the module's page (htmx), or a page of
	 * its own. What Moodle says of the module's people is on the module's page; what the EAD contracted is here.
	 */
	@GetMapping("/modules/{id}/affectations")
	String ofModule(@PathVariable long id, @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx,
			Model model) {
		LocalDate today = LocalDate.now(clock);
		model.addAttribute("moduleId", id);
		model.addAttribute("today", today);
		model.addAttribute("assignments", assignments.ofModule(id)
			.sort(java.util.Comparator.comparing((Assignment a) -> a.endsOn().isBefore(today)).thenComparing(Assignment::startsOn,
					java.util.Comparator.reverseOrder()))
			.collectList());
		if (htmx == null) {
			model.addAttribute("module", catalogue.find(id).switchIfEmpty(Mono.error(new be.fwb.ead.shared.NotFound(
					"Aucun module n’a l’identifiant " + id + "."))));
		}
		return htmx != null ? "assignments/module :: section" : "assignments/module";
	}

	/** What the form of a new assignment starts with: from a reconciliation line, its module and role; the school year. */
	record Prefill(@Nullable Long moduleId, String role, SchoolYear year) {
	}

	/** The modules matching a search, as the options of the form's module list (htmx, as one types). */
	@GetMapping("/affectations/choix-module")
	String moduleChoices(@RequestParam(required = false) @Nullable String moduleQ, Model model) {
		model.addAttribute("choices", choices(moduleQ));
		return "assignments/vacataire :: choices";
	}

	record AssignmentForm(@Nullable Long moduleId, @Nullable String role, @Nullable LocalDate startsOn,
			@Nullable LocalDate endsOn, @Nullable Integer hours, @Nullable String derogationReason) {
	}

	@PostMapping("/vacataires/{id}/affectations")
	Mono<String> create(@PathVariable long id, @ModelAttribute AssignmentForm f, Authentication who, ServerWebExchange exchange) {
		Mono<Assignment> create = Mono.defer(() -> f.moduleId() == null || f.hours() == null
				? Mono.error(InvalidRequest.ofField(f.moduleId() == null ? "moduleId" : "hours",
						"Choisissez un module et indiquez le nombre d’heures."))
				: assignments.create(new NewAssignment(id, f.moduleId(), f.role() == null ? "" : f.role(), f.startsOn(), f.endsOn(),
						f.hours(), f.derogationReason()), who.getName()));
		// Refused: the page opens on the refusal's summary, and its form of a new assignment shows the module chosen.
		return Flash.outcome(exchange, create, "flash.assigned").map(done -> done ? "redirect:/vacataires/" + id + "#affectations"
				: "redirect:/vacataires/" + id + query(new QueryString().add("module", f.moduleId())
					.add("role", "AUTHOR".equals(f.role()) ? "AUTHOR" : null).toString()) + "#flash");
	}

	record EndForm(@Nullable LocalDate endsOn, @Nullable String back) {
	}

	@PostMapping("/affectations/{id}/fin")
	Mono<String> end(@PathVariable long id, @ModelAttribute EndForm f, Authentication who, ServerWebExchange exchange) {
		return assignments.find(id)
			.flatMap(a -> Flash.outcome(exchange, Mono.defer(() -> assignments.end(id, f.endsOn() == null ? LocalDate.now(clock) : f.endsOn(),
					who.getName())), "flash.assignmentEnded")
				.thenReturn("rapprochement".equals(f.back()) ? "redirect:/affectations/rapprochement"
						: "redirect:/vacataires/" + a.vacataireId() + "#affectations"));
	}

	/** Cancels an assignment not started yet, from the vacataire's page. */
	@PostMapping("/affectations/{id}/annulation")
	Mono<String> cancel(@PathVariable long id, Authentication who, ServerWebExchange exchange) {
		return assignments.find(id)
			.flatMap(a -> Flash.outcome(exchange, Mono.defer(() -> assignments.cancel(id, who.getName())), "flash.assignmentCancelled")
				.thenReturn("redirect:/vacataires/" + a.vacataireId() + "#affectations"));
	}

	@GetMapping("/affectations")
	String list(@ModelAttribute("query") AssignmentQuery query,
			@RequestHeader(value = "HX-Target", required = false) @Nullable String target, ServerWebExchange exchange, Model model) {
		model.addAttribute("assignments", Pages.clamped(query.paging(), p -> assignments.search(query.filter(), p)));
		model.addAttribute("states", List.of(AssignmentFilter.State.values()));
		exchange.getResponse().getHeaders().add(org.springframework.http.HttpHeaders.VARY, "HX-Target");
		return "resultats".equals(target) ? "assignments/list :: results" : "assignments/list";
	}

	@GetMapping("/affectations/export.csv")
	ResponseEntity<Flux<DataBuffer>> csv(@ModelAttribute AssignmentQuery query, ServerWebExchange exchange) {
		return export(Texts.of(messages, exchange)).csvDownload("affectations", assignments.stream(query.filter()),
				exchange.getResponse().bufferFactory());
	}

	@GetMapping("/affectations/export.xlsx")
	Mono<ResponseEntity<byte[]>> xlsx(@ModelAttribute AssignmentQuery query, ServerWebExchange exchange) {
		Texts t = Texts.of(messages, exchange);
		return export(t).xlsxDownload("affectations", t.get("assignment.title"), assignments.stream(query.filter()));
	}

	/**
	 * The reconciliation's filters and view, as its address carries them: {@code vue} (lignes, vacataires, modules),
	 * {@code ecart} (the kind of line), {@code niveau}, {@code matiere}, {@code role}, {@code vacataire}, {@code module}.
	 */
	record ReconciliationQuery(@Nullable String vue, @Nullable String ecart, @Nullable String niveau, @Nullable String matiere,
			@Nullable String role, @Nullable Long vacataire, @Nullable Long module, @Nullable Integer page) implements ListQuery {

		Reconciliation.Filter filter() {
			Reconciliation.Kind kind = null;
			for (Reconciliation.Kind k : Reconciliation.Kind.values()) {
				if (k.name().equals(ecart)) {
					kind = k;
				}
			}
			return new Reconciliation.Filter(kind, niveau, matiere, "AUTHOR".equals(role) || "TUTOR".equals(role) ? role : null,
					vacataire, module);
		}

		Reconciliation.@Nullable GroupBy groupBy() {
			return "vacataires".equals(vue) ? Reconciliation.GroupBy.VACATAIRE
					: "modules".equals(vue) ? Reconciliation.GroupBy.MODULE : null;
		}

		@Override
		public String query(boolean paged, int otherPage) {
			return filters(vue).paging(paged, null, otherPage).toString();
		}

		/** The same filters in another view (its first page). */
		public String view(@Nullable String otherView) {
			return filters(otherView).toString();
		}

		private QueryString filters(@Nullable String otherView) {
			return new QueryString().add("vue", otherView, "lignes").add("ecart", ecart).add("niveau", niveau).add("matiere", matiere)
				.add("role", role).add("vacataire", vacataire).add("module", module);
		}
	}

	@GetMapping("/affectations/rapprochement")
	String reconciliation(@ModelAttribute ReconciliationQuery q, Model model) {
		Paging paging = Pages.paging(q.page(), null, RECONCILIATION_PAGE);
		model.addAttribute("query", q);
		model.addAttribute("filter", q.filter());
		Reconciliation.GroupBy by = q.groupBy();
		if (by == null) {
			model.addAttribute("lines", Pages.clamped(paging, p -> reconciliation.page(q.filter(), p)));
		}
		else {
			model.addAttribute("groups", reconciliation.groups(q.filter(), by, paging));
		}
		model.addAttribute("levels", placements.levels());
		model.addAttribute("subjects", placements.subjects());
		model.addAttribute("year", adoption.schoolYear());
		return "assignments/reconciliation";
	}

	/** The reconciliation's lines the filters keep, all of them (the view does not matter). */
	@GetMapping("/affectations/rapprochement/export.csv")
	ResponseEntity<Flux<DataBuffer>> reconciliationCsv(@ModelAttribute ReconciliationQuery q, ServerWebExchange exchange) {
		return reconciliationExport(Texts.of(messages, exchange)).csvDownload("rapprochement", reconciliation.lines(q.filter()),
				exchange.getResponse().bufferFactory());
	}

	@GetMapping("/affectations/rapprochement/export.xlsx")
	Mono<ResponseEntity<byte[]>> reconciliationXlsx(@ModelAttribute ReconciliationQuery q, ServerWebExchange exchange) {
		Texts t = Texts.of(messages, exchange);
		return reconciliationExport(t).xlsxDownload("rapprochement", t.get("reconciliation.title"), reconciliation.lines(q.filter()));
	}

	private TableExport<Reconciliation.Line> reconciliationExport(Texts t) {
		return new TableExport<>(List.of(
				new Column<Reconciliation.Line>(t.get("reconciliation.kind"), l -> t.get("reconciliation." + l.kind().name())),
				new Column<Reconciliation.Line>(t.get("vacataire.column"), Reconciliation.Line::vacataireName),
				new Column<Reconciliation.Line>(t.get("module.column"), Reconciliation.Line::moduleName),
				new Column<Reconciliation.Line>(t.get("vacataire.role"), l -> t.get("role." + l.role()))), display.zone());
	}

	record AcceptForm(long moduleId, long vacataireId, @Nullable String role, @Nullable String reason) {
	}

	@PostMapping("/affectations/rapprochement")
	Mono<String> accept(@ModelAttribute AcceptForm f, Authentication who, ServerWebExchange exchange) {
		return Flash.outcome(exchange, Mono.defer(() -> reconciliation.accept(f.moduleId(), f.vacataireId(),
				f.role() == null ? "" : f.role(), f.reason(), who.getName())), "flash.saved")
			.thenReturn("redirect:/affectations/rapprochement");
	}

	/**
	 * A bulk action on the Moodle roles without assignment: those ticked ({@code key}, {@code vacataireId:moduleId:ROLE}),
	 * or every one the filter keeps ({@code scope=filter}). {@code action=adopt} shows what adopting them would do,
	 * {@code action=accept} accepts them all for one reason.
	 */
	record BulkForm(@Nullable String vue, @Nullable String niveau, @Nullable String matiere, @Nullable String role,
			@Nullable Long vacataire, @Nullable Long module, @Nullable String scope, @Nullable List<String> key,
			@Nullable String action, @Nullable String reason, @Nullable LocalDate startsOn, @Nullable LocalDate endsOn,
			@Nullable Integer hours, @Nullable String confirm) {

		ReconciliationQuery query() {
			return new ReconciliationQuery(vue, null, niveau, matiere, role, vacataire, module, null);
		}

		/** The ticked lines, unless the whole filter was chosen: a selection with no line ticked acts on none. */
		boolean selection() {
			return !"filter".equals(scope);
		}

		List<String> ticked() {
			return key == null ? List.of() : key;
		}
	}

	@PostMapping("/affectations/rapprochement/lot")
	Mono<String> bulk(@ModelAttribute BulkForm f, Authentication who, ServerWebExchange exchange) {
		String back = "redirect:/affectations/rapprochement" + query(f.query().view(f.vue()));
		if ("accept".equals(f.action())) {
			return Flash.outcome(exchange, Mono.defer(() -> roles(f).flatMap(keys -> keys.isEmpty()
					? Mono.error(new InvalidRequest("Aucun rôle Moodle sans affectation à accepter : cochez des lignes, ou choisissez « tous ceux du filtre »."))
					: reconciliation.acceptAll(keys, f.reason(), who.getName()))), "flash.accepted").thenReturn(back);
		}
		if (f.selection() && f.ticked().isEmpty()) {
			// « Only the lines ticked », none ticked: said on the page, beside the choice, not a preview of nothing.
			return Flash.outcome(exchange, Mono.error(InvalidRequest.ofField("scope",
					"Aucune ligne cochée : cochez les lignes à adopter, ou choisissez « tous ceux du filtre ».")), "flash.saved")
				.thenReturn(back);
		}
		return Mono.just("redirect:" + previewAddress(f));
	}

	/** The preview is a page of its own (a read): its address carries the filter, or the ticked lines. */
	private static String previewAddress(BulkForm f) {
		QueryString preview = new QueryString().add("vue", f.vue()).add("niveau", f.niveau()).add("matiere", f.matiere())
			.add("role", f.role()).add("vacataire", f.vacataire()).add("module", f.module())
			.add("scope", f.selection() ? "selection" : "filter");
		if (f.selection()) {
			f.ticked().forEach(k -> preview.add("key", k));
		}
		return "/affectations/rapprochement/adoption?" + preview;
	}

	/** What adopting the roles would do: the preview, with the school year's dates, hours optional. */
	@GetMapping("/affectations/rapprochement/adoption")
	Mono<String> preview(@ModelAttribute BulkForm f, Authentication who, ServerWebExchange exchange, Model model) {
		return adoption(f, false, who, exchange, model, "redirect:/affectations/rapprochement" + query(f.query().view(f.vue())));
	}

	/**
	 * The adoption's preview again (other dates or hours), or, with {@code confirm}, the adoption itself. Dates or hours
	 * refused: back to the preview, the values typed beside their message.
	 */
	@PostMapping("/affectations/rapprochement/adoption")
	Mono<String> adopt(@ModelAttribute BulkForm f, Authentication who, ServerWebExchange exchange, Model model) {
		return adoption(f, f.confirm() != null, who, exchange, model, "redirect:" + previewAddress(f));
	}

	private Mono<String> adoption(BulkForm f, boolean apply, Authentication who, ServerWebExchange exchange, Model model,
			String back) {
		RoleAdoption.Terms terms = adoption.terms(f.startsOn(), f.endsOn(), f.hours());
		Mono<RoleAdoption.Outcome> outcome = roles(f).flatMap(keys -> keys.isEmpty()
				? Mono.error(new InvalidRequest("Aucun rôle Moodle sans affectation à adopter : cochez des lignes, ou choisissez « tous ceux du filtre »."))
				: apply ? adoption.adopt(keys, terms, who.getName()) : adoption.preview(keys, terms));
		return outcome.map(o -> {
			model.addAttribute("outcome", o);
			model.addAttribute("form", f);
			model.addAttribute("keys", f.selection() ? f.ticked() : List.of());
			model.addAttribute("query", f.query());
			return "assignments/adoption";
		}).onErrorResume(e -> e instanceof InvalidRequest,
				e -> Flash.outcome(exchange, Mono.error(e), "flash.saved").thenReturn(back));
	}

	/** The roles a bulk form names: those ticked that the filter still keeps, or all the filter keeps. */
	private Mono<List<Reconciliation.RoleKey>> roles(BulkForm f) {
		Mono<List<Reconciliation.RoleKey>> all = reconciliation.roles(f.query().filter()).collectList();
		if (!f.selection()) {
			return all;
		}
		java.util.Set<String> ticked = new java.util.HashSet<>(f.ticked());
		return all.map(keys -> keys.stream().filter(k -> ticked.contains(k.toString())).toList());
	}

	private static String query(String q) {
		return q.isEmpty() ? "" : "?" + q;
	}

	private Mono<List<be.fwb.ead.catalogue.Module>> choices(@Nullable String moduleQ) {
		return catalogue.search(new ModuleFilter(moduleQ, null, null, false, false, false), ModuleOrder.NAME,
				Paging.of(0, MODULE_CHOICES)).map(page -> page.items());
	}

	private TableExport<Assignment> export(Texts t) {
		return new TableExport<>(List.of(
				new Column<Assignment>(t.get("vacataire.column"), Assignment::vacataireName),
				new Column<Assignment>(t.get("module.column"), Assignment::moduleName),
				new Column<Assignment>(t.get("module.shortnameColumn"), Assignment::moduleShortname),
				new Column<Assignment>(t.get("vacataire.role"), a -> t.get("role." + a.role())),
				new Column<Assignment>(t.get("common.from"), Assignment::startsOn),
				new Column<Assignment>(t.get("common.to"), Assignment::endsOn),
				// 0: adopted from Moodle without hours; an empty cell, not a zero a sum would count.
				new Column<Assignment>(t.get("common.hours"), a -> a.hours() == 0 ? null : a.hours()),
				new Column<Assignment>(t.get("assignment.coverage"), a -> t.get("assignment.coverage." + a.coverage())),
				new Column<Assignment>(t.get("assignment.derogation"), Assignment::derogationReason),
				new Column<Assignment>(t.get("assignment.by"), Assignment::createdBy)), display.zone());
	}


}
