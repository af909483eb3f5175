/**
 * The catalogue of EAD modules (Moodle courses under the EAD categories): search, filters and detail, with their
 * authors and tutors.
 */
@NullMarked
package be.fwb.ead.catalogue;

import org.jspecify.annotations.NullMarked;
