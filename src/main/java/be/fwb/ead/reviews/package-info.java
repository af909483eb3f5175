/**
 * Quality reviews of the modules: versioned rubrics (criteria in sections, a scale or pass/fail, a weight, a pass
 * threshold), reviews with guarded and dated transitions (planned → in review → changes requested → in review … →
 * approved or rejected), per-criterion findings per round with the authors' answers, the conflict-of-interest rule,
 * and the modules whose content changed in Moodle after their last approved review (« à revoir »).
 */
@NullMarked
package be.fwb.ead.reviews;

import org.jspecify.annotations.NullMarked;
