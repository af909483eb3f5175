package be.fwb.ead;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

import be.fwb.ead.shared.DisplaySettings;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The service's clock in the integration tests: the system's time in the EAD's zone, moved by a test forward or back
 * ({@link #advance}, {@link #rewind}) instead of rewriting timestamps in the database. It keeps ticking, so that two
 * things done one after the other are still in that order; every test starts with it {@link #reset}.
 */
public final class MutableClock extends Clock {

	/** The EAD's zone as the tests run the service (its default), for what a test computes before the service exists. */
	public static final ZoneId EAD_ZONE = ZoneId.of(DisplaySettings.EAD_ZONE);

	private final ZoneId zone;
	private final AtomicReference<Duration> offset;

	public MutableClock(ZoneId zone) {
		this(zone, new AtomicReference<>(Duration.ZERO));
	}

	private MutableClock(ZoneId zone, AtomicReference<Duration> offset) {
		this.zone = zone;
		this.offset = offset;
	}

	@Override
	public ZoneId getZone() {
		return zone;
	}

	/** The same clock (moved together) seen in another zone. */
	@Override
	public Clock withZone(ZoneId other) {
		return new MutableClock(other, offset);
	}

	@Override
	public Instant instant() {
		return Instant.now().plus(offset.get());
	}

	/** "Today" for the service. */
	public LocalDate today() {
		return LocalDate.now(this);
	}

	/** Moves the service's time forward. */
	public void advance(Duration by) {
		offset.updateAndGet(o -> o.plus(by));
	}

	/** Moves the service's time back. */
	public void rewind(Duration by) {
		offset.updateAndGet(o -> o.minus(by));
	}

	/** Back to the system's time. */
	public void reset() {
		offset.set(Duration.ZERO);
	}

	/** Registers the clock as the service's {@link Clock}, in the EAD's zone. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Configuration {

		@Bean
		@Primary
		MutableClock mutableClock(DisplaySettings display) {
			return new MutableClock(display.zone());
		}
	}
}
