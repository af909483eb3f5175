package be.fwb.ead.security.web;

import be.fwb.ead.security.AccountAdministration;
import be.fwb.ead.security.Role;
import be.fwb.ead.shared.InvalidRequest;
import be.fwb.ead.ui.Flash;
import be.fwb.ead.ui.FormInput;
import be.fwb.ead.ui.PageController;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The accounts on screen (coordinators). */
@PageController
class AccountPages {

	private final AccountAdministration administration;

	AccountPages(AccountAdministration administration) {
		this.administration = administration;
	}

	@GetMapping("/comptes")
	String list(Model model) {
		model.addAttribute("accounts", administration.all().collectList());
		model.addAttribute("roles", Role.values());
		return "accounts/list";
	}

	@PostMapping("/comptes")
	Mono<String> create(ServerWebExchange exchange, Authentication who) {
		return exchange.getFormData().flatMap(form -> Flash.outcome(exchange, Mono.defer(() -> {
			Role role;
			try {
				role = Role.valueOf(FormInput.text(form, "role"));
			}
			catch (IllegalArgumentException e) {
				throw InvalidRequest.ofField("role", "Choisissez un rôle.");
			}
			// The vacataire by their matricule or the number of their file.
			String vacataire = FormInput.text(form, "vacataireId");
			return (vacataire.isEmpty() ? Mono.<java.util.Optional<Long>>just(java.util.Optional.empty())
					: administration.vacataire(vacataire).map(java.util.Optional::of))
				.flatMap(id -> administration.create(FormInput.text(form, "username"), form.getFirst("password"), role,
						FormInput.text(form, "displayName"), id.orElse(null), who.getName()));
		}), "account.flash.created")).thenReturn("redirect:/comptes");
	}

	@PostMapping("/comptes/{username}/activation")
	Mono<String> enable(@PathVariable String username, ServerWebExchange exchange, Authentication who) {
		return exchange.getFormData().flatMap(form -> Flash.outcome(exchange,
				administration.enable(username, "true".equals(form.getFirst("enabled")), who.getName()), "account.flash.saved"))
			.thenReturn("redirect:/comptes");
	}

	@PostMapping("/comptes/{username}/mot-de-passe")
	Mono<String> password(@PathVariable String username, ServerWebExchange exchange, Authentication who) {
		return exchange.getFormData().flatMap(form -> Flash.outcome(exchange,
				administration.resetPassword(username, form.getFirst("password"), who.getName()), "account.flash.password"))
			.thenReturn("redirect:/comptes");
	}
}
