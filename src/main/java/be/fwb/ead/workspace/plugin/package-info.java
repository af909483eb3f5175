/**
 * The Moodle plugin's adapter of the workspace, {@code /api/plugin/**}: requests signed with HMAC-SHA256 by the
 * plugin (method, path, timestamp, nonce, Moodle user id, body hash) are checked, within a time window and once per nonce
 * (its own security chain; the nonces in the table {@code plugin_nonce}), and a vacataire identified by their Moodle user
 * id reads their own workspace and acts on it. See {@code docs/plugin.md}.
 */
@NullMarked
package be.fwb.ead.workspace.plugin;

import org.jspecify.annotations.NullMarked;
