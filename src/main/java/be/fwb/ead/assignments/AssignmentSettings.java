package be.fwb.ead.assignments;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param defaultWorkloadCapHours the most hours a vacataire may be assigned in a school year, unless their file
 * sets another cap
 */
@ConfigurationProperties("ead.assignments")
public record AssignmentSettings(@DefaultValue("300") int defaultWorkloadCapHours) {
}
