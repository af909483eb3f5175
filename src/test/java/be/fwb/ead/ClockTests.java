package be.fwb.ead;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Time comes from the service's one {@link java.time.Clock} bean ({@code shared/TimeConfiguration}): no rule reads the
 * system's time nor the database's ({@code now()}, {@code current_date}…), so that a test moves time with
 * {@link MutableClock} and the rules see it. Nor does a test fake time in its SQL.
 */
class ClockTests {

	/** Where the system's time is read on purpose, and why (source path under {@code be/fwb/ead/} → reason). */
	static final Map<String, String> ALLOWED = Map.of(
			"shared/TimeConfiguration.java", "the Clock bean itself: the system's clock in the EAD's zone",
			"shared/TableExport.java", "the date in a download's file name (a label, not a rule)",
			"db/migration/V6__quality_reviews.sql", "the shipped rubric's creation, dated when the migration ran (applied: never edited)");

	private static final Pattern SYSTEM_TIME = Pattern.compile(
			"\\b(?:Instant|LocalDate|LocalDateTime|LocalTime|ZonedDateTime|OffsetDateTime|OffsetTime|Year|YearMonth|MonthDay)\\.now\\((?!clock\\b)"
					+ "|\\bClock\\.system(?:UTC|DefaultZone)?\\(|\\bSystem\\.currentTimeMillis\\(|\\bnew (?:java\\.util\\.)?Date\\(\\)");

	private static final Pattern DATABASE_TIME = Pattern.compile(
			"\\b(?:now|clock_timestamp|statement_timestamp|transaction_timestamp|timeofday)\\s*\\(\\s*\\)"
					+ "|\\bcurrent_(?:date|time|timestamp)\\b|\\blocal(?:time|timestamp)\\b",
			Pattern.CASE_INSENSITIVE);

	/** A day or an hour read in the machine's zone: the service's is the EAD's, and the two differ around midnight. */
	private static final Pattern MACHINE_ZONE = Pattern.compile(
			"\\b(?:LocalDate|LocalDateTime|LocalTime|ZonedDateTime|OffsetDateTime|OffsetTime|Year|YearMonth|MonthDay)\\.now\\(\\s*\\)"
					+ "|\\bZoneId\\.systemDefault\\(|\\bTimeZone\\.getDefault\\(");

	private static final Pattern SQL_INTERVAL = Pattern.compile("\\binterval\\s+'", Pattern.CASE_INSENSITIVE);

	@Test
	void theServiceTakesTimeOnlyFromItsClock() throws IOException {
		List<String> found = new ArrayList<>();
		for (Path file : files(Path.of("src/main/java/be/fwb/ead"), ".java")) {
			String name = name(Path.of("src/main/java/be/fwb/ead"), file);
			if (!ALLOWED.containsKey(name)) {
				String source = Files.readString(file);
				found.addAll(matches(name, code(source), SYSTEM_TIME));
				found.addAll(matches(name, TableOwnership.sql(source), DATABASE_TIME));
			}
		}
		for (Path file : files(Path.of("src/main/resources/db"), ".sql")) {
			String name = name(Path.of("src/main/resources"), file);
			if (!ALLOWED.containsKey(name)) {
				found.addAll(matches(name, withoutSqlComments(Files.readString(file)), DATABASE_TIME));
			}
		}
		assertThat(found).as("time read without the Clock bean (inject java.time.Clock; bind the instant or the day in SQL)")
			.isEmpty();
	}

	/**
	 * A test's "today" is the service's ({@code clock.today()}, or {@link MutableClock#EAD_ZONE} before the service
	 * exists): the machine's day is another one for an hour or two each night (CI failed once at 23:02 UTC: a deadline
	 * set 14 days after the EAD's 4 December was looked for 14 days after the machine's 3 December).
	 */
	@Test
	void noTestReadsTheDayInTheMachinesZone() throws IOException {
		List<String> found = inTests((name, source) -> matches(name, code(source), MACHINE_ZONE));
		assertThat(found).as("the day in the EAD's zone: clock.today(), LocalDate.now(clock) or MutableClock.EAD_ZONE").isEmpty();
	}

	@Test
	void noTestFakesTimeInSql() throws IOException {
		List<String> found = inTests((name, source) -> {
			String sql = TableOwnership.sql(source);
			List<String> both = new ArrayList<>(matches(name, sql, DATABASE_TIME));
			both.addAll(matches(name, sql, SQL_INTERVAL));
			return both;
		});
		assertThat(found).as("a test moves the service's MutableClock, or binds an instant it computed from it").isEmpty();
	}

	@Test
	void theCheckSeesTheSystemsTimeAndTheDatabasesButNotTheClock() {
		String source = """
				class Sample {
					Instant a = Instant.now();
					LocalDate b = LocalDate.now(zone);
					Clock c = Clock.systemUTC();
					Instant fine = Instant.now(clock);
					LocalDate alsoFine = LocalDate.now(clock.withZone(zone));
					// Instant.now() in a comment
					String sql = "select * from review where decided_at > now() - interval '1 year' and ends_on >= current_date";
					String bound = "select * from review where decided_at > :since";
				}
				""";
		assertThat(matches("Sample.java", code(source), SYSTEM_TIME)).containsExactly("Sample.java: Instant.now(",
				"Sample.java: LocalDate.now(", "Sample.java: Clock.systemUTC(");
		assertThat(matches("Sample.java", TableOwnership.sql(source), DATABASE_TIME)).containsExactly("Sample.java: now()",
				"Sample.java: current_date");
		assertThat(matches("Sample.java", TableOwnership.sql(source), SQL_INTERVAL)).containsExactly("Sample.java: interval '");
	}

	/** What {@code find} finds in each test source but this one (its name under {@code be/fwb/ead/}, its text). */
	private static List<String> inTests(java.util.function.BiFunction<String, String, List<String>> find) throws IOException {
		List<String> found = new ArrayList<>();
		for (Path file : files(Path.of("src/test/java/be/fwb/ead"), ".java")) {
			String name = name(Path.of("src/test/java/be/fwb/ead"), file);
			if (!name.equals("ClockTests.java")) {
				found.addAll(find.apply(name, Files.readString(file)));
			}
		}
		return found;
	}

	private static List<String> matches(String name, String text, Pattern pattern) {
		List<String> found = new ArrayList<>();
		Matcher m = pattern.matcher(text);
		while (m.find()) {
			found.add(name + ": " + m.group());
		}
		return found;
	}

	/** A Java source without its comments and string literals. */
	static String code(String source) {
		return source.replaceAll("(?s)\"\"\".*?\"\"\"", "\"\"")
			.replaceAll("\"(?:[^\"\\\\\\n]|\\\\.)*\"", "\"\"")
			.replaceAll("(?m)//.*$", "")
			.replaceAll("(?s)/\\*.*?\\*/", "");
	}

	private static String withoutSqlComments(String sql) {
		return sql.replaceAll("(?m)--.*$", "");
	}

	private static List<Path> files(Path root, String extension) throws IOException {
		try (Stream<Path> all = Files.walk(root)) {
			return all.filter(p -> p.toString().endsWith(extension)).sorted().toList();
		}
	}

	private static String name(Path root, Path file) {
		return root.relativize(file).toString().replace('\\', '/');
	}
}
