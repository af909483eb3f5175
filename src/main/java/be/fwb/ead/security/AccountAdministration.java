package be.fwb.ead.security;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import be.fwb.ead.audit.Change;
import be.fwb.ead.audit.ChangeLog;
import be.fwb.ead.shared.Conflict;
import be.fwb.ead.shared.InvalidRequest;
import be.fwb.ead.shared.NotFound;
import be.fwb.ead.shared.Refused;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Coordinators manage the accounts: reviewers and coordinators for the web UI and the API, vacataires for their own
 * space. Every change goes to the audit trail (never a password); disabling an account or setting its password
 * revokes its bearer tokens.
 */
@Service
public class AccountAdministration {

	static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{1,99}");
	static final int MIN_PASSWORD = 12;

	private final Accounts accounts;
	private final DatabaseClient db;
	private final ChangeLog changes;

	private final ApiTokens tokens;
	private final Clock clock;

	AccountAdministration(Accounts accounts, DatabaseClient db, ChangeLog changes, ApiTokens tokens,
			Clock clock) {
		this.clock = clock;
		this.tokens = tokens;
		this.accounts = accounts;
		this.db = db;
		this.changes = changes;
	}

	/** Every account, by role then username. */
	public Flux<Account> all() {
		return db.sql("select id, username, role, display_name, vacataire_id, enabled from account order by role, username")
			.map(r -> new Account(r.get("id", Long.class), r.get("username", String.class), Role.valueOf(r.get("role", String.class)),
					r.get("display_name", String.class), r.get("vacataire_id", Long.class), Boolean.TRUE.equals(r.get("enabled", Boolean.class))))
			.all();
	}

	/**
	 * The vacataire a coordinator names for an account: by the number of their file, or by their matricule as the
	 * service knows it; {@link InvalidRequest} on field {@code vacataireId} when none (or several) answer.
	 */
	public Mono<Long> vacataire(String reference) {
		String ref = reference.trim();
		if (ref.matches("\\d{1,18}")) {
			return Mono.just(Long.parseLong(ref));
		}
		return db.sql("select id from vacataire_name where lower(idnumber) = lower(:r) limit 2")
			.bind("r", ref)
			.map(r -> r.get("id", Long.class))
			.all()
			.collectList()
			.flatMap(ids -> ids.size() == 1 ? Mono.just(ids.get(0))
					: Mono.error(InvalidRequest.ofField("vacataireId", ids.isEmpty()
							? "Aucun vacataire n’a le matricule « " + ref + " » : indiquez son matricule ou le n° de sa fiche."
							: "Plusieurs vacataires ont le matricule « " + ref + " » : indiquez le n° de sa fiche.")));
	}

	/** Creates an account; a vacataire's is tied to their file. */
	@Transactional
	public Mono<Account> create(@Nullable String username, @Nullable String password, @Nullable Role role, @Nullable String displayName,
			@Nullable Long vacataireId, String author) {
		String name = username == null ? "" : username.trim().toLowerCase(java.util.Locale.ROOT);
		if (!USERNAME.matcher(name).matches()) {
			return Mono.error(InvalidRequest.ofField("username", "Un identifiant a de 2 à 100 caractères : lettres minuscules, chiffres, . _ @ -."));
		}
		if (role == null) {
			return Mono.error(InvalidRequest.ofField("role", "Choisissez un rôle : COORDINATOR, REVIEWER ou VACATAIRE."));
		}
		if (displayName == null || displayName.isBlank() || displayName.length() > 200) {
			return Mono.error(InvalidRequest.ofField("displayName", "Un compte a un nom affiché, de 200 caractères au plus."));
		}
		if ((role == Role.VACATAIRE) != (vacataireId != null)) {
			return Mono.error(new InvalidRequest("Un compte de vacataire, et lui seul, est lié à la fiche d’un vacataire."));
		}
		String problem = weak(password);
		if (problem != null) {
			return Mono.error(InvalidRequest.ofField("password", problem));
		}
		Mono<Void> vacataire = vacataireId == null ? Mono.empty()
				: db.sql("select count(*) as n from vacataire_status where id = :v and not erased").bind("v", vacataireId)
					.map(r -> r.get("n", Long.class)).one()
					.flatMap(n -> n == 0 ? Mono.error(new NotFound("Aucun vacataire n’a l’identifiant " + vacataireId + ".")) : Mono.empty())
					// One account a person: a second would split what they acknowledge and answer between two sign-ins.
					.then(db.sql("select username, enabled from account where vacataire_id = :v order by id limit 1").bind("v", vacataireId)
						.map(r -> InvalidRequest.ofField("vacataireId", "La fiche n° " + vacataireId + " a déjà le compte « "
								+ r.get("username", String.class) + " »" + (Boolean.TRUE.equals(r.get("enabled", Boolean.class)) ? ""
										: ", désactivé : réactivez-le") + " ; changez son mot de passe plutôt que d’en créer un second."))
						.one()
						.flatMap(Mono::<Void>error));
		return vacataire.then(accounts.byUsername(name).hasElement())
			.flatMap(exists -> exists ? Mono.error(new Conflict("L’identifiant « " + name + " » est déjà pris."))
					: accounts.create(name, password, role, displayName.trim(), vacataireId))
			.flatMap(a -> changes.record(author, Change.of("account", a.id(), a.vacataireId(), "created", "Compte « " + a.username()
					+ " » créé (" + a.role() + ")").withStates(null, Map.of("username", a.username(), "role", a.role().name(),
							"displayName", a.displayName()))).thenReturn(a));
	}

	/** Enables or disables an account; a coordinator does not disable their own. */
	@Transactional
	public Mono<Account> enable(String username, boolean enabled, String author) {
		if (!enabled && username.equals(author)) {
			return Mono.error(new Refused("Vous ne pouvez pas désactiver votre propre compte."));
		}
		return existing(username).flatMap(a -> db.sql("update account set enabled = :e where id = :id").bind("e", enabled).bind("id", a.id())
			.then()
			.then(enabled ? Mono.empty() : revokeTokens(a.id()))
			.then(changes.record(author, Change.of("account", a.id(), a.vacataireId(), enabled ? "enabled" : "disabled", "Compte « "
					+ a.username() + " » " + (enabled ? "réactivé" : "désactivé")).withStates(Map.of("enabled", a.enabled()),
							Map.of("enabled", enabled))))
			.then(existing(username)));
	}

	/** Sets a new password (never recorded); the account's tokens are revoked. */
	@Transactional
	public Mono<Void> resetPassword(String username, @Nullable String password, String author) {
		String problem = weak(password);
		if (problem != null) {
			return Mono.error(new InvalidRequest(problem));
		}
		return existing(username).flatMap(a -> accounts.hash(password)
			.flatMap(hash -> db.sql("update account set password_hash = :h where id = :id").bind("h", hash).bind("id", a.id()).then())
			.then(revokeTokens(a.id()))
			.then(changes.record(author, Change.of("account", a.id(), a.vacataireId(), "password", "Mot de passe du compte « "
					+ a.username() + " » changé")))
			.then());
	}

	private Mono<Account> existing(String username) {
		return accounts.byUsername(username).switchIfEmpty(Mono.error(new NotFound("Aucun compte n’a l’identifiant « " + username + " ».")));
	}

	private Mono<Void> revokeTokens(long accountId) {
		return all().filter(a -> a.id() == accountId).doOnNext(a -> tokens.forget(a.username())).then(db.sql("update api_token set revoked_at = :now where account_id = :a and revoked_at is null")
			.bind("now", Instant.now(clock))
			.bind("a", accountId)
			.then());
	}

	private static @Nullable String weak(@Nullable String password) {
		if (password == null || password.length() < MIN_PASSWORD || PasswordCheck.tooLong(password)) {
			return "Un mot de passe a de " + MIN_PASSWORD + " caractères à " + PasswordCheck.MAX_BYTES
					+ " octets (" + PasswordCheck.MAX_BYTES + " lettres sans accent).";
		}
		if (password.chars().distinct().count() < 6) {
			return "Ce mot de passe est trop simple : variez davantage les caractères.";
		}
		return null;
	}

	static List<Role> roles() {
		return List.of(Role.values());
	}
}
