package be.fwb.ead.gdpr.web;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import be.fwb.ead.gdpr.PersonalData;
import be.fwb.ead.shared.DisplaySettings;
import be.fwb.ead.shared.InvalidRequest;
import be.fwb.ead.shared.NotFound;
import be.fwb.ead.shared.Refused;
import be.fwb.ead.ui.Flash;
import be.fwb.ead.ui.PageController;
import be.fwb.ead.ui.ReadableData;
import be.fwb.ead.ui.Texts;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * A person's data, readable (coordinators): every table that holds some under French labels, as a page, a printable
 * page and the JSON file; and their erasure, after a page that says what will go and what stays.
 */
@PageController
class GdprPages {

	private final PersonalData data;
	private final MessageSource messages;
	private final DisplaySettings display;
	private final Clock clock;

	GdprPages(PersonalData data, MessageSource messages, DisplaySettings display, Clock clock) {
		this.clock = clock;
		this.data = data;
		this.messages = messages;
		this.display = display;
	}

	@GetMapping("/vacataires/{id}/donnees")
	Mono<String> page(@PathVariable long id, Model model, ServerWebExchange exchange) {
		return report(id, model, exchange).thenReturn("gdpr/personal-data");
	}

	/** The same report, without the menu, for paper or PDF. */
	@GetMapping("/vacataires/{id}/donnees/imprimable")
	Mono<String> printable(@PathVariable long id, Model model, ServerWebExchange exchange) {
		return report(id, model, exchange).thenReturn("gdpr/personal-data-print");
	}

	/** The same export as the API's, as a file, for the signed-in coordinator. */
	@GetMapping("/vacataires/{id}/donnees.json")
	Mono<ResponseEntity<Map<String, Object>>> json(@PathVariable long id) {
		return data.export(id).map(d -> GdprController.download(id, d));
	}

	/** What an erasure would delete, pseudonymise and keep, and the form that confirms it. */
	@GetMapping("/vacataires/{id}/donnees/anonymisation")
	Mono<String> confirmation(@PathVariable long id, Model model, ServerWebExchange exchange) {
		return confirmationPage(id, model, exchange, null, null, null);
	}

	/** The erasure, once confirmed with a reason; refused, the page again with what was typed and the error by its field. */
	@PostMapping("/vacataires/{id}/donnees/anonymisation")
	Mono<String> anonymise(@PathVariable long id, Model model, ServerWebExchange exchange, Authentication who) {
		return exchange.getFormData().flatMap(form -> {
			String reason = form.getFirst("reason");
			Texts t = Texts.of(messages, exchange);
			if (reason == null || reason.isBlank()) {
				return refused(id, model, exchange, reason, "reason", t.get("gdpr.erase.reasonMissing"));
			}
			if (!"oui".equals(form.getFirst("confirm"))) {
				return refused(id, model, exchange, reason, "confirm", t.get("gdpr.erase.confirmMissing"));
			}
			return data.anonymise(id, reason, who.getName())
				.flatMap(erasure -> Flash.outcome(exchange, Mono.just(erasure), "gdpr.flash.anonymised"))
				.thenReturn("redirect:/vacataires/" + id + "/donnees")
				.onErrorResume(e -> e instanceof Refused || e instanceof InvalidRequest,
						e -> refused(id, model, exchange, reason, null, e.getMessage()));
		});
	}

	private Mono<String> refused(long id, Model model, ServerWebExchange exchange, @Nullable String reason,
			@Nullable String field, @Nullable String message) {
		exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
		return confirmationPage(id, model, exchange, reason, field, message);
	}

	private Mono<String> confirmationPage(long id, Model model, ServerWebExchange exchange, @Nullable String reason,
			@Nullable String field, @Nullable String error) {
		ReadableData report = new ReadableData(Texts.of(messages, exchange), display.zone());
		return data.preview(id).map(p -> {
			model.addAttribute("preview", p);
			model.addAttribute("identity", p.identity().entrySet().stream()
				.map(e -> new ReadableData.Field(report.columnLabel(e.getKey()), e.getValue())).toList());
			model.addAttribute("toDelete", p.toDelete().entrySet().stream()
				.map(e -> new ReadableData.Field(report.tableLabel(e.getKey()), String.valueOf(e.getValue()))).toList());
			model.addAttribute("kept", p.kept().entrySet().stream()
				.map(e -> new ReadableData.Field(report.tableLabel(e.getKey()), e.getValue())).toList());
			model.addAttribute("reason", reason == null ? "" : reason);
			model.addAttribute("errorField", field);
			model.addAttribute("error", error);
			return "gdpr/erase";
		});
	}

	private Mono<Void> report(long id, Model model, ServerWebExchange exchange) {
		ReadableData report = new ReadableData(Texts.of(messages, exchange), display.zone());
		return data.export(id).doOnNext(export -> {
			model.addAttribute("vacataireId", id);
			model.addAttribute("person", report.fields((JsonNode) export.get("vacataire")));
			@SuppressWarnings("unchecked")
			Map<String, List<JsonNode>> tables = (Map<String, List<JsonNode>>) export.get("data");
			model.addAttribute("tables", tables.entrySet().stream().map(e -> report.table(e.getKey(), e.getValue())).toList());
			model.addAttribute("kept", data.kept().entrySet().stream()
				.map(e -> new ReadableData.Field(report.tableLabel(e.getKey()), e.getValue())).toList());
			model.addAttribute("exportedAt", java.time.ZonedDateTime.now(clock));
		}).switchIfEmpty(Mono.error(new NotFound("Aucun vacataire n’a l’identifiant " + id + "."))).then();
	}
}
