package be.fwb.ead.security;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Checks a username and password against the stored bcrypt hash, on a worker thread (bcrypt is slow on purpose, never
 * on an event loop). Every answer costs one bcrypt comparison: an unknown username or a disabled account is compared
 * with a dummy hash, so that the time taken tells nothing about which accounts exist. A password longer than
 * {@value #MAX_BYTES} bytes (what bcrypt reads) is refused before any hashing.
 */
@Component
public class PasswordCheck implements ReactiveAuthenticationManager {

	/** What bcrypt reads of a password; longer ones are refused, never silently cut. */
	public static final int MAX_BYTES = 72;

	private record Stored(String username, String hash, String role, boolean enabled) {
	}

	private final DatabaseClient db;
	private final PasswordEncoder encoder;
	private final String dummy;

	PasswordCheck(DatabaseClient db, PasswordEncoder encoder) {
		this.db = db;
		this.encoder = encoder;
		this.dummy = encoder.encode(UUID.randomUUID().toString());
	}

	static boolean tooLong(String password) {
		return password.length() > MAX_BYTES || password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES;
	}

	@Override
	public Mono<Authentication> authenticate(Authentication authentication) {
		String username = String.valueOf(authentication.getName());
		String password = String.valueOf(authentication.getCredentials());
		Mono<Optional<Stored>> stored = username.length() > 200 ? Mono.just(Optional.empty())
				: db.sql("select username, password_hash, role, enabled from account where username = :u")
					.bind("u", username)
					.map(r -> Optional.of(new Stored(r.get("username", String.class), r.get("password_hash", String.class),
							r.get("role", String.class), Boolean.TRUE.equals(r.get("enabled", Boolean.class)))))
					.one()
					.defaultIfEmpty(Optional.empty());
		return stored.publishOn(Schedulers.boundedElastic())
			.flatMap(found -> {
				boolean matches = encoder.matches(tooLong(password) ? "" : password, found.map(Stored::hash).orElse(dummy));
				return matches && !tooLong(password) && found.get().enabled() ? Mono.just(found.get())
						: Mono.error(new BadCredentialsException("identifiant ou mot de passe incorrect, ou compte désactivé"));
			})
			.map(s -> UsernamePasswordAuthenticationToken.authenticated(s.username(), null,
					List.of(new SimpleGrantedAuthority("ROLE_" + s.role()))));
	}
}
