package be.fwb.ead.ui;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.context.NoSuchMessageException;
import tools.jackson.databind.JsonNode;

/**
 * Stored data as people read it — a person's data in their access report, a change's before and after in the journal: tables and columns under French labels, instants in Brussels local time, dates as
 * dates, yes and no, codes by their label, a candidate's documents as sentences (« CV, fichier cv.pdf, reçu le
 * 12/03/2026 ») and other stored JSON as « key : value » lines. The search and sort keys, the service's own copies of
 * the name without accents, are left out. The JSON export stays as it is, whole and machine-readable.
 */
public final class ReadableData {

	/** A field: its label and its readable value. */
	public record Field(String label, String value) {
	}

	/** A table of the person's data: its label, its columns' labels, its rows' readable values. */
	public record Table(String name, String label, List<String> columns, List<List<String>> rows) {
	}

	private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?([+-]\\d{2}(:\\d{2})?|Z)");
	private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
	/** The message prefixes that name a column's codes. */
	private static final Map<String, List<String>> CODES = Map.ofEntries(Map.entry("status", List.of("status.")),
			Map.entry("previous_status", List.of("status.")), Map.entry("role", List.of("role.")),
			Map.entry("coverage", List.of("assignment.coverage.")), Map.entry("kind", List.of("training.kind.")),
			Map.entry("topic", List.of("training.topic.")), Map.entry("mode", List.of("training.mode.")),
			Map.entry("state", List.of("review.state.")), Map.entry("decision", List.of("recruitment.decision.")),
			Map.entry("entity", List.of("gdpr.value.entity.")), Map.entry("action", List.of("gdpr.value.action.")),
			Map.entry("from", List.of("gdpr.value.from.")));

	/** Keys of stored JSON whose value is a table → value map (an erasure's rows deleted and tables kept): its keys are tables. */
	private static final java.util.Set<String> BY_TABLE = java.util.Set.of("deleted", "kept");

	/** An ISO period of whole years, months or days ({@code P2Y}), as a retention run stores its period (key {@code after}). */
	private static final Pattern PERIOD = Pattern.compile("P(?:(\\d+)Y)?(?:(\\d+)M)?(?:(\\d+)D)?");

	/** Columns the service derives from others for its own searches and sorts: nothing a person gave or needs to read. */
	private static final java.util.Set<String> INTERNAL = java.util.Set.of("search_key", "sort_key");

	private final Texts texts;
	private final ZoneId zone;

	public ReadableData(Texts texts, ZoneId zone) {
		this.texts = texts;
		this.zone = zone;
	}

	/**
	 * The label of a table ({@code gdpr.table.<name>}); a table without one still shows, under its name
	 * ({@code GdprIntegrationTest} fails until it has one).
	 */
	public String tableLabel(String table) {
		return texts.getOrDefault("gdpr.table." + table, table);
	}

	/** The label of a column ({@code gdpr.column.<name>}), or its name. */
	public String columnLabel(String column) {
		return texts.getOrDefault("gdpr.column." + column, column);
	}

	public List<Field> fields(JsonNode row) {
		return row.propertyNames().stream().filter(k -> !INTERNAL.contains(k)).map(k -> new Field(columnLabel(k), value(k, row.get(k))))
			.toList();
	}

	public Table table(String name, List<JsonNode> rows) {
		List<String> columns = rows.isEmpty() ? List.of()
				: rows.get(0).propertyNames().stream().filter(c -> !INTERNAL.contains(c)).toList();
		List<List<String>> values = new ArrayList<>();
		for (JsonNode r : rows) {
			values.add(columns.stream().map(c -> value(c, r.get(c))).toList());
		}
		return new Table(name, tableLabel(name), columns.stream().map(this::columnLabel).toList(), values);
	}

	/** Stored JSON text (a change's before or after) as « key : value » lines; empty for none; as it is when unreadable. */
	public String json(@org.jspecify.annotations.Nullable String json) {
		if (json == null || json.isBlank()) {
			return "";
		}
		try {
			return value("", JSON.readTree(json));
		}
		catch (tools.jackson.core.JacksonException e) {
			return json;
		}
	}

	private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

	/** A value as people read it. */
	public String value(String column, JsonNode value) {
		if (value == null || value.isNull()) {
			return "";
		}
		if (value.isBoolean()) {
			return texts.get(value.asBoolean() ? "common.yes" : "common.no");
		}
		if (value.isNumber()) {
			// An assignment adopted from Moodle has no hours yet (0): said as the screens say it.
			return "hours".equals(column) && value.asInt() == 0 ? texts.get("assignment.hoursUnset") : value.asString();
		}
		if (isDocuments(value)) {
			return documents(value);
		}
		if (value.isObject() || value.isArray()) {
			return structured(value);
		}
		return text(column, value.asString());
	}

	private String text(String column, String text) {
		if (INSTANT.matcher(text).matches()) {
			try {
				return DATE_TIME.format(OffsetDateTime.parse(normalised(text)).atZoneSameInstant(zone));
			}
			catch (DateTimeParseException e) {
				return text;
			}
		}
		if (DATE.matcher(text).matches()) {
			try {
				return DAY.format(LocalDate.parse(text));
			}
			catch (DateTimeParseException e) {
				return text;
			}
		}
		java.util.regex.Matcher period = PERIOD.matcher(text);
		if ("after".equals(column) && text.length() > 1 && period.matches()) {
			List<String> parts = new ArrayList<>();
			String[] units = { "common.period.years", "common.period.months", "common.period.days" };
			for (int i = 0; i < units.length; i++) {
				if (period.group(i + 1) != null) {
					parts.add(texts.get(units[i], Long.parseLong(period.group(i + 1))));
				}
			}
			return String.join(" ", parts);
		}
		for (String prefix : CODES.getOrDefault(column, List.of())) {
			try {
				return texts.get(prefix + text);
			}
			catch (NoSuchMessageException e) {
				// Not a code of this column: shown as it is.
			}
		}
		return text;
	}

	/** A key of stored JSON under its column's label ({@code workloadCapHours}: workload_cap_hours), else as it is. */
	private String keyLabel(String key) {
		return texts.getOrDefault("gdpr.column." + key.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT), key);
	}

	/** Whether stored JSON is a candidate's documents: a list of objects with a kind and a file name. */
	private static boolean isDocuments(JsonNode node) {
		if (!node.isArray() || node.isEmpty()) {
			return false;
		}
		for (JsonNode d : node) {
			if (!d.isObject() || !d.has("kind") || !d.has("filename")) {
				return false;
			}
		}
		return true;
	}

	/** A candidate's documents, one sentence each: « CV, fichier cv.pdf, reçu le 12/03/2026 ». */
	private String documents(JsonNode documents) {
		List<String> lines = new ArrayList<>();
		for (JsonNode d : documents) {
			String kind = d.path("kind").asString("");
			String file = d.path("filename").asString("");
			JsonNode received = d.get("receivedOn");
			lines.add(received == null || received.isNull() ? texts.get("gdpr.document", kind, file)
					: texts.get("gdpr.document.received", kind, file, text("receivedOn", received.asString())));
		}
		return String.join(" ; ", lines);
	}

	/** PostgreSQL writes {@code +00} or {@code +01:00}; ISO wants {@code +00:00}. */
	private static String normalised(String instant) {
		return instant.matches(".*[+-]\\d{2}$") ? instant + ":00" : instant;
	}

	/** Stored JSON (a change's before and after) as « key : value » separated by « ; ». */
	private String structured(JsonNode node) {
		return structured(node, false);
	}

	private String structured(JsonNode node, boolean byTable) {
		List<String> parts = new ArrayList<>();
		if (isDocuments(node)) {
			return documents(node);
		}
		if (node.isArray()) {
			node.forEach(n -> parts.add(n.isValueNode() ? value("", n) : "(" + structured(n) + ")"));
			return String.join(" ; ", parts);
		}
		for (String key : node.propertyNames()) {
			JsonNode v = node.get(key);
			parts.add((byTable ? tableLabel(key) : keyLabel(key)) + " : "
					+ (v.isValueNode() || v.isNull() ? value(key, v) : "(" + structured(v, BY_TABLE.contains(key)) + ")"));
		}
		return String.join(" ; ", parts);
	}
}
