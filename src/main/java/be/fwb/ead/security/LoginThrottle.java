package be.fwb.ead.security;

import java.time.Duration;
import java.time.Instant;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Slows password guessing: after {@value #PER_ACCOUNT} failed sign-ins on one account, or {@value #PER_ADDRESS} from one
 * address, within {@link #WINDOW}, sign-in is refused until the oldest of them leaves the window, even with the right
 * password. Failures are kept in the database, so that every instance of the service counts them alike; a success
 * clears the account's.
 */
@Component
public class LoginThrottle {

	static final int PER_ACCOUNT = 5;
	static final int PER_ADDRESS = 30;
	static final Duration WINDOW = Duration.ofMinutes(15);

	/** Too many failures: sign-in refused for {@code retryAfter}. */
	public static final class TooManyAttempts extends AuthenticationException {

		private final Duration retryAfter;

		TooManyAttempts(Duration retryAfter) {
			super("Trop d'essais de connexion infructueux : réessayez dans " + Math.max(1, retryAfter.toMinutes() + 1) + " minute(s).");
			this.retryAfter = retryAfter;
		}

		public Duration retryAfter() {
			return retryAfter;
		}
	}

	private final DatabaseClient db;

	LoginThrottle(DatabaseClient db) {
		this.db = db;
	}

	/** The manager, throttled: the address comes from the request in the Reactor context (Spring Security puts it there). */
	public ReactiveAuthenticationManager around(ReactiveAuthenticationManager manager) {
		return authentication -> Mono.deferContextual(ctx -> {
			String username = String.valueOf(authentication.getName());
			String address = ctx.<ServerWebExchange>getOrEmpty(ServerWebExchange.class)
				.map(LoginThrottle::address)
				.orElse("inconnue");
			Instant now = Instant.now();
			return check(username, address, now)
				.then(manager.authenticate(authentication))
				.flatMap(done -> clear(username).thenReturn(done))
				.onErrorResume(BadCredentialsException.class, e -> failed(username, address, now).then(Mono.error(e)));
		});
	}

	private Mono<Void> check(String username, String address, Instant now) {
		return db.sql("""
				select (select min(at) from (select at from login_failure where lower(username) = lower(:u) and at > :since
				                             order by at desc limit :perAccount) a having count(*) >= :perAccount) as account,
				       (select min(at) from (select at from login_failure where address = :a and at > :since
				                             order by at desc limit :perAddress) b having count(*) >= :perAddress) as address""")
			.bind("u", username)
			.bind("a", address)
			.bind("since", now.minus(WINDOW))
			.bind("perAccount", PER_ACCOUNT)
			.bind("perAddress", PER_ADDRESS)
			.map(r -> {
				Instant account = r.get("account", Instant.class);
				Instant byAddress = r.get("address", Instant.class);
				Instant oldest = account == null ? byAddress : byAddress == null ? account : account.isAfter(byAddress) ? account : byAddress;
				return oldest == null ? Duration.ZERO : Duration.between(now, oldest.plus(WINDOW));
			})
			.one()
			.flatMap(wait -> !wait.isNegative() && !wait.isZero() ? Mono.error(new TooManyAttempts(wait)) : Mono.empty());
	}

	private Mono<Void> failed(String username, String address, Instant now) {
		return db.sql("""
				with forgotten as (delete from login_failure where at < :old)
				insert into login_failure (username, address, at) values (:u, :a, :now)""")
			.bind("old", now.minus(WINDOW.multipliedBy(4)))
			.bind("u", username.length() > 200 ? username.substring(0, 200) : username)
			.bind("a", address)
			.bind("now", now)
			.then();
	}

	/** Forgets the failed sign-ins under these usernames (an erasure: they name the person). */
	public Mono<Void> forget(java.util.Collection<String> usernames) {
		return db.sql("delete from login_failure where lower(username) = any(:u)")
			.bind("u", usernames.stream().map(u -> u.toLowerCase(java.util.Locale.ROOT)).toArray(String[]::new))
			.then();
	}

	private Mono<Void> clear(String username) {
		return db.sql("delete from login_failure where lower(username) = lower(:u)").bind("u", username).then();
	}

	private static String address(ServerWebExchange exchange) {
		var remote = exchange.getRequest().getRemoteAddress();
		return remote == null || remote.getAddress() == null ? "inconnue" : remote.getAddress().getHostAddress();
	}
}
