/**
 * The GDPR (RGPD) rights of vacataires and candidates, orchestrated: everything the service holds about one person,
 * exported (machine-readable JSON and a readable page); erasure by anonymisation in one transaction, with the legal
 * retention exceptions recorded; the retention rules applied by a scheduled job with its report. Each module that holds
 * personal data answers for its own tables by implementing {@link be.fwb.ead.gdpr.PersonalDataProvider}, published
 * here; this module names no table. The register of processing purposes is {@code docs/gdpr.md}.
 */
@NullMarked
package be.fwb.ead.gdpr;

import org.jspecify.annotations.NullMarked;
