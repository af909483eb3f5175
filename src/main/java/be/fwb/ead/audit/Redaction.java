package be.fwb.ead.audit;

import java.text.Normalizer;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * What an erasure does to a line of the journal: the person's name, e-mail and other identifiers become a pseudonymous
 * reference wherever they appear as whole words, and in the lines about the person the free text (comments,
 * justifications, file names) and the identity fields are emptied. In another's line a bare first or last name is left
 * as it is: it is as much another Zoé's (whose e-mail may start with it). Ids, dates, statuses and numbers stay: the
 * proof of who decided what.
 */
final class Redaction {

	/** What replaces free text and identity fields. */
	static final String ERASED = "[effacé]";

	/** In a line about the person, the values of these keys go whole: identity and free text. */
	static final Set<String> PERSONAL_KEYS = Set.of("firstname", "lastname", "fullname", "name", "email", "phone", "idnumber",
			"username", "displayName", "display_name", "comment", "vacataireComment", "justification", "filename", "note", "notes",
			"text", "answer", "reason", "moodleUsername", "moodleFirstname", "moodleLastname", "moodleEmail", "moodleIdnumber");

	/** Shorter identifiers would match inside ordinary words. */
	private static final int SHORTEST = 3;

	/** A bare name: one word of letters (« Zoé », « Lefèvre »), shared by too many people to be looked for in their lines. */
	private static final Pattern BARE_NAME = Pattern.compile("[\\p{L}'’-]+");

	private final List<String> identifiers;
	/** Every identifier, bare names included: for the lines about the person. */
	private final @Nullable Pattern all;
	/** Full names, e-mails, usernames, numbers: for every other line (another Zoé keeps her name and her e-mail). */
	private final @Nullable Pattern strong;
	private final List<String> strongIdentifiers;
	private final String pseudonym;
	private final JsonMapper json = JsonMapper.builder().build();

	/**
	 * @param identifiers the person's names, e-mail, usernames, ID numbers, phone (blank and very short ones ignored)
	 * @param pseudonym what they become, {@code vacataire n° 12}
	 */
	Redaction(List<@Nullable String> identifiers, String pseudonym) {
		this(identifiers, List.of(), pseudonym);
	}

	/**
	 * @param usernames the person's usernames: looked for in every line even when they read as a bare name
	 *        ({@code zquasimodo}), being theirs alone
	 */
	Redaction(List<@Nullable String> identifiers, List<String> usernames, String pseudonym) {
		Set<String> distinct = new LinkedHashSet<>();
		for (String u : usernames) {
			if (u != null && u.strip().length() >= SHORTEST) {
				distinct.add(u.strip());
			}
		}
		for (String i : identifiers) {
			if (i != null && i.strip().length() >= SHORTEST) {
				distinct.add(i.strip());
				distinct.add(unaccented(i.strip()));
			}
		}
		this.identifiers = distinct.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
		Set<String> own = new java.util.HashSet<>();
		usernames.stream().filter(java.util.Objects::nonNull).forEach(u -> own.add(u.strip().toLowerCase(Locale.ROOT)));
		this.strongIdentifiers = this.identifiers.stream()
			.filter(i -> !BARE_NAME.matcher(i).matches() || own.contains(i.toLowerCase(Locale.ROOT)))
			.toList();
		this.all = pattern(this.identifiers);
		this.strong = pattern(strongIdentifiers);
		this.pseudonym = pseudonym;
	}

	/** The identifiers as whole words: never the start or the end of a longer word or number. */
	private static @Nullable Pattern pattern(List<String> identifiers) {
		return identifiers.isEmpty() ? null
				: Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + String.join("|", identifiers.stream().map(Pattern::quote).toList())
						+ ")(?![\\p{L}\\p{N}])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
	}

	/**
	 * The identifiers that name the person in another's line (no bare name), longest first, as {@code ilike} patterns
	 * to find the lines that may hold one; {@link #names} decides.
	 */
	List<String> likePatterns() {
		return strongIdentifiers.stream()
			.map(i -> "%" + i.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
			.toList();
	}

	/** Every identifier in lower case: an author that is one of them is the person. */
	List<String> authors() {
		return identifiers.stream().map(i -> i.toLowerCase(Locale.ROOT)).distinct().toList();
	}

	/** Whether one of these texts of another's line names the person (a full name, an e-mail, a number, as a whole word). */
	boolean names(@Nullable String... texts) {
		if (strong == null) {
			return false;
		}
		for (String t : texts) {
			if (t != null && strong.matcher(t).find()) {
				return true;
			}
		}
		return false;
	}

	/** A text about the person with every identifier replaced by the pseudonym. */
	@Nullable String text(@Nullable String text) {
		return text(text, true);
	}

	/** A text with the person's identifiers replaced by the pseudonym: every one if it is about them, else no bare name. */
	@Nullable String text(@Nullable String text, boolean aboutThePerson) {
		Pattern pattern = aboutThePerson ? all : strong;
		if (text == null || pattern == null) {
			return text;
		}
		return pattern.matcher(text).replaceAll(Matcher.quoteReplacement(pseudonym));
	}

	/** An author: the pseudonym if it is the person, else as it is. */
	String author(String author) {
		return identifiers.stream().anyMatch(i -> i.equalsIgnoreCase(author.strip())) ? pseudonym : author;
	}

	/**
	 * A before or after value (JSON text): in a line about the person, identity and free text fields emptied; everywhere,
	 * identifiers replaced.
	 */
	@Nullable String json(@Nullable String value, boolean aboutThePerson) {
		if (value == null) {
			return null;
		}
		JsonNode node = json.readTree(value);
		return json.writeValueAsString(redact(node, aboutThePerson));
	}

	private JsonNode redact(JsonNode node, boolean aboutThePerson) {
		if (node instanceof ObjectNode object) {
			for (String key : List.copyOf(object.propertyNames())) {
				JsonNode child = object.get(key);
				if (aboutThePerson && PERSONAL_KEYS.contains(key) && child.isString()) {
					object.put(key, ERASED);
				}
				else {
					object.set(key, redact(child, aboutThePerson));
				}
			}
			return object;
		}
		if (node instanceof ArrayNode array) {
			for (int i = 0; i < array.size(); i++) {
				array.set(i, redact(array.get(i), aboutThePerson));
			}
			return array;
		}
		if (node.isString()) {
			return StringNode.valueOf(text(node.asString(), aboutThePerson));
		}
		return node;
	}

	private static String unaccented(String s) {
		return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
	}
}
