package be.fwb.ead.vacataires;

import java.util.EnumSet;
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

	/** No longer of the corps, or never will be (sorti, non retenu): keeps nothing to come. */
	public boolean gone() {
		return this == SORTI || this == NON_RETENU;
	}

	/** May hold assignments. */
	public boolean assignable() {
		return this == RETENU || this == ACTIF;
	}

	public String label() {
		return label;
	}

	/**
	 * The status named by its code ({@code NON_RETENU}) or its French words (« non retenu »), without regard to case or
	 * accents; otherwise an {@link InvalidRequest} naming the statuses in words.
	 */
	public static VacataireStatus of(@Nullable String value) {
		if (value != null) {
			String key = be.fwb.ead.shared.SearchText.key(value).replace('_', ' ');
			for (VacataireStatus s : values()) {
				if (s.label.equals(key)) {
					return s;
				}
			}
		}
		throw new InvalidRequest("Statut inconnu : « " + value + " ». Statuts possibles : " + choices() + ".");
	}

	/** The statuses in words, in the order of the lifecycle: « candidat, retenu, actif, suspendu, sorti, non retenu ». */
	public static String choices() {
		return String.join(", ", java.util.Arrays.stream(values()).map(VacataireStatus::label).toList());
	}
}
