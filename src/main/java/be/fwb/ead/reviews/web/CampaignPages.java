package be.fwb.ead.reviews.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import be.fwb.ead.reviews.Campaigns;
import be.fwb.ead.reviews.Reviews;
import be.fwb.ead.shared.InvalidRequest;
import be.fwb.ead.ui.Flash;
import be.fwb.ead.ui.FormInput;
import be.fwb.ead.ui.PageController;
import org.jspecify.annotations.Nullable;
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
 * Review campaigns on screen: the modules to review by risk, a campaign previewed then created, and each campaign's
 * progress.
 */
@PageController
class CampaignPages {

	/** Candidates shown on the page (the API gives them all). */
	static final int SHOWN = 30;

	private final Campaigns campaigns;
	private final Reviews reviews;
	private final Clock clock;

	CampaignPages(Campaigns campaigns, Reviews reviews, Clock clock) {
		this.campaigns = campaigns;
		this.reviews = reviews;
		this.clock = clock;
	}

	/** The form as typed: kept when previewing or when refused. */
	record CampaignForm(String name, String dueOn, String size, String horizonDays, List<String> reviewers) {
	}

	@GetMapping("/revues/campagnes")
	String list(Model model) {
		return page(model, new CampaignForm("", "", "20", Integer.toString(Campaigns.DEFAULT_HORIZON), List.of()), null);
	}

	private String page(Model model, CampaignForm form, Campaigns.@Nullable Proposal proposal) {
		int horizon = parse(form.horizonDays(), Campaigns.DEFAULT_HORIZON);
		model.addAttribute("campaigns", campaigns.all().collectList());
		Mono<List<Campaigns.Candidate>> all = campaigns.candidates(Math.max(7, Math.min(730, horizon))).cache();
		model.addAttribute("candidates", all.map(l -> l.subList(0, Math.min(SHOWN, l.size()))));
		model.addAttribute("candidateCount", all.map(List::size));
		model.addAttribute("load", campaigns.load().collectList());
		model.addAttribute("form", form);
		model.addAttribute("proposal", proposal);
		model.addAttribute("tomorrow", LocalDate.now(clock).plusDays(1));
		return "reviews/campaigns";
	}

	/** Previews (writes nothing) or creates the campaign, as the button pressed says. */
	@PostMapping("/revues/campagnes")
	Mono<String> submit(ServerWebExchange exchange, Authentication who, Model model) {
		return exchange.getFormData().flatMap(data -> {
			CampaignForm form = read(data);
			boolean create = "creer".equals(data.getFirst("action"));
			Mono<String> outcome = create
					? Mono.defer(() -> campaigns.create(request(form), who.getName()))
						.flatMap(id -> Flash.outcome(exchange, Mono.empty(), "campaign.flash.created").thenReturn("redirect:/revues/campagnes/" + id))
					: Mono.defer(() -> campaigns.propose(request(form))).map(p -> page(model, form, p));
			return outcome.onErrorResume(InvalidRequest.class, e -> {
				exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
				return refused(exchange, e, model, form);
			}).onErrorResume(be.fwb.ead.shared.Conflict.class, e -> {
				exchange.getResponse().setStatusCode(HttpStatus.CONFLICT);
				return refused(exchange, e, model, form);
			});
		});
	}

	/** The form again, the refusal at the top and beside its field. */
	private Mono<String> refused(ServerWebExchange exchange, Throwable e, Model model, CampaignForm form) {
		return Flash.refusal(exchange, e).map(refusal -> {
			model.addAttribute("flash", refusal);
			return page(model, form, null);
		});
	}

	@GetMapping("/revues/campagnes/{id}")
	Mono<String> campaign(@PathVariable long id, Model model) {
		return campaigns.progress(id).map(p -> {
			model.addAttribute("c", p);
			model.addAttribute("reviews", reviews.list(null, null, null, id).collectList());
			return "reviews/campaign";
		});
	}

	private static CampaignForm read(MultiValueMap<String, String> data) {
		return new CampaignForm(FormInput.text(data, "name"), FormInput.text(data, "dueOn"), FormInput.text(data, "size"), FormInput.text(data, "horizonDays"),
				data.getOrDefault("reviewer", List.of()).stream().filter(s -> !s.isBlank()).toList());
	}

	private static Campaigns.Request request(CampaignForm form) {
		LocalDate due = form.dueOn().isBlank() ? null : FormInput.day(form.dueOn(), "dueOn");
		return new Campaigns.Request(form.name(), due, FormInput.integer(form.size(), "Le nombre de modules"), form.reviewers(),
				FormInput.integer(form.horizonDays(), "L’horizon"));
	}

	private static int parse(String value, int otherwise) {
		try {
			return Integer.parseInt(value);
		}
		catch (NumberFormatException e) {
			return otherwise;
		}
	}
}
