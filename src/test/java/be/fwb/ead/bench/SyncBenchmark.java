package be.fwb.ead.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import be.fwb.ead.EadApplication;
import be.fwb.ead.moodle.MoodleCallCounter;
import be.fwb.ead.moodle.MoodleClient;
import be.fwb.ead.moodle.MoodleRecords.Course;
import be.fwb.ead.moodle.MoodleSettings;
import be.fwb.ead.moodlesim.EadDataset;
import be.fwb.ead.moodlesim.SimulatedMoodle;
import be.fwb.ead.sync.SyncLauncher;
import be.fwb.ead.sync.SyncMode;
import be.fwb.ead.sync.SyncRun;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Sync benchmark (not a test): the full and incremental sync of the EAD site against the simulated Moodle at 100 ms
 * per call, with the production limits (4 calls in flight, 10 calls/s), compared with the round-trip floor and, at
 * scale 1, with a naive baseline measured in the same run (one {@code core_enrol_get_enrolled_users} per module, one
 * at a time). Run with {@code ./mvnw -Pbench -DskipTests verify} (scale 1, then scale 10 under {@code -Xmx256m}).
 * This is a harness, not service code: it waits for each measured run with {@code block()} on the main thread.
 */
public final class SyncBenchmark {

	private static final Duration LATENCY = Duration.ofMillis(100);
	/** Runs before measuring, so that the JIT has compiled the hot paths (as in production after minutes). */
	private static final int WARM_UPS = 3;
	private static final int RUNS = 5;

	public static void main(String[] args) {
		int scale = args.length > 0 ? Integer.parseInt(args[0]) : 1;
		try (SimulatedMoodle moodle = new SimulatedMoodle(EadDataset.create(scale), 0)) {
			moodle.start();
			moodle.latency(LATENCY);
			ConfigurableApplicationContext app = new SpringApplicationBuilder(EadApplication.class).profiles("bench")
				.run("--moodle.url=" + moodle.baseUrl(), "--moodle.token=" + SimulatedMoodle.DEMO_TOKEN, "--server.port=0");
			try {
				new SyncBenchmark(app, moodle, scale).run();
			}
			finally {
				app.close();
			}
		}
		System.exit(0);
	}

	private final ConfigurableApplicationContext app;
	private final SimulatedMoodle moodle;
	private final int scale;
	private final MoodleSettings settings;
	private final int callsPerSecond;

	private SyncBenchmark(ConfigurableApplicationContext app, SimulatedMoodle moodle, int scale) {
		this.app = app;
		this.moodle = moodle;
		this.scale = scale;
		this.settings = app.getBean(MoodleSettings.class);
		this.callsPerSecond = app.getBean(RateLimiterRegistry.class).rateLimiter("moodle").getRateLimiterConfig()
			.getLimitForPeriod();
	}

	private void run() {
		int modules = moodle.dataset().coursesUnder(EadDataset.EAD_ROOT).size();
		System.out.printf(Locale.ROOT, "%nSync benchmark: %d modules, %d learner enrolments, %d ms per Moodle call, "
				+ "%d calls in flight, %d calls/s, max heap %d MiB%n", modules, moodle.dataset().enrolmentCount(),
				LATENCY.toMillis(), settings.maxInFlight(), callsPerSecond,
				Runtime.getRuntime().maxMemory() / (1024 * 1024));
		for (int i = 0; i < WARM_UPS; i++) {
			truncate();
			measureSync("warm-up " + (i + 1) + " (not counted)", SyncMode.FULL, 1);
		}
		truncate();
		Measured full = measureSync("full sync into an empty database", SyncMode.FULL, 1);
		bound("full sync", full.calls(), fullSyncBound(modules));
		Measured steady = measureSync("full sync, nothing changed (median of " + RUNS + ")", SyncMode.FULL, RUNS);
		measureSync("incremental sync, nothing changed (median of " + RUNS + ")", SyncMode.INCREMENTAL, RUNS);
		changeFeed();
		if (scale == 1) {
			Measured naive = measureNaive(modules);
			System.out.printf(Locale.ROOT, "speed-up over naive baseline: full %.1fx, nothing changed %.1fx (target >= 10x)%n",
					naive.millis / (double) full.millis, naive.millis / (double) steady.millis);
		}
	}

	private record Measured(long millis, int calls) {
	}

	/**
	 * With the plugin's change feed in the token's service: the Moodle calls and time of an incremental sync that finds
	 * nothing changed (bound: 3 calls) and of one that finds one new tutor (bound: 5 calls).
	 */
	private void changeFeed() {
		moodle.enableChangeFeed();
		measureSync("full sync with the change feed (notes its cursor)", SyncMode.FULL, 1,
				floorMillis(0) + LATENCY.toMillis());
		// Floors: site info then the feed (2 round trips); then, for a tutor, the two enrolment calls in parallel (3).
		Measured nothing = measureSync("change feed: incremental, nothing changed (median of " + RUNS + ")", SyncMode.INCREMENTAL, RUNS,
				2 * LATENCY.toMillis());
		bound("change feed, nothing changed", nothing.calls(), 3);
		long course = moodle.dataset().coursesUnder(EadDataset.EAD_ROOT).get(0).id();
		long user = moodle.dataset().newId();
		moodle.dataset().addUser(new be.fwb.ead.moodlesim.MoodleDataset.User(user, "banc.tuteur", "Banc", "Tuteur",
				"banc.tuteur@example.be", "BANC-1"));
		moodle.dataset().assignRole(course, user, "teacher");
		Measured tutor = measureSync("change feed: incremental, one new tutor", SyncMode.INCREMENTAL, 1, 3 * LATENCY.toMillis());
		bound("change feed, one new tutor", tutor.calls(), 5);
		moodle.dataset().unassignRole(course, user, "teacher");
		measureSync("change feed: incremental, the tutor leaves (back as it was)", SyncMode.INCREMENTAL, 1, 3 * LATENCY.toMillis());
		moodle.removeFunction(be.fwb.ead.moodle.MoodleClient.CHANGE_FEED);
	}

	/**
	 * The full sync's bound: 12 calls for the 522 modules of scale 1 (site info, categories and the hidden ones, courses,
	 * two enrolment calls per batch of courses, the staff's identities by batches of ids); the same formula beyond.
	 */
	private int fullSyncBound(int modules) {
		if (scale == 1) {
			return 12;
		}
		long staff = app.getBean(DatabaseClient.class).sql("select count(*) from vacataire").map(r -> r.get(0, Long.class)).one().block();
		int batches = (modules + settings.enrolmentBatchSize() - 1) / settings.enrolmentBatchSize();
		return 4 + 2 * batches + (int) ((staff + settings.userBatchSize() - 1) / settings.userBatchSize());
	}

	private static void bound(String label, int calls, int bound) {
		System.out.printf(Locale.ROOT, "%-70s calls %5d  bound %d  ratio %.2f%s%n", label, calls, bound, calls / (double) bound,
				calls <= bound ? "" : "  OVER THE BOUND");
	}

	private Measured measureSync(String label, SyncMode mode, int runs) {
		return measureSync(label, mode, runs, -1);
	}

	/** @param floor the round-trip floor of this sync in ms; negative: the full sync's */
	private Measured measureSync(String label, SyncMode mode, int runs, long floor) {
		resetPeaks();
		long[] times = new long[runs];
		int calls = 0;
		for (int i = 0; i < runs; i++) {
			pauseForTheRateLimiter();
			long start = System.nanoTime();
			SyncRun run = app.getBean(SyncLauncher.class).execute(mode, "benchmark").block();
			times[i] = (System.nanoTime() - start) / 1_000_000;
			if (run == null || run.error() != null) {
				throw new IllegalStateException("sync failed: " + (run == null ? "no run" : run.error()));
			}
			calls = run.moodleCalls();
		}
		java.util.Arrays.sort(times);
		long median = times[runs / 2];
		report(label, median, calls, floor < 0 ? floorMillis(calls) : Math.max(floor, rateFloor(calls)));
		return new Measured(median, calls);
	}

	private Measured measureNaive(int modules) {
		MoodleClient client = app.getBean(MoodleClient.class);
		MoodleCallCounter calls = new MoodleCallCounter();
		java.util.Set<Long> ead = new java.util.HashSet<>();
		moodle.dataset().coursesUnder(EadDataset.EAD_ROOT).forEach(c -> ead.add(c.id()));
		pauseForTheRateLimiter();
		resetPeaks();
		long start = System.nanoTime();
		Long users = client.siteInfo()
			.then(Mono.zip(client.categories(), client.courses()))
			.flatMapMany(t -> Flux.fromIterable(t.getT2()))
			.map(Course::id)
			.filter(ead::contains)
			.concatMap(id -> client.enrolledCount(id, "id,username,firstname,lastname,fullname,email,idnumber,roles"))
			.map(Integer::longValue)
			.reduce(0L, Long::sum)
			.contextWrite(calls.asContext())
			.block();
		long millis = (System.nanoTime() - start) / 1_000_000;
		long floor = (3 + modules) * LATENCY.toMillis();
		report("naive baseline (1 call per module, sequential; " + users + " enrolled users read)", millis, calls.calls(),
				Math.max(floor, rateFloor(calls.calls())));
		return new Measured(millis, calls.calls());
	}

	/**
	 * The round-trip floor of a sync: site info, then categories (then the hidden ones) and courses in parallel, then the
	 * enrolment batches {@code maxInFlight} at a time, then the staff's identities; and no faster than the rate limit
	 * allows.
	 */
	private long floorMillis(int calls) {
		int modules = moodle.dataset().coursesUnder(EadDataset.EAD_ROOT).size();
		int batches = 2 * ((modules + settings.enrolmentBatchSize() - 1) / settings.enrolmentBatchSize());
		long criticalPath = (4 + (batches + settings.maxInFlight() - 1) / settings.maxInFlight()) * LATENCY.toMillis();
		return Math.max(criticalPath, rateFloor(calls));
	}

	/**
	 * A strict lower bound from the rate limit: {@code calls} calls span at least {@code ceil(calls / rate)} periods,
	 * the first of which may be nearly over when the run starts; the last call then takes one round trip.
	 */
	private long rateFloor(int calls) {
		long periods = (calls + callsPerSecond - 1) / callsPerSecond;
		return Math.max(0, periods - 2) * 1000L + LATENCY.toMillis();
	}

	private void report(String label, long millis, int calls, long floor) {
		System.out.printf(Locale.ROOT, "%-70s calls %5d  wall %7d ms  floor %7d ms  ratio %5.2f (target <= 1.50)  peak heap %4d MiB%n",
				label, calls, millis, floor, millis / (double) floor, peakHeapMiB());
	}

	private void truncate() {
		app.getBean(DatabaseClient.class)
			.sql("truncate module_role, module, vacataire, moodle_category, sync_run restart identity cascade")
			.then()
			.block();
	}

	/** Runs are spaced by a rate-limit period, so that each one is measured alone (10 calls/s is a site-wide budget). */
	private static void pauseForTheRateLimiter() {
		try {
			Thread.sleep(1_100);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private static final java.util.concurrent.atomic.AtomicLong PEAK = new java.util.concurrent.atomic.AtomicLong();

	static {
		Thread sampler = new Thread(() -> {
			java.lang.management.MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
			while (true) {
				PEAK.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
				try {
					Thread.sleep(5);
				}
				catch (InterruptedException e) {
					return;
				}
			}
		}, "heap-sampler");
		sampler.setDaemon(true);
		sampler.start();
	}

	private static void resetPeaks() {
		System.gc();
		PEAK.set(0);
	}

	/** The highest whole-heap usage sampled every 5 ms since the last reset. */
	private static long peakHeapMiB() {
		return PEAK.get() / (1024 * 1024);
	}
}
