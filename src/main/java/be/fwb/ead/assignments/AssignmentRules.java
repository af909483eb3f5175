package be.fwb.ead.assignments;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import be.fwb.ead.titles.CoverageKind;
import be.fwb.ead.vacataires.VacataireStatus;
import org.jspecify.annotations.Nullable;

/**
 * The rules an assignment must pass, judged on facts read beforehand: no database, no clock, built with {@code new}.
 * In order: the vacataire may be assigned (retenu or actif), the module still exists, no overlapping same assignment,
 * a title covers the module's level and subject (or a derogation is given), the trainings the role requires (the
 * same requirements as the list of who is overdue) are completed, and the workload cap of the school year holds. A batch is judged in its order: hours allowed for a row
 * count against the cap of the next rows of the same vacataire.
 */
final class AssignmentRules {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	/** The rule that refuses, for grouping refusals. */
	enum Rule {
		STATUS, ARCHIVED, OVERLAP, TITLE, TRAINING, CAP
	}

	/** An assignment asked for. */
	record Request(long vacataireId, long moduleId, String role, LocalDate startsOn, LocalDate endsOn, int hours,
			@Nullable String derogationReason) {
	}

	/**
	 * What the rules need to know about one request.
	 *
	 * @param coverage the best coverage of the module by the vacataire's titles, {@literal null} when none
	 * @param heldTitles the codes of the titles the vacataire holds
	 * @param missingTrainings labels of the trainings the request's role requires and the vacataire has not completed
	 * @param hoursThisYear hours of the vacataire's assignments starting in the school year of the request
	 * @param overlap the period of an overlapping same assignment, {@literal null} when none
	 */
	record Facts(String vacataireName, VacataireStatus status, int capHours, String moduleName, boolean archived,
			String level, String subject, @Nullable CoverageKind coverage, List<String> heldTitles,
			List<String> missingTrainings, int hoursThisYear, int withoutHoursThisYear, String schoolYear, @Nullable String overlap) {
	}

	/** Allowed with its coverage, or refused by a rule with a French reason. */
	record Verdict(Assignments.@Nullable Coverage coverage, @Nullable Rule rule, @Nullable String reason) {

		static Verdict allowed(Assignments.Coverage coverage) {
			return new Verdict(coverage, null, null);
		}

		static Verdict refused(Rule rule, String reason) {
			return new Verdict(null, rule, reason);
		}

		boolean isAllowed() {
			return rule == null;
		}

		/** The field of the assignment's form that can mend the refusal: the hours over the cap, a derogation's reason. */
		@Nullable String field() {
			return rule == Rule.CAP ? "hours" : rule == Rule.TITLE ? "derogationReason" : null;
		}
	}

	/** Judges one request alone. */
	Verdict judge(Request r, Facts f) {
		return judge(r, f, 0);
	}

	/** Judges the requests in order; {@code facts} go with {@code requests} index by index. */
	List<Verdict> judgeAll(List<Request> requests, List<Facts> facts) {
		Map<String, Integer> added = new HashMap<>();
		List<Verdict> verdicts = new ArrayList<>(requests.size());
		for (int i = 0; i < requests.size(); i++) {
			Request r = requests.get(i);
			Facts f = facts.get(i);
			String key = r.vacataireId() + "|" + f.schoolYear();
			Verdict v = judge(r, f, added.getOrDefault(key, 0));
			if (v.isAllowed()) {
				added.merge(key, r.hours(), Integer::sum);
			}
			verdicts.add(v);
		}
		return verdicts;
	}

	private Verdict judge(Request r, Facts f, int hoursAddedBefore) {
		if (!f.status().assignable()) {
			return Verdict.refused(Rule.STATUS, f.vacataireName() + " a le statut « " + f.status().label()
					+ " » : seuls les vacataires retenus ou actifs peuvent être affectés.");
		}
		if (f.archived()) {
			return Verdict.refused(Rule.ARCHIVED, "Le module « " + f.moduleName() + " » est archivé (il n’existe plus dans Moodle).");
		}
		if (f.overlap() != null) {
			return Verdict.refused(Rule.OVERLAP, f.vacataireName() + " est déjà affecté en " + Assignments.roleLabel(r.role())
					+ " au module « " + f.moduleName() + " » " + f.overlap() + " : les périodes se chevauchent.");
		}
		Assignments.Coverage coverage;
		if (f.coverage() != null) {
			coverage = Assignments.Coverage.valueOf(f.coverage().name());
		}
		else if (r.derogationReason() != null && !r.derogationReason().isBlank()) {
			coverage = Assignments.Coverage.DEROGATION;
		}
		else {
			return Verdict.refused(Rule.TITLE, "Aucun titre de " + f.vacataireName() + " ("
					+ (f.heldTitles().isEmpty() ? "aucun titre enregistré" : String.join(", ", f.heldTitles())) + ") ne couvre « "
					+ f.subject() + " » en « " + f.level() + " ». Enregistrez le titre du vacataire, ou une dérogation motivée.");
		}
		if (!f.missingTrainings().isEmpty()) {
			return Verdict.refused(Rule.TRAINING, f.vacataireName() + " n’a pas terminé la formation requise pour une affectation en "
					+ Assignments.roleLabel(r.role()) + " : " + String.join(", ", f.missingTrainings()) + ". Inscrivez "
					+ f.vacataireName() + " à une session et enregistrez sa présence avant de l’affecter.");
		}
		int already = f.hoursThisYear() + hoursAddedBefore;
		if (already + r.hours() > f.capHours()) {
			// Assignments adopted from Moodle carry no hours yet: said, since they are not counted (« 0 h » read as none).
			String uncounted = f.withoutHoursThisYear() == 0 ? "" : " (et " + be.fwb.ead.shared.Counted.of(f.withoutHoursThisYear(),
					"affectation sans heures précisées, non comptée", "affectations sans heures précisées, non comptées") + ")";
			return Verdict.refused(Rule.CAP, "Plafond d’heures dépassé : " + f.vacataireName() + " a déjà " + already
					+ " h d’affectations en " + f.schoolYear() + uncounted + " ; avec ces " + r.hours() + " h, le total serait de "
					+ (already + r.hours()) + " h, au-delà du plafond de " + f.capHours() + " h.");
		}
		return Verdict.allowed(coverage);
	}

	/** The period of an overlapping assignment, as the refusal names it. */
	static String period(LocalDate from, LocalDate to) {
		return "du " + DAY.format(from) + " au " + DAY.format(to);
	}
}
