package be.fwb.ead.reviews;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import be.fwb.ead.reviews.Campaigns.Candidate;
import org.jspecify.annotations.Nullable;

/**
 * Which modules a review campaign looks at and how risky each is, out of 100. A current module with no open review is
 * a candidate when it was never reviewed, was refused at its last review, changed in Moodle since its last approval,
 * or was approved more than {@value #STALE_YEARS} years ago. Its risk adds up:
 * <ul>
 * <li>its review history: never reviewed {@value #NEVER}, refused {@value #REFUSED}, changed since approved
 * {@value #CHANGED}, approved long ago {@value #OLD};</li>
 * <li>its alignment: {@value #UNALIGNED} when it works no competency of any référentiel;</li>
 * <li>an approaching exam session: up to {@value #EXAM} when an exam the module is concerned by has a session within the
 * horizon, in proportion to how close it is;</li>
 * <li>its demand: up to {@value #DEMAND}, its learners over the most followed candidate's.</li>
 * </ul>
 * Pure: built with {@code new} for a day and a horizon, it reads nothing.
 *
 * @param today the day the campaign is prepared, in the service's zone
 * @param horizonDays how far ahead an exam session counts
 * @param zone the service's zone, to date the reasons
 */
record RiskPolicy(LocalDate today, int horizonDays, ZoneId zone) {

	static final int NEVER = 40;
	static final int REFUSED = 35;
	static final int CHANGED = 30;
	static final int OLD = 20;
	static final int UNALIGNED = 20;
	static final int EXAM = 30;
	static final int DEMAND = 10;
	static final int STALE_YEARS = 3;
	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu");

	/**
	 * What the policy weighs of a current module with no open review.
	 *
	 * @param lastDecision the state of its last decided review ({@code APPROVED} or {@code REJECTED}); {@literal null}:
	 *        never decided
	 * @param decidedAt when that review was decided ({@literal null} with it)
	 * @param contentChangedAt when Moodle last changed its content
	 * @param aligned whether it works at least one competency
	 * @param examSession the next session, within the horizon, of an exam it is concerned by, and that exam's code
	 * @param mostLearners the learners of the most followed module among those weighed
	 */
	record Module(long id, String shortname, String fullname, @Nullable ReviewState lastDecision, @Nullable Instant decidedAt,
			@Nullable Instant contentChangedAt, boolean aligned, @Nullable LocalDate examSession, @Nullable String exam, int learners,
			int mostLearners) {
	}

	/** The module as a candidate with its risk and why, one reason per ingredient that counts; empty when not a candidate. */
	Optional<Candidate> assess(Module m) {
		List<String> reasons = new ArrayList<>();
		int risk;
		Instant decided = m.decidedAt();
		Instant changed = m.contentChangedAt();
		if (m.lastDecision() == null || decided == null) {
			risk = NEVER;
			reasons.add("jamais relu (+" + NEVER + ")");
		}
		else if (m.lastDecision() == ReviewState.REJECTED) {
			risk = REFUSED;
			reasons.add("refusé à sa dernière revue, le " + DAY.format(decided.atZone(zone)) + " (+" + REFUSED + ")");
		}
		else if (changed != null && changed.isAfter(decided)) {
			risk = CHANGED;
			reasons.add("modifié dans Moodle le " + DAY.format(changed.atZone(zone)) + ", après son approbation (+" + CHANGED + ")");
		}
		else if (decided.isBefore(staleBefore())) {
			risk = OLD;
			reasons.add("approuvé il y a plus de " + STALE_YEARS + " ans (+" + OLD + ")");
		}
		else {
			return Optional.empty();
		}
		if (!m.aligned()) {
			risk += UNALIGNED;
			reasons.add("aligné sur aucune compétence (+" + UNALIGNED + ")");
		}
		LocalDate session = m.examSession();
		if (session != null) {
			long days = ChronoUnit.DAYS.between(today, session);
			int points = (int) Math.round(EXAM * (1 - (double) days / horizonDays));
			risk += points;
			reasons.add("session " + m.exam() + " le " + DAY.format(session) + ", dans " + days + " j (+" + points + ")");
		}
		int demand = Math.round((float) DEMAND * m.learners() / Math.max(1, m.mostLearners()));
		if (demand > 0) {
			risk += demand;
			reasons.add(m.learners() + " apprenants (+" + demand + ")");
		}
		return Optional.of(new Candidate(m.id(), m.shortname(), m.fullname(), risk, List.copyOf(reasons), m.learners(), session,
				m.exam()));
	}

	/** An approval before this instant is old enough to review again. */
	Instant staleBefore() {
		return today.minusYears(STALE_YEARS).atStartOfDay(zone).toInstant();
	}
}
