package be.fwb.ead.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads every link expression {@code @{…}} of the templates and fails on one Thymeleaf would print as it is: text after
 * its parameters, such as {@code @{/x/{id}(id=${a.id}) + '#frag'}}, makes the whole expression a literal path, and the
 * browser gets {@code /x/{id}(id=${a.id}) + '#frag'} (a 400). A fragment goes before the parameters:
 * {@code @{/x/{id}#frag(id=${a.id})}}.
 */
class TemplateLinksUnitTest {

	@Test
	void everyLinkExpressionOfTheTemplatesEndsWithItsParameters() {
		List<String> links = new ArrayList<>();
		List<String> broken = new ArrayList<>();
		try (Stream<Path> files = Files.walk(EveryFormHasACaseUnitTest.TEMPLATES)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".html")).sorted().toList()) {
				for (String link : links(Files.readString(file))) {
					links.add(link);
					if (problem(link) != null) {
						broken.add(EveryFormHasACaseUnitTest.TEMPLATES.relativize(file) + " : " + link + " (" + problem(link) + ")");
					}
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		assertThat(links).as("les liens des gabarits").hasSizeGreaterThan(200);
		assertThat(broken).as("liens que Thymeleaf rendrait tels quels").isEmpty();
	}

	@Test
	void aFragmentConcatenatedInsideTheExpressionIsFound() {
		assertThat(problem("@{/formations/{id}(id=${s.id}) + '#missing'}")).isNotNull();
		assertThat(problem("@{'/vacataires/' + ${v.id}}")).isNotNull();
		assertThat(problem("@{/formations/{id}#missing(id=${s.id})}")).isNull();
		assertThat(problem("@{/langue(lang='fr', retour=${currentUri})}")).isNull();
		assertThat(problem("@{/formations#session-form}")).isNull();
		assertThat(problem("@{${path}}")).isNull();
		assertThat(links("<a th:href=\"@{/x/{id}(id=${a.id})} + '#y'\">")).containsExactly("@{/x/{id}(id=${a.id})}");
	}

	/** Every {@code @{…}} of a template, nested braces included. */
	static List<String> links(String template) {
		List<String> links = new ArrayList<>();
		for (int at = template.indexOf("@{"); at >= 0; at = template.indexOf("@{", at + 2)) {
			int depth = 0;
			for (int i = at + 1; i < template.length(); i++) {
				char c = template.charAt(i);
				if (c == '{') {
					depth++;
				}
				else if (c == '}' && --depth == 0) {
					links.add(template.substring(at, i + 1));
					break;
				}
				else if (c == '"' || c == '\n') {
					links.add(template.substring(at, i));
					break;
				}
			}
		}
		return links;
	}

	/** Why Thymeleaf would print this link expression as it is, or null when it builds a URL. */
	static String problem(String link) {
		String body = link.substring(2, link.endsWith("}") ? link.length() - 1 : link.length()).trim();
		if (body.startsWith("${") && body.endsWith("}") && body.indexOf('}') == body.length() - 1) {
			return null;
		}
		String base = withoutExpressions(body);
		int open = base.indexOf('(');
		String path = open < 0 ? base : base.substring(0, open);
		if (open >= 0 && !base.endsWith(")")) {
			return "du texte après les paramètres";
		}
		if (path.contains("'") || path.contains("+") || path.contains(" ")) {
			return "une concaténation dans le chemin";
		}
		return null;
	}

	/** The text with its {@code ${…}}, {@code *{…}}, {@code #{…}} replaced by {@code _}, their inside ignored. */
	private static String withoutExpressions(String text) {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if ((c == '$' || c == '*' || c == '#') && i + 1 < text.length() && text.charAt(i + 1) == '{') {
				int depth = 0;
				int j = i + 1;
				for (; j < text.length(); j++) {
					if (text.charAt(j) == '{') {
						depth++;
					}
					else if (text.charAt(j) == '}' && --depth == 0) {
						break;
					}
				}
				out.append('_');
				i = j;
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}
}
