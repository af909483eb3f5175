package be.fwb.ead.ui;

import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.i18n.LocaleContextResolver;

/** Switches the UI's language and comes back to the page the person was on (a local page only). */
@Controller
class LanguageSwitch {

	private final LocaleContextResolver languages;

	LanguageSwitch(LocaleContextResolver languages) {
		this.languages = languages;
	}

	@GetMapping("/langue")
	String switchTo(@RequestParam(defaultValue = "fr") String lang, @RequestParam(required = false) @Nullable String retour,
			ServerWebExchange exchange) {
		languages.setLocaleContext(exchange, new SimpleLocaleContext(Languages.of(lang)));
		return "redirect:" + (isLocal(retour) ? retour : "/");
	}

	/** Only paths of this site: no scheme, no host, no protocol-relative {@code //host}, only plain characters. */
	static boolean isLocal(@Nullable String target) {
		return target != null && target.length() <= 2000 && target.startsWith("/") && !target.startsWith("//")
				&& !target.startsWith("/\\") && target.chars().allMatch(LanguageSwitch::plain);
	}

	/**
	 * Characters an address of this site may hold as it is: no control character, no space, and no braces (the
	 * redirect would read {@code {x}} as a template variable and fail).
	 */
	private static boolean plain(int c) {
		return c > 0x20 && c < 0x7f && c != '{' && c != '}' && c != '\\' && c != '"' && c != '<' && c != '>' && c != '|'
				&& c != '^' && c != '`';
	}
}
