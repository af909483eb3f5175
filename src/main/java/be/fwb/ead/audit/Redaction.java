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
 * reference wherever they appear, and in the lines about the person the free text (comments, justifications, file
 * names) and the identity fields are emptied. Ids, dates, statuses and numbers stay: the proof of who decided what.
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

	private final List<String> identifiers;
	private final @Nullable Pattern pattern;
	private final String pseudonym;
	private final JsonMapper json = JsonMapper.builder().build();

	/**
	 * @param identifiers the person's names, e-mail, usernames, ID numbers, phone (blank and very short ones ignored)
	 * @param pseudonym what they become, {@code vacataire n° 12}
	 */
	Redaction(List<@Nullable String> identifiers, String pseudonym) {
		Set<String> distinct = new LinkedHashSet<>();
		for (String i : identifiers) {
			if (i != null && i.strip().length() >= SHORTEST) {
				distinct.add(i.strip());
				distinct.add(unaccented(i.strip()));
			}
		}
		this.identifiers = distinct.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
		this.pattern = this.identifiers.isEmpty() ? null
				: Pattern.compile(String.join("|", this.identifiers.stream().map(Pattern::quote).toList()),
						Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
		this.pseudonym = pseudonym;
	}

	/** The identifiers, longest first, as {@code ilike} patterns to find the lines that hold one. */
	List<String> likePatterns() {
		return identifiers.stream()
			.map(i -> "%" + i.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
			.toList();
	}

	/** A text with every identifier replaced by the pseudonym. */
	@Nullable String text(@Nullable String text) {
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
			return StringNode.valueOf(text(node.asString()));
		}
		return node;
	}

	private static String unaccented(String s) {
		return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
	}
}
