/** {@code /api/me}: the signed-in vacataire's own data. */
@NullMarked
package be.fwb.ead.portal.web;

import org.jspecify.annotations.NullMarked;
