package be.fwb.ead.moodlesim;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulated Moodle on its own (docker-compose's {@code moodle} service):
 * {@code SimulatedMoodleMain [port] [scale] [latency-ms] [bind-address]}, defaults 8089, 1, 0, 0.0.0.0.
 */
public final class SimulatedMoodleMain {

	private SimulatedMoodleMain() {
	}

	public static void main(String[] args) throws InterruptedException {
		int port = args.length > 0 ? Integer.parseInt(args[0]) : 8089;
		int scale = args.length > 1 ? Integer.parseInt(args[1]) : 1;
		long latency = args.length > 2 ? Long.parseLong(args[2]) : 0;
		String bind = args.length > 3 ? args[3] : "0.0.0.0";
		SimulatedMoodle moodle = new SimulatedMoodle(EadDataset.create(scale), port, bind);
		moodle.latency(Duration.ofMillis(latency));
		moodle.start();
		System.out.println("Moodle simulé sur " + bind + ":" + port + " — jeton " + SimulatedMoodle.DEMO_TOKEN
				+ " — catégorie racine EAD " + EadDataset.EAD_ROOT);
		Runtime.getRuntime().addShutdownHook(new Thread(moodle::close));
		new CountDownLatch(1).await();
	}
}
