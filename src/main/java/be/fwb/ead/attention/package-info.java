/**
 * The coordinators' attention list: what needs doing across the lifecycle (missing required training, evaluation
 * due, assignment and Moodle role out of step, module without tutor, title not covering), each line with a link to
 * where it is fixed.
 */
@NullMarked
package be.fwb.ead.attention;

import org.jspecify.annotations.NullMarked;
