package be.fwb.ead.sync;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import be.fwb.ead.moodle.MoodleCallCounter;
import be.fwb.ead.moodle.MoodleException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * Starts sync runs: takes the cluster-wide lock, records the run, reads Moodle, writes the differences, and records
 * the outcome. {@link #start} answers as soon as the run is recorded (the API's 202); {@link #execute} completes
 * when the run ends.
 */
@Service
public class SyncLauncher {

	private static final Logger log = LoggerFactory.getLogger(SyncLauncher.class);

	private final SyncLock lock;
	private final SyncRuns runs;
	private final SnapshotReader reader;
	private final MirrorWriter writer;
	private final Clock clock;
	private final AtomicReference<Disposable> background = new AtomicReference<>();
	private final AtomicReference<Mono<Void>> idle = new AtomicReference<>(Mono.empty());

	private final io.micrometer.core.instrument.MeterRegistry meters;

	SyncLauncher(SyncLock lock, SyncRuns runs, SnapshotReader reader, MirrorWriter writer,
			io.micrometer.core.instrument.MeterRegistry meters, Clock clock) {
		this.meters = meters;
		this.lock = lock;
		this.runs = runs;
		this.reader = reader;
		this.writer = writer;
		this.clock = clock;
	}

	/** Records a new run and lets it go on in the background; fails with {@link SyncAlreadyRunning}. */
	public Mono<SyncRun> start(SyncMode mode, String triggeredBy) {
		return begin(mode, triggeredBy).map(started -> {
			// Idle once the lock is given back, whatever the run's end: an interrupted run still records that it was cut
			// and frees the lock after its cancellation.
			idle.set(started.held().released());
			background.set(finish(started)
				.subscribe(run -> log.info("Synchronisation {} terminée : {}", run.id(), run.status()),
						e -> log.error("Synchronisation {} : erreur inattendue", started.run().id(), e)));
			return started.run();
		});
	}

	/**
	 * Completes when the run going on in the background (if any) has ended, whatever its end (interrupted included),
	 * and has given the sync lock back: a run started after it is not refused.
	 */
	public Mono<Void> whenIdle() {
		return idle.get();
	}

	/**
	 * Marks FAILED the runs left RUNNING by an instance that died during a sync (kill -9, a crash): called at start-up,
	 * under the sync lock, so a run another live instance holds is left alone. The number of runs marked.
	 */
	public Mono<Long> failAbandoned() {
		return lock.acquire()
			.flatMap(held -> runs.failInterrupted(now()).flatMap(n -> held.release().thenReturn(n))
				.onErrorResume(e -> held.release().then(Mono.error(e))))
			.onErrorResume(SyncAlreadyRunning.class, e -> Mono.just(0L));
	}

	/** Runs a sync to its end; the returned run is SUCCEEDED or FAILED. */
	public Mono<SyncRun> execute(SyncMode mode, String triggeredBy) {
		return begin(mode, triggeredBy).flatMap(this::finish);
	}

	/** Stops the run going on in the background, if any: nothing it read is written, its record says it was cut. */
	public void interrupt() {
		Disposable running = background.getAndSet(null);
		if (running != null) {
			running.dispose();
		}
	}

	private record Started(SyncRun run, SyncLock.Held held) {
	}

	private Mono<Started> begin(SyncMode mode, String triggeredBy) {
		return lock.acquire().flatMap(held -> runs.failInterrupted(now())
			.then(runs.create(mode, triggeredBy, now()))
			.map(run -> new Started(run, held))
			.onErrorResume(e -> held.release().then(Mono.error(e))));
	}

	private Mono<SyncRun> finish(Started started) {
		long id = started.run().id();
		MoodleCallCounter calls = new MoodleCallCounter();
		SyncMode mode = started.run().mode();
		// An incremental sync starts from the change feed's cursor, when there is one (see SnapshotReader).
		Instant readAt = now();
		Mono<MoodleSnapshot> reading = writer.mirror().flatMap(mirror -> reader.read(mode, mirror));
		long startedAt = System.nanoTime();
		Mono<SyncRun> work = reading
			.flatMap(snapshot -> writer.apply(snapshot, readAt, now())
				.flatMap(counts -> writer.refreshStatistics(counts).thenReturn(counts))
				.flatMap(counts -> runs.succeed(id, counts.asMap(), snapshot.warnings(), calls.calls(), now())))
			.onErrorResume(e -> {
				log.warn("Synchronisation {} échouée : {}", id, e.getMessage());
				return runs.fail(id, explain(e), calls.calls(), now());
			})
			.doOnNext(run -> measured(run, System.nanoTime() - startedAt))
			.contextWrite(calls.asContext());
		return Mono.usingWhen(Mono.just(started.held()), held -> work, SyncLock.Held::release,
				(held, error) -> held.release(), held -> runs.failInterrupted(now())
					.onErrorResume(e -> {
						// The lock is given back all the same (whenIdle waits for it); the next run closes the record.
						log.warn("Synchronisation {} interrompue : son état n’a pu être enregistré ({})", id, e.getMessage());
						return Mono.empty();
					})
					.then(held.release()));
	}

	/**
	 * The metrics of a run: {@code ead.sync.duration} (timer, by mode and status), {@code ead.sync.moodle.calls} (by
	 * mode) and {@code ead.sync.changes} (by kind and change: modules created…).
	 */
	private void measured(SyncRun run, long nanos) {
		String mode = run.mode().name();
		meters.timer("ead.sync.duration", "mode", mode, "status", run.status().name())
			.record(java.time.Duration.ofNanos(nanos));
		meters.counter("ead.sync.moodle.calls", "mode", mode).increment(run.moodleCalls());
		run.counts().forEach((kind, changes) -> changes.forEach((change, n) -> {
			if (n > 0) {
				meters.counter("ead.sync.changes", "kind", kind, "change", change).increment(n);
			}
		}));
	}

	/** The French sentence stored with a failed run: what went wrong and what to do. */
	static String explain(Throwable e) {
		if (e instanceof MoodleException.Permanent p) {
			return p.getMessage() + p.advice() + " Aucune donnée n’a été modifiée.";
		}
		if (e instanceof MoodleException.Transient t) {
			return "Moodle est indisponible malgré plusieurs essais : " + t.getMessage()
					+ ". Aucune donnée n’a été modifiée ; la prochaine synchronisation reprendra.";
		}
		if (e instanceof CallNotPermittedException) {
			return "Moodle a échoué trop souvent récemment (disjoncteur ouvert) : la synchronisation est suspendue "
					+ "quelques instants. Aucune donnée n’a été modifiée.";
		}
		return "Erreur interne pendant la synchronisation (" + e.getClass().getSimpleName()
				+ ") ; aucune donnée n’a été modifiée. Consultez les journaux du service.";
	}

	private Instant now() {
		return clock.instant();
	}
}
