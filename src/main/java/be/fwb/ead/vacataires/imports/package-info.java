/**
 * Bulk import of the vacataires and the titles they hold from the spreadsheets coordinators already keep (XLSX or
 * CSV), with a report per line. A file with an error imports nothing until it is fixed.
 */
@NullMarked
package be.fwb.ead.vacataires.imports;

import org.jspecify.annotations.NullMarked;
