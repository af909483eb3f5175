package be.fwb.ead;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * No merge conflict is committed half-resolved: a template with {@code <<<<<<<} in it still renders, as text or as
 * a 500, and no compiler sees it.
 */
class NoMergeLeftoversUnitTest {

	private static final Pattern MARKER = Pattern.compile("^(<{7} |>{7} |={7}$)");

	@Test
	void noFileOfTheProjectHoldsAConflictMarker() throws IOException {
		assertThat(leftovers(List.of(Path.of("src"), Path.of("docs"), Path.of("moodle-plugin"), Path.of("README.md"),
				Path.of("pom.xml"), Path.of(".ci")))).as("files with a merge conflict marker").isEmpty();
	}

	@Test
	void aMarkerIsFound(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
		Files.writeString(dir.resolve("page.html"), "<p>\n<<<<<<< HEAD\na\n=======\nb\n>>>>>>> branch\n</p>\n");
		assertThat(leftovers(List.of(dir))).hasSize(3);
	}

	private static List<String> leftovers(List<Path> roots) throws IOException {
		List<String> found = new ArrayList<>();
		for (Path root : roots) {
			if (!Files.exists(root)) {
				continue;
			}
			try (Stream<Path> files = Files.walk(root)) {
				for (Path file : files.filter(Files::isRegularFile).toList()) {
					List<String> lines;
					try {
						lines = Files.readAllLines(file);
					}
					catch (MalformedInputException binary) {
						continue;
					}
					for (int i = 0; i < lines.size(); i++) {
						if (MARKER.matcher(lines.get(i)).find()) {
							found.add(file + ":" + (i + 1));
						}
					}
				}
			}
		}
		return found;
	}
}
