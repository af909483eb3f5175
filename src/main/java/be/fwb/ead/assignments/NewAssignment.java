package be.fwb.ead.assignments;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * An assignment to create.
 *
 * @param derogationReason when the vacataire's titles do not cover the module: the coordinator's reason for assigning
 * them anyway; ignored when a title covers it
 */
public record NewAssignment(long vacataireId, long moduleId, String role, LocalDate startsOn, LocalDate endsOn, int hours,
		@Nullable String derogationReason) {
}
