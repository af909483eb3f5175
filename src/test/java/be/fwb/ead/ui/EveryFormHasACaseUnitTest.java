package be.fwb.ead.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lists every form of the templates and fails when one has no case in {@link FormCases}: a new form without a way to
 * submit it in the browser breaks the build. A form whose action is a fragment's parameter ({@code upload},
 * {@code grid}) is listed once per page that includes the fragment, with the path that page gives.
 */
class EveryFormHasACaseUnitTest {

	static final Path TEMPLATES = Path.of("src", "main", "resources", "templates");

	private static final Pattern FORM = Pattern.compile("<form\\b[^>]*>", Pattern.CASE_INSENSITIVE);

	private static final Pattern FRAGMENT = Pattern.compile("th:fragment=\"(\\w+)\\(([^)]*)\\)\"");

	private static final Pattern INVOCATION = Pattern.compile("~\\{\\s*([\\w/-]+)\\s*::\\s*(\\w+)\\s*\\(");

	@Test
	void everyFormOfTheTemplatesHasACase() {
		List<String> forms = formsOfTheTemplates();
		assertThat(forms).as("les formulaires des gabarits").hasSizeGreaterThan(50);
		List<String> cases = FormCases.all().stream().map(FormCases.Case::form).toList();
		assertThat(forms.stream().filter(f -> !cases.contains(f)).toList())
			.as("formulaires sans cas dans FormCases (ajoutez-en un : rôle, page, saisie valide et refusée)")
			.isEmpty();
	}

	@Test
	void everyCaseNamesAFormOfTheTemplatesOnce() {
		List<String> cases = FormCases.all().stream().map(FormCases.Case::form).toList();
		assertThat(cases).as("un cas par formulaire").doesNotHaveDuplicates();
		List<String> forms = formsOfTheTemplates();
		assertThat(cases.stream().filter(c -> !forms.contains(c)).toList()).as("cas d'un formulaire qui n’existe plus").isEmpty();
		assertThat(FormCases.all()).allSatisfy(c -> {
			assertThat(c.valid()).as(c + " : sa saisie valide").isNotNull();
			assertThat(c.refused()).as(c + " : sa saisie refusée").isNotNull();
		});
	}

	@Test
	void aFormAddedToATemplateIsFound() {
		assertThat(forms("pages/new", "<form method=\"post\" th:action=\"@{/x/{id}/y(id=${a.id})}\">", Map.of()))
			.containsExactly("pages/new POST /x/{id}/y");
		assertThat(forms("pages/search", "<form th:action=\"@{/x}\" role=\"search\">", Map.of())).containsExactly("pages/search GET /x");
		assertThat(forms("pages/upload", "<th:block th:replace=\"~{upload :: form(@{/z/{id}(id=${r.id})}, 'f', 'i')}\"></th:block>",
				Map.of("upload :: form", new Fragment("POST", 0)))).containsExactly("pages/upload POST /z/{id}");
	}

	/** Every form, as {@code template METHOD action}. */
	static List<String> formsOfTheTemplates() {
		Map<String, String> sources = new TreeMap<>();
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			files.filter(p -> p.toString().endsWith(".html")).forEach(p -> sources.put(name(p), read(p)));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		Map<String, Fragment> fragments = new TreeMap<>();
		sources.forEach((template, html) -> fragments.putAll(fragmentsWithAnActionParameter(template, html)));
		List<String> forms = new ArrayList<>();
		sources.forEach((template, html) -> forms.addAll(forms(template, html, fragments)));
		return forms;
	}

	/** A fragment whose form posts where its caller says: the method, and which parameter is the action. */
	record Fragment(String method, int actionParameter) {
	}

	private static Map<String, Fragment> fragmentsWithAnActionParameter(String template, String html) {
		Map<String, Fragment> found = new TreeMap<>();
		Matcher form = FORM.matcher(html);
		while (form.find()) {
			String action = attribute(form.group(), "th:action");
			if (action == null || !action.startsWith("${")) {
				continue;
			}
			String parameter = action.substring(2, action.length() - 1).trim();
			Matcher fragment = FRAGMENT.matcher(html.substring(0, form.end()));
			while (fragment.find()) {
				List<String> parameters = List.of(fragment.group(2).split("\\s*,\\s*"));
				if (parameters.contains(parameter)) {
					found.put(template + " :: " + fragment.group(1), new Fragment(method(form.group()), parameters.indexOf(parameter)));
				}
			}
		}
		return found;
	}

	static List<String> forms(String template, String html, Map<String, Fragment> fragments) {
		List<String> found = new ArrayList<>();
		Matcher form = FORM.matcher(html);
		while (form.find()) {
			String tag = form.group();
			String action = attribute(tag, "th:action");
			if (action == null) {
				action = attribute(tag, "action");
			}
			if (attribute(tag, "th:replace") != null || attribute(tag, "th:insert") != null) {
				continue;
			}
			if (action != null && action.startsWith("${")) {
				continue;
			}
			found.add(template + " " + method(tag) + " " + path(action == null ? "" : action));
		}
		Matcher call = INVOCATION.matcher(html);
		while (call.find()) {
			Fragment fragment = fragments.get(call.group(1) + " :: " + call.group(2));
			if (fragment != null) {
				List<String> arguments = arguments(html, call.end());
				found.add(template + " " + fragment.method() + " " + path(arguments.get(fragment.actionParameter())));
			}
		}
		return found;
	}

	/** {@code @{/a/{id}/b(id=${x.id})}} is {@code /a/{id}/b}. */
	static String path(String action) {
		String a = action.trim();
		if (a.startsWith("@{") && a.endsWith("}")) {
			a = a.substring(2, a.length() - 1);
			int parameters = a.indexOf('(');
			return parameters < 0 ? a : a.substring(0, parameters);
		}
		return a;
	}

	/** The arguments of a fragment call, split at the commas outside parentheses, braces and quotes. */
	private static List<String> arguments(String html, int from) {
		List<String> arguments = new ArrayList<>();
		int depth = 0;
		boolean quoted = false;
		StringBuilder current = new StringBuilder();
		for (int i = from; i < html.length(); i++) {
			char c = html.charAt(i);
			if (c == '\'') {
				quoted = !quoted;
			}
			else if (!quoted && (c == '(' || c == '{')) {
				depth++;
			}
			else if (!quoted && (c == ')' || c == '}')) {
				if (depth == 0) {
					arguments.add(current.toString().trim());
					return arguments;
				}
				depth--;
			}
			else if (!quoted && c == ',' && depth == 0) {
				arguments.add(current.toString().trim());
				current.setLength(0);
				continue;
			}
			current.append(c);
		}
		throw new IllegalStateException("appel de fragment non fermé");
	}

	private static String method(String tag) {
		String method = attribute(tag, "method");
		return method == null ? "GET" : method.toUpperCase(java.util.Locale.ROOT);
	}

	private static String attribute(String tag, String name) {
		Matcher m = Pattern.compile("(?:^|\\s)" + Pattern.quote(name) + "=\"([^\"]*)\"").matcher(tag);
		return m.find() ? m.group(1) : null;
	}

	private static String name(Path template) {
		String relative = TEMPLATES.relativize(template).toString().replace('\\', '/');
		return relative.substring(0, relative.length() - ".html".length());
	}

	private static String read(Path p) {
		try {
			return Files.readString(p);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The forms, one a line, for a reader who wants the list. */
	static String listing() {
		return String.join("\n", new TreeSet<>(formsOfTheTemplates()));
	}
}
