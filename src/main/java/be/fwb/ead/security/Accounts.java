package be.fwb.ead.security;

import java.time.Clock;
import java.time.Instant;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The accounts; passwords are stored as slow salted hashes (bcrypt), computed off the event loop. */
@Component
public class Accounts implements ReactiveUserDetailsService {

	private static final String COLUMNS = "id, username, role, display_name, vacataire_id, enabled";

	private final DatabaseClient db;
	private final PasswordEncoder encoder;
	private final Clock clock;

	Accounts(DatabaseClient db, PasswordEncoder encoder, Clock clock) {
		this.clock = clock;
		this.db = db;
		this.encoder = encoder;
	}

	public Mono<Account> byUsername(String username) {
		return db.sql("select " + COLUMNS + " from account where username = :u").bind("u", username).map(Accounts::read).one();
	}

	public Mono<Long> count() {
		return db.sql("select count(*) as n from account").map(r -> r.get("n", Long.class)).one();
	}

	/** Creates an account; the password is hashed on a worker thread. */
	public Mono<Account> create(String username, String password, Role role, String displayName,
			@Nullable Long vacataireId) {
		return Mono.fromCallable(() -> encoder.encode(password))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap(hash -> {
				var spec = db.sql("insert into account (username, password_hash, role, display_name, vacataire_id, created_at) "
						+ "values (:u, :h, :r, :d, :v, :now) returning " + COLUMNS)
					.bind("u", username)
					.bind("h", hash)
					.bind("r", role.name())
					.bind("d", displayName)
					.bind("now", Instant.now(clock));
				return (vacataireId == null ? spec.bindNull("v", Long.class) : spec.bind("v", vacataireId))
					.map(Accounts::read)
					.one();
			});
	}

	/** A password's hash, computed on a worker thread (bcrypt is slow on purpose). */
	Mono<String> hash(String password) {
		return Mono.fromCallable(() -> encoder.encode(password)).subscribeOn(Schedulers.boundedElastic());
	}

	@Override
	public Mono<UserDetails> findByUsername(String username) {
		return db.sql("select username, password_hash, role, enabled from account where username = :u")
			.bind("u", username)
			.map(r -> User.withUsername(r.get("username", String.class))
				.password(r.get("password_hash", String.class))
				.roles(r.get("role", String.class))
				.disabled(!Boolean.TRUE.equals(r.get("enabled", Boolean.class)))
				.build())
			.one();
	}

	private static Account read(Readable r) {
		return new Account(r.get("id", Long.class), r.get("username", String.class), Role.valueOf(r.get("role", String.class)),
				r.get("display_name", String.class), r.get("vacataire_id", Long.class),
				Boolean.TRUE.equals(r.get("enabled", Boolean.class)));
	}
}
