package be.fwb.ead.reviews;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

/**
 * The current modules a review campaign chooses from, with what the risk policy ({@link RiskPolicy}) weighs of each:
 * their last decided review, their alignment, the next session of an exam that concerns them, their learners. Those
 * facts lie in the catalogue, the référentiels and their exams and the reviews: the read side joins them (it implements
 * this, in {@code analysis}); the reviews keep the rule, and leave out the modules under review.
 */
public interface CandidateModules {

	/**
	 * What the policy weighs of a current module.
	 *
	 * @param lastDecision the state of its last decided review ({@code APPROVED} or {@code REJECTED}); {@literal null}:
	 *        never decided
	 * @param decidedAt when that review was decided ({@literal null} with it)
	 * @param contentChangedAt when Moodle last changed its content
	 * @param aligned whether it works at least one competency
	 * @param examSession the first session, from {@code today} to the horizon, of an exam it is concerned by, and that
	 *        exam's code
	 */
	record Facts(long id, String shortname, String fullname, @Nullable ReviewState lastDecision, @Nullable Instant decidedAt,
			@Nullable Instant contentChangedAt, boolean aligned, @Nullable LocalDate examSession, @Nullable String exam,
			int learners) {
	}

	/** Every current module, with its exam session between {@code today} and {@code horizon} (both included). */
	Flux<Facts> current(LocalDate today, LocalDate horizon);
}
