/**
 * The change log: every change a person makes is recorded with who, when, what before, what after and why, in the
 * same transaction as the change. A vacataire's timeline is read from it.
 */
@NullMarked
package be.fwb.ead.audit;

import org.jspecify.annotations.NullMarked;
