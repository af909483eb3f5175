/**
 * A grid of weighted criteria, as the evaluations and the recruitment keep one ({@link be.fwb.ead.grids.CriteriaGrid}):
 * read, replaced (what it leaves out deactivated, so that past scores keep their criterion), and its editor's form.
 * A small module of its own rather than a part of one of its users: the evaluations and the recruitment do not depend
 * on each other, and neither should for a mechanism they share. It owns no table: each user gives the grid its own
 * table (created by its own migration) and records the replacement in the change log itself, in its transaction.
 */
@NullMarked
package be.fwb.ead.grids;

import org.jspecify.annotations.NullMarked;
