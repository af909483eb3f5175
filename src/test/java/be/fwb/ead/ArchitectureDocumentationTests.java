package be.fwb.ead;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import be.fwb.ead.events.ModuleListener;
import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The picture at the top of docs/architecture.md, drawn from the code: the application modules (Spring Modulith's) and
 * their dependencies, the tables each owns and the views it publishes ({@link TableOwnershipTests}), the events between
 * them (who publishes, who listens with {@link ModuleListener}). It fails when the picture in the document is not the
 * one the code draws, and prints the fresh one; {@code -Dead.docs.write=true} writes it in the document.
 */
class ArchitectureDocumentationTests {

	static final Path DOCUMENT = Path.of("docs/architecture.md");
	static final String BEGIN = "<!-- modules:begin (drawn by ArchitectureDocumentationTests: -Dead.docs.write=true) -->";
	static final String END = "<!-- modules:end -->";

	/**
	 * Modules that most modules use (the shared pieces, the journal, the GDPR interface each owner implements, the events
	 * shown by their own arrows): their arrows would hide the others; the picture says how many use them.
	 */
	static final List<String> USED_BY_MOST = List.of("shared", "audit", "gdpr", "events");

	/** Table names per line in a module's box. */
	private static final int PER_LINE = 3;

	@Test
	void thePictureOfTheModulesInTheArchitectureIsTheOneTheCodeDraws() throws IOException {
		String drawn = BEGIN + "\n" + picture(ModularityTests.MODULES) + END;
		String document = Files.readString(DOCUMENT, StandardCharsets.UTF_8);
		int begin = document.indexOf(BEGIN);
		int end = document.indexOf(END);
		assertThat(begin).as("the markers of the picture in " + DOCUMENT).isNotNegative();
		assertThat(end).as("the markers of the picture in " + DOCUMENT).isGreaterThan(begin);
		String current = document.substring(begin, end + END.length());
		if (!current.equals(drawn) && Boolean.getBoolean("ead.docs.write")) {
			Files.writeString(DOCUMENT, document.substring(0, begin) + drawn + document.substring(end + END.length()),
					StandardCharsets.UTF_8);
			return;
		}
		assertThat(current).as("""
				the picture of the modules in %s is stale: run this test with -Dead.docs.write=true, or paste:
				%s
				""".formatted(DOCUMENT, drawn)).isEqualTo(drawn);
	}

	/** The Mermaid block: one box per module (its tables; its published views apart), its dependencies, its events. */
	static String picture(ApplicationModules modules) {
		List<ApplicationModule> all = modules.stream().sorted((a, b) -> name(a).compareTo(name(b))).toList();
		StringBuilder out = new StringBuilder();
		out.append("Arrows to the modules most others use are left out: ")
			.append(USED_BY_MOST.stream()
				.map(used -> "`" + used + "` (" + all.stream()
					.filter(m -> !name(m).equals(used) && m.getDirectDependencies(modules).containsModuleNamed(used))
					.count() + " modules)")
				.collect(Collectors.joining(", ")))
			.append(".\n\n```mermaid\nflowchart TB\n");
		for (ApplicationModule module : all) {
			String name = name(module);
			List<String> owned = TableOwnershipTests.OWNED.getOrDefault(name, List.of());
			Set<String> published = new TreeSet<>(TableOwnershipTests.PUBLISHED.getOrDefault(name, Set.of()));
			List<String> tables = owned.stream().filter(t -> !published.contains(t)).sorted().toList();
			if (tables.isEmpty() && published.isEmpty()) {
				out.append("  ").append(id(name)).append("([\"").append(name).append("\"])\n");
				continue;
			}
			out.append("  subgraph ").append(id(name)).append("[\"").append(name).append("\"]\n");
			if (!tables.isEmpty()) {
				out.append("    ").append(id(name)).append("_tables[\"").append(lines(tables)).append("\"]:::tables\n");
			}
			if (!published.isEmpty()) {
				out.append("    ").append(id(name)).append("_views[/\"views: ").append(lines(List.copyOf(published)))
					.append("\"/]:::views\n");
			}
			out.append("  end\n");
		}
		for (ApplicationModule module : all) {
			module.getDirectDependencies(modules)
				.uniqueModules()
				.map(ArchitectureDocumentationTests::name)
				.filter(n -> !USED_BY_MOST.contains(n) && !n.equals(name(module)))
				.sorted()
				.forEach(n -> out.append("  ").append(id(name(module))).append(" --> ").append(id(n)).append('\n'));
		}
		events(modules).forEach((event, publishersAndListeners) -> publishersAndListeners.forEach(
				edge -> out.append("  ").append(id(edge.get(0))).append(" -. ").append(event).append(" .-> ").append(id(edge.get(1)))
					.append('\n')));
		out.append("  classDef tables fill:#eef4fb,stroke:#4a7ab5\n");
		out.append("  classDef views fill:#eaf6ea,stroke:#4a9a4a\n");
		return out.append("```\n").toString();
	}

	/**
	 * The events, by simple name: [publisher, listener] pairs. An event is a type a {@link ModuleListener} method takes;
	 * its publishers, the modules that construct it.
	 */
	static SortedMap<String, List<List<String>>> events(ApplicationModules modules) {
		Map<JavaClass, Set<String>> listeners = new TreeMap<>((a, b) -> a.getName().compareTo(b.getName()));
		modules.forEach(module -> module.getBasePackage()
			.stream()
			.flatMap(type -> type.getMethods().stream())
			.filter(method -> method.isAnnotatedWith(ModuleListener.class))
			.forEach(method -> listeners.computeIfAbsent(method.getRawParameterTypes().get(0), t -> new TreeSet<>()).add(name(module))));
		SortedMap<String, List<List<String>>> events = new TreeMap<>();
		listeners.forEach((event, listening) -> {
			Set<String> publishers = new TreeSet<>();
			modules.forEach(module -> {
				if (module.getBasePackage().stream().anyMatch(type -> type.getConstructorCallsFromSelf().stream()
					.anyMatch(call -> call.getTargetOwner().equals(event)))) {
					publishers.add(name(module));
				}
			});
			List<List<String>> edges = new ArrayList<>();
			publishers.forEach(p -> listening.forEach(l -> edges.add(List.of(p, l))));
			events.put(event.getSimpleName(), edges);
		});
		return events;
	}

	private static String name(ApplicationModule module) {
		return module.getIdentifier().toString();
	}

	/** Mermaid ids: a module's name could be a keyword ({@code end}). */
	private static String id(String module) {
		return "m_" + module;
	}

	private static String lines(List<String> names) {
		List<String> lines = new ArrayList<>();
		for (int i = 0; i < names.size(); i += PER_LINE) {
			lines.add(String.join(", ", names.subList(i, Math.min(names.size(), i + PER_LINE))));
		}
		return lines.stream().collect(Collectors.joining("<br/>"));
	}
}
