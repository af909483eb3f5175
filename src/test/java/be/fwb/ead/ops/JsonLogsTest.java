package be.fwb.ead.ops;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import be.fwb.ead.EadApplication;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code LOG_FORMAT=ecs}, as an operator sets it, turns the console logs into JSON, one object per line. The service
 * runs in a JVM of its own here (logging is set once per JVM), on the test configuration and a database of its own,
 * and is stopped once it has said it started.
 */
class JsonLogsTest {

	@Test
	void logFormatEcsWritesOneJsonObjectPerLine() throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
				EadApplication.class.getName(), "--spring.profiles.active=test", "--server.port=0",
				"--moodle.url=http://127.0.0.1:9", "--moodle.token=jeton-moodle-de-test-0000000000000000")
			.redirectErrorStream(true);
		builder.environment().put("LOG_FORMAT", "ecs");
		// A database of its own, beside the tests' (DB_NAME): one name for every checkout would mix their migrations.
		builder.environment().put("DB_NAME", System.getenv().getOrDefault("DB_NAME", "ead_test") + "_logs");
		Process service = builder.start();
		List<String> lines = new ArrayList<>();
		try (BufferedReader out = new BufferedReader(new InputStreamReader(service.getInputStream(), StandardCharsets.UTF_8))) {
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
			String line;
			while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
				lines.add(line);
				if (line.contains("Started EadApplication")) {
					break;
				}
			}
		}
		finally {
			service.destroy();
			if (!service.waitFor(30, TimeUnit.SECONDS)) {
				service.destroyForcibly();
			}
		}
		assertThat(lines).as("the service said it started").anyMatch(l -> l.contains("Started EadApplication"));
		JsonMapper json = JsonMapper.builder().build();
		List<String> logLines = lines.stream().filter(l -> !l.startsWith("OpenJDK") && !l.isBlank()).toList();
		assertThat(logLines).hasSizeGreaterThan(3);
		for (String l : logLines) {
			JsonNode entry = json.readTree(l);
			assertThat(entry.isObject()).as(l).isTrue();
			assertThat(entry.path("@timestamp").asText()).as(l).isNotBlank();
			assertThat(entry.path("log").path("level").asText("") + entry.path("log.level").asText("")).as(l).isNotBlank();
			assertThat(entry.path("message").asText()).as(l).isNotBlank();
		}
		assertThat(String.join("\n", lines)).doesNotContain("jeton-moodle-de-test");
	}
}
