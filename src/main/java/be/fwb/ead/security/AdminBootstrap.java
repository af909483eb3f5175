package be.fwb.ead.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Creates the first coordinator from {@code EAD_ADMIN_USERNAME}/{@code EAD_ADMIN_PASSWORD} when no account exists. */
@Component
class AdminBootstrap {

	private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

	private final Accounts accounts;
	private final SecuritySettings settings;

	AdminBootstrap(Accounts accounts, SecuritySettings settings) {
		this.accounts = accounts;
		this.settings = settings;
	}

	@EventListener(ApplicationReadyEvent.class)
	void createFirstCoordinator() {
		bootstrap().subscribe(created -> log.info("Premier compte coordinateur créé : {}", created.username()),
				e -> log.error("Impossible de créer le premier compte coordinateur", e));
	}

	Mono<Account> bootstrap() {
		if (settings.adminUsername().isBlank() || settings.adminPassword().isBlank()) {
			return accounts.count().filter(n -> n == 0).doOnNext(n -> log.warn(
					"Aucun compte n’existe : définissez EAD_ADMIN_USERNAME et EAD_ADMIN_PASSWORD pour créer le premier "
							+ "coordinateur.")).then(Mono.empty());
		}
		return accounts.count()
			.filter(n -> n == 0)
			.flatMap(n -> accounts.create(settings.adminUsername(), settings.adminPassword(), Role.COORDINATOR,
					settings.adminUsername(), null));
	}
}
