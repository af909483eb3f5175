package be.fwb.ead.assignments;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * An assignment as stored.
 *
 * @param role {@code AUTHOR} (conception) or {@code TUTOR} (tutorat)
 * @param coverage how the vacataire's titles cover the module: {@code REQUIS}, {@code SUFFISANT}, {@code PENURIE},
 * or {@code DEROGATION} with its reason
 */
public record Assignment(long id, long vacataireId, String vacataireName, long moduleId, String moduleName,
		String moduleShortname, String role, LocalDate startsOn, LocalDate endsOn, int hours, String coverage,
		@Nullable String derogationReason, String createdBy, Instant createdAt) {

	public boolean current(LocalDate today) {
		return !today.isBefore(startsOn) && !today.isAfter(endsOn);
	}
}
