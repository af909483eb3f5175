package be.fwb.ead.catalogue;

import java.util.Locale;

import be.fwb.ead.shared.InvalidRequest;
import org.jspecify.annotations.Nullable;

/** How a list of modules is sorted; ties are broken by name, then id, so that paging is stable. */
public enum ModuleOrder {

	/** By full name, without regard to case or accents. */
	NAME("m.sort_key, m.id"),
	/** Most learners first. */
	LEARNERS("m.learner_count desc, m.sort_key, m.id"),
	/** Most recently changed in Moodle first. */
	CHANGED("m.content_changed_at desc, m.sort_key, m.id");

	final String sql;

	ModuleOrder(String sql) {
		this.sql = sql;
	}

	/**
	 * Reads {@code name}, {@code learners} or {@code changed}, or their French words ({@code nom}, {@code apprenants},
	 * {@code modification}); {@literal null} or blank is {@link #NAME}.
	 */
	public static ModuleOrder of(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return NAME;
		}
		String key = be.fwb.ead.shared.SearchText.key(value);
		return switch (key) {
			case "name", "nom" -> NAME;
			case "learners", "apprenants" -> LEARNERS;
			case "changed", "modification" -> CHANGED;
			default -> throw new InvalidRequest("Tri inconnu : « " + value + " ». Tris possibles : par nom (« nom »), par nombre "
					+ "d’apprenants (« apprenants »), par dernière modification (« modification »).");
		};
	}

	/** The value as written in a query string. */
	public String param() {
		return name().toLowerCase(Locale.ROOT);
	}
}
