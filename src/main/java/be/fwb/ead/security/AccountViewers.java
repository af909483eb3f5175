package be.fwb.ead.security;

import be.fwb.ead.ui.Viewer;
import be.fwb.ead.ui.Viewers;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Who is signed in, for the web shell's layout: the account's name shown and role. */
@Component
class AccountViewers implements Viewers {

	private final Accounts accounts;

	AccountViewers(Accounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public Mono<Viewer> byUsername(String username) {
		return accounts.byUsername(username)
			.map(a -> new Viewer(a.username(), a.displayName(), a.role().name(), a.role() == Role.COORDINATOR));
	}
}
