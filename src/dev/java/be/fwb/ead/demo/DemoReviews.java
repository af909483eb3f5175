package be.fwb.ead.demo;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import be.fwb.ead.reviews.Campaigns;
import be.fwb.ead.reviews.Reviews;
import be.fwb.ead.reviews.Rubrics;
import be.fwb.ead.security.Accounts;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The demo's quality reviews: a campaign of twelve modules shared between the demo's reviewer and coordinator, one
 * review approved, one waiting for the authors' changes, one in review, one refused; the rest planned.
 */
final class DemoReviews {

	private static final String REVIEWER = "qualite";

	private final Campaigns campaigns;
	private final Reviews reviews;
	private final Rubrics rubrics;
	private final Accounts accounts;
	/** The first coordinator's account, the demo's. */
	private final String coordinator;

	DemoReviews(Campaigns campaigns, Reviews reviews, Rubrics rubrics, Accounts accounts, String coordinator) {
		this.coordinator = coordinator;
		this.campaigns = campaigns;
		this.reviews = reviews;
		this.rubrics = rubrics;
		this.accounts = accounts;
	}

	Mono<Void> seedIfEmpty() {
		Mono<Boolean> ready = Mono.zip(accounts.byUsername(coordinator).hasElement(), accounts.byUsername(REVIEWER).hasElement(),
				(a, b) -> a && b).filter(ok -> ok).repeatWhenEmpty(30, n -> n.delayElements(Duration.ofSeconds(1)));
		return ready.then(campaigns.all().hasElements()).flatMap(any -> any ? Mono.empty() : seed());
	}

	private Mono<Void> seed() {
		Reviews.Actor reviewer = new Reviews.Actor(REVIEWER, false);
		return campaigns.create(new Campaigns.Request("Campagne de démonstration", LocalDate.now().plusMonths(2), 12,
				List.of(REVIEWER, coordinator), null), coordinator)
			.flatMapMany(id -> reviews.list(REVIEWER, null, null, id))
			.take(4)
			.collectList()
			.zipWith(rubrics.latest(Rubrics.DEFAULT))
			.flatMap(t -> {
				List<Reviews.Summary> mine = t.getT1();
				Rubrics.Rubric rubric = t.getT2();
				Flux<Void> steps = Flux.empty();
				if (mine.size() > 0) {
					long id = mine.get(0).id();
					steps = steps.concatWith(reviews.start(id, reviewer))
						.concatWith(reviews.record(id, findings(rubric, 3, null), reviewer))
						.concatWith(reviews.approve(id, reviewer));
				}
				if (mine.size() > 1) {
					long id = mine.get(1).id();
					steps = steps.concatWith(reviews.start(id, reviewer))
						.concatWith(reviews.record(id, findings(rubric, 2, "Les objectifs des séquences 2 et 3 ne sont pas annoncés."),
								reviewer))
						.concatWith(reviews.requestChanges(id, LocalDate.now().plusWeeks(3), reviewer));
				}
				if (mine.size() > 2) {
					steps = steps.concatWith(reviews.start(mine.get(2).id(), reviewer));
				}
				if (mine.size() > 3) {
					long id = mine.get(3).id();
					steps = steps.concatWith(reviews.start(id, reviewer))
						.concatWith(reviews.record(id, findings(rubric, 1, "Plusieurs images sans source ni autorisation."), reviewer))
						.concatWith(reviews.reject(id, "Droits des images non établis : le module est à reprendre.", reviewer));
				}
				return steps.then();
			});
	}

	/** Every scale at {@code scale} (the first with the comment), every legal item passed. */
	private static List<Reviews.FindingInput> findings(Rubrics.Rubric rubric, int scale, String comment) {
		return rubric.criteria().stream().map(c -> c.kind() == Rubrics.Kind.SCALE
				? new Reviews.FindingInput(c.id(), scale, null, c.equals(rubric.criteria().get(0)) ? comment : null)
				: new Reviews.FindingInput(c.id(), null, true, null)).toList();
	}
}
