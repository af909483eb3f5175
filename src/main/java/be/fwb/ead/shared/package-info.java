/**
 * Only what every module uses, web or not: the service's refusals (the problem-detail error model), accent-insensitive
 * text keys, paging, spreadsheet exports and imports, the limits of every input, display settings, the clock and the
 * school year. The web shell is in {@code ui}.
 */
@NullMarked
package be.fwb.ead.shared;

import org.jspecify.annotations.NullMarked;
