/**
 * Training of the vacataires: sessions (initial or continuing; Moodle, online pedagogy, remote tutoring), registrations
 * within capacity, attendance and completion, the trainings each role requires, and who has not completed them.
 */
@NullMarked
package be.fwb.ead.training;

import org.jspecify.annotations.NullMarked;
