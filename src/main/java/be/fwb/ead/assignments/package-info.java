/**
 * Assignments (affectations): a vacataire designs or tutors a module for a period and a number of hours. The rules of
 * the service are checked here, each refused with a French message: a title covering the module's level and subject
 * (or a recorded derogation), the initial training required for tutoring, the workload cap, no overlapping duplicate.
 * The reconciliation compares assignments with the Moodle roles the sync found.
 */
@NullMarked
package be.fwb.ead.assignments;

import org.jspecify.annotations.NullMarked;
