/**
 * The vacataire's own view: their file, assignments, trainings and evaluations, and acknowledging an evaluation;
 * the quality reviews of their modules, and answering a finding.
 * Only their own data, whoever asks; the Moodle plugin shows it inside Moodle.
 */
@NullMarked
package be.fwb.ead.portal;

import org.jspecify.annotations.NullMarked;
