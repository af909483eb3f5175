package be.fwb.ead.security;

import be.fwb.ead.ui.ProblemResponses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import reactor.core.publisher.Mono;

/**
 * The API chain: stateless bearer tokens, every endpoint authorised by role, default deny, and problem details for
 * 401 and 403.
 */
@Configuration
@EnableWebFluxSecurity
class SecurityConfiguration {

	static final String COORDINATOR = Role.COORDINATOR.name();
	static final String REVIEWER = Role.REVIEWER.name();

	/**
	 * BCrypt with the cost {@code ead.security.password-cost} (10, Spring Security's default; the tests use 4, where a
	 * hash takes 3 ms instead of 80). Stored hashes keep the cost they were made with, so changing it never locks anyone
	 * out; the other formats of Spring Security's default encoder are still recognised.
	 */
	@Bean
	PasswordEncoder passwordEncoder(@org.springframework.beans.factory.annotation.Value("${ead.security.password-cost:10}") int cost) {
		if (cost < 4 || cost > 31) {
			throw new IllegalStateException("ead.security.password-cost doit être entre 4 et 31 (10 par défaut), pas " + cost);
		}
		org.springframework.security.crypto.password.DelegatingPasswordEncoder defaults =
				(org.springframework.security.crypto.password.DelegatingPasswordEncoder) PasswordEncoderFactories.createDelegatingPasswordEncoder();
		java.util.Map<String, PasswordEncoder> encoders = java.util.Map.of("bcrypt",
				new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder(cost));
		org.springframework.security.crypto.password.DelegatingPasswordEncoder encoder =
				new org.springframework.security.crypto.password.DelegatingPasswordEncoder("bcrypt", encoders);
		// A hash in another of the default formats ({argon2}, {pbkdf2}…) is checked by the default encoder.
		encoder.setDefaultPasswordEncoderForMatches(defaults);
		return encoder;
	}

	@Bean
	@Order(1)
	SecurityWebFilterChain api(ServerHttpSecurity http, ApiTokens tokens) {
		return StatelessChain.on(http, "/api/**", "/actuator/**", "/v3/api-docs/**")
			.addFilterAt(bearer(tokens), SecurityWebFiltersOrder.AUTHENTICATION)
			.exceptionHandling(e -> e.authenticationEntryPoint(unauthorized()).accessDeniedHandler(forbidden()))
			.authorizeExchange(auth -> auth
				.pathMatchers(HttpMethod.POST, "/api/auth/token").permitAll()
				.pathMatchers(HttpMethod.DELETE, "/api/auth/token").authenticated()
				.pathMatchers("/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**").permitAll()
				.pathMatchers(HttpMethod.POST, "/api/sync").hasRole(COORDINATOR)
				.pathMatchers(HttpMethod.GET, "/api/sync/**").hasAnyRole(COORDINATOR, REVIEWER)
				// A vacataire's own data, and only theirs (the controller takes no vacataire id from the request).
				.pathMatchers("/api/me", "/api/me/**").hasRole(Role.VACATAIRE.name())
				// Personal files (timeline, contracts, availability, evaluations, trainings): coordinators only.
				.pathMatchers("/api/vacataires/*/timeline", "/api/vacataires/*/contracts", "/api/vacataires/*/availability",
						"/api/vacataires/*/availability/**", "/api/vacataires/*/evaluations", "/api/vacataires/*/trainings",
						"/api/evaluations/**", "/api/trainings/**", "/api/reconciliation/**", "/api/reconciliation",
						"/api/recruitment/**", "/api/audit/**", "/api/accounts", "/api/accounts/**", "/api/vacataires/*/personal-data", "/api/vacataires/*/anonymisation", "/api/gdpr/**")
				.hasRole(COORDINATOR)
				// Quality reviews: coordinators plan, reassign and define rubrics; the designated reviewer (a reviewer or a
				// coordinator account, checked by the service) records findings and moves the review.
				.pathMatchers(HttpMethod.POST, "/api/reviews", "/api/campaigns", "/api/campaigns/**").hasRole(COORDINATOR)
				.pathMatchers(HttpMethod.PUT, "/api/reviews/*/reviewer", "/api/rubrics/**").hasRole(COORDINATOR)
				.pathMatchers(HttpMethod.POST, "/api/reviews/*/*").hasAnyRole(COORDINATOR, REVIEWER)
				.pathMatchers(HttpMethod.PUT, "/api/reviews/*/findings").hasAnyRole(COORDINATOR, REVIEWER)
				.pathMatchers(HttpMethod.GET, "/api/reviews", "/api/reviews/**", "/api/rubrics", "/api/rubrics/**", "/api/campaigns",
						"/api/campaigns/**")
				.hasAnyRole(COORDINATOR, REVIEWER)
				.pathMatchers(HttpMethod.GET, "/api/modules", "/api/modules/**", "/api/vacataires", "/api/vacataires/**",
						"/api/assignments", "/api/assignments/**", "/api/titles", "/api/titles/**", "/api/placements",
						"/api/referentials", "/api/referentials/**", "/api/exams", "/api/exams/**")
				.hasAnyRole(COORDINATOR, REVIEWER)
				.pathMatchers(HttpMethod.POST, "/api/vacataires", "/api/vacataires/**", "/api/assignments", "/api/assignments/**",
						"/api/referentials/**")
				.hasRole(COORDINATOR)
				.pathMatchers(HttpMethod.PUT, "/api/vacataires/**", "/api/titles/**", "/api/placements/**", "/api/referentials/**",
						"/api/exams/**")
				.hasRole(COORDINATOR)
				.pathMatchers(HttpMethod.DELETE, "/api/vacataires/*/titles/*", "/api/exams/*").hasRole(COORDINATOR)
				.pathMatchers("/actuator/**").hasRole(COORDINATOR)
				.anyExchange().denyAll())
			.build();
	}

	/**
	 * The web UI: a session opened by the sign-in form, CSRF tokens on every form, coordinators and reviewers only
	 * (a vacataire's account is refused at sign-in), and a strict content security policy.
	 */
	@Bean
	@Order(2)
	SecurityWebFilterChain pages(ServerHttpSecurity http, PasswordCheck passwords,
			LoginThrottle throttle, Accounts accounts, SessionStamps stamps,
			org.springframework.beans.factory.ObjectProvider<org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository> sso) {
		// Single sign-on when an OpenID Connect client is configured (docs/operations.md); local accounts always work.
		if (sso.getIfAvailable() != null) {
			http.oauth2Login(o -> o.authenticationFailureHandler(LoginFlow.failure())
				.authenticationSuccessHandler(stamps.remember())
				.authenticationMatcher(org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers
					.pathMatchers("/login/oauth2/code/{registrationId}")))
				.oauth2Client(org.springframework.security.config.Customizer.withDefaults());
			http.authorizeExchange(auth -> auth.pathMatchers("/oauth2/**", "/login/oauth2/**").permitAll());
		}
		return http
			.authorizeExchange(auth -> auth
				.pathMatchers("/connexion", "/langue", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico",
						"/swagger-ui.html", "/swagger-ui/**")
				.permitAll()
				// A review's own steps: its designated reviewer, a reviewer or a coordinator account (the service checks who).
				.pathMatchers(HttpMethod.POST, "/revues/*/commencer", "/revues/*/constats", "/revues/*/modifications",
						"/revues/*/reprendre", "/revues/*/approuver", "/revues/*/refuser")
				.hasAnyRole(COORDINATOR, REVIEWER)
				// Every other form changes something: coordinators only (signing out is handled before this rule).
				.pathMatchers(HttpMethod.POST, "/**").hasRole(COORDINATOR)
				// Personal files and the coordinators' tools.
				.pathMatchers("/formations", "/formations/**", "/recrutement", "/recrutement/**", "/attention",
						"/affectations/rapprochement", "/affectations/rapprochement/**", "/evaluations/**", "/vacataires/*/formations",
						"/vacataires/*/evaluations", "/vacataires/import", "/vacataires/import/**", "/analyse/examens/nouveau",
						"/analyse/*/correspondances", "/revues/grilles/*", "/journal", "/journal/**",
						"/vacataires/*/donnees", "/vacataires/*/donnees/**", "/vacataires/*/donnees.json", "/comptes", "/comptes/**")
				.hasRole(COORDINATOR)
				.anyExchange().hasAnyRole(COORDINATOR, REVIEWER))
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.requestCache(cache -> cache.requestCache(LoginFlow.returnAfterSignIn()))
			.csrf(csrf -> csrf.csrfTokenRequestHandler(LoginFlow.csrfTokens()).accessDeniedHandler(LoginFlow.staleForm()))
			.formLogin(form -> form.loginPage(LoginFlow.LOGIN_PAGE)
				.authenticationManager(throttle.around(LoginFlow.staffOnly(passwords)))
				.authenticationFailureHandler(LoginFlow.failure())
				.authenticationSuccessHandler(stamps.remember()))
			// A session ends as soon as its account is disabled, or its password or role changed (on any instance).
			.addFilterBefore(stamps.filter(), SecurityWebFiltersOrder.AUTHORIZATION)
			.logout(logout -> logout.logoutUrl("/deconnexion").logoutSuccessHandler(LoginFlow.loggedOut()))
			.exceptionHandling(e -> e.authenticationEntryPoint(LoginFlow.signInFirst())
				.accessDeniedHandler(LoginFlow.forbidden()))
			.headers(h -> h.writer(LoginFlow.contentSecurityPolicy())
				.referrerPolicy(r -> r.policy(org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy.SAME_ORIGIN)))
			.build();
	}

	/**
	 * A request the firewall rejects (encoded slashes, control characters, unusual methods…) gets a problem detail
	 * too, not an empty 400.
	 */
	@Bean
	org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler rejectedRequests() {
		return (exchange, e) -> ProblemResponses.write(exchange, HttpStatus.BAD_REQUEST, "Requête refusée",
				"L’adresse de la requête contient des caractères refusés (caractères encodés ou de contrôle interdits).");
	}

	/** The users of single sign-on: the provider's identity, the service's account and role. */
	@Bean
	org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService<org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest,
			org.springframework.security.oauth2.core.oidc.user.OidcUser> oidcUsers(Accounts accounts) {
		return SingleSignOn.users(accounts);
	}

	private AuthenticationWebFilter bearer(ApiTokens tokens) {
		ReactiveAuthenticationManager manager = authentication -> tokens
			.authenticate((String) authentication.getCredentials())
			.switchIfEmpty(Mono.error(new BadCredentialsException("jeton inconnu, expiré ou révoqué")));
		AuthenticationWebFilter filter = new AuthenticationWebFilter(manager);
		filter.setServerAuthenticationConverter(exchange -> {
			String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
			if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
				return Mono.empty();
			}
			String token = header.substring(7).trim();
			return Mono.just(UsernamePasswordAuthenticationToken.unauthenticated("bearer", token));
		});
		filter.setAuthenticationFailureHandler((webFilterExchange, e) -> unauthorized()
			.commence(webFilterExchange.getExchange(), e));
		filter.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());
		return filter;
	}

	static ServerAuthenticationEntryPoint unauthorized() {
		return (exchange, e) -> {
			exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"ead\"");
			return ProblemResponses.write(exchange, HttpStatus.UNAUTHORIZED, "Authentification requise",
					"Authentification requise : obtenez un jeton par POST /api/auth/token et envoyez-le dans l’en-tête "
							+ "« Authorization: Bearer … » (jeton absent, inconnu, expiré ou révoqué).");
		};
	}

	static ServerAccessDeniedHandler forbidden() {
		return (exchange, e) -> ProblemResponses.write(exchange, HttpStatus.FORBIDDEN, "Accès refusé",
				"Votre rôle ne permet pas cette action.");
	}
}
