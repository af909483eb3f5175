package be.fwb.ead.reviews;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import be.fwb.ead.reviews.Campaigns.Candidate;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A campaign's risk policy, built with {@code new} for a day and a horizon: who is a candidate, and the risk's parts. */
class RiskPolicyUnitTest {

	private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
	private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
	private final RiskPolicy policy = new RiskPolicy(TODAY, 120, BRUSSELS);

	@Test
	void aModuleNeverReviewedAlignedWithNoExamNorLearnersIsACandidateForItsHistoryAlone() {
		Candidate c = policy.assess(module(null, null, null, true, null, 0, 0)).orElseThrow();
		assertThat(c.risk()).isEqualTo(RiskPolicy.NEVER);
		assertThat(c.reasons()).containsExactly("jamais relu (+40)");
	}

	@Test
	void theHistoryCountsOnceRefusedBeforeChangedBeforeOld() {
		Instant longAgo = at(TODAY.minusYears(4));
		assertThat(risk(module(ReviewState.REJECTED, longAgo, at(TODAY), true, null, 0, 0))).isEqualTo(RiskPolicy.REFUSED);
		assertThat(policy.assess(module(ReviewState.REJECTED, at(LocalDate.of(2026, 3, 9)), null, true, null, 0, 0)).orElseThrow()
			.reasons()).containsExactly("refusé à sa dernière revue, le 09/03/2026 (+35)");
		Candidate changed = policy.assess(module(ReviewState.APPROVED, longAgo, at(LocalDate.of(2026, 11, 30)), true, null, 0, 0))
			.orElseThrow();
		assertThat(changed.risk()).isEqualTo(RiskPolicy.CHANGED);
		assertThat(changed.reasons()).containsExactly("modifié dans Moodle le 30/11/2026, après son approbation (+30)");
		assertThat(risk(module(ReviewState.APPROVED, longAgo, longAgo.minusSeconds(60), true, null, 0, 0))).isEqualTo(RiskPolicy.OLD);
	}

	@Test
	void aRecentApprovalUnchangedSinceIsNoCandidateWhateverElseCounts() {
		Instant lastYear = at(TODAY.minusYears(1));
		assertThat(policy.assess(module(ReviewState.APPROVED, lastYear, lastYear.minusSeconds(1), false, TODAY.plusDays(1), 900, 900)))
			.isEmpty();
		// Approved exactly three years ago today is not yet old.
		assertThat(policy.assess(module(ReviewState.APPROVED, at(TODAY.minusYears(3)), null, true, null, 0, 0))).isEmpty();
		assertThat(policy.assess(module(ReviewState.APPROVED, at(TODAY.minusYears(3)).minusSeconds(1), null, true, null, 0, 0)))
			.isPresent();
	}

	@Test
	void anUnalignedModuleAnApproachingExamAndItsDemandAddUp() {
		// Session in 30 days of a 120-day horizon: 30 × (1 − 30/120) = 22.5 → 23; 250 learners of 1,000: 10 × 0.25 = 2.5 → 3.
		Candidate c = policy.assess(module(null, null, null, false, TODAY.plusDays(30), 250, 1000)).orElseThrow();
		assertThat(c.risk()).isEqualTo(40 + 20 + 23 + 3);
		assertThat(c.reasons()).containsExactly("jamais relu (+40)", "aligné sur aucune compétence (+20)",
				"session CE1D le 01/01/2027, dans 30 j (+23)", "250 apprenants (+3)");
		assertThat(c.examSession()).isEqualTo(TODAY.plusDays(30));
		assertThat(c.exam()).isEqualTo("CE1D");
		assertThat(c.learners()).isEqualTo(250);
	}

	@Test
	void anExamTodayCountsInFullAndTheMostFollowedModuleCountsTheFullDemand() {
		assertThat(risk(module(null, null, null, true, TODAY, 0, 0))).isEqualTo(40 + 30);
		assertThat(risk(module(null, null, null, true, TODAY.plusDays(120), 0, 0))).isEqualTo(40);
		assertThat(risk(module(null, null, null, true, null, 1000, 1000))).isEqualTo(40 + 10);
		assertThat(risk(module(null, null, null, true, null, 40, 1000))).isEqualTo(40);
	}

	private int risk(RiskPolicy.Module m) {
		Optional<Candidate> c = policy.assess(m);
		assertThat(c).isPresent();
		return c.orElseThrow().risk();
	}

	private static RiskPolicy.Module module(@Nullable ReviewState last, @Nullable Instant decidedAt, @Nullable Instant changedAt,
			boolean aligned, @Nullable LocalDate session, int learners, int most) {
		return new RiskPolicy.Module(1, "FR-1", "Français 1", last, decidedAt, changedAt, aligned, session,
				session == null ? null : "CE1D", learners, most);
	}

	private static Instant at(LocalDate day) {
		return day.atStartOfDay(BRUSSELS).toInstant();
	}
}
