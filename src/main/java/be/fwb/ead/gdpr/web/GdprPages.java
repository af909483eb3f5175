package be.fwb.ead.gdpr.web;

import java.util.List;
import java.util.Map;

import be.fwb.ead.gdpr.PersonalData;
import be.fwb.ead.shared.Flash;
import be.fwb.ead.shared.PageController;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** A person's data, readable (coordinators): every table that holds some, and the erasure form. */
@PageController
class GdprPages {

	private final PersonalData data;

	GdprPages(PersonalData data) {
		this.data = data;
	}

	/** A table's rows as the page shows them: the columns, then the values. */
	record Table(String name, List<String> columns, List<List<String>> rows) {
	}

	@GetMapping("/vacataires/{id}/donnees")
	Mono<String> page(@PathVariable long id, Model model) {
		return data.export(id).map(export -> {
			model.addAttribute("vacataireId", id);
			model.addAttribute("person", fields((JsonNode) export.get("vacataire")));
			@SuppressWarnings("unchecked")
			Map<String, List<JsonNode>> tables = (Map<String, List<JsonNode>>) export.get("data");
			model.addAttribute("tables", tables.entrySet().stream().map(e -> table(e.getKey(), e.getValue())).toList());
			model.addAttribute("kept", PersonalData.KEPT);
			return "gdpr/personal-data";
		});
	}

	/** The same export as the API's, as a file, for the signed-in coordinator. */
	@GetMapping("/vacataires/{id}/donnees.json")
	Mono<org.springframework.http.ResponseEntity<Map<String, Object>>> json(@PathVariable long id) {
		return data.export(id).map(d -> GdprController.download(id, d));
	}

	@PostMapping("/vacataires/{id}/donnees/anonymisation")
	Mono<String> anonymise(@PathVariable long id, ServerWebExchange exchange, Authentication who) {
		return exchange.getFormData().flatMap(form -> Flash.outcome(exchange, data.anonymise(id, form.getFirst("reason"), who.getName()),
				"gdpr.flash.anonymised")).thenReturn("redirect:/vacataires/" + id + "/donnees");
	}

	private static List<List<String>> fields(JsonNode row) {
		return row.propertyNames().stream().map(k -> List.of(k, text(row.get(k)))).toList();
	}

	private static Table table(String name, List<JsonNode> rows) {
		List<String> columns = rows.isEmpty() ? List.of() : List.copyOf(rows.get(0).propertyNames());
		return new Table(name, columns, rows.stream().map(r -> columns.stream().map(c -> text(r.get(c))).toList()).toList());
	}

	private static String text(JsonNode value) {
		return value == null || value.isNull() ? "" : value.isValueNode() ? value.asString() : value.toString();
	}
}
