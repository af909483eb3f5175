/** {@code /api/me}: the workspace of the vacataire linked to the signed-in account (bearer token). */
@NullMarked
package be.fwb.ead.workspace.web;

import org.jspecify.annotations.NullMarked;
