package be.fwb.ead.shared;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.jspecify.annotations.Nullable;

/** A calendar day as French sentences write it (fr-BE): 18/12/2026, for refusals and journal lines. */
public final class Days {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private Days() {
	}

	/** The day as dd/MM/yyyy; empty for {@literal null}. */
	public static String text(@Nullable LocalDate day) {
		return day == null ? "" : DAY.format(day);
	}
}
