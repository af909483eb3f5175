package be.fwb.ead.catalogue;

/**
 * The catalogue at a glance. Every figure but {@code archived} counts current modules only.
 *
 * @param current modules present in Moodle
 * @param hidden current modules hidden from learners in Moodle
 * @param archived modules that vanished from Moodle (kept, not deleted)
 * @param withoutAuthor current modules that no author holds
 * @param withoutTutor current modules that no tutor holds
 * @param learners learner enrolments in current modules
 */
public record CatalogueFigures(long current, long hidden, long archived, long withoutAuthor, long withoutTutor,
		long learners) {
}
