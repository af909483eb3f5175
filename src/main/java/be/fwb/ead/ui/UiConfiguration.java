package be.fwb.ead.ui;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.server.i18n.LocaleContextResolver;

@Configuration
class UiConfiguration {

	/** Named so that it replaces WebFlux's Accept-Language resolver. */
	@Bean
	LocaleContextResolver localeContextResolver() {
		return new Languages();
	}
}
