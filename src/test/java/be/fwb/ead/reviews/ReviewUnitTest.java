package be.fwb.ead.reviews;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import be.fwb.ead.reviews.Review.Transition;
import be.fwb.ead.reviews.Reviews.Actor;
import be.fwb.ead.reviews.Reviews.Finding;
import be.fwb.ead.reviews.Reviews.FindingInput;
import be.fwb.ead.reviews.Rubrics.Criterion;
import be.fwb.ead.reviews.Rubrics.Kind;
import be.fwb.ead.reviews.Rubrics.Rubric;
import be.fwb.ead.shared.InvalidRequest;
import be.fwb.ead.shared.Refused;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A review's transitions, their guards and its score, built with {@code new}: no database, no Spring. */
class ReviewUnitTest {

	private static final Actor REVIEWER = new Actor("relect", false);
	private static final Actor COORDINATOR = new Actor("coord", true);
	private static final Actor OTHER = new Actor("autre", false);
	private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

	/** Clarity: a scale of 1 to 5, weight 2; Objectives: a scale of 1 to 3, weight 1; Rights: pass/fail, weight 1. */
	private static final Rubric RUBRIC = new Rubric(7, "EAD-QUALITE", "Qualité", 1, 60, List.of(
			new Criterion(1, "Rédaction", "Clarté", Kind.SCALE, 5, 2),
			new Criterion(2, "Rédaction", "Objectifs", Kind.SCALE, 3, 1),
			new Criterion(3, "Droits", "Droits d'auteur", Kind.PASS_FAIL, null, 1)));

	@Test
	void aReviewGoesFromPlannedToApprovedThroughOneRoundOfChanges() {
		Transition start = given(ReviewState.PLANNED).start(REVIEWER);
		assertThat(start).isEqualTo(new Transition(ReviewState.PLANNED, ReviewState.IN_REVIEW, null, null, false, null));

		Transition asked = given(ReviewState.IN_REVIEW, scale(1, 2, "Trop dense."), scale(2, 3, null), passed(3, true))
			.requestChanges(TODAY.plusDays(14), TODAY, REVIEWER);
		assertThat(asked).isEqualTo(new Transition(ReviewState.IN_REVIEW, ReviewState.CHANGES_REQUESTED, "pour le 16/12/2026",
				TODAY.plusDays(14), false, null));
		assertThat(asked.decides()).isFalse();

		Transition recheck = given(ReviewState.CHANGES_REQUESTED).recheck(REVIEWER);
		assertThat(recheck.to()).isEqualTo(ReviewState.IN_REVIEW);
		assertThat(recheck.nextRound()).isTrue();

		Transition approved = given(ReviewState.IN_REVIEW, scale(1, 5, null), scale(2, 3, null), passed(3, true)).approve(REVIEWER);
		assertThat(approved).isEqualTo(new Transition(ReviewState.IN_REVIEW, ReviewState.APPROVED, "score 100 %", null, false, 100));
		assertThat(approved.decides()).isTrue();
	}

	@Test
	void aTransitionFromTheWrongStateIsRefusedNamingTheCurrentStateAndWhereItMayGo() {
		assertThatThrownBy(() -> given(ReviewState.CHANGES_REQUESTED, scale(1, 5, null), scale(2, 3, null), passed(3, true))
			.approve(REVIEWER)).isInstanceOf(Refused.class)
			.hasMessage("Une revue modifications demandées ne peut pas passer à « approuvée » ; depuis cet état : en revue.");
		assertThatThrownBy(() -> given(ReviewState.IN_REVIEW).start(REVIEWER)).isInstanceOf(Refused.class)
			.hasMessage("Une revue en revue ne peut pas passer à « en revue » ; depuis cet état : approuvée, modifications demandées, "
					+ "refusée.");
		assertThatThrownBy(() -> given(ReviewState.APPROVED).recheck(REVIEWER)).isInstanceOf(Refused.class)
			.hasMessage("Une revue approuvée ne peut pas passer à « en revue » : elle est terminée.");
		assertThatThrownBy(() -> given(ReviewState.REJECTED).reject("encore", REVIEWER)).isInstanceOf(Refused.class)
			.hasMessageContaining("Une revue refusée");
	}

	@Test
	void onlyTheDesignatedReviewerActsACoordinatorReassignsFirst() {
		assertThatThrownBy(() -> given(ReviewState.PLANNED).start(OTHER)).isInstanceOf(AccessDeniedException.class)
			.hasMessageContaining("Seul le relecteur désigné (relect)");
		assertThatThrownBy(() -> given(ReviewState.PLANNED).start(COORDINATOR)).isInstanceOf(AccessDeniedException.class)
			.hasMessageContaining("confiez-la-vous d’abord");
		assertThatThrownBy(() -> given(ReviewState.IN_REVIEW).checkFindings(List.of(), COORDINATOR)).isInstanceOf(AccessDeniedException.class);
		assertThat(given(ReviewState.PLANNED).start(REVIEWER).to()).isEqualTo(ReviewState.IN_REVIEW);
		assertThatThrownBy(() -> given(ReviewState.IN_REVIEW).checkFindings(List.of(), OTHER)).isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void changesAreAskedWithALaterDeadlineEveryCriterionFoundAndOneCommentBelowTheBest() {
		Review complete = given(ReviewState.IN_REVIEW, scale(1, 2, "Trop dense."), scale(2, 3, null), passed(3, true));
		assertThatThrownBy(() -> complete.requestChanges(TODAY, TODAY, REVIEWER)).isInstanceOf(InvalidRequest.class)
			.hasMessageContaining("date limite postérieure");
		assertThatThrownBy(() -> complete.requestChanges(null, TODAY, REVIEWER)).isInstanceOf(InvalidRequest.class);
		assertThatThrownBy(() -> given(ReviewState.IN_REVIEW, scale(1, 2, "Trop dense.")).requestChanges(TODAY.plusDays(1), TODAY,
				REVIEWER)).isInstanceOf(Refused.class).hasMessage("2 critères n’ont pas encore de constat : Objectifs ; Droits d'auteur.");
		// A comment on a criterion at its best asks nothing.
		assertThatThrownBy(() -> given(ReviewState.IN_REVIEW, scale(1, 5, "Parfait."), scale(2, 3, null), passed(3, true))
			.requestChanges(TODAY.plusDays(1), TODAY, REVIEWER)).isInstanceOf(Refused.class)
			.hasMessageContaining("Aucun constat ne demande de modification");
		// A comment on a failed pass/fail criterion does.
		assertThat(given(ReviewState.IN_REVIEW, scale(1, 5, null), scale(2, 3, null), passed(3, false, "Image sans licence."))
			.requestChanges(TODAY.plusDays(1), TODAY, REVIEWER).to()).isEqualTo(ReviewState.CHANGES_REQUESTED);
	}

	@Test
	void anApprovalNeedsEveryPassFailCriterionPassedAndTheScoreAtTheThreshold() {
		assertThatThrownBy(() -> given(ReviewState.IN_REVIEW, scale(1, 5, null), scale(2, 3, null), passed(3, false)).approve(REVIEWER))
			.isInstanceOf(Refused.class)
			.hasMessage("Un critère obligatoire n’est pas rempli : Droits d'auteur. Demandez des modifications ou refusez.");
		// (2 × 0.5 + 1 × 0.5 + 1) / 4 = 62.5 % → 63 %, above 60 %.
		assertThat(given(ReviewState.IN_REVIEW, scale(1, 3, null), scale(2, 2, null), passed(3, true)).approve(REVIEWER).score())
			.isEqualTo(63);
		// (2 × 0.25 + 0 + 1) / 4 = 37.5 % → 38 %, below.
		assertThatThrownBy(() -> given(ReviewState.IN_REVIEW, scale(1, 2, null), scale(2, 1, null), passed(3, true)).approve(REVIEWER))
			.isInstanceOf(Refused.class)
			.hasMessage("Le score (38 %) n’atteint pas le seuil de la grille (60 %) : demandez des modifications ou refusez.");
	}

	@Test
	void inTheNextRoundACriterionLeftWithoutAScoreKeepsItsValueAndApprovalAcceptsIt() {
		// Round 1: « Clarté » at 2 with what to change; round 2: only « Clarté » scored again, at 4.
		List<Finding> findings = List.of(scale(1, 2, "Trop dense."), scale(2, 3, null), passed(3, true),
				new Finding(99, 1, 2, 4, null, null, "relect", Instant.EPOCH, List.of()));
		Reviews.Summary summary = new Reviews.Summary(42, 7, "M", "Module", 1, "relect", ReviewState.IN_REVIEW, 2, null, null, null,
				"coord", Instant.EPOCH, null);
		Reviews.Detail detail = new Reviews.Detail(summary, RUBRIC, findings, List.of());
		assertThat(detail.current()).hasSize(3);
		assertThat(detail.current().get(1L).round()).isEqualTo(2);
		assertThat(detail.current().get(2L).round()).isEqualTo(1);
		// (2 × 3/4 + 1 × 1 + 1) / 4 = 87.5 % → 88 %: « Objectifs » and « Droits d'auteur » kept from round 1.
		assertThat(Review.of(detail).approve(REVIEWER).score()).isEqualTo(88);
	}

	@Test
	void aRejectionGivesItsReasonAndKeepsTheRoundsScore() {
		assertThatThrownBy(() -> given(ReviewState.IN_REVIEW).reject("  ", REVIEWER)).isInstanceOf(InvalidRequest.class)
			.hasMessage("Un refus se motive : donnez la raison.");
		Transition rejected = given(ReviewState.IN_REVIEW, scale(1, 5, null)).reject(" Hors programme. ", REVIEWER);
		assertThat(rejected).isEqualTo(new Transition(ReviewState.IN_REVIEW, ReviewState.REJECTED, "Hors programme.", null, false, 50));
	}

	@Test
	void theScoreWeighsEachCriterionAndCountsAMissingFindingAsNothing() {
		assertThat(given(ReviewState.IN_REVIEW).score()).isZero();
		assertThat(given(ReviewState.IN_REVIEW, scale(1, 5, null), scale(2, 3, null), passed(3, true)).score()).isEqualTo(100);
		assertThat(given(ReviewState.IN_REVIEW, scale(1, 1, null), scale(2, 1, null), passed(3, false)).score()).isZero();
		assertThat(given(ReviewState.IN_REVIEW, passed(3, true)).score()).isEqualTo(25);
		assertThat(Review.score(new Rubric(1, "X", "X", 1, 50, List.of()), Map.of())).isZero();
	}

	@Test
	void findingsAreRecordedInReviewOncePerCriterionOfTheRubricValuedAsItAsks() {
		Review review = given(ReviewState.IN_REVIEW);
		review.checkFindings(List.of(new FindingInput(1, 4, null, "Bien."), new FindingInput(3, null, true, null)), REVIEWER);
		assertThatThrownBy(() -> given(ReviewState.PLANNED).checkFindings(List.of(), REVIEWER)).isInstanceOf(Refused.class)
			.hasMessage("Les constats s’enregistrent pendant la revue ; celle-ci est planifiée.");
		assertThatThrownBy(() -> review.checkFindings(List.of(new FindingInput(9, 1, null, null)), REVIEWER))
			.isInstanceOf(InvalidRequest.class).hasMessage("Le critère 9 n’est pas dans la grille de cette revue.");
		assertThatThrownBy(() -> review.checkFindings(List.of(new FindingInput(1, 2, null, null), new FindingInput(1, 3, null, null)),
				REVIEWER)).isInstanceOf(InvalidRequest.class).hasMessage("Le critère « Clarté » figure deux fois.");
		assertThatThrownBy(() -> review.checkFindings(List.of(new FindingInput(1, 6, null, null)), REVIEWER))
			.isInstanceOf(InvalidRequest.class).hasMessage("« Clarté » se note de 1 à 5.");
		assertThatThrownBy(() -> review.checkFindings(List.of(new FindingInput(3, 1, null, null)), REVIEWER))
			.isInstanceOf(InvalidRequest.class).hasMessage("« Droits d'auteur » est réussi ou non (passed : true ou false).");
		assertThatThrownBy(() -> review.checkFindings(List.of(new FindingInput(2, 2, null, "x".repeat(4001))), REVIEWER))
			.isInstanceOf(InvalidRequest.class).hasMessage("Le commentaire de « Objectifs » dépasse 4000 caractères.");
	}

	private static Review given(ReviewState state, Finding... findings) {
		Map<Long, Finding> current = new HashMap<>();
		for (Finding f : findings) {
			current.put(f.criterionId(), f);
		}
		return new Review(42, "relect", state, 1, RUBRIC, current);
	}

	private static Finding scale(long criterion, int score, String comment) {
		return new Finding(criterion * 10, criterion, 1, score, null, comment, "relect", Instant.EPOCH, List.of());
	}

	private static Finding passed(long criterion, boolean passed) {
		return passed(criterion, passed, null);
	}

	private static Finding passed(long criterion, boolean passed, String comment) {
		return new Finding(criterion * 10, criterion, 1, null, passed, comment, "relect", Instant.EPOCH, List.of());
	}
}
