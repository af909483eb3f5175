package be.fwb.ead.reviews.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import be.fwb.ead.reviews.Campaigns;
import be.fwb.ead.reviews.ReviewState;
import be.fwb.ead.reviews.Reviews;
import be.fwb.ead.reviews.Rubrics;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Quality reviews of the modules, and their rubrics. */
@RestController
@Tag(name = "Revues qualité", description = "Grilles versionnées, revues des modules et leurs transitions, modules à revoir.")
class ReviewController {

	private final Reviews reviews;
	private final Rubrics rubrics;
	private final Campaigns campaigns;

	ReviewController(Reviews reviews, Rubrics rubrics, Campaigns campaigns) {
		this.reviews = reviews;
		this.rubrics = rubrics;
		this.campaigns = campaigns;
	}

	record Plan(long moduleId, String reviewer, @Nullable Long rubricId, @Nullable Long campaignId) {
	}

	record Reviewer(String reviewer) {
	}

	record Deadline(@Nullable LocalDate deadline) {
	}

	record Reason(@Nullable String reason) {
	}

	record RubricDefinition(String name, int passThreshold, List<Rubrics.CriterionDefinition> criteria) {
	}

	/** Plans a review (by default against the latest EAD rubric); refused on a conflict of interest. */
	@PostMapping("/api/reviews")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<Map<String, Long>> plan(@RequestBody Plan plan, Authentication who) {
		return reviews.plan(plan.moduleId(), plan.reviewer(), plan.rubricId(), plan.campaignId(), who.getName())
			.map(id -> Map.of("id", id));
	}

	/** Reviews, the open ones first; of a reviewer, a module or a state when given. */
	@GetMapping("/api/reviews")
	Mono<List<Reviews.Summary>> list(@RequestParam(required = false) @Nullable String reviewer,
			@RequestParam(required = false) @Nullable Long moduleId, @RequestParam(required = false) @Nullable ReviewState state) {
		return reviews.list(reviewer, moduleId, state).collectList();
	}

	/** Current modules whose content Moodle changed after their last approved review, with no review open. */
	@GetMapping("/api/reviews/to-revisit")
	Mono<List<Reviews.ToRevisit>> toRevisit() {
		return reviews.toRevisit().collectList();
	}

	/**
	 * The modules worth reviewing (no open review; never reviewed, refused, changed since approved or approved long
	 * ago), the riskiest first, each with the reasons of its risk.
	 */
	@GetMapping("/api/reviews/candidates")
	Mono<List<Campaigns.Candidate>> candidates(@RequestParam(required = false) @Nullable Integer horizonDays) {
		int horizon = horizonDays == null ? Campaigns.DEFAULT_HORIZON : horizonDays;
		if (horizon < 7 || horizon > 730) {
			return Mono.error(new be.fwb.ead.shared.InvalidRequest("L’horizon des sessions d’examen va de 7 à 730 jours."));
		}
		return campaigns.candidates(horizon);
	}

	/** Every account that may review, with its open reviews by state, the least loaded first. */
	@GetMapping("/api/reviews/load")
	Mono<List<Campaigns.Load>> load() {
		return campaigns.load().collectList();
	}

	/** What a campaign would plan (the riskiest modules, shared out by load without conflict of interest); writes nothing. */
	@PostMapping("/api/campaigns/preview")
	Mono<Campaigns.Proposal> preview(@RequestBody Campaigns.Request request) {
		return campaigns.propose(request);
	}

	/** Creates a campaign and plans its reviews, all or none. */
	@PostMapping("/api/campaigns")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<Map<String, Long>> createCampaign(@RequestBody Campaigns.Request request, Authentication who) {
		return campaigns.create(request, who.getName()).map(id -> Map.of("id", id));
	}

	/** Every campaign, the latest first, with its progress. */
	@GetMapping("/api/campaigns")
	Mono<List<Campaigns.Progress>> campaigns() {
		return campaigns.all().collectList();
	}

	@GetMapping("/api/campaigns/{id}")
	Mono<Campaigns.Progress> campaign(@PathVariable long id) {
		return campaigns.progress(id);
	}

	/** A review with its rubric, its findings of every round with the authors' answers, and its history. */
	@GetMapping("/api/reviews/{id}")
	Mono<Reviews.Detail> detail(@PathVariable long id) {
		return reviews.detail(id);
	}

	@PutMapping("/api/reviews/{id}/reviewer")
	Mono<Void> reassign(@PathVariable long id, @RequestBody Reviewer reviewer, Authentication who) {
		return reviews.reassign(id, reviewer.reviewer(), who.getName());
	}

	/** Records findings of the current round (the review must be in review). */
	@PutMapping("/api/reviews/{id}/findings")
	Mono<Void> findings(@PathVariable long id, @RequestBody List<Reviews.FindingInput> findings, Authentication who) {
		return reviews.record(id, findings, actor(who));
	}

	/** Planned → in review. */
	@PostMapping("/api/reviews/{id}/start")
	Mono<Void> start(@PathVariable long id, Authentication who) {
		return reviews.start(id, actor(who));
	}

	/** In review → changes requested, with a deadline after today. */
	@PostMapping("/api/reviews/{id}/request-changes")
	Mono<Void> requestChanges(@PathVariable long id, @RequestBody Deadline deadline, Authentication who) {
		return reviews.requestChanges(id, deadline.deadline(), actor(who));
	}

	/** Changes requested → in review, next round. */
	@PostMapping("/api/reviews/{id}/recheck")
	Mono<Void> recheck(@PathVariable long id, Authentication who) {
		return reviews.recheck(id, actor(who));
	}

	/** In review → approved: every criterion found, every legal item passed, the threshold reached. */
	@PostMapping("/api/reviews/{id}/approve")
	Mono<Void> approve(@PathVariable long id, Authentication who) {
		return reviews.approve(id, actor(who));
	}

	/** In review → rejected, with the reason. */
	@PostMapping("/api/reviews/{id}/reject")
	Mono<Void> reject(@PathVariable long id, @RequestBody Reason reason, Authentication who) {
		return reviews.reject(id, reason.reason(), actor(who));
	}

	/** The latest version of every rubric. */
	@GetMapping("/api/rubrics")
	Mono<List<Rubrics.Rubric>> rubrics() {
		return rubrics.latest().collectList();
	}

	@GetMapping("/api/rubrics/{id}")
	Mono<Rubrics.Rubric> rubric(@PathVariable long id) {
		return rubrics.find(id);
	}

	/** Defines the next version of the rubric with this code; planned reviews keep theirs. */
	@PutMapping("/api/rubrics/{code}")
	Mono<Rubrics.Rubric> defineRubric(@PathVariable String code, @RequestBody RubricDefinition rubric, Authentication who) {
		return rubrics.define(code, rubric.name(), rubric.passThreshold(), rubric.criteria(), who.getName());
	}

	private static Reviews.Actor actor(Authentication who) {
		return Reviews.Actor.of(who);
	}
}
