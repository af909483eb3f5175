package be.fwb.ead.events;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How events are delivered again.
 *
 * @param maxAttempts the deliveries of one event to one listener before it is given up ({@code FAILED}, logged)
 * @param firstRetryAfter the wait after a first failure, doubled after each next one
 * @param longestRetryAfter the longest wait between two attempts
 * @param listenerTimeout a listener running longer fails (its transaction is rolled back) and is tried again
 * @param retryCron when the deliveries due are made again (besides at start-up); {@code -} disables it
 * @param keepCompleted how long completed publications are kept (to look into), then deleted by the same schedule: they
 *        hold personal data (a status change's reason; docs/gdpr.md)
 */
@ConfigurationProperties("ead.events")
record EventSettings(@DefaultValue("8") int maxAttempts, @DefaultValue("1m") Duration firstRetryAfter,
		@DefaultValue("1h") Duration longestRetryAfter, @DefaultValue("2m") Duration listenerTimeout,
		@DefaultValue("30 * * * * *") String retryCron, @DefaultValue("7d") Duration keepCompleted) {

	/** The wait before the next attempt, after {@code attempts} failed ones (at least one). */
	Duration retryAfter(int attempts) {
		Duration wait = firstRetryAfter.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
		return wait.compareTo(longestRetryAfter) > 0 ? longestRetryAfter : wait;
	}

	/** How long a delivery holds its publication: past it, a delivery cut by a crash is made again. */
	Duration lease() {
		return listenerTimeout.multipliedBy(2);
	}
}
