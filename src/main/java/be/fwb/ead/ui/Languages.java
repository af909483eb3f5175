package be.fwb.ead.ui;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.i18n.LocaleContextResolver;

/**
 * The languages of the UI: French of Belgium unless the person chose English. The choice is a cookie, so it holds
 * before sign-in and across sessions; the browser's Accept-Language is not followed (the service is French first).
 */
final class Languages implements LocaleContextResolver {

	static final Locale FRENCH = Locale.forLanguageTag("fr-BE");
	static final Locale ENGLISH = Locale.forLanguageTag("en-GB");
	static final List<Locale> ALL = List.of(FRENCH, ENGLISH);
	static final String COOKIE = "ead-lang";

	@Override
	public LocaleContext resolveLocaleContext(ServerWebExchange exchange) {
		HttpCookie cookie = exchange.getRequest().getCookies().getFirst(COOKIE);
		return new SimpleLocaleContext(of(cookie == null ? null : cookie.getValue()));
	}

	@Override
	public void setLocaleContext(ServerWebExchange exchange, @Nullable LocaleContext context) {
		Locale locale = context == null || context.getLocale() == null ? FRENCH : of(context.getLocale().getLanguage());
		exchange.getResponse().addCookie(ResponseCookie.from(COOKIE, locale.getLanguage())
			.path("/")
			.maxAge(Duration.ofDays(365))
			.httpOnly(true)
			.sameSite("Lax")
			.build());
	}

	/** {@code en} is English; anything else is French. */
	static Locale of(@Nullable String language) {
		return language != null && language.toLowerCase(Locale.ROOT).startsWith("en") ? ENGLISH : FRENCH;
	}
}
