/** The web side of the shared pieces: problem details for every error. */
@NullMarked
package be.fwb.ead.shared.web;

import org.jspecify.annotations.NullMarked;
