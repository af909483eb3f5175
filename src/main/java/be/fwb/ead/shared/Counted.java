package be.fwb.ead.shared;

/**
 * A count and its word agreeing in French, for sentences written in Java (journal lines, refusals): « 1 critère »,
 * « 3 critères », « 0 candidat » — never « critère(s) ». French puts 0 and 1 in the singular.
 */
public final class Counted {

	private Counted() {
	}

	/** The count followed by its word: {@code of(2, "revue planifiée", "revues planifiées")} gives « 2 revues planifiées ». */
	public static String of(long count, String singular, String plural) {
		return count + " " + word(count, singular, plural);
	}

	/** The word alone, as the count asks: {@code word(1, "Fonction Moodle absente", "Fonctions Moodle absentes")}. */
	public static String word(long count, String singular, String plural) {
		return Math.abs(count) < 2 ? singular : plural;
	}
}
