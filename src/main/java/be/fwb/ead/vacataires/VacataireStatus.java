package be.fwb.ead.vacataires;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import be.fwb.ead.shared.InvalidRequest;
import org.jspecify.annotations.Nullable;

/**
 * Where a vacataire stands: candidat → retenu → actif ⇄ suspendu → sorti, or non retenu. Each status says which
 * may follow it; leaving the corps, suspending or not retaining needs a reason.
 */
public enum VacataireStatus {

	CANDIDAT("candidat"), RETENU("retenu"), ACTIF("actif"), SUSPENDU("suspendu"), SORTI("sorti"), NON_RETENU("non retenu");

	private final String label;

	VacataireStatus(String label) {
		this.label = label;
	}

	public Set<VacataireStatus> next() {
		return switch (this) {
			case CANDIDAT -> EnumSet.of(RETENU, NON_RETENU);
			case RETENU -> EnumSet.of(ACTIF, SORTI);
			case ACTIF -> EnumSet.of(SUSPENDU, SORTI);
			case SUSPENDU -> EnumSet.of(ACTIF, SORTI);
			case SORTI, NON_RETENU -> EnumSet.noneOf(VacataireStatus.class);
		};
	}

	public boolean canBecome(VacataireStatus target) {
		return next().contains(target);
	}

	/** Suspending, leaving and not retaining are explained. */
	public boolean needsReason() {
		return this == SUSPENDU || this == SORTI || this == NON_RETENU;
	}

	/** May hold assignments. */
	public boolean assignable() {
		return this == RETENU || this == ACTIF;
	}

	public String label() {
		return label;
	}

	public static VacataireStatus of(@Nullable String value) {
		if (value != null) {
			try {
				return valueOf(value.trim().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException e) {
				// refused below
			}
		}
		throw new InvalidRequest("Statut inconnu : « " + value + " ». Valeurs admises : " + VacataireFilter.STATUSES + ".");
	}
}
