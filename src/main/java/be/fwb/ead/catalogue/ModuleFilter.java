package be.fwb.ead.catalogue;

import org.jspecify.annotations.Nullable;

/**
 * What to list. Every part is optional.
 *
 * @param q words found in the name, short name or id number, without regard to case or accents
 * @param categoryId a level or subject category: modules in its subtree
 * @param visible visible (or hidden) in Moodle
 * @param archived archived (or current) modules; {@literal null} lists both
 * @param withoutTutor only modules that no tutor holds
 * @param withoutAuthor only modules that no author holds
 */
public record ModuleFilter(@Nullable String q, @Nullable Long categoryId, @Nullable Boolean visible,
		@Nullable Boolean archived, boolean withoutTutor, boolean withoutAuthor) {

	public static ModuleFilter search(@Nullable String q) {
		return new ModuleFilter(q, null, null, null, false, false);
	}
}
