package be.fwb.ead.ui;

import java.text.NumberFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Formats for the pages, bound to the reader's language: dates as 23/11/2026 14:05 in French, numbers grouped the
 * Belgian way (1 234), durations as 643 ms, 12,5 s or 3 min 05 s. Available in templates as {@code #ead}.
 */
public final class Formats {

	private final Locale locale;
	private final ZoneId zone;
	private final DateTimeFormatter dateTime;
	private final DateTimeFormatter date;
	/** One per page being rendered (a page renders on one thread at a time), so never shared between threads. */
	private final NumberFormat integers;
	private final Clock clock;

	/** @param clock the service's clock: its zone for dates and times, its instant for "until now" */
	Formats(Locale locale, Clock clock) {
		this.locale = locale;
		this.zone = clock.getZone();
		this.clock = clock;
		this.integers = NumberFormat.getIntegerInstance(locale);
		boolean french = "fr".equals(locale.getLanguage());
		this.dateTime = DateTimeFormatter.ofPattern(french ? "dd/MM/yyyy HH:mm" : "d MMM yyyy, HH:mm", locale);
		this.date = DateTimeFormatter.ofPattern(french ? "dd/MM/yyyy" : "d MMM yyyy", locale);
	}

	public String dateTime(@Nullable Instant instant) {
		return instant == null ? "" : dateTime.format(instant.atZone(zone));
	}

	public String date(@Nullable Instant instant) {
		return instant == null ? "" : date.format(instant.atZone(zone));
	}

	/** A share from 0 to 1 as one of five steps (0: none, 4: more than three quarters), for a heatmap's colours. */
	public int step(double share) {
		return share <= 0 ? 0 : (int) Math.min(4, Math.ceil(share * 4));
	}

	/** A calendar day (a contract's, an assignment's). */
	public String day(java.time.@Nullable LocalDate day) {
		return day == null ? "" : date.format(day);
	}

	/** The same instant in ISO-8601, for {@code <time datetime>}. */
	public String iso(@Nullable Instant instant) {
		return instant == null ? "" : instant.toString();
	}

	public String number(@Nullable Number n) {
		return n == null ? "" : integers.format(n);
	}

	/** A decimal number with exactly {@code digits} decimals, in the reader's way: 4,0 in French, 4.0 in English. */
	public String decimal(@Nullable Number n, int digits) {
		if (n == null) {
			return "";
		}
		NumberFormat format = NumberFormat.getNumberInstance(locale);
		format.setMinimumFractionDigits(digits);
		format.setMaximumFractionDigits(digits);
		return format.format(n);
	}

	/** The time between two instants; {@code to} {@literal null} means "until now". */
	public String duration(@Nullable Instant from, @Nullable Instant to) {
		if (from == null) {
			return "";
		}
		long ms = Math.max(0, Duration.between(from, to == null ? Instant.now(clock) : to).toMillis());
		if (ms < 1000) {
			return ms + " ms";
		}
		if (ms < 60_000) {
			NumberFormat one = NumberFormat.getNumberInstance(locale);
			one.setMaximumFractionDigits(1);
			return one.format(ms / 1000.0) + " s";
		}
		long s = ms / 1000;
		return s / 60 + " min " + String.format(Locale.ROOT, "%02d", s % 60) + " s";
	}
}
