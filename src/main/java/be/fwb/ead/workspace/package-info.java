/**
 * The vacataire's own space, one capability behind two sign-ins: their file, assignments, trainings and evaluations,
 * acknowledging an evaluation; the quality reviews of their modules, answering a finding ({@link
 * be.fwb.ead.workspace.Workspaces}, each action written once). Only their own data, whoever asks. Two adapters:
 * {@code workspace.web}, {@code /api/me} for a bearer token of a vacataire's account, and {@code workspace.plugin}, the
 * Moodle plugin's HMAC-signed requests ({@code /api/plugin/**}) for a Moodle user.
 */
@NullMarked
package be.fwb.ead.workspace;

import org.jspecify.annotations.NullMarked;
