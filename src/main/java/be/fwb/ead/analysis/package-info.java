/**
 * The read side: the analyses that join across capabilities, and the only module that does. What the catalogue covers
 * of the référentiels (the matrix, the heatmap, the gaps, the overlaps, the orphan modules), the exam readiness, the
 * modules to adapt first and what to produce; and the coordinators' attention list (missing required training,
 * evaluation due, assignment and Moodle role out of step, module without tutor, title not covering), each line with a
 * link to where it is fixed. It writes nothing, and reads only what the owners publish: their views (in their own
 * migrations) and their query APIs.
 */
@NullMarked
package be.fwb.ead.analysis;

import org.jspecify.annotations.NullMarked;
