package be.fwb.ead.reviews.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import be.fwb.ead.reviews.Rubrics;
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

/**
 * The rubrics on screen: each one's latest version, and the form that makes a rubric's next version (or a new
 * rubric). Saving never changes a version in use: the reviews already planned keep theirs.
 */
@PageController
class RubricPages {

	/** Blank criterion lines offered under the existing ones. */
	static final int BLANK_CRITERIA = 3;

	private final Rubrics rubrics;

	RubricPages(Rubrics rubrics) {
		this.rubrics = rubrics;
	}

	/** A criterion as the form shows it, every field as typed. */
	record CriterionForm(String section, String label, String kind, String scaleMax, String weight) {
	}

	record RubricForm(boolean existing, String code, String name, String passThreshold, List<CriterionForm> criteria) {
	}

	/** The rubrics, their latest version with its criteria by section. */
	@GetMapping("/revues/grilles")
	Mono<String> list(Model model) {
		return rubrics.latest().map(r -> java.util.Map.entry(r, ReviewPages.sections(r))).collectList().map(list -> {
			model.addAttribute("rubrics", list);
			return "reviews/rubrics";
		});
	}

	@GetMapping("/revues/grilles/nouvelle")
	String create(Model model) {
		model.addAttribute("rubric", withBlanks(new RubricForm(false, "", "", "70", List.of())));
		return "reviews/rubric";
	}

	/** The form of the rubric's next version, filled with its latest. */
	@GetMapping("/revues/grilles/{code}")
	Mono<String> edit(@PathVariable String code, Model model) {
		return rubrics.latest(code).map(r -> {
			model.addAttribute("rubric", withBlanks(new RubricForm(true, r.code(), r.name(), Integer.toString(r.passThreshold()),
					r.criteria().stream().map(c -> new CriterionForm(c.section(), c.label(), c.kind().name(),
							c.scaleMax() == null ? "" : c.scaleMax().toString(), Integer.toString(c.weight()))).toList())));
			model.addAttribute("version", r.version());
			return "reviews/rubric";
		});
	}

	/** Saves the next version; a refusal shows the form again with what was typed and the reason. */
	@PostMapping("/revues/grilles")
	Mono<String> save(ServerWebExchange exchange, Authentication who, Model model) {
		return exchange.getFormData().flatMap(data -> {
			RubricForm typed = read(data);
			return Mono.defer(() -> rubrics.define(typed.code(), typed.name(), FormInput.integer(typed.passThreshold(), "Le seuil"),
					criteria(typed), who.getName()))
				.flatMap(r -> Flash.outcome(exchange, Mono.empty(), "rubric.flash.saved").thenReturn("redirect:/revues/grilles"))
				.onErrorResume(InvalidRequest.class, e -> {
					exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
					model.addAttribute("rubric", withBlanks(typed));
					return Flash.refusal(exchange, e).map(refusal -> {
						model.addAttribute("flash", refusal);
						return "reviews/rubric";
					});
				});
		});
	}

	private static RubricForm read(MultiValueMap<String, String> form) {
		List<String> sections = form.getOrDefault("section", List.of());
		List<CriterionForm> criteria = new ArrayList<>();
		for (int i = 0; i < sections.size(); i++) {
			CriterionForm c = new CriterionForm(sections.get(i).trim(), at(form, "label", i), at(form, "kind", i), at(form, "scaleMax", i),
					at(form, "weight", i));
			if (!c.section().isEmpty() || !c.label().isEmpty()) {
				criteria.add(c);
			}
		}
		return new RubricForm("true".equals(form.getFirst("existing")), FormInput.text(form, "code").toUpperCase(Locale.ROOT),
				FormInput.text(form, "name"), FormInput.text(form, "passThreshold"), criteria);
	}

	private static List<Rubrics.CriterionDefinition> criteria(RubricForm form) {
		return form.criteria().stream().map(c -> {
			Rubrics.Kind kind = "PASS_FAIL".equals(c.kind()) ? Rubrics.Kind.PASS_FAIL : Rubrics.Kind.SCALE;
			Integer max = kind == Rubrics.Kind.SCALE ? FormInput.integer(c.scaleMax(), "Critère « " + c.label() + " » : l’échelle") : null;
			return new Rubrics.CriterionDefinition(c.section(), c.label(), kind, max, FormInput.integer(c.weight(), "Critère « " + c.label()
					+ " » : le poids"));
		}).toList();
	}

	private static RubricForm withBlanks(RubricForm form) {
		List<CriterionForm> criteria = new ArrayList<>(form.criteria());
		for (int i = 0; i < BLANK_CRITERIA; i++) {
			criteria.add(new CriterionForm("", "", "SCALE", "4", "1"));
		}
		return new RubricForm(form.existing(), form.code(), form.name(), form.passThreshold(), criteria);
	}

	private static String at(MultiValueMap<String, String> form, String name, int i) {
		List<String> values = form.getOrDefault(name, List.of());
		return i < values.size() ? values.get(i).trim() : "";
	}
}
