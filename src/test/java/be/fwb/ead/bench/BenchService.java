package be.fwb.ead.bench;

import java.util.function.BiConsumer;

import be.fwb.ead.EadApplication;
import be.fwb.ead.moodlesim.EadDataset;
import be.fwb.ead.moodlesim.SimulatedMoodle;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The service as the benchmarks measure it: the simulated Moodle at the scale given as first argument (1 by default),
 * the service on a free port in the {@code bench} profile, stopped after the benchmark.
 */
final class BenchService {

	private BenchService() {
	}

	static void run(String[] args, BiConsumer<ConfigurableApplicationContext, Integer> benchmark) {
		int scale = args.length > 0 ? Integer.parseInt(args[0]) : 1;
		try (SimulatedMoodle moodle = new SimulatedMoodle(EadDataset.create(scale), 0)) {
			moodle.start();
			ConfigurableApplicationContext app = new SpringApplicationBuilder(EadApplication.class).profiles("bench")
				.run("--moodle.url=" + moodle.baseUrl(), "--moodle.token=" + SimulatedMoodle.DEMO_TOKEN, "--server.port=0");
			try {
				benchmark.accept(app, scale);
			}
			finally {
				app.close();
			}
		}
	}
}
