/**
 * The GDPR (RGPD) rights of vacataires and candidates: everything the service holds about one person, exported
 * (machine-readable JSON and a readable page); erasure by anonymisation, with the legal retention exceptions recorded;
 * and the retention rules applied by a scheduled job with its report. The register of processing purposes is
 * {@code docs/gdpr.md}.
 */
@NullMarked
package be.fwb.ead.gdpr;

import org.jspecify.annotations.NullMarked;
