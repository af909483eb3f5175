package be.fwb.ead.assignments;

import java.time.LocalDate;
import java.util.List;

import be.fwb.ead.assignments.AssignmentRules.Facts;
import be.fwb.ead.assignments.AssignmentRules.Request;
import be.fwb.ead.assignments.AssignmentRules.Rule;
import be.fwb.ead.assignments.AssignmentRules.Verdict;
import be.fwb.ead.titles.CoverageKind;
import be.fwb.ead.vacataires.VacataireStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The assignment rules on facts built by hand: no Spring, no database. */
class AssignmentRulesUnitTest {

	private final AssignmentRules rules = new AssignmentRules();

	private static final LocalDate START = LocalDate.of(2026, 9, 1);
	private static final LocalDate END = LocalDate.of(2027, 8, 31);

	@Test
	void aTitleCoveringTheModuleAllowsTheAssignmentWithItsCoverage() {
		Verdict v = rules.judge(request("AUTHOR", 40, null), facts());
		assertThat(v.isAllowed()).isTrue();
		assertThat(v.coverage()).isEqualTo(Assignments.Coverage.SUFFISANT);
	}

	@Test
	void noTitleIsRefusedNamingTheTitlesHeldUnlessADerogationIsGiven() {
		Facts noTitle = facts(f -> new Facts(f.vacataireName(), f.status(), f.capHours(), f.moduleName(), false, f.level(), f.subject(),
				null, List.of("INSTIT"), List.of(), 0, 0, f.schoolYear(), null));
		Verdict refused = rules.judge(request("AUTHOR", 40, null), noTitle);
		assertThat(refused.rule()).isEqualTo(Rule.TITLE);
		assertThat(refused.reason()).contains("Aucun titre de Zoë Dubois (INSTIT) ne couvre « Chimie » en « Secondaire supérieur – CESS »");
		assertThat(rules.judge(request("AUTHOR", 40, "Pénurie, en attente du titre"), noTitle).coverage())
			.isEqualTo(Assignments.Coverage.DEROGATION);
	}

	@Test
	void everyRoleWithoutTheTrainingsItRequiresIsRefusedDesigningAsTutoring() {
		Facts untrained = facts(f -> new Facts(f.vacataireName(), f.status(), f.capHours(), f.moduleName(), false, f.level(), f.subject(),
				f.coverage(), f.heldTitles(), List.of("formation initiale « Moodle (technique) »"), 0, 0, f.schoolYear(), null));
		Verdict tutoring = rules.judge(request("TUTOR", 40, null), untrained);
		assertThat(tutoring.rule()).isEqualTo(Rule.TRAINING);
		assertThat(tutoring.reason()).contains("requise pour une affectation en tutorat : formation initiale « Moodle (technique) »")
			.contains("Inscrivez Zoë Dubois à une session").doesNotContain("Inscrivez-le");
		// What the training requirements list for conception is checked as well: À traiter flags nothing the rule allowed.
		Verdict designing = rules.judge(request("AUTHOR", 40, null), untrained);
		assertThat(designing.rule()).isEqualTo(Rule.TRAINING);
		assertThat(designing.reason()).contains("requise pour une affectation en conception");
	}

	@Test
	void aBatchCountsTheHoursItAllowsAgainstTheCapOfTheNextRowsOfTheSameVacataire() {
		List<Request> requests = List.of(request("AUTHOR", 200, null), request("TUTOR", 90, null), request("TUTOR", 20, null));
		List<Verdict> verdicts = rules.judgeAll(requests, List.of(facts(), facts(), facts()));
		assertThat(verdicts).extracting(Verdict::rule).containsExactly(null, Rule.CAP, null);
		assertThat(verdicts.get(1).reason()).contains("a déjà 200 h d’affectations en 2026-2027")
			.contains("au-delà du plafond de 250 h");
	}

	@Test
	void theCapsRefusalSaysHowManyAssignmentsHaveNoHoursAndAreNotCounted() {
		Facts adopted = facts(f -> new Facts(f.vacataireName(), f.status(), 250, f.moduleName(), false, f.level(), f.subject(),
				f.coverage(), f.heldTitles(), List.of(), 0, 9, f.schoolYear(), null));
		assertThat(rules.judge(request("AUTHOR", 300, null), adopted).reason())
			.contains("a déjà 0 h d’affectations en 2026-2027 (et 9 affectations sans heures précisées, non comptées) ; avec ces 300 h");
	}

	@Test
	void hoursNotGivenNeverReachTheCap() {
		Facts full = facts(f -> new Facts(f.vacataireName(), f.status(), 250, f.moduleName(), false, f.level(), f.subject(),
				f.coverage(), f.heldTitles(), List.of(), 250, 0, f.schoolYear(), null));
		assertThat(rules.judge(request("AUTHOR", 0, null), full).isAllowed()).isTrue();
		assertThat(rules.judge(request("AUTHOR", 1, null), full).rule()).isEqualTo(Rule.CAP);
	}

	@Test
	void statusArchivedModuleAndOverlapAreCheckedFirst() {
		Facts candidate = facts(f -> new Facts(f.vacataireName(), VacataireStatus.CANDIDAT, f.capHours(), f.moduleName(), true,
				f.level(), f.subject(), null, List.of(), List.of(), 0, 0, f.schoolYear(), "du 01/09/2026 au 30/06/2027"));
		assertThat(rules.judge(request("TUTOR", 10, null), candidate).rule()).isEqualTo(Rule.STATUS);
		Facts archived = facts(f -> new Facts(f.vacataireName(), f.status(), f.capHours(), f.moduleName(), true, f.level(),
				f.subject(), null, List.of(), List.of(), 0, 0, f.schoolYear(), "du 01/09/2026 au 30/06/2027"));
		assertThat(rules.judge(request("TUTOR", 10, null), archived).rule()).isEqualTo(Rule.ARCHIVED);
		Facts overlapping = facts(f -> new Facts(f.vacataireName(), f.status(), f.capHours(), f.moduleName(), false, f.level(),
				f.subject(), f.coverage(), List.of(), List.of(), 0, 0, f.schoolYear(), "du 01/09/2026 au 30/06/2027"));
		assertThat(rules.judge(request("TUTOR", 10, null), overlapping).reason())
			.contains("déjà affecté en tutorat au module « Chimie 5e secondaire – Réactions chimiques » du 01/09/2026 au 30/06/2027");
	}

	private static Request request(String role, int hours, String derogation) {
		return new Request(7, 11, role, START, END, hours, derogation);
	}

	private static Facts facts() {
		return new Facts("Zoë Dubois", VacataireStatus.ACTIF, 250, "Chimie 5e secondaire – Réactions chimiques", false,
				"Secondaire supérieur – CESS", "Chimie", CoverageKind.SUFFISANT, List.of("AESS-CHIM"), List.of(), 0, 0, "2026-2027", null);
	}

	private static Facts facts(java.util.function.UnaryOperator<Facts> change) {
		return change.apply(facts());
	}
}
