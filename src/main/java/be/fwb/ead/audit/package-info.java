/**
 * The change log: every change a person makes is recorded with who, when, what before, what after and why, in the
 * same transaction as the change. A vacataire's timeline is read from it. And the audit trail for coordinators, read
 * from the same tables: the changes (by people and by the sync) and the reads of personal files, searched by who,
 * what, whose file, when and words, on screen ({@code /journal}) and through {@code /api/audit}, and exported.
 */
@NullMarked
package be.fwb.ead.audit;

import org.jspecify.annotations.NullMarked;
