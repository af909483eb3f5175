package be.fwb.ead.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import be.fwb.ead.EadApplication;
import be.fwb.ead.moodlesim.EadDataset;
import be.fwb.ead.moodlesim.SimulatedMoodle;
import be.fwb.ead.workspace.plugin.PluginSignature;
import be.fwb.ead.security.Accounts;
import be.fwb.ead.security.Role;
import be.fwb.ead.sync.SyncLauncher;
import be.fwb.ead.sync.SyncMode;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Load benchmark (not a test), with wrk (Debian's {@code wrk}): 100 concurrent connections for 20 s on the main read
 * endpoints of the API (bearer token) and on the plugin's endpoint (each request signed, with its own nonce), first
 * with the service idle, then while full syncs run one after the other against the simulated Moodle. Prints p50, p99
 * and errors against the targets: p99 under 50 ms idle, under 150 ms during a sync, no errors.
 * <p>
 * Each load runs twice. <b>Paced</b>: the 100 clients each wait {@value #THINK_MS} ms on average (a pause drawn between 0
 * and twice that, so that they are not in step) between an answer and their next request, about 500 requests a second in all: fifteen times a peak where all 2,000 vacataires the service is designed
 * for open their Moodle page in the same minute. <b>Saturating</b>: the 100 clients send their next request as soon as
 * the answer comes, so the figures measure how much the machine can do, and by Little's law p50 is about 100 divided
 * by the throughput. The load generator runs on the same machine as the service and PostgreSQL (2 cores here): the
 * figures include that contention. At the end, the database connections still in use are counted (0 expected: clients
 * that wrk drops at the end of each run must not cost the pool a connection). Run with
 * {@code ./mvnw -Pbench -DskipTests test-compile exec:exec@load-benchmark}. This is a harness: it blocks its main
 * thread.
 */
public final class LoadBenchmark {

	static final String SECRET = "secret-du-banc-de-charge-0123456789";
	static final int CONNECTIONS = 100;
	static final String DURATION = "20s";
	static final double IDLE_P99_MS = 50;
	static final double SYNC_P99_MS = 150;
	static final int THINK_MS = 200;

	public static void main(String[] args) throws Exception {
		if (new ProcessBuilder("sh", "-c", "command -v wrk").start().waitFor() != 0) {
			System.out.println("Load benchmark skipped: wrk is not installed (Debian: apt-get install wrk).");
			System.exit(0);
		}
		try (SimulatedMoodle moodle = new SimulatedMoodle(EadDataset.create(1), 0)) {
			moodle.start();
			moodle.latency(java.time.Duration.ofMillis(20));
			ConfigurableApplicationContext app = new SpringApplicationBuilder(EadApplication.class).profiles("bench")
				.run("--moodle.url=" + moodle.baseUrl(), "--moodle.token=" + SimulatedMoodle.DEMO_TOKEN, "--server.port=0",
						"--ead.plugin.secret=" + SECRET, "--logging.level.be.fwb.ead=WARN");
			try {
				new LoadBenchmark(app).run();
			}
			finally {
				app.close();
			}
		}
		System.exit(0);
	}

	private final ConfigurableApplicationContext app;
	private final int port;
	private final Path work = Path.of("target/load");

	private LoadBenchmark(ConfigurableApplicationContext app) {
		this.app = app;
		this.port = ((WebServerApplicationContext) app).getWebServer().getPort();
	}

	private record Result(String label, double p50, double p99, long requests, long errors, double bound) {
	}

	private void run() throws Exception {
		Files.createDirectories(work);
		DatabaseClient db = app.getBean(DatabaseClient.class);
		db.sql("truncate module_role, module, vacataire, moodle_category, sync_run, api_token, account, referential, exam, "
				+ "review_campaign, login_attempt, plugin_nonce restart identity cascade").then().block();
		SyncLauncher launcher = app.getBean(SyncLauncher.class);
		launcher.execute(SyncMode.FULL, "bench").block();
		Accounts accounts = app.getBean(Accounts.class);
		accounts.create("bench", "bench-password-load", Role.COORDINATOR, "Banc", null).block();
		String token = app.getBean(be.fwb.ead.security.ApiTokens.class)
			.issue(accounts.byUsername("bench").block()).block().token();
		long module = count(db, "select min(id) from module");
		long vacataire = count(db, "select min(vacataire_id) from module_role");
		long moodleUser = count(db, "select moodle_user_id from vacataire where id = " + vacataire);
		List<String> paths = List.of("/api/modules?page=0&size=20", "/api/modules?page=3&size=20&q=fran", "/api/modules/" + module,
				"/api/vacataires?page=0&size=20", "/api/vacataires/" + vacataire, "/api/modules/" + module + "/assignments",
				"/api/sync/runs");
		Path paced = writeApiScript(paths, token, THINK_MS);
		Path saturating = writeApiScript(paths, token, 0);

		System.out.printf(Locale.ROOT, "%nLoad benchmark: wrk, %d connections, 2 threads, %s per run, service, PostgreSQL and wrk "
				+ "on the same machine (%d cores); %d modules; paced: a pause drawn between 0 and %d ms (mean %d) between a client's answer and its next request%n",
				CONNECTIONS, DURATION, Runtime.getRuntime().availableProcessors(), count(db, "select count(*) from module"), 2 * THINK_MS,
				THINK_MS);
		wrk(saturating, "warm-up (not counted)", 0);
		wrk(pluginScript(moodleUser, 250_000, 0), "warm-up (not counted)", 0);
		List<Result> results = new ArrayList<>();
		results.add(wrk(paced, "API reads, idle, paced", IDLE_P99_MS));
		results.add(wrk(pluginScript(moodleUser, 100_000, THINK_MS), "plugin workspace (signed), idle, paced", IDLE_P99_MS));
		results.add(wrk(saturating, "API reads, idle, saturating", IDLE_P99_MS));
		results.add(wrk(pluginScript(moodleUser, 250_000, 0), "plugin workspace (signed), idle, saturating", IDLE_P99_MS));

		AtomicBoolean stop = new AtomicBoolean();
		AtomicInteger syncs = new AtomicInteger();
		Mono.defer(() -> launcher.execute(SyncMode.FULL, "bench"))
			.doOnNext(r -> syncs.incrementAndGet())
			.repeat(() -> !stop.get())
			.subscribe();
		results.add(wrk(paced, "API reads, during full syncs, paced", SYNC_P99_MS));
		results.add(wrk(pluginScript(moodleUser, 100_000, THINK_MS), "plugin workspace (signed), during syncs, paced", SYNC_P99_MS));
		results.add(wrk(saturating, "API reads, during full syncs, saturating", SYNC_P99_MS));
		results.add(wrk(pluginScript(moodleUser, 250_000, 0), "plugin workspace (signed), during syncs, saturating", SYNC_P99_MS));
		stop.set(true);
		launcher.whenIdle().block();
		System.out.printf(Locale.ROOT, "(%d full syncs ran during the runs under sync)%n", syncs.get());
		io.r2dbc.pool.ConnectionPool pool = app.getBean(io.r2dbc.pool.ConnectionPool.class);
		Thread.sleep(1000);
		int inUse = pool.getMetrics().map(io.r2dbc.pool.PoolMetrics::acquiredSize).orElse(-1);
		System.out.printf(Locale.ROOT, "Database connections still in use after the runs: %d (bound 0)%n", inUse);
		for (String kind : List.of("paced", "saturating")) {
			boolean within = inUse == 0;
			for (Result r : results) {
				if (r.label().endsWith(kind)) {
					within &= r.p99() <= r.bound() && r.errors() == 0;
				}
			}
			System.out.println(within ? "All " + kind + " figures within their bounds."
					: "SOME " + kind.toUpperCase(Locale.ROOT) + " FIGURES ARE OVER THEIR BOUNDS.");
		}
	}

	private Path writeApiScript(List<String> paths, String token, int thinkMs) throws IOException {
		StringBuilder lua = new StringBuilder("local paths = {");
		for (String p : paths) {
			lua.append('"').append(p).append("\",");
		}
		lua.append("}\nlocal i = 0\nrequest = function()\n  i = i + 1\n  return wrk.format(\"GET\", paths[(i % #paths) + 1], ")
			.append("{[\"Authorization\"] = \"Bearer ").append(token).append("\"})\nend\n");
		lua.append(think(thinkMs));
		Path script = work.resolve("api-" + thinkMs + ".lua");
		Files.writeString(script, lua);
		return script;
	}

	/** As many signed requests as may be sent, each with its own nonce, shared out between wrk's two threads. */
	private Path pluginScript(long moodleUser, int count, int thinkMs) throws IOException {
		String path = "/api/plugin/workspace";
		String timestamp = Long.toString(Instant.now().getEpochSecond());
		String body = PluginSignature.sha256(new byte[0]);
		StringBuilder lines = new StringBuilder();
		for (int i = 0; i < count; i++) {
			String nonce = UUID.randomUUID().toString().replace("-", "");
			String signature = PluginSignature.sign(SECRET, PluginSignature.canonical("GET", path, timestamp, nonce,
					Long.toString(moodleUser), body));
			lines.append(nonce).append(' ').append(signature).append('\n');
		}
		Path requests = work.resolve("plugin-requests.txt");
		Files.writeString(requests, lines);
		String lua = """
				local counter = 0
				function setup(thread)
				  thread:set("id", counter)
				  counter = counter + 1
				end
				function init(args)
				  requests = {}
				  local n = 0
				  for line in io.lines("%s") do
				    if n %% 2 == id then
				      local nonce, signature = line:match("(%%S+) (%%S+)")
				      requests[#requests + 1] = wrk.format("GET", "%s", {["X-EAD-Timestamp"] = "%s", ["X-EAD-Nonce"] = nonce,
				        ["X-EAD-User"] = "%d", ["X-EAD-Signature"] = signature})
				    end
				    n = n + 1
				  end
				  i = 0
				end
				function request()
				  i = i + 1
				  return requests[i]
				end
				""".formatted(requests.toAbsolutePath(), path, timestamp, moodleUser)
				+ think(thinkMs);
		Path script = work.resolve("plugin-" + thinkMs + ".lua");
		Files.writeString(script, lua);
		return script;
	}

	/**
	 * A client's pause between an answer and its next request: drawn between 0 and twice {@code thinkMs} (its mean), as
	 * people are not in step. A fixed pause kept the 100 clients in lockstep, sending 100 requests at once every 200 ms,
	 * so the p99 measured the queue of that burst on 2 cores rather than what a user waits.
	 */
	private static String think(int thinkMs) {
		if (thinkMs <= 0) {
			return "";
		}
		return """
				local seeded = false
				function delay()
				  if not seeded then
				    math.randomseed(os.time() + math.floor(os.clock() * 1000000))
				    seeded = true
				  end
				  return math.random(0, %d)
				end
				""".formatted(2 * thinkMs);
	}

	private Result wrk(Path script, String label, double bound) throws IOException, InterruptedException {
		Process process = new ProcessBuilder("wrk", "-t2", "-c" + CONNECTIONS, "-d" + DURATION, "--latency", "-s", script.toString(),
				"http://127.0.0.1:" + port).redirectErrorStream(true).start();
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		process.waitFor();
		double p50 = millis(out, "50%");
		double p99 = millis(out, "99%");
		long requests = number(out, "(\\d+) requests in");
		long errors = number(out, "Non-2xx or 3xx responses: (\\d+)") + socketErrors(out);
		if (bound > 0) {
			System.out.printf(Locale.ROOT, "%-52s p50 %7.2f ms  p99 %7.2f ms  bound %5.0f ms  ratio p99/bound %5.2f  %8d requests "
					+ "(%6.0f/s)  errors %d%n", label, p50, p99, bound, p99 / bound, requests, requests / 20.0, errors);
		}
		return new Result(label, p50, p99, requests, errors, bound);
	}

	private static double millis(String out, String percentile) {
		Matcher m = Pattern.compile("\\s" + Pattern.quote(percentile) + "\\s+([\\d.]+)(us|ms|s)").matcher(out);
		if (!m.find()) {
			throw new IllegalStateException("wrk output without " + percentile + ":\n" + out);
		}
		double v = Double.parseDouble(m.group(1));
		return switch (m.group(2)) {
			case "us" -> v / 1000;
			case "s" -> v * 1000;
			default -> v;
		};
	}

	private static long number(String out, String regex) {
		Matcher m = Pattern.compile(regex).matcher(out);
		return m.find() ? Long.parseLong(m.group(1)) : 0;
	}

	private static long socketErrors(String out) {
		Matcher m = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)").matcher(out);
		return m.find() ? Long.parseLong(m.group(1)) + Long.parseLong(m.group(2)) + Long.parseLong(m.group(3))
				+ Long.parseLong(m.group(4)) : 0;
	}

	private static long count(DatabaseClient db, String sql) {
		return db.sql(sql).map(r -> ((Number) r.get(0)).longValue()).one().block();
	}
}
