package be.fwb.ead.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Says at startup, in the log, when PostgreSQL would let the service's tables bloat: without autovacuum (or without the
 * statistics it works from, {@code track_counts}) the rows a sync rewrites or a retention job deletes are never
 * reclaimed. On a machine that ran so, one test run left {@code module} at 37 MB for its 522 rows and every page that
 * scans it got slower day after day. The service still starts: the setting is the database administrator's.
 */
@Component
class DatabaseMaintenance {

	private static final Logger log = LoggerFactory.getLogger(DatabaseMaintenance.class);

	private final DatabaseClient db;

	DatabaseMaintenance(DatabaseClient db) {
		this.db = db;
	}

	@EventListener(ApplicationReadyEvent.class)
	void onStartup() {
		warnings().subscribe(found -> found.forEach(log::warn),
				e -> log.warn("Réglages de maintenance de PostgreSQL illisibles : {}", e.toString()));
	}

	/** What the database's maintenance settings call for, in French; empty when they are fine. */
	Mono<List<String>> warnings() {
		return db.sql("select name, setting from pg_settings where name in ('autovacuum', 'track_counts')")
			.map((row, meta) -> Map.entry(row.get("name", String.class), row.get("setting", String.class)))
			.all().collectMap(Map.Entry::getKey, Map.Entry::getValue)
			.map(DatabaseMaintenance::warnings);
	}

	/** The warnings for these settings ({@code pg_settings}' names and values). */
	static List<String> warnings(Map<String, String> settings) {
		List<String> found = new ArrayList<>();
		if (!"on".equals(settings.get("autovacuum"))) {
			found.add("PostgreSQL tourne sans autovacuum (autovacuum = " + settings.get("autovacuum") + ") : les lignes"
					+ " réécrites par les synchronisations et supprimées par la rétention ne sont jamais récupérées et les"
					+ " tables grossissent. Activez-le (docs/operations.md).");
		}
		if (!"on".equals(settings.get("track_counts"))) {
			found.add("PostgreSQL ne compte pas les lignes modifiées (track_counts = " + settings.get("track_counts")
					+ ") : l’autovacuum ne sait pas quelles tables nettoyer. Activez-le (docs/operations.md).");
		}
		return found;
	}
}
