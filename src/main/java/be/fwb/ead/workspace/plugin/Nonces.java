package be.fwb.ead.workspace.plugin;

import java.time.Duration;
import java.time.Instant;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The nonces of accepted plugin requests, kept in the database (so that several instances of the service refuse the
 * same replay) for twice the time window plus a margin ({@link #keptFor}), then forgotten.
 */
@Component
class Nonces {

	private final DatabaseClient db;
	private final PluginSettings settings;

	Nonces(DatabaseClient db, PluginSettings settings) {
		this.db = db;
		this.settings = settings;
	}

	/** How much clocks of several instances of the service may differ, added to what a nonce must be kept. */
	static final Duration MARGIN = Duration.ofMinutes(1);

	/**
	 * How long a nonce is kept: a request is accepted from {@code window} before its timestamp to {@code window} after, so
	 * its nonce must outlive twice the window after it was seen, plus a margin.
	 */
	static Duration keptFor(Duration window) {
		return window.multipliedBy(2).plus(MARGIN);
	}

	/** True the first time a nonce is seen within the window, false for a replay. */
	Mono<Boolean> firstUse(String nonce, Instant now) {
		return db.sql("""
				with forgotten as (delete from plugin_nonce where seen_at < :before)
				insert into plugin_nonce (nonce, seen_at) values (:nonce, :now) on conflict (nonce) do nothing returning nonce""")
			.bind("before", now.minus(keptFor(settings.window())))
			.bind("nonce", nonce)
			.bind("now", now)
			.map(r -> true)
			.one()
			.defaultIfEmpty(false);
	}
}
