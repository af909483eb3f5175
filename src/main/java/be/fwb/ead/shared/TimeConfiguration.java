package be.fwb.ead.shared;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock of the service, in the EAD's time zone: what "today" and "now" are for the rules (the school year, a
 * session past or to come). Tests and the demo replace it by declaring their own {@link Clock} bean.
 */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock clock(DisplaySettings display) {
		return Clock.system(display.zone());
	}
}
