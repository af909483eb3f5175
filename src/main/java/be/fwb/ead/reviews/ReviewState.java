package be.fwb.ead.reviews;

import java.util.Set;

/** Where a review stands; {@link #next()} lists the states it may go to. */
public enum ReviewState {

	PLANNED, IN_REVIEW, CHANGES_REQUESTED, APPROVED, REJECTED;

	public Set<ReviewState> next() {
		return switch (this) {
			case PLANNED -> Set.of(IN_REVIEW);
			case IN_REVIEW -> Set.of(CHANGES_REQUESTED, APPROVED, REJECTED);
			case CHANGES_REQUESTED -> Set.of(IN_REVIEW);
			case APPROVED, REJECTED -> Set.of();
		};
	}

	public boolean open() {
		return this == PLANNED || this == IN_REVIEW || this == CHANGES_REQUESTED;
	}

	/** The French word the screens and messages use. */
	public String label() {
		return switch (this) {
			case PLANNED -> "planifiée";
			case IN_REVIEW -> "en revue";
			case CHANGES_REQUESTED -> "modifications demandées";
			case APPROVED -> "approuvée";
			case REJECTED -> "refusée";
		};
	}
}
