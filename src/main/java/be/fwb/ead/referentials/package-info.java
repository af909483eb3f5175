/**
 * Référentiels: the official competency frameworks (discipline → domain → competency → expected outcomes), imported
 * from and exported to the CSV format of Moodle's competency framework importer ({@code tool_lpimportcsv}), versioned:
 * a framework imported again becomes a new version beside the old one, with the list of what changed.
 */
@NullMarked
package be.fwb.ead.referentials;

import org.jspecify.annotations.NullMarked;
