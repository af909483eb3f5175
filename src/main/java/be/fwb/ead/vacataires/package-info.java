/**
 * The vacataires: contract teachers found in Moodle as authors or tutors, or entered by coordinators before they have
 * a Moodle account, with the modules they hold.
 */
@NullMarked
package be.fwb.ead.vacataires;

import org.jspecify.annotations.NullMarked;
