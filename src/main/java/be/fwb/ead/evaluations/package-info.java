/**
 * Evaluations of the vacataires on a configurable grid of weighted criteria (scores 1 to 4 with comments), the
 * vacataire's acknowledgement and comment, the history, and who is due for one.
 */
@NullMarked
package be.fwb.ead.evaluations;

import org.jspecify.annotations.NullMarked;
