package be.fwb.ead.reviews.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import be.fwb.ead.reviews.Campaigns;
import be.fwb.ead.reviews.ReviewState;
import be.fwb.ead.reviews.Reviews;
import be.fwb.ead.reviews.Reviews.Actor;
import be.fwb.ead.reviews.Rubrics;
import be.fwb.ead.reviews.Rubrics.Criterion;
import be.fwb.ead.shared.InvalidRequest;
import be.fwb.ead.ui.Flash;
import be.fwb.ead.ui.FormInput;
import be.fwb.ead.ui.PageController;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The quality reviews' screens: the reviews (mine, or all), a review with its findings form and its transitions, a
 * module's reviews (shown in the module's page), the rubrics.
 */
@PageController
class ReviewPages {

	private final Reviews reviews;
	private final Campaigns campaigns;
	private final Clock clock;

	ReviewPages(Reviews reviews, Campaigns campaigns, Clock clock) {
		this.reviews = reviews;
		this.campaigns = campaigns;
		this.clock = clock;
	}

	/** A rubric's section and its criteria, in the rubric's order. */
	record Section(String name, List<Criterion> criteria) {
	}

	static List<Section> sections(Rubrics.Rubric rubric) {
		Map<String, List<Criterion>> out = new LinkedHashMap<>();
		rubric.criteria().forEach(c -> out.computeIfAbsent(c.section(), k -> new ArrayList<>()).add(c));
		return out.entrySet().stream().map(e -> new Section(e.getKey(), List.copyOf(e.getValue()))).toList();
	}

	/**
	 * The reviews: a reviewer sees theirs by default, a coordinator all; the modules à revoir and each reviewer's
	 * load below.
	 */
	@GetMapping("/revues")
	String list(@RequestParam(required = false) @Nullable String qui, @RequestParam(required = false) @Nullable ReviewState etat,
			Authentication who, Model model) {
		Actor actor = Actor.of(who);
		boolean mine = qui == null ? !actor.coordinator() : "moi".equals(qui);
		model.addAttribute("mine", mine);
		model.addAttribute("state", etat);
		model.addAttribute("states", ReviewState.values());
		model.addAttribute("reviews", reviews.list(mine ? actor.username() : null, null, etat).collectList());
		model.addAttribute("toRevisit", reviews.toRevisit().collectList());
		model.addAttribute("load", campaigns.load().collectList());
		model.addAttribute("today", LocalDate.now(clock));
		return "reviews/list";
	}

	/** A review: its findings form while in review, the transitions the viewer may make, every round and the history. */
	@GetMapping("/revues/{id}")
	Mono<String> review(@PathVariable long id, Authentication who, Model model) {
		Actor actor = Actor.of(who);
		return reviews.detail(id).map(d -> {
			model.addAttribute("d", d);
			model.addAttribute("r", d.review());
			model.addAttribute("sections", sections(d.rubric()));
			model.addAttribute("current", d.current());
			model.addAttribute("score", Reviews.score(d.rubric(), d.current()));
			model.addAttribute("labels", labels(d.rubric()));
			model.addAttribute("rounds", rounds(d));
			model.addAttribute("mayAct", actor.username().equals(d.review().reviewer()));
			model.addAttribute("tomorrow", LocalDate.now(clock).plusDays(1));
			model.addAttribute("reviewers", campaigns.load().collectList());
			return "reviews/review";
		});
	}

	/** The findings of every round, the latest round first. */
	private static List<Map.Entry<Integer, List<Reviews.Finding>>> rounds(Reviews.Detail d) {
		Map<Integer, List<Reviews.Finding>> out = new java.util.TreeMap<>(java.util.Comparator.reverseOrder());
		d.findings().forEach(f -> out.computeIfAbsent(f.round(), k -> new ArrayList<>()).add(f));
		return List.copyOf(out.entrySet());
	}

	static Map<Long, Criterion> labels(Rubrics.Rubric rubric) {
		Map<Long, Criterion> out = new LinkedHashMap<>();
		rubric.criteria().forEach(c -> out.put(c.id(), c));
		return out;
	}

	/**
	 * A module's reviews and whether it is « à revoir »: the section of the module's page (loaded by htmx), or a page of
	 * its own (the module page's link without JavaScript).
	 */
	@GetMapping("/revues/modules/{moduleId}")
	String module(@PathVariable long moduleId, @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx,
			Model model) {
		model.addAttribute("moduleId", moduleId);
		model.addAttribute("reviews", reviews.list(null, moduleId, null).collectList());
		model.addAttribute("revisit", reviews.revisit(moduleId).map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty()));
		model.addAttribute("reviewers", campaigns.load().collectList());
		if (htmx == null) {
			model.addAttribute("moduleName", reviews.moduleName(moduleId));
		}
		return htmx != null ? "reviews/module :: section" : "reviews/module";
	}

	@PostMapping("/revues")
	Mono<String> plan(ServerWebExchange exchange, Authentication who) {
		return exchange.getFormData().flatMap(form -> {
			String module = form.getFirst("moduleId");
			Mono<Long> planned = Mono.defer(() -> reviews.plan(id(module), required(form, "reviewer"), null, null, who.getName()))
				.cache();
			return Flash.outcome(exchange, planned, "review.flash.planned")
				.flatMap(ok -> ok ? planned.map(id -> "redirect:/revues/" + id)
						: Mono.just(module != null && module.matches("\\d{1,18}") ? "redirect:/modules/" + module + "#revues" : "redirect:/revues"));
		});
	}

	@PostMapping("/revues/{id}/commencer")
	Mono<String> start(@PathVariable long id, ServerWebExchange exchange, Authentication who) {
		return back(id, Flash.outcome(exchange, reviews.start(id, Actor.of(who)), "review.flash.started"));
	}

	/** Records the findings given in the form (a criterion left without a value is left as it was). */
	@PostMapping("/revues/{id}/constats")
	Mono<String> findings(@PathVariable long id, ServerWebExchange exchange, Authentication who) {
		return exchange.getFormData().flatMap(form -> back(id, Flash.outcome(exchange,
				Mono.defer(() -> reviews.record(id, findings(form), Actor.of(who))), "review.flash.findings")));
	}

	static List<Reviews.FindingInput> findings(MultiValueMap<String, String> form) {
		List<Reviews.FindingInput> out = new ArrayList<>();
		for (String criterion : form.getOrDefault("criterion", List.of())) {
			long id;
			try {
				id = Long.parseLong(criterion);
			}
			catch (NumberFormatException e) {
				throw new InvalidRequest("Critère inconnu : « " + criterion + " ».");
			}
			String score = form.getFirst("score-" + id);
			String passed = form.getFirst("passed-" + id);
			String comment = form.getFirst("comment-" + id);
			if ((score == null || score.isBlank()) && (passed == null || passed.isBlank())) {
				if (comment != null && !comment.isBlank()) {
					out.add(new Reviews.FindingInput(id, null, null, comment));
				}
				continue;
			}
			Integer value;
			try {
				value = score == null || score.isBlank() ? null : Integer.valueOf(score.trim());
			}
			catch (NumberFormatException e) {
				throw new InvalidRequest("La note « " + score + " » n’est pas un nombre entier.");
			}
			out.add(new Reviews.FindingInput(id, value, passed == null || passed.isBlank() ? null : Boolean.valueOf(passed), comment));
		}
		if (out.isEmpty()) {
			throw new InvalidRequest("Aucun constat à enregistrer : notez au moins un critère.");
		}
		return out;
	}

	@PostMapping("/revues/{id}/modifications")
	Mono<String> requestChanges(@PathVariable long id, ServerWebExchange exchange, Authentication who) {
		return exchange.getFormData().flatMap(form -> back(id, Flash.outcome(exchange,
				Mono.defer(() -> reviews.requestChanges(id, FormInput.date(form, "deadline"), Actor.of(who))), "review.flash.changes")));
	}

	@PostMapping("/revues/{id}/reprendre")
	Mono<String> recheck(@PathVariable long id, ServerWebExchange exchange, Authentication who) {
		return back(id, Flash.outcome(exchange, reviews.recheck(id, Actor.of(who)), "review.flash.recheck"));
	}

	@PostMapping("/revues/{id}/approuver")
	Mono<String> approve(@PathVariable long id, ServerWebExchange exchange, Authentication who) {
		return back(id, Flash.outcome(exchange, reviews.approve(id, Actor.of(who)), "review.flash.approved"));
	}

	@PostMapping("/revues/{id}/refuser")
	Mono<String> reject(@PathVariable long id, ServerWebExchange exchange, Authentication who) {
		return exchange.getFormData().flatMap(form -> back(id, Flash.outcome(exchange,
				reviews.reject(id, form.getFirst("reason"), Actor.of(who)), "review.flash.rejected")));
	}

	@PostMapping("/revues/{id}/relecteur")
	Mono<String> reassign(@PathVariable long id, ServerWebExchange exchange, Authentication who) {
		return exchange.getFormData().flatMap(form -> back(id, Flash.outcome(exchange,
				Mono.defer(() -> reviews.reassign(id, required(form, "reviewer"), who.getName())), "review.flash.reassigned")));
	}

	private static Mono<String> back(long id, Mono<Boolean> outcome) {
		return outcome.thenReturn("redirect:/revues/" + id);
	}

	private static long id(@Nullable String value) {
		try {
			return Long.parseLong(value == null ? "" : value.trim());
		}
		catch (NumberFormatException e) {
			throw new InvalidRequest("Choisissez un module.");
		}
	}

	private static String required(MultiValueMap<String, String> form, String name) {
		String value = form.getFirst(name);
		if (value == null || value.isBlank()) {
			throw new InvalidRequest("Le champ « " + name + " » est requis.");
		}
		return value.trim();
	}
}
