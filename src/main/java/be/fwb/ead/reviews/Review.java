package be.fwb.ead.reviews;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import be.fwb.ead.reviews.Reviews.Actor;
import be.fwb.ead.reviews.Reviews.Finding;
import be.fwb.ead.reviews.Reviews.FindingInput;
import be.fwb.ead.reviews.Rubrics.Criterion;
import be.fwb.ead.reviews.Rubrics.Kind;
import be.fwb.ead.reviews.Rubrics.Rubric;
import be.fwb.ead.shared.InvalidRequest;
import be.fwb.ead.shared.Refused;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/**
 * A quality review as its rules see it: who may act on it, from which state it may go where and with what, what a
 * round's findings must hold, and its score. Built with {@code new} from what is stored; it writes nothing: each
 * transition checks its guard (throwing with the current state) and answers the {@link Transition} to write.
 *
 * @param reviewer the reviewer's username
 * @param round the current round (1, then one more each time the authors' changes are checked again)
 * @param current the findings in force, by criterion id: for each, the one of the latest round that has it (a criterion
 *        left without a score in a later round keeps its value)
 */
public record Review(long id, String reviewer, ReviewState state, int round, Rubric rubric, Map<Long, Finding> current) {

	/**
	 * What a transition writes besides the new state: a note for the history, a deadline, the next round, a score.
	 *
	 * @param from the state the review must still be in when written (two people acting at once cannot both succeed)
	 */
	public record Transition(ReviewState from, ReviewState to, @Nullable String note, @Nullable LocalDate deadline,
			boolean nextRound, @Nullable Integer score) {

		/** Whether the review is decided by it (approved or rejected): its decision date is written. */
		public boolean decides() {
			return !to.open();
		}
	}

	public Review {
		current = Map.copyOf(current);
	}

	/** The review's rules over what is stored of it: its current round's findings. */
	static Review of(Reviews.Detail d) {
		return new Review(d.review().id(), d.review().reviewer(), d.review().state(), d.review().round(), d.rubric(), d.current());
	}

	/** The reviewer opens the review (planned → in review). */
	public Transition start(Actor actor) {
		guard(actor, ReviewState.PLANNED, ReviewState.IN_REVIEW);
		return new Transition(state, ReviewState.IN_REVIEW, null, null, false, null);
	}

	/**
	 * Asks the authors for changes (in review → changes requested): the deadline is after {@code today}, every criterion
	 * has a finding in force, and at least one of them says what to change (a comment on a criterion below its best).
	 */
	public Transition requestChanges(@Nullable LocalDate deadline, LocalDate today, Actor actor) {
		checkDeadline(deadline, today);
		guard(actor, ReviewState.IN_REVIEW, ReviewState.CHANGES_REQUESTED);
		requireComplete();
		boolean asked = rubric.criteria().stream().anyMatch(c -> {
			Finding f = current.get(c.id());
			return f.comment() != null && value(c, f) < 1.0;
		});
		if (!asked) {
			throw new Refused("Aucun constat ne demande de modification : commentez au moins un critère qui n’est pas "
					+ "au maximum, ou approuvez.");
		}
		return new Transition(state, ReviewState.CHANGES_REQUESTED, "pour le " + be.fwb.ead.shared.Days.text(deadline), deadline, false, null);
	}

	/** The authors have made their changes: the reviewer checks again (changes requested → in review, next round). */
	public Transition recheck(Actor actor) {
		guard(actor, ReviewState.CHANGES_REQUESTED, ReviewState.IN_REVIEW);
		return new Transition(state, ReviewState.IN_REVIEW, null, null, true, null);
	}

	/**
	 * Approves (in review → approved): every criterion has a finding in force (this round's or kept from an earlier one),
	 * no pass/fail criterion failed, and the
	 * weighted score reaches the rubric's threshold.
	 */
	public Transition approve(Actor actor) {
		guard(actor, ReviewState.IN_REVIEW, ReviewState.APPROVED);
		requireComplete();
		List<String> failed = rubric.criteria().stream()
			.filter(c -> c.kind() == Kind.PASS_FAIL && !Boolean.TRUE.equals(current.get(c.id()).passed()))
			.map(Criterion::label)
			.toList();
		if (!failed.isEmpty()) {
			throw new Refused("Un critère obligatoire n’est pas rempli : " + String.join(" ; ", failed)
					+ ". Demandez des modifications ou refusez.");
		}
		int score = score();
		if (score < rubric.passThreshold()) {
			throw new Refused("Le score (" + score + " %) n’atteint pas le seuil de la grille (" + rubric.passThreshold()
					+ " %) : demandez des modifications ou refusez.");
		}
		return new Transition(state, ReviewState.APPROVED, "score " + score + " %", null, false, score);
	}

	/** Rejects the module (in review → rejected), with the reason; the score of the round is kept. */
	public Transition reject(@Nullable String reason, Actor actor) {
		checkReason(reason);
		guard(actor, ReviewState.IN_REVIEW, ReviewState.REJECTED);
		return new Transition(state, ReviewState.REJECTED, reason.trim(), null, false, score());
	}

	/**
	 * Checks findings to record in the current round: only while in review, one per criterion of the rubric at most,
	 * each valued as its criterion asks.
	 */
	public void checkFindings(List<FindingInput> findings, Actor actor) {
		allow(actor);
		if (state != ReviewState.IN_REVIEW) {
			throw new Refused("Les constats s’enregistrent pendant la revue ; celle-ci est " + state.label() + ".");
		}
		Map<Long, Criterion> criteria = new HashMap<>();
		rubric.criteria().forEach(c -> criteria.put(c.id(), c));
		Set<Long> seen = new HashSet<>();
		for (FindingInput f : findings) {
			Criterion c = criteria.get(f.criterionId());
			if (c == null) {
				throw new InvalidRequest("Le critère " + f.criterionId() + " n’est pas dans la grille de cette revue.");
			}
			if (!seen.add(c.id())) {
				throw new InvalidRequest("Le critère « " + c.label() + " » figure deux fois.");
			}
			String problem = problem(c, f);
			if (problem != null) {
				throw new InvalidRequest(problem);
			}
		}
	}

	/** The weighted score of the current round, in %. */
	public int score() {
		return score(rubric, current);
	}

	/** The weighted score in %: a scale counts (score − 1) / (max − 1), a pass/fail 1 or 0; a missing finding 0. */
	public static int score(Rubric rubric, Map<Long, Finding> findings) {
		double total = 0;
		double weights = 0;
		for (Criterion c : rubric.criteria()) {
			weights += c.weight();
			Finding f = findings.get(c.id());
			total += f == null ? 0 : c.weight() * value(c, f);
		}
		return weights == 0 ? 0 : (int) Math.round(100 * total / weights);
	}

	/** A deadline for the authors is after today. */
	static void checkDeadline(@Nullable LocalDate deadline, LocalDate today) {
		if (deadline == null || !deadline.isAfter(today)) {
			throw InvalidRequest.ofField("deadline", "Donnez aux concepteurs une date limite postérieure à aujourd’hui.");
		}
	}

	/** A refusal gives its reason. */
	static void checkReason(@Nullable String reason) {
		if (reason == null || reason.isBlank()) {
			throw InvalidRequest.ofField("reason", "Un refus se motive : donnez la raison.");
		}
	}

	/**
	 * Only the review's designated reviewer moves it and records its findings; a coordinator who is not gives it to
	 * someone else (reassigning), or to themselves, and then acts.
	 */
	void allow(Actor actor) {
		if (!actor.username().equals(reviewer)) {
			throw new AccessDeniedException("Seul le relecteur désigné (" + reviewer + ") fait avancer cette revue"
					+ (actor.coordinator() ? " : pour la reprendre, confiez-la-vous d’abord (« Confier à »)." : "."));
		}
	}

	private void guard(Actor actor, ReviewState from, ReviewState to) {
		allow(actor);
		if (state != from) {
			throw new Refused("Une revue " + state.label() + " ne peut pas passer à « " + to.label() + " »"
					+ (state.next().isEmpty() ? " : elle est terminée." : " ; depuis cet état : "
							+ String.join(", ", state.next().stream().map(ReviewState::label).sorted().toList()) + "."));
		}
	}

	private void requireComplete() {
		List<String> missing = rubric.criteria().stream().filter(c -> !current.containsKey(c.id())).map(Criterion::label).toList();
		if (!missing.isEmpty()) {
			throw new Refused(missing.size() == 1 ? "Un critère n’a pas encore de constat : " + missing.get(0) + "."
					: missing.size() + " critères n’ont pas encore de constat : " + String.join(" ; ", missing) + ".");
		}
	}

	private static @Nullable String problem(Criterion c, FindingInput f) {
		if (c.kind() == Kind.SCALE) {
			if (f.score() == null || f.score() < 1 || f.score() > c.scaleMax() || f.passed() != null) {
				return "« " + c.label() + " » se note de 1 à " + c.scaleMax() + ".";
			}
		}
		else if (f.passed() == null || f.score() != null) {
			return "« " + c.label() + " » est réussi ou non (passed : true ou false).";
		}
		if (f.comment() != null && f.comment().length() > 4000) {
			return "Le commentaire de « " + c.label() + " » dépasse 4000 caractères.";
		}
		return null;
	}

	private static double value(Criterion c, Finding f) {
		if (c.kind() == Kind.PASS_FAIL) {
			return Boolean.TRUE.equals(f.passed()) ? 1 : 0;
		}
		return f.score() == null ? 0 : (double) (f.score() - 1) / (c.scaleMax() - 1);
	}
}
