package be.fwb.ead.ui.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import be.fwb.ead.shared.InputLimits;
import org.junit.jupiter.api.Test;

/**
 * What a form's field says it holds ({@code maxlength}) is what the server accepts for that field, no more and no less:
 * a longer value sent around the form (a tester saved a 3,000-character derogation reason into a 500-character field)
 * is refused, and a value the form lets through is never refused for its length.
 */
class FormMaxLengthUnitTest {

	private static final Pattern FIELD = Pattern.compile("<(input|textarea)\\b([^>]*)>", Pattern.DOTALL);
	private static final Pattern NAME = Pattern.compile("\\s(?:th:)?name=\"([^\"]+)\"");
	private static final Pattern MAX = Pattern.compile("\\smaxlength=\"(\\d+)\"");

	@Test
	void everyFieldOfEveryFormIsBoundedAsTheServerBoundsIt() throws IOException {
		List<String> differ = new ArrayList<>();
		int checked = 0;
		try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
			for (Path file : files.filter(p -> p.toString().endsWith(".html")).toList()) {
				Matcher field = FIELD.matcher(Files.readString(file));
				while (field.find()) {
					Matcher name = NAME.matcher(field.group(2));
					Matcher max = MAX.matcher(field.group(2));
					if (!name.find() || !max.find()) {
						continue;
					}
					String fieldName = name.group(1).replaceAll("\\$\\{[^}]*}", "").replace("|", "");
					int form = Integer.parseInt(max.group(1));
					// A search's words are bounded tighter than a text (SearchText, before the query is built).
					int server = List.of("q", "moduleQ").contains(fieldName) ? be.fwb.ead.shared.SearchText.MAX_QUERY
							: InputLimits.maxLength(fieldName);
					checked++;
					if (form != server) {
						differ.add(file.getFileName() + " « " + fieldName + " »: maxlength " + form + ", server " + server);
					}
				}
			}
		}
		assertThat(checked).as("fields with a maxlength").isGreaterThan(40);
		assertThat(differ).as("form fields whose maxlength is not the server's bound").isEmpty();
	}

	@Test
	void aPhoneNumberHasDigitsAndNoLetter() {
		assertThat(InputLimits.isPhone("+32 2 690 81 00")).isTrue();
		assertThat(InputLimits.isPhone("0470/12.34.56")).isTrue();
		assertThat(InputLimits.isPhone("(02) 690-81-00")).isTrue();
		assertThat(InputLimits.isPhone("abc")).isFalse();
		assertThat(InputLimits.isPhone("02 69x 81 00")).isFalse();
		assertThat(InputLimits.isPhone("12345")).isFalse();
		assertThat(InputLimits.isPhone("1".repeat(21))).isFalse();
	}

	@Test
	void aDerogationsReasonIsBoundedAsItsForm() {
		assertThat(InputLimits.maxLength("derogationReason")).isEqualTo(500);
		assertThat(InputLimits.text("derogationReason", "r".repeat(500))).hasSize(500);
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> InputLimits.text("derogationReason", "r".repeat(501)))
			.hasMessageContaining("500");
	}
}
