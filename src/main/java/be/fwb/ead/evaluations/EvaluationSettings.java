package be.fwb.ead.evaluations;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param interval an active vacataire is due for an evaluation when the last one is older than this */
@ConfigurationProperties("ead.evaluations")
public record EvaluationSettings(@DefaultValue("P1Y") Period interval) {
}
