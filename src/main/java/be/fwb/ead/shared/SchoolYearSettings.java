package be.fwb.ead.shared;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The school year of the service.
 *
 * @param firstDay the day a school year starts, as {@code MM-DD} ({@code 09-01}: 1 September)
 * @param lastDay the last day of the assignments a school year prefills, as {@code MM-DD}: {@code 08-31} (the whole
 * year, the default) or {@code 06-30} (the end of the courses)
 */
@ConfigurationProperties("ead.school-year")
public record SchoolYearSettings(@DefaultValue("09-01") String firstDay, @DefaultValue("08-31") String lastDay) {

	public SchoolYearSettings {
		first(firstDay);
		first(lastDay);
	}

	/** The school year holding {@code day}: the one whose first day is the latest on or before it. */
	public SchoolYear of(LocalDate day) {
		MonthDay first = first(firstDay);
		LocalDate start = first.atYear(day.getYear());
		if (start.isAfter(day)) {
			start = first.atYear(day.getYear() - 1);
		}
		MonthDay last = first(lastDay);
		LocalDate end = last.atYear(start.getYear());
		if (!end.isAfter(start)) {
			end = last.atYear(start.getYear() + 1);
		}
		return new SchoolYear(start, end);
	}

	private static MonthDay first(String monthDay) {
		try {
			return MonthDay.parse("--" + monthDay.trim());
		}
		catch (DateTimeParseException e) {
			throw new IllegalArgumentException("ead.school-year : « " + monthDay + " » n’est pas un jour MM-JJ (ex. 09-01).", e);
		}
	}
}
