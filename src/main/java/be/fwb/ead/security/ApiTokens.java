package be.fwb.ead.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Opaque bearer tokens for API clients: 256 random bits, stored only as a SHA-256 hash, with an expiry and a
 * revocation date.
 */
@Component
public class ApiTokens {

	/** A token as handed to its owner, once. */
	public record Issued(String token, Instant expiresAt) {
	}

	private final DatabaseClient db;
	private final SecuritySettings settings;
	private final SecureRandom random = new SecureRandom();
	private final Clock clock;

	ApiTokens(DatabaseClient db, SecuritySettings settings, Clock clock) {
		this.clock = clock;
		this.db = db;
		this.settings = settings;
	}

	public Mono<Issued> issue(Account account) {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant now = Instant.now(clock);
		Instant expires = now.plus(settings.tokenTtl());
		return db.sql("insert into api_token (token_hash, account_id, created_at, expires_at) values (:h, :a, :now, :exp)")
			.bind("h", hash(token))
			.bind("a", account.id())
			.bind("now", now)
			.bind("exp", expires)
			.then()
			.thenReturn(new Issued(token, expires));
	}

	/** A token recently found live: kept {@link #REMEMBERED} at most (and never past its expiry), to spare the database. */
	private record Known(Authentication authentication, Instant until) {
	}

	/** How long this instance trusts a token it found live; a revocation elsewhere takes effect within this time. */
	static final java.time.Duration REMEMBERED = java.time.Duration.ofSeconds(5);

	private final java.util.concurrent.ConcurrentHashMap<String, Known> known = new java.util.concurrent.ConcurrentHashMap<>();

	/** The authentication a live token stands for, or empty. */
	Mono<Authentication> authenticate(String token) {
		String hash = hash(token);
		Instant now = Instant.now(clock);
		Known k = known.get(hash);
		if (k != null && k.until().isAfter(now)) {
			return Mono.just(k.authentication());
		}
		if (known.size() > 10_000) {
			known.entrySet().removeIf(e -> !e.getValue().until().isAfter(now));
		}
		return lookup(hash, now);
	}

	private Mono<Authentication> lookup(String hash, Instant now) {
		return db.sql("""
				select a.username, a.role, t.expires_at from api_token t join account a on a.id = t.account_id
				where t.token_hash = :h and t.revoked_at is null and t.expires_at > :now and a.enabled""")
			.bind("h", hash)
			.bind("now", now)
			.map(r -> {
				Authentication a = UsernamePasswordAuthenticationToken.authenticated(r.get("username", String.class), null,
						List.of(new SimpleGrantedAuthority("ROLE_" + r.get("role", String.class))));
				Instant expires = r.get("expires_at", Instant.class);
				Instant until = now.plus(REMEMBERED);
				known.put(hash, new Known(a, expires != null && expires.isBefore(until) ? expires : until));
				return a;
			})
			.one();
	}

	/** Forgets what this instance remembers of an account's tokens (disabled, or its password changed). */
	void forget(String username) {
		known.values().removeIf(k -> k.authentication().getName().equals(username));
	}

	public Mono<Long> revoke(String token) {
		known.remove(hash(token));
		return db.sql("update api_token set revoked_at = :now where token_hash = :h and revoked_at is null")
			.bind("now", Instant.now(clock))
			.bind("h", hash(token))
			.fetch()
			.rowsUpdated();
	}

	static String hash(String token) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 est toujours disponible dans le JDK", e);
		}
	}
}
