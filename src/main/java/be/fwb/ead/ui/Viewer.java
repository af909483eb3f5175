package be.fwb.ead.ui;

/**
 * Who is signed in, as the layout shows it; templates read it as {@code viewer} and show only what the role may use.
 *
 * @param role the name of the account's role ({@code COORDINATOR}, {@code REVIEWER}), for its label
 * @param coordinator may start syncs and edit the records of the corps
 */
public record Viewer(String username, String displayName, String role, boolean coordinator) {
}
