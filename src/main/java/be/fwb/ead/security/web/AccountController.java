package be.fwb.ead.security.web;

import java.util.List;

import be.fwb.ead.security.Account;
import be.fwb.ead.security.AccountAdministration;
import be.fwb.ead.security.Role;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The accounts (coordinators): created, enabled or disabled, their password set; never a password returned. */
@RestController
@Tag(name = "Comptes", description = "Comptes de coordination, de relecture et de vacataire ; chaque changement va au journal d’audit.")
class AccountController {

	private final AccountAdministration administration;

	AccountController(AccountAdministration administration) {
		this.administration = administration;
	}

	record NewAccount(@Nullable String username, @Nullable String password, @Nullable Role role, @Nullable String displayName,
			@Nullable Long vacataireId) {
	}

	record Enabled(boolean enabled) {
	}

	record Password(@Nullable String password) {
	}

	@GetMapping("/api/accounts")
	Mono<List<Account>> all() {
		return administration.all().collectList();
	}

	@PostMapping("/api/accounts")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<Account> create(@RequestBody NewAccount a, Authentication who) {
		return administration.create(a.username(), a.password(), a.role(), a.displayName(), a.vacataireId(), who.getName());
	}

	/** Enables or disables an account; disabling revokes its tokens. */
	@PutMapping("/api/accounts/{username}/enabled")
	Mono<Account> enable(@PathVariable String username, @RequestBody Enabled e, Authentication who) {
		return administration.enable(username, e.enabled(), who.getName());
	}

	/** Sets a new password (12 characters or more); the account's tokens are revoked. */
	@PutMapping("/api/accounts/{username}/password")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> password(@PathVariable String username, @RequestBody Password p, Authentication who) {
		return administration.resetPassword(username, p.password(), who.getName());
	}
}
