package be.fwb.ead.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import be.fwb.ead.shared.Counted;

/**
 * Slows password guessing, on every instance alike (the counts are in the database).
 * <ul>
 * <li>Each attempt is counted <em>before</em> its password is checked, for its account and for its address, in one
 * statement: of a burst of parallel attempts, only the first {@value #PER_ACCOUNT} on an account are checked.</li>
 * <li>An account with more than {@value #PER_ACCOUNT} attempts that did not succeed in its {@link #WINDOW} refuses
 * sign-in, even with the right password, until the window ends ({@link TooManyAttempts}, 429 with Retry-After).</li>
 * <li>An address with more than {@value #PER_ADDRESS} is not locked out (behind a reverse proxy every user may share
 * it): its attempts are answered late, by a delay that doubles with each further failure, up to
 * {@code ead.security.login-max-delay} (30 s).</li>
 * <li>A success takes back its own attempt only: failures of the same burst stay counted.</li>
 * </ul>
 * The address is the client's ({@link ClientAddress}: {@code X-Forwarded-For} only from a trusted proxy).
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
			super("Trop d’essais de connexion infructueux : réessayez dans " + Counted.of(Math.max(1, retryAfter.toMinutes() + 1), "minute", "minutes") + ".");
			this.retryAfter = retryAfter;
		}

		public Duration retryAfter() {
			return retryAfter;
		}
	}

	/** The counts after this attempt: the account's, with its window's start, and the address's. */
	private record Counts(int account, Instant accountSince, int address) {
	}

	private final DatabaseClient db;
	private final ClientAddress addresses;
	private final Duration maxDelay;
	private final Clock clock;

	LoginThrottle(DatabaseClient db, ClientAddress addresses, SecuritySettings settings, Clock clock) {
		this.clock = clock;
		this.db = db;
		this.addresses = addresses;
		this.maxDelay = settings.loginMaxDelay();
	}

	/** The manager, throttled: the request is in the Reactor context (Spring Security puts it there). */
	public ReactiveAuthenticationManager around(ReactiveAuthenticationManager manager) {
		return authentication -> Mono.deferContextual(ctx -> {
			String username = key(String.valueOf(authentication.getName()));
			String address = ctx.<ServerWebExchange>getOrEmpty(ServerWebExchange.class).map(addresses::of).orElse("inconnue");
			Instant now = Instant.now(clock);
			return count(username, address, now).flatMap(counts -> {
				if (counts.account() > PER_ACCOUNT) {
					return Mono.error(new TooManyAttempts(Duration.between(now, counts.accountSince().plus(WINDOW))));
				}
				Mono<org.springframework.security.core.Authentication> check = manager.authenticate(authentication)
					.flatMap(done -> takeBack(username, address).thenReturn(done))
					// Only a wrong password stays counted; a right one refused for another reason (a vacataire at the
					// coordinators' sign-in) takes its attempt back.
					.onErrorResume(e -> !(e instanceof BadCredentialsException), e -> takeBack(username, address).then(Mono.error(e)))
					.onErrorResume(BadCredentialsException.class, e -> forgetOld(now).then(Mono.error(e)));
				Duration delay = delay(counts.address());
				return delay.isZero() ? check : Mono.delay(delay).then(check);
			});
		});
	}

	/** The delay for an address with {@code attempts} in its window: none up to the threshold, then 1 s, 2 s, 4 s… */
	Duration delay(int attempts) {
		int beyond = attempts - PER_ADDRESS;
		if (beyond <= 0) {
			return Duration.ZERO;
		}
		Duration doubled = Duration.ofSeconds(1L << Math.min(beyond - 1, 20));
		return doubled.compareTo(maxDelay) > 0 ? maxDelay : doubled;
	}

	private Mono<Counts> count(String username, String address, Instant now) {
		return db.sql("""
				insert into login_attempt as t (kind, key, count, since) values ('account', :u, 1, :now), ('address', :a, 1, :now)
				on conflict (kind, key) do update set
				    count = case when t.since <= :expired then 1 else t.count + 1 end,
				    since = case when t.since <= :expired then :now else t.since end
				returning kind, count, since""")
			.bind("u", username)
			.bind("a", address)
			.bind("now", now)
			.bind("expired", now.minus(WINDOW))
			.map(r -> new Counts(r.get("kind", String.class).equals("account") ? r.get("count", Integer.class) : 0,
					r.get("kind", String.class).equals("account") ? r.get("since", Instant.class) : now,
					r.get("kind", String.class).equals("address") ? r.get("count", Integer.class) : 0))
			.all()
			.reduce((a, b) -> new Counts(a.account() + b.account(), a.account() > 0 ? a.accountSince() : b.accountSince(),
					a.address() + b.address()));
	}

	private Mono<Void> takeBack(String username, String address) {
		return db.sql("""
				update login_attempt set count = greatest(count - 1, 0)
				where (kind = 'account' and key = :u) or (kind = 'address' and key = :a)""")
			.bind("u", username)
			.bind("a", address)
			.then();
	}

	/** Forgets the sign-in attempts counted under these usernames (an erasure: they name the person). */
	public Mono<Void> forget(java.util.Collection<String> usernames) {
		return db.sql("delete from login_attempt where kind = 'account' and key = any(:u)")
			.bind("u", usernames.stream().map(LoginThrottle::key).toArray(String[]::new))
			.then();
	}

	private Mono<Void> forgetOld(Instant now) {
		return db.sql("delete from login_attempt where since < :old").bind("old", now.minus(WINDOW.multipliedBy(4))).then();
	}

	private static String key(String username) {
		String lower = username.toLowerCase(java.util.Locale.ROOT);
		return lower.length() > 200 ? lower.substring(0, 200) : lower;
	}
}
