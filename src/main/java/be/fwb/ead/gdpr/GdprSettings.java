package be.fwb.ead.gdpr;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The retention periods of the register of processing ({@code docs/gdpr.md}); the nightly run's time is
 * {@code ead.gdpr.retention-cron}.
 *
 * @param unsuccessfulCandidatesRetention candidates not retained are erased this long after the decision
 */
@ConfigurationProperties("ead.gdpr")
public record GdprSettings(@DefaultValue("P1Y") Period unsuccessfulCandidatesRetention) {
}
