package be.fwb.ead.shared;

import java.time.LocalDate;

/**
 * One school year of the service: from its first day to its last (both included), as {@link SchoolYearSettings} sets
 * them. Assignments are prefilled with it, and the workload cap is counted over it.
 */
public record SchoolYear(LocalDate firstDay, LocalDate lastDay) {

	public SchoolYear {
		if (lastDay.isBefore(firstDay)) {
			throw new IllegalArgumentException("Une année scolaire finit après son premier jour : " + firstDay + " – " + lastDay);
		}
	}

	/** The label coordinators use, e.g. {@code 2026-2027}. */
	public String label() {
		return firstDay.getYear() + "-" + (firstDay.getYear() + 1);
	}

	/** The first day of the next school year: assignments starting from it count towards that year's cap. */
	public LocalDate nextFirstDay() {
		return firstDay.plusYears(1);
	}

	public boolean contains(LocalDate day) {
		return !day.isBefore(firstDay) && !day.isAfter(lastDay);
	}
}
