/**
 * The API's side of the web shell: problem details for every error, the limits of every input applied to bodies, query
 * strings and forms, the uploads folder, the OpenAPI description.
 */
@NullMarked
package be.fwb.ead.ui.web;

import org.jspecify.annotations.NullMarked;
