package be.fwb.ead.moodle;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/** Decodes the HTML entities Moodle puts in formatted strings ({@code format_string} turns {@code &} into {@code &amp;}). */
final class MoodleText {

	private static final Pattern ENTITY = Pattern.compile("&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos|nbsp);");

	private MoodleText() {
	}

	static @Nullable String decode(@Nullable String text) {
		if (text == null || text.indexOf('&') < 0) {
			return text;
		}
		Matcher m = ENTITY.matcher(text);
		StringBuilder out = new StringBuilder(text.length());
		while (m.find()) {
			m.appendReplacement(out, Matcher.quoteReplacement(replacement(m.group(1))));
		}
		m.appendTail(out);
		return out.toString();
	}

	private static String replacement(String entity) {
		return switch (entity) {
			case "amp" -> "&";
			case "lt" -> "<";
			case "gt" -> ">";
			case "quot" -> "\"";
			case "apos" -> "'";
			case "nbsp" -> "\u00a0";
			default -> new String(Character.toChars(entity.startsWith("#x")
					? Integer.parseInt(entity.substring(2), 16) : Integer.parseInt(entity.substring(1))));
		};
	}
}
