package be.fwb.ead.reviews;

import java.time.Instant;

/**
 * A review of a module was approved (published by {@link Reviews#approve}, in its transaction): what the module
 * holds now is what was approved. The sync listens, and reads the module's activities as their baseline.
 */
public record ReviewApproved(long reviewId, long moduleId, Instant approvedAt) {
}
