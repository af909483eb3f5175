package be.fwb.ead.ui;

import reactor.core.publisher.Mono;

/**
 * Who a signed-in user name is, as the layout shows it. The accounts are the security module's: it implements this, so
 * that the web shell, which every screen uses (the security's own screens too), does not depend on it.
 */
public interface Viewers {

	/** The viewer of that account; empty when there is none. */
	Mono<Viewer> byUsername(String username);
}
