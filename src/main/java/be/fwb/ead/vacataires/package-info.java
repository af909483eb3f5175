/**
 * The vacataires: contract teachers found in Moodle as authors or tutors, or entered by coordinators before they have
 * a Moodle account, with the modules they hold. Their Moodle identity (the {@code moodle_} columns) is Moodle's, written
 * by the sync through {@link be.fwb.ead.vacataires.MoodleIdentities}: the vacataires' table is written here only.
 * They are also imported in bulk, with the titles they hold, from a spreadsheet ({@code vacataires.imports}).
 */
@NullMarked
package be.fwb.ead.vacataires;

import org.jspecify.annotations.NullMarked;
