package be.fwb.ead.shared;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchoolYearSettingsUnitTest {

	@Test
	void theSchoolYearOfADayStartsOnTheLatestFirstDayAndEndsOnTheConfiguredLastDay() {
		SchoolYearSettings whole = new SchoolYearSettings("09-01", "08-31");
		assertThat(whole.of(LocalDate.of(2026, 12, 2))).isEqualTo(new SchoolYear(LocalDate.of(2026, 9, 1), LocalDate.of(2027, 8, 31)));
		assertThat(whole.of(LocalDate.of(2027, 8, 31)).label()).isEqualTo("2026-2027");
		assertThat(whole.of(LocalDate.of(2027, 9, 1)).label()).isEqualTo("2027-2028");
		SchoolYearSettings courses = new SchoolYearSettings("09-01", "06-30");
		assertThat(courses.of(LocalDate.of(2027, 3, 15)).lastDay()).isEqualTo(LocalDate.of(2027, 6, 30));
	}

	@Test
	void aDayThatIsNotMonthDashDayIsRefusedAtStartUp() {
		assertThatThrownBy(() -> new SchoolYearSettings("1er septembre", "08-31")).hasMessageContaining("n’est pas un jour MM-JJ");
	}
}
