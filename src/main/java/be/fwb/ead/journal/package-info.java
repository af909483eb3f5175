/**
 * The audit trail for coordinators: the changes recorded by {@code audit} (by people and by the sync) and the reads
 * of personal files, searched by who, what, whose file, when and words, on screen ({@code /journal}) and through
 * {@code /api/audit}, and exported.
 */
@NullMarked
package be.fwb.ead.journal;

import org.jspecify.annotations.NullMarked;
