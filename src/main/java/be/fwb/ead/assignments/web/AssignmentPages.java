package be.fwb.ead.assignments.web;

import java.time.LocalDate;
import java.util.List;

import be.fwb.ead.assignments.Assignment;
import be.fwb.ead.assignments.Assignments;
import be.fwb.ead.assignments.NewAssignment;
import be.fwb.ead.assignments.Reconciliation;
import be.fwb.ead.catalogue.Catalogue;
import be.fwb.ead.catalogue.ModuleFilter;
import be.fwb.ead.catalogue.ModuleOrder;
import be.fwb.ead.shared.DisplaySettings;
import be.fwb.ead.shared.Flash;
import be.fwb.ead.shared.InvalidRequest;
import be.fwb.ead.shared.PageController;
import be.fwb.ead.shared.Paging;
import be.fwb.ead.shared.TableExport;
import be.fwb.ead.shared.Texts;
import be.fwb.ead.shared.TableExport.Column;
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

	AssignmentPages(Assignments assignments, Reconciliation reconciliation, Catalogue catalogue, MessageSource messages,
			DisplaySettings display) {
		this.assignments = assignments;
		this.reconciliation = reconciliation;
		this.catalogue = catalogue;
		this.messages = messages;
		this.display = display;
	}

	/** A vacataire's assignments: the section of their page (htmx), or a page of its own. */
	@GetMapping("/vacataires/{id}/affectations")
	String ofVacataire(@PathVariable long id, @RequestParam(required = false) @Nullable String moduleQ,
			@RequestHeader(value = "HX-Request", required = false) @Nullable String htmx, Model model) {
		model.addAttribute("vacataireId", id);
		model.addAttribute("assignments", assignments.ofVacataire(id).collectList());
		model.addAttribute("moduleQ", moduleQ);
		model.addAttribute("choices", choices(moduleQ));
		model.addAttribute("today", LocalDate.now());
		return htmx != null ? "assignments/vacataire :: section" : "assignments/vacataire";
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
				? Mono.error(new InvalidRequest("Choisissez un module et indiquez le nombre d'heures."))
				: assignments.create(new NewAssignment(id, f.moduleId(), f.role() == null ? "" : f.role(), f.startsOn(), f.endsOn(),
						f.hours(), f.derogationReason()), who.getName()));
		return Flash.outcome(exchange, create, "flash.assigned").thenReturn("redirect:/vacataires/" + id + "#affectations");
	}

	record EndForm(@Nullable LocalDate endsOn, @Nullable String back) {
	}

	@PostMapping("/affectations/{id}/fin")
	Mono<String> end(@PathVariable long id, @ModelAttribute EndForm f, Authentication who, ServerWebExchange exchange) {
		return assignments.find(id)
			.flatMap(a -> Flash.outcome(exchange, Mono.defer(() -> assignments.end(id, f.endsOn() == null ? LocalDate.now() : f.endsOn(),
					who.getName())), "flash.saved")
				.thenReturn("rapprochement".equals(f.back()) ? "redirect:/affectations/rapprochement"
						: "redirect:/vacataires/" + a.vacataireId() + "#affectations"));
	}

	@GetMapping("/affectations")
	String list(@RequestParam(defaultValue = "true") boolean current, Model model) {
		model.addAttribute("current", current);
		model.addAttribute("assignments", assignments.all(current).collectList());
		return "assignments/list";
	}

	@GetMapping("/affectations/export.csv")
	ResponseEntity<Flux<DataBuffer>> csv(@RequestParam(defaultValue = "true") boolean current, ServerWebExchange exchange) {
		return export(Texts.of(messages, exchange)).csvDownload("affectations", assignments.all(current), exchange.getResponse().bufferFactory());
	}

	@GetMapping("/affectations/export.xlsx")
	Mono<ResponseEntity<byte[]>> xlsx(@RequestParam(defaultValue = "true") boolean current, ServerWebExchange exchange) {
		Texts t = Texts.of(messages, exchange);
		return export(t).xlsxDownload("affectations", t.get("assignment.title"), assignments.all(current));
	}

	/** The reconciliation's query string: only the page. */
	record ReconciliationQuery(int page) implements be.fwb.ead.shared.ListQuery {

		@Override
		public String query(boolean paged, int otherPage) {
			return new be.fwb.ead.shared.QueryString().paging(paged, null, otherPage).toString();
		}
	}

	@GetMapping("/affectations/rapprochement")
	String reconciliation(@RequestParam(required = false) @Nullable Integer page, Model model) {
		Paging paging = Paging.ofPageNumber(page, null, RECONCILIATION_PAGE);
		model.addAttribute("query", new ReconciliationQuery(paging.page() + 1));
		model.addAttribute("lines", be.fwb.ead.shared.PageOf.clamped(paging, reconciliation::page));
		return "assignments/reconciliation";
	}

	record AcceptForm(long moduleId, long vacataireId, @Nullable String role, @Nullable String reason) {
	}

	@PostMapping("/affectations/rapprochement")
	Mono<String> accept(@ModelAttribute AcceptForm f, Authentication who, ServerWebExchange exchange) {
		return Flash.outcome(exchange, Mono.defer(() -> reconciliation.accept(f.moduleId(), f.vacataireId(),
				f.role() == null ? "" : f.role(), f.reason(), who.getName())), "flash.saved")
			.thenReturn("redirect:/affectations/rapprochement");
	}

	private Mono<List<be.fwb.ead.catalogue.Module>> choices(@Nullable String moduleQ) {
		return catalogue.search(new ModuleFilter(moduleQ, null, null, false, false, false), ModuleOrder.NAME,
				Paging.of(0, MODULE_CHOICES)).map(page -> page.items());
	}

	private TableExport<Assignment> export(Texts t) {
		return new TableExport<>(List.of(
				new Column<Assignment>(t.get("vacataire.name"), Assignment::vacataireName),
				new Column<Assignment>(t.get("module.fullname"), Assignment::moduleName),
				new Column<Assignment>(t.get("module.shortname"), Assignment::moduleShortname),
				new Column<Assignment>(t.get("vacataire.role"), a -> t.get("role." + a.role())),
				new Column<Assignment>(t.get("common.from"), Assignment::startsOn),
				new Column<Assignment>(t.get("common.to"), Assignment::endsOn),
				new Column<Assignment>(t.get("common.hours"), Assignment::hours),
				new Column<Assignment>(t.get("assignment.coverage"), a -> t.get("assignment.coverage." + a.coverage())),
				new Column<Assignment>(t.get("assignment.derogation"), Assignment::derogationReason),
				new Column<Assignment>(t.get("assignment.by"), Assignment::createdBy)), display.zone());
	}


}
