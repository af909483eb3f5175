package be.fwb.ead.security;

import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * The shape every machine-facing chain shares (the API's, the Moodle plugin's): its paths only, no session, no CSRF
 * (no browser form), no sign-in form, basic authentication or logout; each chain adds its own authentication.
 */
public final class StatelessChain {

	private StatelessChain() {
	}

	public static ServerHttpSecurity on(ServerHttpSecurity http, String... paths) {
		return http.securityMatcher(ServerWebExchangeMatchers.pathMatchers(paths))
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance());
	}
}
