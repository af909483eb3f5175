package be.fwb.ead.ui;

import be.fwb.ead.security.Role;

/**
 * Who is signed in, as the layout shows it; templates read it as {@code viewer} and show only what the role may use.
 */
public record Viewer(String username, String displayName, Role role) {

	/** May start syncs and, later, edit the records of the corps. */
	public boolean coordinator() {
		return role == Role.COORDINATOR;
	}
}
