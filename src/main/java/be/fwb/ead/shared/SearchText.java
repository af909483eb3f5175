package be.fwb.ead.shared;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Keys for searching and sorting text without regard to case or accents, the same in Java and in the database
 * (they are stored in {@code search_key} and {@code sort_key} columns): "zoe" finds "Zoë", "Écrire" sorts with "ecrire".
 */
public final class SearchText {

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");
	private static final Pattern SPACES = Pattern.compile("\\s+");

	private SearchText() {
	}

	/** Lower case, accents removed, ligatures opened, white space folded. Never {@literal null}. */
	public static String key(@Nullable String... parts) {
		StringBuilder joined = new StringBuilder();
		for (String part : parts) {
			if (part != null && !part.isBlank()) {
				joined.append(part).append(' ');
			}
		}
		String text = joined.toString().replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae").replace("Æ", "AE")
			.replace("ß", "ss");
		String stripped = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
		return SPACES.matcher(stripped.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
	}

	/** Longest accepted search text. */
	public static final int MAX_QUERY = 200;

	/** What separates the words of a search: spaces, and the punctuation a name is written with (« Mathieu, Jean »). */
	private static final Pattern SEPARATORS = Pattern.compile("[\\s,;:'’\"«»()/]+");

	/**
	 * {@code LIKE} patterns, one for each word of {@code query}, that a key must all match ({@code like all(:patterns)}):
	 * the words are found in any order, « Mathieu, Jean-Marc » as « jean-marc mathieu ». {@code %}, {@code _} and
	 * {@code \} are escaped. No word, no pattern: everything matches. A query longer than {@value #MAX_QUERY} characters
	 * is refused with {@link InvalidRequest}.
	 */
	public static String[] containsPatterns(@Nullable String query) {
		if (query != null && query.length() > MAX_QUERY) {
			throw new InvalidRequest("La recherche « q » est trop longue (au plus " + MAX_QUERY + " caractères).");
		}
		return SEPARATORS.splitAsStream(key(query)).filter(w -> !w.isEmpty())
			.map(w -> "%" + w.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
			.toArray(String[]::new);
	}
}
