package be.fwb.ead.shared;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The one place that bounds what people send, checked before anything else looks at it: every text field of every API
 * body (through the JSON reader) and of every page's form (through {@code FormLimits}), by the field's name. An
 * e-mail has {@value #EMAIL} characters at most, a name {@value #NAME}, a code {@value #CODE}, a comment
 * {@value #COMMENT}, any other text {@value #TEXT}; a NUL character is refused everywhere (PostgreSQL cannot store
 * it); a date lies between {@link #EARLIEST} and {@link #LATEST}. Each refusal is an {@link InvalidRequest} with a
 * French message.
 */
public final class InputLimits {

	public static final int EMAIL = 254;
	public static final int NAME = 200;
	public static final int CODE = 100;
	public static final int COMMENT = 4000;
	public static final int TEXT = 10_000;
	public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
	public static final LocalDate LATEST = LocalDate.of(2199, 12, 31);

	private static final Set<String> NAMES = Set.of("firstname", "lastname", "displayname", "name", "fullname", "label",
			"title", "reviewer", "username", "partname", "password", "location", "qui");
	private static final Set<String> CODES = Set.of("idnumber", "phone", "reference", "level", "subject", "status", "mode",
			"role", "code", "shortname", "kind", "topic", "state", "etat", "outcome", "decision", "action", "section",
			"schoolyear", "sort", "objet", "branch");
	private static final Set<String> COMMENTS = Set.of("comment", "reason", "text", "note", "notes", "description", "why",
			"finding", "answer", "summary", "derogationreason", "q", "moduleq");
	/** Fields bounded tighter than their kind: what the form of the field says, the server enforces too. */
	private static final java.util.Map<String, Integer> OWN = java.util.Map.of("derogationreason", 500, "phone", 50, "docfile", 300,
			"schoolyear", 9, "username", 100);
	private static final Set<String> DATES = Set.of("startson", "endson", "openson", "closeson", "obtainedon",
			"evaluatedon", "dueon", "deadline", "du", "au", "docdate", "startsat", "from", "to");

	private InputLimits() {
	}

	/** The most characters a field of this name may hold. */
	public static int maxLength(@Nullable String field) {
		String key = base(field);
		Integer own = OWN.get(key);
		if (own != null) {
			return own;
		}
		if (key.contains("email") || key.equals("courriel")) {
			return EMAIL;
		}
		if (DATES.contains(key)) {
			return 32;
		}
		if (NAMES.contains(key)) {
			return NAME;
		}
		if (CODES.contains(key)) {
			return CODE;
		}
		if (COMMENTS.contains(key)) {
			return COMMENT;
		}
		return TEXT;
	}

	/** {@code value}, unchanged, when the field {@code field} may hold it; else an {@link InvalidRequest}. */
	public static @Nullable String text(@Nullable String field, @Nullable String value) {
		if (value == null) {
			return null;
		}
		int max = maxLength(field);
		String name = field == null || field.isEmpty() ? "texte" : field;
		if (value.length() > max) {
			String message = "Le champ « " + shorten(name) + " » dépasse " + max + " caractères (" + value.length() + ").";
			throw field == null || field.isEmpty() ? new InvalidRequest(message) : InvalidRequest.ofField(field, message);
		}
		if (value.indexOf('\0') >= 0) {
			throw new InvalidRequest("Le champ « " + shorten(name) + " » contient un caractère nul (U+0000), refusé.");
		}
		return value;
	}

	/** {@code date} when it lies between {@link #EARLIEST} and {@link #LATEST}; else an {@link InvalidRequest}. */
	public static @Nullable LocalDate date(@Nullable LocalDate date) {
		if (date != null && (date.isBefore(EARLIEST) || date.isAfter(LATEST))) {
			throw new InvalidRequest("Date hors des limites (" + EARLIEST.getYear() + "–" + LATEST.getYear() + ") : « " + date + " ».");
		}
		return date;
	}

	/** An ISO date ({@code 2026-09-01}) within the limits; {@link InvalidRequest} when unreadable or out of them. */
	public static LocalDate date(String text) {
		if (text.length() > 32) {
			throw new InvalidRequest("Date invalide : « " + shorten(text) + " ».");
		}
		try {
			return date(LocalDate.parse(text.trim()));
		}
		catch (DateTimeParseException e) {
			throw new InvalidRequest("Date invalide : « " + text + " ».");
		}
	}

	/**
	 * Whether {@code email} looks like an address: one {@code @} with something before it, a dot inside what follows,
	 * no space. Linear in the length (no regular expression that could backtrack); bounded by {@link #EMAIL} first.
	 */
	public static boolean isEmail(String email) {
		if (email.length() > EMAIL) {
			return false;
		}
		int at = email.indexOf('@');
		if (at <= 0 || at != email.lastIndexOf('@')) {
			return false;
		}
		for (int i = 0; i < email.length(); i++) {
			if (Character.isWhitespace(email.charAt(i))) {
				return false;
			}
		}
		String domain = email.substring(at + 1);
		int dot = domain.indexOf('.', 1);
		return dot > 0 && dot < domain.length() - 1;
	}

	/**
	 * Whether {@code phone} reads as a telephone number: digits with spaces, {@code + - . / ( )} between them, 6 to 20
	 * digits ({@code +32 2 690 81 00}, {@code 0470/12.34.56}); no letter.
	 */
	public static boolean isPhone(String phone) {
		if (phone.length() > 50) {
			return false;
		}
		int digits = 0;
		for (int i = 0; i < phone.length(); i++) {
			char c = phone.charAt(i);
			if (c >= '0' && c <= '9') {
				digits++;
			}
			else if ("+-./() ".indexOf(c) < 0) {
				return false;
			}
		}
		return digits >= 6 && digits <= 20;
	}

	/** A field's name, lower-cased, without its row suffix ({@code comment-12} → {@code comment}, {@code doc-date-3}). */
	private static String base(@Nullable String field) {
		if (field == null) {
			return "";
		}
		StringBuilder sb = new StringBuilder(Math.min(field.length(), 40));
		for (int i = 0; i < field.length() && sb.length() < 40; i++) {
			char c = field.charAt(i);
			if (Character.isLetter(c)) {
				sb.append(Character.toLowerCase(c));
			}
		}
		return sb.toString().toLowerCase(Locale.ROOT);
	}

	/** A value as a refusal quotes it: its first 40 characters, then « … ». */
	public static String shorten(String s) {
		return s.length() > 40 ? s.substring(0, 40) + "…" : s;
	}
}
