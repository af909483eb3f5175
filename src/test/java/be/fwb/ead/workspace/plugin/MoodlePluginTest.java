package be.fwb.ead.workspace.plugin;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Moodle plugin, from the service's build: every PHP file passes {@code php -l}, its PHPUnit tests pass (on this
 * machine's PHP, 8.1 or newer, on a stubbed Moodle whose database is this build's PostgreSQL, DB_* as for the service's
 * tests), every mustache template renders with its example context under Moodle's rules (values escaped, strings through
 * the str helper, headings in order, buttons named distinctly), and the installable ZIP has the plugin's folder at its
 * root with its README, LICENSE and CHANGES. Without PHP, the PHP checks are skipped on a workstation and fail in CI.
 */
class MoodlePluginTest {

	static final Path PLUGIN = Path.of("moodle-plugin");

	/**
	 * Compiles, without running, each file named after {@code --}: what {@code php -l} checks (syntax and compile-time
	 * errors such as a method declared twice), in one process instead of one per file.
	 */
	private static final String LINT = """
			$n = 0;
			foreach (array_slice($argv, 1) as $f) {
			    try { if (!opcache_compile_file($f)) { fwrite(STDERR, "$f: not compiled\n"); exit(1); } $n++; }
			    catch (ParseError $e) { fwrite(STDERR, "$f:{$e->getLine()}: {$e->getMessage()}\n"); exit(1); }
			}
			echo "compiled $n\n";""";

	@Test
	void everyPhpFilePassesTheLinter() throws Exception {
		requireProgram("php");
		List<Path> files;
		try (Stream<Path> all = Files.walk(PLUGIN)) {
			files = all.filter(p -> p.toString().endsWith(".php")).sorted().toList();
		}
		assertThat(files).hasSizeGreaterThan(20);
		Result version = run(List.of("php", "-r", "echo PHP_VERSION_ID;"));
		assertThat(Integer.parseInt(version.output().trim())).as("PHP 8.1 ou plus récent").isGreaterThanOrEqualTo(80100);
		// One PHP process compiles every file (php -l takes one process per file: 20 s for 47 files here).
		List<String> command = new ArrayList<>(List.of("php", "-d", "opcache.enable_cli=1", "-r", LINT, "--"));
		files.forEach(f -> command.add(f.toString()));
		Result lint = run(command);
		assertThat(lint.exit()).as(lint.output()).isZero();
		assertThat(lint.output().trim()).isEqualTo("compiled " + files.size());
	}

	@Test
	void thePluginsUnitTestsPass() throws Exception {
		requireProgram("phpunit");
		Result tests = run(List.of("phpunit", "-c", PLUGIN.resolve("phpunit.xml").toString()));
		assertThat(tests.exit()).as(tests.output()).isZero();
		assertThat(tests.output()).containsPattern("OK \\(\\d+ tests");
	}

	@Test
	void theInstallableZipHasThePluginFolderAtItsRoot() throws Exception {
		requireProgram("bash");
		Result build = run(List.of("bash", PLUGIN.resolve("build-zip.sh").toString()));
		assertThat(build.exit()).as(build.output()).isZero();
		try (ZipFile zip = new ZipFile(Path.of("target/local_eadtutors.zip").toFile())) {
			List<String> names = zip.stream().map(ZipEntry::getName).toList();
			assertThat(names).allMatch(n -> n.startsWith("eadtutors/"));
			assertThat(names).noneMatch(n -> n.contains("stubs/") || n.endsWith(".phpunit.result.cache"));
			assertThat(names).contains("eadtutors/README.md", "eadtutors/LICENSE", "eadtutors/CHANGES.md", "eadtutors/db/upgrade.php");
			assertThat(names).contains("eadtutors/version.php", "eadtutors/settings.php", "eadtutors/db/access.php",
					"eadtutors/db/services.php", "eadtutors/classes/privacy/provider.php", "eadtutors/lang/en/local_eadtutors.php",
					"eadtutors/lang/fr/local_eadtutors.php", "eadtutors/templates/workspace.mustache");
			String version = new String(zip.getInputStream(zip.getEntry("eadtutors/version.php")).readAllBytes(), StandardCharsets.UTF_8);
			assertThat(version).contains("$plugin->component = 'local_eadtutors';").contains("$plugin->requires = 2024100700;");
		}
	}

	@Test
	void everyTemplateRendersWithItsExampleContext() throws IOException {
		List<Path> templates;
		try (Stream<Path> all = Files.walk(PLUGIN.resolve("eadtutors/templates"))) {
			templates = all.filter(p -> p.toString().endsWith(".mustache")).toList();
		}
		assertThat(templates).isNotEmpty();
		Pattern example = Pattern.compile("Example context \\(json\\):\\s*(\\{.*\\})\\s*\\}\\}", Pattern.DOTALL);
		for (Path path : templates) {
			String source = Files.readString(path);
			Matcher m = example.matcher(source);
			assertThat(m.find()).as(path + " : contexte d'exemple").isTrue();
			@SuppressWarnings("unchecked")
			Map<String, Object> context = JsonMapper.builder().build().readValue(m.group(1), Map.class);
			List<String> strings = new ArrayList<>();
			// Moodle's {{#str}} key, component, a {{/str}} helper: the key stands for the translated text.
			context.put("str", (Mustache.Lambda) (Template.Fragment fragment, Writer out) -> {
				String[] args = fragment.execute().trim().split("\\s*,\\s*", 3);
				strings.add(args[0]);
				out.write("«" + args[0] + (args.length > 2 ? ":" + args[2] : "") + "»");
			});
			// Moodle's rules: every value escaped (no triple mustache, no ampersand tag).
			assertThat(source).as(path + " : valeurs non échappées").doesNotContain("{{{").doesNotContain("{{&");
			String html = Mustache.compiler().escapeHTML(true).compile(source).execute(context);
			assertThat(html).as(path.toString()).contains("Camille Dupont").contains("Les objectifs des séquences 3 et 4 manquent.")
				.contains("https://moodle.example/course/view.php?id").contains("name=\"sesskey\" value=\"abcde12345\"")
				.contains("Lire &amp; comprendre").doesNotContain("Lire & comprendre")
				.doesNotContain("{{").doesNotContain("}}");
			// Headings under the page's h1, one level at a time.
			Matcher heading = Pattern.compile("<h([1-6])").matcher(html);
			int previous = 1;
			while (heading.find()) {
				int level = Integer.parseInt(heading.group(1));
				assertThat(level).as(path + " : titres sans saut après h" + previous).isBetween(2, previous + 1);
				previous = level;
			}
			// Each submit button named distinctly (its aria-label, else its text).
			List<String> names = new ArrayList<>();
			Matcher button = Pattern.compile("<button([^>]*)>([^<]*)</button>").matcher(html);
			while (button.find()) {
				Matcher label = Pattern.compile("aria-label=\"([^\"]*)\"").matcher(button.group(1));
				names.add(label.find() ? label.group(1) : button.group(2).trim());
			}
			assertThat(names).as(path + " : noms accessibles des boutons").hasSizeGreaterThan(2).doesNotHaveDuplicates();
			String lang = Files.readString(PLUGIN.resolve("eadtutors/lang/fr/local_eadtutors.php"));
			String en = Files.readString(PLUGIN.resolve("eadtutors/lang/en/local_eadtutors.php"));
			assertThat(strings).isNotEmpty().allSatisfy(key -> {
				assertThat(lang).as("chaîne fr " + key).contains("$string['" + key + "']");
				assertThat(en).as("chaîne en " + key).contains("$string['" + key + "']");
			});
		}
	}

	@Test
	void everyStringThePluginAsksForExistsInEnglishAndFrench() throws IOException {
		String en = Files.readString(PLUGIN.resolve("eadtutors/lang/en/local_eadtutors.php"));
		String fr = Files.readString(PLUGIN.resolve("eadtutors/lang/fr/local_eadtutors.php"));
		// get_string('key', 'local_eadtutors'…) and the mapper's ($this->string)('key'…).
		Pattern asked = Pattern.compile("(?:get_string\\('([a-z_:]+)', 'local_eadtutors'|\\(\\$this->string\\)\\('([a-z_:]+)')");
		List<String> keys = new ArrayList<>(List.of("pluginname", "eadtutors:view", "eadtutors:readchanges", "cachedef_workspace",
				"cachedef_staff", "privacy:change:role_assigned", "privacy:change:role_unassigned", "privacy:change:user_updated",
				"privacy:change:user_deleted"));
		try (Stream<Path> all = Files.walk(PLUGIN.resolve("eadtutors"))) {
			for (Path file : all.filter(p -> p.toString().endsWith(".php")).toList()) {
				Matcher m = asked.matcher(Files.readString(file));
				while (m.find()) {
					keys.add(m.group(1) != null ? m.group(1) : m.group(2));
				}
			}
		}
		Matcher dynamic = Pattern.compile("'(privacy:metadata:[a-z:]+)'").matcher(Files.readString(
				PLUGIN.resolve("eadtutors/classes/privacy/provider.php")));
		while (dynamic.find()) {
			keys.add(dynamic.group(1));
		}
		for (String prefix : List.of("role_author", "role_tutor", "topic_moodle", "topic_pedagogy", "topic_tutoring", "topic_other",
				"kind_initial", "kind_continuing", "state_planned", "state_in_review", "state_changes_requested", "state_approved",
				"state_rejected")) {
			keys.add(prefix);
		}
		assertThat(keys).hasSizeGreaterThan(25).allSatisfy(key -> {
			assertThat(en).as("en : " + key).contains("$string['" + key + "']");
			assertThat(fr).as("fr : " + key).contains("$string['" + key + "']");
		});
	}

	private record Result(int exit, String output) {
	}

	private static Result run(List<String> command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(5, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			Assertions.fail(String.join(" ", command) + " : plus de 5 minutes");
		}
		return new Result(process.exitValue(), output);
	}

	private static void requireProgram(String program) throws IOException, InterruptedException {
		boolean present = new ProcessBuilder("sh", "-c", "command -v " + program).start().waitFor() == 0;
		if (!present) {
			String why = program + " introuvable (paquets Debian php-cli et phpunit)";
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				Assertions.fail(why + " : en CI, les tests du plugin Moodle doivent s'exécuter.");
			}
			Assumptions.abort(why + " : tests du plugin ignorés sur ce poste.");
		}
	}
}
