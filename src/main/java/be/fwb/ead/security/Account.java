package be.fwb.ead.security;

import org.jspecify.annotations.Nullable;

/** A person who can sign in. The password hash never leaves this package. */
public record Account(long id, String username, Role role, String displayName, @Nullable Long vacataireId,
		boolean enabled) {
}
