package be.fwb.ead.evaluations.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import be.fwb.ead.evaluations.EvaluationPlanning;
import be.fwb.ead.evaluations.Evaluations;
import be.fwb.ead.security.AccountAdministration;
import be.fwb.ead.security.Role;
import be.fwb.ead.shared.DisplaySettings;
import be.fwb.ead.shared.InvalidRequest;
import be.fwb.ead.shared.TableExport;
import be.fwb.ead.shared.TableExport.Column;
import be.fwb.ead.ui.Flash;
import be.fwb.ead.ui.FormInput;
import be.fwb.ead.ui.PageController;
import be.fwb.ead.ui.Texts;
import be.fwb.ead.vacataires.Vacataires;
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
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The evaluation screens: a vacataire's evaluations, the form on the grid, who is due and the planning of their evaluations. */
@PageController
class EvaluationPages {

	/** The day a planning form proposes: in two weeks. */
	private static final int PROPOSED_IN_DAYS = 14;

	private final Evaluations evaluations;
	private final EvaluationPlanning planning;
	private final Vacataires vacataires;
	private final AccountAdministration accounts;
	private final MessageSource messages;
	private final DisplaySettings display;
	private final java.time.Clock clock;

	EvaluationPages(Evaluations evaluations, EvaluationPlanning planning, Vacataires vacataires, AccountAdministration accounts,
			MessageSource messages, DisplaySettings display, java.time.Clock clock) {
		this.evaluations = evaluations;
		this.planning = planning;
		this.vacataires = vacataires;
		this.accounts = accounts;
		this.messages = messages;
		this.display = display;
		this.clock = clock;
	}

	/** A vacataire's evaluations with the form to record one: the section of their page (htmx), or a page of its own. */
	@GetMapping("/vacataires/{id}/evaluations")
	String ofVacataire(@PathVariable long id, @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx,
			Model model, org.springframework.security.core.Authentication who) {
		model.addAttribute("vacataireId", id);
		model.addAttribute("evaluations", evaluations.readBy(id, who.getName(), "page /vacataires/" + id + "/evaluations").collectList());
		model.addAttribute("grid", evaluations.grid().collectList());
		model.addAttribute("planned", planning.plannedFor(id));
		model.addAttribute("today", LocalDate.now(clock));
		return htmx != null ? "evaluations/vacataire :: section" : "evaluations/vacataire";
	}

	/** The form sends {@code score-<criterion>} and {@code comment-<criterion>} for each criterion of the grid. */
	@PostMapping("/vacataires/{id}/evaluations")
	Mono<String> record(@PathVariable long id, Authentication who, ServerWebExchange exchange) {
		Mono<Long> record = exchange.getFormData().flatMap(form -> evaluations.grid().collectList().flatMap(grid -> {
			List<Evaluations.Score> scores = new ArrayList<>();
			for (be.fwb.ead.grids.CriteriaGrid.Criterion c : grid) {
				String score = form.getFirst("score-" + c.id());
				if (score != null && score.matches("[1-4]")) {
					scores.add(new Evaluations.Score(c.id(), Integer.parseInt(score), form.getFirst("comment-" + c.id())));
				}
			}
			LocalDate on = FormInput.date(form, "evaluatedOn");
			return on == null ? Mono.error(InvalidRequest.ofField("evaluatedOn", "La date de l’évaluation est obligatoire."))
					: evaluations.record(id, on, scores, form.getFirst("comment"), who.getName());
		}));
		return Flash.outcome(exchange, record, "flash.evaluated").thenReturn("redirect:/vacataires/" + id + "#evaluations");
	}

	/**
	 * Who is due an evaluation, with the form that plans theirs in bulk: every one without an evaluation planned to come
	 * ticked, or only {@code vacataire} when given (from the attention list's line about them).
	 */
	@GetMapping("/evaluations/a-faire")
	String due(@org.springframework.web.bind.annotation.RequestParam(required = false) @Nullable Long vacataire, Model model,
			Authentication who) {
		LocalDate today = LocalDate.now(clock);
		model.addAttribute("due", evaluations.due().collectList());
		model.addAttribute("grid", evaluations.grid().collectList());
		model.addAttribute("today", today);
		model.addAttribute("proposedDay", today.plusDays(PROPOSED_IN_DAYS));
		model.addAttribute("only", vacataire);
		model.addAttribute("me", who.getName());
		model.addAttribute("evaluators", accounts.all().filter(a -> a.enabled() && a.role() == Role.COORDINATOR).collectList());
		return "evaluations/due";
	}

	/**
	 * The planning form: the vacataires ticked ({@code vacataireId}, repeated), or with {@code scope=due} every one due
	 * without an evaluation planned to come; a day ({@code plannedOn}) and an evaluator ({@code evaluator}, the author
	 * when absent). Answers the outcome, refusals listed; a refused day or evaluator goes back to the form
	 * ({@code back=attention}: the attention list), kept and explained beside its field.
	 */
	@PostMapping("/evaluations/planification")
	Mono<String> plan(@ModelAttribute PlanForm f, Authentication who, ServerWebExchange exchange, Model model) {
		LocalDate today = LocalDate.now(clock);
		Mono<List<Long>> ids = "due".equals(f.scope())
				? evaluations.due().filter(d -> !d.plannedFrom(today)).map(Evaluations.Due::vacataireId).collectList()
				: Mono.just(f.vacataireId() == null ? List.of() : f.vacataireId());
		return ids.flatMap(list -> planning.plan(list, f.plannedOn(), f.evaluator(), who.getName()))
			.map(outcome -> {
				model.addAttribute("outcome", outcome);
				return "evaluations/planned";
			})
			.onErrorResume(e -> e instanceof InvalidRequest, e -> Flash.outcome(exchange, Mono.error(e), "flash.saved")
				.thenReturn("attention".equals(f.back()) ? "redirect:/attention#EVALUATION_DUE" : "redirect:/evaluations/a-faire#planifier"));
	}

	record PlanForm(@Nullable List<Long> vacataireId, @Nullable String scope, @Nullable LocalDate plannedOn,
			@Nullable String evaluator, @Nullable String back) {
	}

	@PostMapping("/evaluations/grille")
	Mono<String> configure(Authentication who, ServerWebExchange exchange) {
		return Flash.outcome(exchange, exchange.getFormData()
			.flatMap(form -> evaluations.configure(be.fwb.ead.grids.CriteriaGrid.fromForm(form), who.getName())), "flash.saved")
			.thenReturn("redirect:/evaluations/a-faire#grille");
	}

	@GetMapping("/evaluations/export.csv")
	ResponseEntity<Flux<DataBuffer>> csv(ServerWebExchange exchange) {
		return export(Texts.of(messages, exchange)).csvDownload("evaluations", rows(), exchange.getResponse().bufferFactory());
	}

	@GetMapping("/evaluations/export.xlsx")
	Mono<ResponseEntity<byte[]>> xlsx(ServerWebExchange exchange) {
		Texts t = Texts.of(messages, exchange);
		return export(t).xlsxDownload("evaluations", t.get("evaluation.title"), rows());
	}

	/** An evaluation with the vacataire's name. */
	record Row(String name, Evaluations.Evaluation evaluation) {
	}

	private Flux<Row> rows() {
		return vacataires.namesById().flatMapMany(names -> evaluations.all()
			.map(e -> new Row(names.getOrDefault(e.vacataireId(), "#" + e.vacataireId()), e)));
	}

	private TableExport<Row> export(Texts t) {
		List<Column<Row>> columns = new ArrayList<>(List.of(
				new Column<Row>(t.get("vacataire.name"), Row::name),
				new Column<Row>(t.get("common.date"), r -> r.evaluation().evaluatedOn()),
				new Column<Row>(t.get("evaluation.evaluator"), r -> r.evaluation().evaluator()),
				new Column<Row>(t.get("evaluation.mean"), r -> r.evaluation().weightedScore()),
				new Column<Row>(t.get("evaluation.overall"), r -> r.evaluation().comment()),
				new Column<Row>(t.get("evaluation.acknowledgedOn"), r -> r.evaluation().acknowledgedAt()),
				new Column<Row>(t.get("evaluation.vacataireComment"), r -> r.evaluation().vacataireComment())));
		return new TableExport<>(columns, display.zone());
	}


}
