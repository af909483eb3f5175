package be.fwb.ead.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import be.fwb.ead.shared.Conflict;
import be.fwb.ead.shared.InvalidRequest;
import be.fwb.ead.shared.NotFound;
import be.fwb.ead.shared.Refused;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The outcome of a form, carried across its redirect (post, redirect, get) in the session and shown once by the next
 * page: a message key for a success, or the service's French message for a refusal, with what was typed.
 *
 * @param error {@literal true} for a refusal
 * @param code a message key (success), or {@literal null}
 * @param text the refusal's message, or {@literal null}
 * @param kept after a refusal, the form as it was sent, to show it again; or {@literal null}
 */
public record Flash(boolean error, @Nullable String code, @Nullable String text, @Nullable Kept kept) {

	public static final String ATTRIBUTE = "ead.flash";

	/**
	 * A refused form: where it posted, every value typed (never a password nor the CSRF token), and the message of
	 * the field at fault, by field name. The page puts the values back and the message beside its field
	 * ({@code static/js/ead.js}); the summary at the top says it in any case.
	 */
	public record Kept(String form, Map<String, List<String>> values, Map<String, String> errors) {

		/** As JSON, for the page's script: {@code {"form": "/path", "values": {"name": ["typed"]}, "errors": {"name": "message"}}}. */
		public String json() {
			StringBuilder out = new StringBuilder("{\"form\":").append(quote(form)).append(",\"values\":{");
			String comma = "";
			for (Map.Entry<String, List<String>> value : values.entrySet()) {
				out.append(comma).append(quote(value.getKey())).append(":[");
				out.append(String.join(",", value.getValue().stream().map(Kept::quote).toList())).append(']');
				comma = ",";
			}
			out.append("},\"errors\":{");
			comma = "";
			for (Map.Entry<String, String> error : errors.entrySet()) {
				out.append(comma).append(quote(error.getKey())).append(':').append(quote(error.getValue()));
				comma = ",";
			}
			return out.append("}}").toString();
		}

		private static String quote(@Nullable String text) {
			if (text == null) {
				return "null";
			}
			StringBuilder out = new StringBuilder("\"");
			for (char c : text.toCharArray()) {
				switch (c) {
					case '"' -> out.append("\\\"");
					case '\\' -> out.append("\\\\");
					case '\n' -> out.append("\\n");
					case '\r' -> out.append("\\r");
					case '\t' -> out.append("\\t");
					default -> {
						if (c < 0x20) {
							out.append(String.format("\\u%04x", (int) c));
						}
						else {
							out.append(c);
						}
					}
				}
			}
			return out.append('"').toString();
		}
	}

	public Flash(boolean error, @Nullable String code, @Nullable String text) {
		this(error, code, text, null);
	}

	/**
	 * Runs {@code action}; a success leaves the message {@code successCode}, a refusal by a rule or bad input leaves
	 * its message and the form as sent. Other errors go on (they are the service's, not the person's).
	 */
	public static Mono<Boolean> outcome(ServerWebExchange exchange, Mono<?> action, String successCode) {
		return action.then(put(exchange, new Flash(false, successCode, null)).thenReturn(true))
			.onErrorResume(e -> e instanceof Refused || e instanceof InvalidRequest || e instanceof Conflict
					|| e instanceof NotFound, e -> kept(exchange, e).flatMap(kept -> put(exchange, new Flash(true, null, e.getMessage(),
							kept.form().isEmpty() ? null : kept))).thenReturn(false));
	}

	/**
	 * A refusal shown by the page that answers the form itself (no redirect): put in the model as {@code flash}, it
	 * gives the summary at the top and the message beside the field at fault, as after a redirect.
	 */
	public static Mono<Flash> refusal(ServerWebExchange exchange, Throwable e) {
		return kept(exchange, e).map(kept -> new Flash(true, null, e.getMessage(), kept.form().isEmpty() ? null : kept));
	}

	/** Leaves a refusal's message and the form as sent, for the page the form came from (see {@code ErrorPages}). */
	static Mono<Void> leaveRefusal(ServerWebExchange exchange, RuntimeException e) {
		return kept(exchange, e).flatMap(kept -> put(exchange, new Flash(true, null, e.getMessage(), kept.form().isEmpty() ? null : kept)));
	}

	private static Mono<Kept> kept(ServerWebExchange exchange, Throwable e) {
		String field = e instanceof InvalidRequest invalid ? invalid.field() : e instanceof Refused refused ? refused.field() : null;
		Map<String, String> errors = field != null ? Map.of(field, e.getMessage()) : Map.of();
		MediaType type = exchange.getRequest().getHeaders().getContentType();
		if (!HttpMethod.POST.equals(exchange.getRequest().getMethod()) || type == null
				|| !MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(type)) {
			return Mono.just(new Kept("", Map.of(), Map.of()));
		}
		return exchange.getFormData().map(form -> {
			Map<String, List<String>> values = new LinkedHashMap<>();
			form.forEach((name, typed) -> {
				if (!name.equals("_csrf") && !name.toLowerCase(Locale.ROOT).contains("password")) {
					values.put(name, List.copyOf(typed));
				}
			});
			return new Kept(exchange.getRequest().getPath().pathWithinApplication().value(), values, errors);
		});
	}

	private static Mono<Void> put(ServerWebExchange exchange, Flash flash) {
		return exchange.getSession().doOnNext(s -> s.getAttributes().put(ATTRIBUTE, flash)).then();
	}

	/** The flash left by the previous request, removed from the session. */
	public static Mono<Flash> take(ServerWebExchange exchange) {
		return exchange.getSession().mapNotNull(s -> (Flash) s.getAttributes().remove(ATTRIBUTE));
	}
}
