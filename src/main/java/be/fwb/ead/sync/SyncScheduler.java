package be.fwb.ead.sync;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Starts the scheduled syncs (and the start-up one in demo mode). A run already in progress is not an error here. */
@Component
class SyncScheduler {

	private static final Logger log = LoggerFactory.getLogger(SyncScheduler.class);

	private final SyncLauncher launcher;
	private final SyncSettings settings;

	SyncScheduler(SyncLauncher launcher, SyncSettings settings) {
		this.launcher = launcher;
		this.settings = settings;
	}

	/** At start-up: the runs a dead instance left RUNNING are marked FAILED, then the start-up sync (demo) begins. */
	@EventListener(ApplicationReadyEvent.class)
	void onStartup() {
		launcher.failAbandoned().subscribe(marked -> {
			if (marked > 0) {
				log.warn("Synchronisations interrompues par l’arrêt d’une instance, marquées en échec : {}", marked);
			}
			startupSync();
		}, e -> {
			log.error("Synchronisations interrompues non vérifiées au démarrage", e);
			startupSync();
		});
	}

	private void startupSync() {
		if (settings.onStartup()) {
			launch(SyncMode.FULL, "démarrage");
		}
	}

	@Scheduled(cron = "${ead.sync.incremental-cron:0 */30 * * * *}")
	void incremental() {
		launch(SyncMode.INCREMENTAL, "planificateur");
	}

	@Scheduled(cron = "${ead.sync.full-cron:0 30 2 * * *}")
	void full() {
		launch(SyncMode.FULL, "planificateur");
	}

	private void launch(SyncMode mode, String by) {
		launcher.start(mode, by)
			.onErrorResume(SyncAlreadyRunning.class, e -> {
				log.info("Synchronisation {} planifiée non lancée : une autre est en cours", mode);
				return Mono.empty();
			})
			.subscribe(run -> log.info("Synchronisation {} ({}) lancée par {}", run.id(), mode, by),
					e -> log.error("Synchronisation {} non lancée", mode, e));
	}
}
