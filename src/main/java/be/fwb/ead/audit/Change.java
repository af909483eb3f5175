package be.fwb.ead.audit;

import org.jspecify.annotations.Nullable;

/**
 * One change to record.
 *
 * @param entity what changed: {@code vacataire}, {@code assignment}, {@code training}…
 * @param vacataireId the vacataire whose timeline shows it, if any
 * @param action {@code created}, {@code updated}, {@code status}, {@code ended}…
 * @param summary a French sentence for the timeline
 * @param before the state before (any value Jackson writes), {@literal null} for a creation
 * @param after the state after, {@literal null} for a deletion
 */
public record Change(String entity, long entityId, @Nullable Long vacataireId, String action, String summary,
		@Nullable Object before, @Nullable Object after, @Nullable String reason) {

	public static Change of(String entity, long entityId, @Nullable Long vacataireId, String action, String summary) {
		return new Change(entity, entityId, vacataireId, action, summary, null, null, null);
	}

	public Change withStates(@Nullable Object before, @Nullable Object after) {
		return new Change(entity, entityId, vacataireId, action, summary, before, after, reason);
	}

	/** The reason given, if any: a blank one is none (the journal showed « () »). */
	public Change because(@Nullable String why) {
		return new Change(entity, entityId, vacataireId, action, summary, before, after, why == null || why.isBlank() ? null : why.trim());
	}
}
