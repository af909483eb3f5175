package be.fwb.ead.sync;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A graceful shutdown lets a sync running in the background end, for up to {@code ead.sync.shutdown-wait} (default
 * 45 s); past that, it is interrupted: its transaction never commits (nothing half-written) and its record says it was
 * cut, so that the next run does the work. Stops before the database connections close.
 */
@Component
class SyncShutdown implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(SyncShutdown.class);

	private final SyncLauncher launcher;
	private final Duration wait;
	private volatile boolean running;

	SyncShutdown(SyncLauncher launcher, @Value("${ead.sync.shutdown-wait:45s}") Duration wait) {
		this.launcher = launcher;
		this.wait = wait;
	}

	@Override
	public void start() {
		running = true;
	}

	@Override
	public void stop() {
		running = false;
		launcher.interrupt();
	}

	@Override
	public void stop(Runnable callback) {
		running = false;
		launcher.whenIdle()
			.timeout(wait, Mono.defer(() -> Mono.<Void>error(new TimeoutException())))
			.onErrorResume(TimeoutException.class, e -> {
				log.warn("Arrêt : la synchronisation en cours n’a pas fini en {} ; elle est interrompue (rien n’est écrit)", wait);
				launcher.interrupt();
				// Its record says so and its lock is freed before the connections close (a few milliseconds).
				return launcher.whenIdle().timeout(Duration.ofSeconds(5), Mono.empty());
			})
			.subscribe(null, e -> callback.run(), callback);
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** Stops among the first (before the web server and the database pool). */
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE - 1000;
	}
}
