package be.fwb.ead.evaluations;

import java.time.LocalDate;
import java.time.Period;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule that says whose evaluation may be planned, on facts built with {@code new}. */
class EvaluationPlanningUnitTest {

	private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

	private static final Period YEAR = Period.ofYears(1);

	@Test
	void anActiveVacataireNeverEvaluatedOrEvaluatedOverAYearAgoMayBePlanned() {
		assertThat(EvaluationPlanning.refusal(facts("ACTIF", null, null), TODAY, YEAR)).isNull();
		assertThat(EvaluationPlanning.refusal(facts("ACTIF", TODAY.minusYears(1), null), TODAY, YEAR)).isNull();
	}

	@Test
	void aPlanWhoseDayWentByMayBeReplacedOneToComeMayNot() {
		assertThat(EvaluationPlanning.refusal(facts("ACTIF", null, TODAY.minusDays(1)), TODAY, YEAR)).isNull();
		assertThat(EvaluationPlanning.refusal(facts("ACTIF", null, TODAY), TODAY, YEAR))
			.isEqualTo("Déjà planifiée le 02/12/2026 avec eva.");
	}

	@Test
	void anUnknownAnInactiveOrARecentlyEvaluatedVacataireIsRefusedWithItsReason() {
		assertThat(EvaluationPlanning.refusal(new EvaluationPlanning.Facts(7, null, null, null, null, null, null), TODAY, YEAR))
			.isEqualTo("Aucun vacataire n’a l’identifiant 7.");
		assertThat(EvaluationPlanning.refusal(facts("SUSPENDU", null, null), TODAY, YEAR)).contains("pas actif");
		assertThat(EvaluationPlanning.refusal(facts("ACTIF", TODAY.minusMonths(3), null), TODAY, YEAR))
			.isEqualTo("Évalué le 02/09/2026 : la prochaine évaluation est due le 02/09/2027.");
		// Never evaluated: due a year after the first assignment, as the list of who is due says (finding 8).
		assertThat(EvaluationPlanning.refusal(new EvaluationPlanning.Facts(7, "Anne Dû", "ACTIF", null, null, null,
				TODAY.minusMonths(3)), TODAY, YEAR)).isEqualTo("Affecté depuis le 02/09/2026 : la première évaluation est due le 02/09/2027.");
		assertThat(EvaluationPlanning.refusal(new EvaluationPlanning.Facts(7, "Anne Dû", "ACTIF", null, null, null, null), TODAY, YEAR))
			.startsWith("Jamais affecté");
	}

	private static EvaluationPlanning.Facts facts(String status, LocalDate last, LocalDate planned) {
		return new EvaluationPlanning.Facts(7, "Anne Dû", status, last, planned, planned == null ? null : "eva", TODAY.minusYears(2));
	}
}
