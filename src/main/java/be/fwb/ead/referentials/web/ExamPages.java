package be.fwb.ead.referentials.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import be.fwb.ead.referentials.Exams;
import be.fwb.ead.shared.InvalidRequest;
import be.fwb.ead.ui.Flash;
import be.fwb.ead.ui.FormInput;
import be.fwb.ead.ui.PageController;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Defining an exam: its code, name and level, its parts with their weights and the competencies each assesses. */
@PageController
class ExamPages {

	/** Blank part lines offered under the existing ones. */
	static final int BLANK_PARTS = 2;

	private final Exams exams;

	ExamPages(Exams exams) {
		this.exams = exams;
	}

	/** A part as the form shows it: the competencies as one text, one ID number per line. */
	record PartForm(String name, String weight, String competencies) {
	}

	/** @param sessions the sessions' dates as one text, one date per line */
	record ExamForm(boolean existing, String code, String name, String level, List<PartForm> parts, String sessions) {
	}

	@GetMapping("/analyse/examens/nouveau")
	String create(Model model) {
		model.addAttribute("exam", withBlanks(new ExamForm(false, "", "", "", List.of(), "")));
		return "analysis/exam";
	}

	@GetMapping("/analyse/examens/{code}")
	Mono<String> edit(@PathVariable String code, Model model) {
		return exams.find(code).map(e -> {
			model.addAttribute("exam", withBlanks(new ExamForm(true, e.code(), e.name(), e.level() == null ? "" : e.level(),
					e.parts().stream().map(p -> new PartForm(p.name(), Integer.toString(p.weight()),
							String.join("\n", p.competencies()))).toList(),
					String.join("\n", e.sessions().stream().map(d -> d.format(DAY)).toList()))));
			return "analysis/exam";
		});
	}

	/** Saves the exam; a refusal shows the form again with what was typed and the reason. */
	@PostMapping("/analyse/examens")
	Mono<String> save(ServerWebExchange exchange, Authentication who, Model model) {
		return exchange.getFormData().flatMap(form -> {
			ExamForm typed = read(form);
			Mono<Long> saved = Mono.defer(() -> exams.define(typed.code(), typed.name(), typed.level(), parts(typed),
					sessions(typed.sessions()), who.getName()));
			return saved.flatMap(id -> Flash.outcome(exchange, Mono.empty(), "flash.saved"))
				.thenReturn("redirect:/analyse/examens/" + typed.code().trim().toUpperCase(java.util.Locale.ROOT))
				.onErrorResume(InvalidRequest.class, e -> {
					exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
					model.addAttribute("exam", withBlanks(typed));
					return Flash.refusal(exchange, e).map(refusal -> {
						model.addAttribute("flash", refusal);
						return "analysis/exam";
					});
				});
		});
	}

	@PostMapping("/analyse/examens/{code}/supprimer")
	Mono<String> delete(@PathVariable String code, ServerWebExchange exchange, Authentication who) {
		return Flash.outcome(exchange, exams.delete(code, who.getName()), "flash.deleted").thenReturn("redirect:/analyse");
	}

	private static ExamForm read(MultiValueMap<String, String> form) {
		List<String> names = form.getOrDefault("partName", List.of());
		List<String> weights = form.getOrDefault("partWeight", List.of());
		List<String> competencies = form.getOrDefault("partCompetencies", List.of());
		List<PartForm> parts = new ArrayList<>();
		for (int i = 0; i < names.size(); i++) {
			String name = names.get(i).trim();
			String weight = i < weights.size() ? weights.get(i).trim() : "";
			String list = i < competencies.size() ? competencies.get(i).trim() : "";
			if (!name.isEmpty() || !weight.isEmpty() || !list.isEmpty()) {
				parts.add(new PartForm(name, weight, list));
			}
		}
		return new ExamForm("true".equals(form.getFirst("existing")), FormInput.text(form, "code"), FormInput.text(form, "name"),
				FormInput.text(form, "level"), parts, FormInput.text(form, "sessions"));
	}

	static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern("dd/MM/uuuu")
		.withResolverStyle(java.time.format.ResolverStyle.STRICT);

	/** The sessions' dates, one per line (or separated by commas), as 15/06/2027 or 2027-06-15. */
	static List<java.time.LocalDate> sessions(String text) {
		List<java.time.LocalDate> out = new ArrayList<>();
		for (String d : text.split("[\\s,;]+")) {
			if (d.isBlank()) {
				continue;
			}
			out.add(FormInput.day(d, "sessions"));
		}
		return out;
	}

	private static List<Exams.PartDefinition> parts(ExamForm form) {
		return form.parts().stream().map(p -> {
			int weight;
			try {
				weight = Integer.parseInt(p.weight());
			}
			catch (NumberFormatException e) {
				throw InvalidRequest.ofField("partWeight",
						"Épreuve « " + p.name() + " » : le poids « " + p.weight() + " » n’est pas un nombre entier.");
			}
			List<String> ids = Arrays.stream(p.competencies().split("[\\s,;]+")).filter(s -> !s.isBlank()).distinct().toList();
			return new Exams.PartDefinition(p.name(), weight, ids);
		}).toList();
	}

	private static ExamForm withBlanks(ExamForm form) {
		List<PartForm> parts = new ArrayList<>(form.parts());
		for (int i = 0; i < BLANK_PARTS; i++) {
			parts.add(new PartForm("", "", ""));
		}
		return new ExamForm(form.existing(), form.code(), form.name(), form.level(), parts, form.sessions());
	}
}
