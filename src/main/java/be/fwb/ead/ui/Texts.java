package be.fwb.ead.ui;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.web.server.ServerWebExchange;

/** The UI's texts in the language of one request (exports' headers and values, say). */
public final class Texts {

	private static final Locale DEFAULT = Locale.forLanguageTag("fr-BE");

	private final MessageSource messages;
	private final Locale locale;

	private Texts(MessageSource messages, Locale locale) {
		this.messages = messages;
		this.locale = locale;
	}

	public static Texts of(MessageSource messages, ServerWebExchange exchange) {
		Locale locale = exchange.getLocaleContext().getLocale();
		return new Texts(messages, locale == null ? DEFAULT : locale);
	}

	/** The texts of one language (a page's come from its request: {@link #of(MessageSource, ServerWebExchange)}). */
	public static Texts of(MessageSource messages, Locale locale) {
		return new Texts(messages, locale);
	}

	/** The text of {@code code}, or {@code fallback} when there is none. */
	public String getOrDefault(String code, String fallback) {
		return messages.getMessage(code, null, fallback, locale);
	}

	/** The text of {@code code}, with its arguments. */
	public String get(String code, Object... args) {
		return messages.getMessage(code, args, locale);
	}
}
