package be.fwb.ead.assignments;

import java.util.Locale;

import be.fwb.ead.shared.InvalidRequest;
import org.jspecify.annotations.Nullable;

/**
 * Which assignments to list. Every part is optional.
 *
 * @param q words of the vacataire's name, e-mail or id number, or of the module's name or short name, without regard
 * to case or accents
 * @param role {@code AUTHOR} (conception) or {@code TUTOR} (tutorat)
 * @param state current (under way today), planned (to start), ended, or all of them
 */
public record AssignmentFilter(@Nullable String q, @Nullable String role, State state) {

	/** Where an assignment stands today. */
	public enum State {
		CURRENT, PLANNED, ENDED, ALL;

		/** {@code current}, {@code planned}, {@code ended} or {@code all}; current when {@literal null} or blank. */
		public static State of(@Nullable String value) {
			if (value == null || value.isBlank()) {
				return CURRENT;
			}
			try {
				return valueOf(value.trim().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException e) {
				throw new InvalidRequest("État inconnu : « " + value + " ». Valeurs admises : current (en cours), planned (à venir), "
						+ "ended (terminées), all (toutes).");
			}
		}

		/** As an address carries it. */
		public String code() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	public AssignmentFilter {
		if (role != null && role.isBlank()) {
			role = null;
		}
		if (role != null) {
			String typed = role;
			role = switch (be.fwb.ead.shared.SearchText.key(role)) {
				case "author", "conception" -> "AUTHOR";
				case "tutor", "tutorat" -> "TUTOR";
				default -> throw new InvalidRequest("Rôle inconnu : « " + typed.trim() + " ». Rôles possibles : conception, tutorat.");
			};
		}
	}
}
