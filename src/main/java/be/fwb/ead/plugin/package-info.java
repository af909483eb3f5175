/**
 * The Moodle plugin's side of the service: requests signed with HMAC-SHA256 by the plugin (method, path, timestamp,
 * nonce, Moodle user id, body hash) are checked, within a time window and once per nonce, and a vacataire identified by
 * their Moodle user id reads their own workspace and acts on it. See {@code docs/plugin.md}.
 */
@NullMarked
package be.fwb.ead.plugin;

import org.jspecify.annotations.NullMarked;
