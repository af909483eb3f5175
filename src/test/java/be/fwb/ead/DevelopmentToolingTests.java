package be.fwb.ead;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import be.fwb.ead.devdb.DevDatabase;
import be.fwb.ead.moodlesim.SimulatedMoodle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The development tooling stays out of the product (issue 18): the demo, the simulated Moodle and the development
 * database live in the development source set ({@code src/dev}, built with the tests), and WireMock and the embedded
 * PostgreSQL are test dependencies, so the jar has none of them.
 */
class DevelopmentToolingTests {

	/** The development source set's packages. */
	static final Set<String> TOOLING = Set.of("demo", "devdb", "moodlesim");

	/** What the product's files must not name: the tooling's packages and classes, its libraries, its settings. */
	static final Pattern NAMES_TOOLING = Pattern.compile("be[./]fwb[./]ead[./](" + String.join("|", TOOLING) + ")\\b"
			+ "|com\\.github\\.tomakehurst\\.wiremock|org\\.wiremock|io\\.zonky|EmbeddedPostgres|SimulatedMoodle|DevDatabase"
			+ "|dev-database|application-demo\\.");

	@Test
	void theProductsSourcesAndResourcesHoldNoDevelopmentTooling() {
		assertThat(tooling(Path.of("src/main"))).as("development tooling in src/main: it belongs in src/dev").isEmpty();
	}

	@Test
	void theComposeFilesServiceAndTheProductsImageNameNoDevelopmentTooling() throws IOException {
		assertThat(named("docker-compose.yml", Files.readString(Path.of("docker-compose.yml")))).isEmpty();
		String dockerfile = Files.readString(Path.of("Dockerfile"));
		String productStage = dockerfile.substring(dockerfile.lastIndexOf("\nFROM "));
		assertThat(productStage).as("the product's stage, the Dockerfile's last").contains("-jar");
		assertThat(named("Dockerfile (the product's stage)", productStage)).isEmpty();
	}

	@Test
	void wireMockAndTheEmbeddedPostgresAreTestDependencies() throws Exception {
		var pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
		NodeList dependencies = pom.getElementsByTagName("dependency");
		List<String> toolingDependencies = new ArrayList<>();
		for (int i = 0; i < dependencies.getLength(); i++) {
			Element dependency = (Element) dependencies.item(i);
			String group = text(dependency, "groupId");
			if (group.startsWith("org.wiremock") || group.startsWith("com.github.tomakehurst") || group.startsWith("io.zonky")) {
				toolingDependencies.add(group + ":" + text(dependency, "artifactId") + ":" + text(dependency, "scope"));
			}
		}
		assertThat(toolingDependencies).as("WireMock and the embedded PostgreSQL, with their scope")
			.hasSize(2)
			.allMatch(d -> d.endsWith(":test"));
	}

	@Test
	void theToolingIsBuiltWithTheTestsNotWithTheProduct() {
		Path tests = location(DevelopmentToolingTests.class);
		Path product = location(EadApplication.class);
		assertThat(tests).isNotEqualTo(product);
		assertThat(List.of(location(SimulatedMoodle.class), location(DevDatabase.class),
				location(classNamed("be.fwb.ead.demo.DemoConfiguration"))))
			.as("where the tooling's classes are loaded from: the tests' output, never the product's (%s)", product)
			.containsOnly(tests);
	}

	@Test
	void theCheckFindsToolingPutBackInTheProduct(@TempDir Path main) throws IOException {
		Files.createDirectories(main.resolve("java/be/fwb/ead/moodlesim"));
		Files.writeString(main.resolve("java/be/fwb/ead/moodlesim/SimulatedMoodle.java"), "package be.fwb.ead.moodlesim;");
		Files.createDirectories(main.resolve("java/be/fwb/ead/sync"));
		Files.writeString(main.resolve("java/be/fwb/ead/sync/Clean.java"), "package be.fwb.ead.sync;\nclass Clean {}\n");
		Files.writeString(main.resolve("java/be/fwb/ead/sync/Seeded.java"),
				"package be.fwb.ead.sync;\nimport io.zonky.test.db.postgres.embedded.EmbeddedPostgres;\n");
		Files.createDirectories(main.resolve("resources/META-INF"));
		Files.writeString(main.resolve("resources/META-INF/spring.factories"),
				"org.springframework.boot.EnvironmentPostProcessor=be.fwb.ead.devdb.DevDatabase\n");
		Files.writeString(main.resolve("resources/application-demo.yml"), "ead:\n  demo:\n    scale: 1\n");

		assertThat(tooling(main)).containsExactlyInAnyOrder("java/be/fwb/ead/moodlesim (a tooling package)",
				"java/be/fwb/ead/moodlesim/SimulatedMoodle.java (a tooling package)",
				"java/be/fwb/ead/moodlesim/SimulatedMoodle.java:1", "java/be/fwb/ead/sync/Seeded.java:2",
				"resources/META-INF/spring.factories:1", "resources/application-demo.yml (a tooling file)");
	}

	/** The tooling under a source root: its packages' directories and files, and the lines naming it. */
	static Set<String> tooling(Path root) {
		Set<String> found = new TreeSet<>();
		try (Stream<Path> paths = Files.walk(root)) {
			paths.forEach(path -> {
				String relative = root.relativize(path).toString().replace('\\', '/');
				if (Pattern.compile("(^|/)be/fwb/ead/(" + String.join("|", TOOLING) + ")(/|$)").matcher(relative).find()) {
					found.add(relative + " (a tooling package)");
				}
				if (path.getFileName().toString().startsWith("application-demo.")) {
					found.add(relative + " (a tooling file)");
				}
				else if (Files.isRegularFile(path) && isText(path)) {
					found.addAll(named(relative, read(path)));
				}
			});
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return found;
	}

	private static List<String> named(String file, String text) {
		List<String> lines = new ArrayList<>();
		String[] split = text.split("\n", -1);
		for (int i = 0; i < split.length; i++) {
			if (NAMES_TOOLING.matcher(split[i]).find()) {
				lines.add(file + ":" + (i + 1));
			}
		}
		return lines;
	}

	private static boolean isText(Path path) {
		String name = path.getFileName().toString();
		return name.matches(".*\\.(java|yml|yaml|properties|factories|imports|xml|sql|html|txt)");
	}

	private static String read(Path path) {
		try {
			return Files.readString(path, StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String text(Element element, String child) {
		NodeList nodes = element.getElementsByTagName(child);
		return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().trim();
	}

	private static Path location(Class<?> type) {
		try {
			return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
		}
		catch (URISyntaxException e) {
			throw new IllegalStateException(e);
		}
	}

	private static Class<?> classNamed(String name) {
		try {
			return Class.forName(name);
		}
		catch (ClassNotFoundException e) {
			throw new IllegalStateException(e);
		}
	}
}
