/**
 * Small pieces every feature uses: accent-insensitive text keys, paging, and the problem-detail error model.
 */
@NullMarked
package be.fwb.ead.shared;

import org.jspecify.annotations.NullMarked;
