package be.fwb.ead.workspace.plugin;

import java.time.Clock;

import be.fwb.ead.security.StatelessChain;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * The plugin API's own chain, before the API's: only signed requests (role PLUGIN), no session, no CSRF (the
 * signature covers the method, path and body), no other authentication.
 */
@Configuration
class PluginSecurity {

	@Bean
	@Order(0)
	SecurityWebFilterChain plugin(ServerHttpSecurity http, PluginSettings settings, Nonces nonces, Clock clock) {
		return StatelessChain.on(http, "/api/plugin/**")
			.addFilterAt(new PluginAuthentication(settings, nonces, clock), SecurityWebFiltersOrder.AUTHENTICATION)
			.authorizeExchange(auth -> auth.anyExchange().hasRole("PLUGIN"))
			.build();
	}
}
