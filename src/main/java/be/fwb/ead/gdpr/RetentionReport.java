package be.fwb.ead.gdpr;

import java.time.Instant;
import java.time.Period;
import java.util.List;

/**
 * A run of the retention rules.
 *
 * @param at when it ran
 * @param after the retention period of candidates not retained
 * @param anonymised whom it erased, by id
 */
public record RetentionReport(Instant at, Period after, List<Long> anonymised) {
}
