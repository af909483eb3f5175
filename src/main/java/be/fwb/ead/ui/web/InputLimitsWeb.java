package be.fwb.ead.ui.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import be.fwb.ead.shared.InputLimits;
import be.fwb.ead.shared.InvalidRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebExchangeDecorator;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * {@link InputLimits} applied before anything else reads a request: by the JSON reader to every text and date of every
 * API body, to every query parameter, to every field of a page's form, and to dates bound from the address.
 */
@Configuration
class InputLimitsWeb implements WebFluxConfigurer {

	/** Texts bounded by their field's name and dates by the limits, as the JSON reader reads them. */
	@Bean
	JacksonModule inputLimitsModule() {
		SimpleModule module = new SimpleModule("input-limits");
		module.addDeserializer(String.class, new BoundedString());
		module.addDeserializer(LocalDate.class, new BoundedDate());
		return module;
	}

	/** Query parameters and the fields of forms: checked in front of every controller (after the security chain). */
	@Bean
	@Order(0)
	WebFilter inputLimitsFilter() {
		return (exchange, chain) -> {
			try {
				check(exchange.getRequest().getQueryParams());
			}
			catch (InvalidRequest e) {
				return Mono.error(new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage(), e));
			}
			return chain.filter(new ServerWebExchangeDecorator(exchange) {
				@Override
				public Mono<MultiValueMap<String, String>> getFormData() {
					return super.getFormData().doOnNext(InputLimitsWeb::check);
				}
			});
		};
	}

	@Override
	public void addFormatters(FormatterRegistry registry) {
		registry.addFormatterForFieldType(LocalDate.class, new Formatter<LocalDate>() {
			@Override
			public LocalDate parse(String text, java.util.Locale locale) {
				try {
					return InputLimits.date(text);
				}
				catch (InvalidRequest e) {
					throw new IllegalArgumentException(e.getMessage(), e);
				}
			}

			@Override
			public String print(LocalDate date, java.util.Locale locale) {
				return date.toString();
			}
		});
	}

	static void check(MultiValueMap<String, String> fields) {
		if (fields.size() > 2000) {
			throw new InvalidRequest("Trop de champs dans la requête (" + fields.size() + ").");
		}
		for (Map.Entry<String, List<String>> field : fields.entrySet()) {
			if (field.getKey().length() > InputLimits.NAME) {
				throw new InvalidRequest("Nom de champ trop long (" + field.getKey().length() + " caractères).");
			}
			for (String value : field.getValue()) {
				InputLimits.text(field.getKey(), value);
			}
		}
	}

	/** A JSON text, refused when longer than its field may be or when it holds a NUL. */
	static final class BoundedString extends StringDeserializer {

		@Override
		public String deserialize(JsonParser p, DeserializationContext context) {
			String field = p.currentName();
			String value = super.deserialize(p, context);
			return InputLimits.text(field, value);
		}
	}

	/** A JSON date ({@code "2026-09-01"}), refused outside the limits (never a 500 from the database). */
	static final class BoundedDate extends StdScalarDeserializer<LocalDate> {

		BoundedDate() {
			super(LocalDate.class);
		}

		@Override
		public LocalDate deserialize(JsonParser p, DeserializationContext context) {
			if (!p.hasToken(JsonToken.VALUE_STRING)) {
				throw new InvalidRequest("Une date s’écrit « AAAA-MM-JJ » (champ « " + p.currentName() + " »).");
			}
			return InputLimits.date(p.getString());
		}
	}
}
