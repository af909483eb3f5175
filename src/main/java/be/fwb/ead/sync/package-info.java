/**
 * Moodle sync: reads the EAD catalogue, its vacataires and their role links from Moodle and writes the differences
 * into the service's mirror, in one transaction, one run at a time across all instances.
 */
@NullMarked
package be.fwb.ead.sync;

import org.jspecify.annotations.NullMarked;
