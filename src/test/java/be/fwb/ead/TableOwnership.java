package be.fwb.ead;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which module names which table in its SQL. The SQL is what a module's sources hold in string literals (text blocks
 * and quoted strings, {@code @Query} included) and in its {@code .sql} resources; a table or view is named when it
 * follows {@code from}, {@code join}, {@code into}, {@code update}, {@code table} or {@code using}. Only names known
 * from the migrations count, so that « from the … » in a sentence is no table.
 */
final class TableOwnership {

	/** A module naming, in its SQL, a table or view it does not own and its owner does not publish. */
	record Violation(String module, String table) implements Comparable<Violation> {

		@Override
		public int compareTo(Violation o) {
			return toString().compareTo(o.toString());
		}

		@Override
		public String toString() {
			return module + " -> " + table;
		}
	}

	private static final Pattern TEXT_BLOCK = Pattern.compile("\"\"\"(.*?)\"\"\"", Pattern.DOTALL);
	private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
	private static final Pattern NAMED = Pattern.compile(
			"\\b(?:from|join|into|update|table|using|truncate)\\s+(?:only\\s+|if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)\\b",
			Pattern.CASE_INSENSITIVE);
	private static final Pattern CREATED = Pattern.compile(
			"\\bcreate\\s+(?:or\\s+replace\\s+)?(?:materialized\\s+)?(?:table|view)\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern DROPPED = Pattern.compile(
			"\\bdrop\\s+(?:materialized\\s+)?(?:table|view)\\s+(?:if\\s+exists\\s+)?([a-z_][a-z0-9_]*)", Pattern.CASE_INSENSITIVE);

	private final Map<String, String> owners;
	private final Map<String, Set<String>> published;

	/**
	 * @param owners table or view → the module that owns it
	 * @param published module → the views it publishes for every other module to read
	 */
	TableOwnership(Map<String, String> owners, Map<String, Set<String>> published) {
		this.owners = owners;
		this.published = published;
	}

	/** The SQL text of a Java source: its string literals, text blocks first, one per line. */
	static String sql(String javaSource) {
		StringBuilder out = new StringBuilder();
		Matcher blocks = TEXT_BLOCK.matcher(javaSource);
		StringBuilder rest = new StringBuilder();
		int end = 0;
		while (blocks.find()) {
			out.append(blocks.group(1)).append('\n');
			rest.append(javaSource, end, blocks.start());
			end = blocks.end();
		}
		rest.append(javaSource.substring(end));
		String code = rest.toString().replaceAll("(?m)//.*$", "").replaceAll("(?s)/\\*.*?\\*/", "");
		Matcher strings = STRING.matcher(code);
		while (strings.find()) {
			out.append(strings.group(1)).append('\n');
		}
		return out.toString();
	}

	/** The known tables and views {@code sql} names. */
	Set<String> named(String sql) {
		Set<String> out = new TreeSet<>();
		Matcher m = NAMED.matcher(sql);
		while (m.find()) {
			String name = m.group(1).toLowerCase(java.util.Locale.ROOT);
			if (owners.containsKey(name)) {
				out.add(name);
			}
		}
		return out;
	}

	/** The violations of a module whose SQL is {@code sql}. */
	Set<Violation> violations(String module, String sql) {
		Set<Violation> out = new TreeSet<>();
		for (String table : named(sql)) {
			String owner = owners.get(table);
			if (!module.equals(owner) && !published.getOrDefault(owner, Set.of()).contains(table)) {
				out.add(new Violation(module, table));
			}
		}
		return out;
	}

	/** The violations of every module, from their SQL (module → its SQL text). */
	Set<Violation> violations(Map<String, String> sqlByModule) {
		Set<Violation> out = new TreeSet<>();
		sqlByModule.forEach((module, sql) -> out.addAll(violations(module, sql)));
		return out;
	}

	/** Each module's SQL, read from its Java sources under {@code root} (one directory per module) and its .sql files. */
	static Map<String, String> sqlByModule(Path root) {
		Map<String, String> out = new TreeMap<>();
		try (Stream<Path> modules = Files.list(root)) {
			for (Path module : modules.filter(Files::isDirectory).toList()) {
				StringBuilder sql = new StringBuilder();
				try (Stream<Path> files = Files.walk(module)) {
					for (Path f : files.filter(Files::isRegularFile).toList()) {
						String text = Files.readString(f);
						if (f.toString().endsWith(".java")) {
							sql.append(sql(text));
						}
						else if (f.toString().endsWith(".sql")) {
							sql.append(text).append('\n');
						}
					}
				}
				out.put(module.getFileName().toString(), sql.toString());
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out;
	}

	/** The tables and views the migrations create (and a later one does not drop). */
	static Set<String> created(Path migrations) {
		Set<String> out = new TreeSet<>();
		Set<String> dropped = new TreeSet<>();
		try (Stream<Path> files = Files.list(migrations)) {
			for (Path f : files.filter(p -> p.toString().endsWith(".sql")).toList()) {
				String sql = Files.readString(f);
				Matcher m = CREATED.matcher(sql);
				while (m.find()) {
					out.add(m.group(1).toLowerCase(java.util.Locale.ROOT));
				}
				Matcher d = DROPPED.matcher(sql);
				while (d.find()) {
					dropped.add(d.group(1).toLowerCase(java.util.Locale.ROOT));
				}
			}
			out.removeAll(dropped);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out;
	}

	/** Lines of a report, one per violation. */
	static List<String> lines(Set<Violation> violations) {
		List<String> out = new ArrayList<>();
		violations.forEach(v -> out.add(v.toString()));
		return out;
	}
}
