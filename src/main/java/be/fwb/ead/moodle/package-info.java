/**
 * The Moodle Web Services client: the only code that knows Moodle's wire format (form-encoded REST, PHP bracket
 * arrays, errors inside HTTP 200 bodies). The rest of the service sees typed records and typed errors.
 */
@NullMarked
package be.fwb.ead.moodle;

import org.jspecify.annotations.NullMarked;
