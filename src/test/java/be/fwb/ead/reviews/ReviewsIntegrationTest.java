package be.fwb.ead.reviews;

import java.time.LocalDate;
import java.util.List;

import be.fwb.ead.IntegrationTest;
import be.fwb.ead.reviews.Reviews.Actor;
import be.fwb.ead.reviews.Reviews.FindingInput;
import be.fwb.ead.reviews.Rubrics.Criterion;
import be.fwb.ead.reviews.Rubrics.Kind;
import be.fwb.ead.security.Accounts;
import be.fwb.ead.security.Role;
import be.fwb.ead.shared.Conflict;
import be.fwb.ead.shared.InvalidRequest;
import be.fwb.ead.shared.NotFound;
import be.fwb.ead.shared.Refused;
import be.fwb.ead.sync.SyncLauncher;
import be.fwb.ead.sync.SyncMode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** Every transition of a review, the conflict-of-interest rule, the score, and the drift after a sync. */
class ReviewsIntegrationTest extends IntegrationTest {

	private static final Actor REVIEWER = new Actor("relect", false);
	private static final Actor OTHER = new Actor("autre", false);

	@Autowired SyncLauncher launcher;
	@Autowired Accounts accounts;
	@Autowired Reviews reviews;
	@Autowired Rubrics rubrics;

	private long module;
	private long author;
	private Rubrics.Rubric rubric;

	@BeforeEach
	void catalogueAndReviewers() {
		syncedCatalogue();
		await(accounts.create("relect", "mot-de-passe-relect", Role.REVIEWER, "Rémi Relecture", null));
		await(accounts.create("autre", "mot-de-passe-autre", Role.REVIEWER, "Alice Autre", null));
		module = count("select min(module_id) from module_role where role = 'AUTHOR'");
		author = count("select min(vacataire_id) from module_role where role = 'AUTHOR' and module_id = " + module);
		rubric = await(rubrics.latest(Rubrics.DEFAULT));
	}

	@Test
	void aReviewGoesFromPlannedToApprovedThroughOneRoundOfChangesRequested() {
		long id = await(reviews.plan(module, "relect", null, null, "coord"));
		assertThat(state(id)).isEqualTo(ReviewState.PLANNED);
		refused(reviews.start(id, OTHER), AccessDeniedException.class, "Seul le relecteur désigné (relect)");
		await(reviews.start(id, REVIEWER));
		assertThat(state(id)).isEqualTo(ReviewState.IN_REVIEW);

		refused(reviews.requestChanges(id, clock.today().plusDays(14), REVIEWER), Refused.class, "9 critères n’ont pas encore de constat");
		await(reviews.record(id, findings(2, "Les consignes des séquences 3 et 4 manquent d'objectifs.", true), REVIEWER));
		refused(reviews.requestChanges(id, clock.today(), REVIEWER), InvalidRequest.class, "date limite postérieure");
		await(reviews.requestChanges(id, clock.today().plusDays(14), REVIEWER));
		assertThat(await(reviews.review(id)).deadline()).isEqualTo(clock.today().plusDays(14));
		refused(reviews.approve(id, REVIEWER), Refused.class, "Une revue modifications demandées ne peut pas passer à « approuvée »");
		refused(reviews.record(id, findings(4, null, true), REVIEWER), Refused.class, "pendant la revue");

		// An author of the module answers the finding; someone else cannot even see it.
		long finding = count("select id from review_finding where review_id = " + id + " and comment is not null");
		await(reviews.answer(finding, author, "Objectifs ajoutés en tête des séquences 3 et 4."));
		long stranger = count("select min(id) from vacataire where id not in (select vacataire_id from module_role where module_id = "
				+ module + ")");
		refused(reviews.answer(finding, stranger, "Je passe par là."), NotFound.class, "Aucun constat");

		await(reviews.recheck(id, REVIEWER));
		assertThat(await(reviews.review(id))).satisfies(r -> {
			assertThat(r.state()).isEqualTo(ReviewState.IN_REVIEW);
			assertThat(r.round()).isEqualTo(2);
		});
		// Round 2 starts with round 1's findings in force (a criterion left unscored keeps its value): judged on them.
		refused(reviews.approve(id, REVIEWER), Refused.class, "Le score (47 %) n’atteint pas le seuil");
		await(reviews.record(id, findings(4, null, true), REVIEWER));
		await(reviews.approve(id, REVIEWER));

		Reviews.Detail done = await(reviews.detail(id));
		assertThat(done.review().state()).isEqualTo(ReviewState.APPROVED);
		assertThat(done.review().score()).isEqualTo(100);
		assertThat(done.review().decidedAt()).isNotNull();
		assertThat(done.findings()).hasSize(18);
		assertThat(done.findings()).filteredOn(f -> f.id() == finding).singleElement()
			.satisfies(f -> assertThat(f.answers()).extracting(Reviews.Answer::vacataireId).containsExactly(author));
		assertThat(done.events()).extracting(Reviews.Event::to, Reviews.Event::actor).containsExactly(
				org.assertj.core.groups.Tuple.tuple(ReviewState.PLANNED, "coord"), org.assertj.core.groups.Tuple.tuple(ReviewState.IN_REVIEW, "relect"),
				org.assertj.core.groups.Tuple.tuple(ReviewState.CHANGES_REQUESTED, "relect"),
				org.assertj.core.groups.Tuple.tuple(ReviewState.IN_REVIEW, "relect"), org.assertj.core.groups.Tuple.tuple(ReviewState.APPROVED, "relect"));
		refused(reviews.reject(id, "trop tard", REVIEWER), Refused.class, "elle est terminée");
		refused(reviews.answer(finding, author, "Encore une chose."), Refused.class, "terminée");
		assertThat(count("select count(*) from change_log where entity = 'review'")).isEqualTo(7);
	}

	@Test
	void approvalNeedsEveryLegalItemAndTheThresholdAndARejectionItsReason() {
		long id = await(reviews.plan(module, "relect", null, null, "coord"));
		// A coordinator does not step a review given to another: they reassign it (to themselves if need be).
		StepVerifier.create(reviews.start(id, new Actor("coord", true)))
			.expectError(org.springframework.security.access.AccessDeniedException.class).verify();
		await(reviews.start(id, REVIEWER));
		await(reviews.record(id, findings(4, null, false), REVIEWER));
		refused(reviews.approve(id, REVIEWER), Refused.class, "Un critère obligatoire n’est pas rempli : Le droit à l'image");
		// Weights: 15 on the scales, 4 on the legal items, 19 in all. Every scale at 2 of 4 counts 1/3:
		// 15 × 1/3 + 4 = 9 of 19 = 47 %.
		await(reviews.record(id, findings(2, null, true), REVIEWER));
		refused(reviews.approve(id, REVIEWER), Refused.class, "Le score (47 %) n’atteint pas le seuil de la grille (70 %)");
		refused(reviews.reject(id, " ", REVIEWER), InvalidRequest.class, "raison");
		await(reviews.reject(id, "Module à réécrire : objectifs absents.", REVIEWER));
		assertThat(await(reviews.review(id))).satisfies(r -> {
			assertThat(r.state()).isEqualTo(ReviewState.REJECTED);
			assertThat(r.score()).isEqualTo(47);
		});
		refused(reviews.record(id, List.of(new FindingInput(rubric.criteria().get(0).id(), 9, null, null)), REVIEWER), Refused.class,
				"pendant la revue");
		// A new review may be planned once the previous one is decided.
		assertThat(await(reviews.plan(module, "relect", null, null, "coord"))).isPositive();
	}

	@Test
	void findingsAreCheckedAgainstTheRubricAndTheScoreIsWeighted() {
		long id = await(reviews.plan(module, "relect", null, null, "coord"));
		await(reviews.start(id, REVIEWER));
		Criterion scale = rubric.criteria().get(0);
		Criterion legal = rubric.criteria().stream().filter(c -> c.kind() == Kind.PASS_FAIL).findFirst().orElseThrow();
		refused(reviews.record(id, List.of(new FindingInput(scale.id(), 5, null, null)), REVIEWER), InvalidRequest.class, "se note de 1 à 4");
		refused(reviews.record(id, List.of(new FindingInput(legal.id(), 3, null, null)), REVIEWER), InvalidRequest.class, "réussi ou non");
		refused(reviews.record(id, List.of(new FindingInput(999_999, 3, null, null)), REVIEWER), InvalidRequest.class, "pas dans la grille");
		assertThat(count("select count(*) from review_finding")).isZero();
		// Weights 3, 2, 2, 2, 3, 3 (scales of 4) and 2, 1, 1 (legal): 19. The first scale at 2 counts 3 × 1/3 = 1,
		// the other scales at the maximum 12, the legal items 4: 17 of 19 = 89 %.
		await(reviews.record(id, findings(4, null, true), REVIEWER));
		await(reviews.record(id, List.of(new FindingInput(scale.id(), 2, null, "à revoir")), REVIEWER));
		assertThat(Reviews.score(rubric, await(reviews.detail(id)).current())).isEqualTo(89);
	}

	@Test
	void aReviewerNeverReviewsAModuleTheyAuthorOrTutor() {
		await(accounts.create("relect-auteur", "mot-de-passe-ra", Role.REVIEWER, "Relectrice Autrice", author));
		refused(reviews.plan(module, "relect-auteur", null, null, "coord"), Refused.class, "Conflit d’intérêts : Relectrice Autrice conçoit ou tutore");
		await(accounts.create("vac", "mot-de-passe-vac", Role.VACATAIRE, "Véra Vacataire", null));
		refused(reviews.plan(module, "vac", null, null, "coord"), Refused.class, "ne peut pas relire");
		refused(reviews.plan(module, "personne", null, null, "coord"), InvalidRequest.class, "Aucun compte");
		assertThat(count("select count(*) from review")).isZero();

		long id = await(reviews.plan(module, "relect", null, null, "coord"));
		refused(reviews.plan(module, "autre", null, null, "coord"), Conflict.class, "déjà une revue en cours");
		refused(reviews.reassign(id, "relect-auteur", "coord"), Refused.class, "Conflit d’intérêts");
		await(reviews.reassign(id, "autre", "coord"));
		assertThat(await(reviews.review(id)).reviewer()).isEqualTo("autre");
		// The same reviewer on another module is fine.
		long other = count("select min(id) from module where id not in (select module_id from module_role where vacataire_id = " + author + ")");
		assertThat(await(reviews.plan(other, "relect-auteur", null, null, "coord"))).isPositive();
	}

	@Test
	void aModuleChangedInMoodleAfterItsApprovedReviewIsToRevisit() {
		long id = await(reviews.plan(module, "relect", null, null, "coord"));
		await(reviews.start(id, REVIEWER));
		await(reviews.record(id, findings(4, null, true), REVIEWER));
		await(reviews.approve(id, REVIEWER));
		awaitReactions();
		assertThat(await(reviews.toRevisit().collectList())).isEmpty();

		long course = count("select moodle_course_id from module where id = " + module);
		MOODLE.dataset().renameCourse(course, "Module réécrit après sa revue", java.time.Instant.now().getEpochSecond() + 60);
		await(launcher.execute(SyncMode.INCREMENTAL, "test"));
		assertThat(await(reviews.toRevisit().collectList())).singleElement().satisfies(r -> {
			assertThat(r.moduleId()).isEqualTo(module);
			assertThat(r.reviewId()).isEqualTo(id);
			assertThat(r.changedAt()).isAfter(r.approvedAt());
		});
		assertThat(await(reviews.isToRevisit(module))).isTrue();
		assertThat(await(reviews.isToRevisit(module + 1))).isFalse();
		// Once a new review is planned, the module is no longer waiting for one.
		await(reviews.plan(module, "relect", null, null, "coord"));
		assertThat(await(reviews.toRevisit().collectList())).isEmpty();
		assertThat(await(reviews.isToRevisit(module))).isFalse();
	}

	@Test
	void aRubricChangesByVersionsAndPlannedReviewsKeepTheirs() {
		long id = await(reviews.plan(module, "relect", null, null, "coord"));
		Rubrics.Rubric v2 = await(rubrics.define(Rubrics.DEFAULT, "Grille qualité des modules EAD", 75, List.of(
				new Rubrics.CriterionDefinition("Normes", "Balises rédactionnelles appliquées", Kind.SCALE, 5, 2),
				new Rubrics.CriterionDefinition("Légal", "Droits d'auteur acquis", Kind.PASS_FAIL, null, 1)), "coord"));
		assertThat(v2.version()).isEqualTo(2);
		assertThat(await(rubrics.latest(Rubrics.DEFAULT)).id()).isEqualTo(v2.id());
		assertThat(await(reviews.review(id)).rubricId()).isEqualTo(rubric.id());
		refused(rubrics.define("X", "X", 50, List.of(new Rubrics.CriterionDefinition("S", "L", Kind.PASS_FAIL, 4, 1)), "coord"),
				InvalidRequest.class, "n’a pas d’échelle");
		refused(rubrics.define("X", "X", 150, List.of(new Rubrics.CriterionDefinition("S", "L", Kind.PASS_FAIL, null, 1)), "coord"),
				InvalidRequest.class, "de 0 à 100");
	}

	/** A finding for every criterion: scales at {@code scale} (the first one with the comment), legal items passed or not. */
	private List<FindingInput> findings(int scale, String comment, boolean passed) {
		List<FindingInput> out = new java.util.ArrayList<>();
		for (Criterion c : rubric.criteria()) {
			out.add(c.kind() == Kind.SCALE ? new FindingInput(c.id(), scale, null, out.isEmpty() ? comment : null)
					: new FindingInput(c.id(), null, c.label().contains("droit à l'image") ? passed : true, null));
		}
		return out;
	}

	private ReviewState state(long id) {
		return await(reviews.review(id)).state();
	}

	private static void refused(Mono<?> action, Class<? extends Throwable> type, String message) {
		StepVerifier.create(action).expectErrorSatisfies(e -> assertThat(e).isInstanceOf(type).hasMessageContaining(message)).verify();
	}
}
