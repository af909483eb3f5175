package be.fwb.ead.referentials;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import be.fwb.ead.shared.InvalidRequest;
import be.fwb.ead.shared.SpreadsheetReader;
import be.fwb.ead.shared.TableExport;
import org.jspecify.annotations.Nullable;

/**
 * Moodle's competency framework file ({@code tool_lpimportcsv}): 14 columns read by position, one framework row, the
 * hierarchy given by each row's parent ID number. CSV separated by commas or semicolons, or the same columns in XLSX.
 */
final class FrameworkCsv {

	/** The headers Moodle's exporter writes (English). */
	static final List<String> HEADERS = List.of("Parent ID number", "ID number", "Short name", "Description",
			"Description format", "Scale values", "Scale configuration", "Rule type (optional)", "Rule outcome (optional)",
			"Rule config (optional)", "Cross-referenced competency ID numbers", "Exported ID (optional)", "Is framework",
			"Taxonomy");

	/** A row of the file, as read. */
	record Row(int line, @Nullable String parent, String idnumber, String shortname, @Nullable String description,
			int descriptionFormat, @Nullable String scaleValues, @Nullable String scaleConfiguration,
			@Nullable String ruleType, @Nullable String ruleOutcome, @Nullable String ruleConfig, @Nullable String related,
			@Nullable String taxonomy) {
	}

	/** The framework and its competencies with their depth, parents before children, in the file's order otherwise. */
	record Framework(Row framework, List<Row> competencies, Map<String, Integer> depths, List<String> skipped) {
	}

	/** Competencies a framework file may hold: 20,000 are planned for in all, one framework holds far fewer. */
	static final int MAX_LINES = 50_000;

	private FrameworkCsv() {
	}

	static Framework read(byte[] bytes) {
		SpreadsheetReader.Table table = SpreadsheetReader.read(bytes, MAX_LINES);
		Row framework = null;
		List<Row> competencies = new ArrayList<>();
		List<String> skipped = new ArrayList<>();
		for (SpreadsheetReader.Line line : table.lines()) {
			Row row = row(line);
			if (truthy(line.cell(12))) {
				if (framework != null) {
					throw new InvalidRequest("Ligne " + line.number() + " : une seule ligne peut décrire le référentiel (« Is framework »).");
				}
				framework = row;
			}
			else if (row.idnumber().isEmpty() || row.shortname().isEmpty()) {
				skipped.add("ligne " + line.number() + " ignorée : numéro d’identification ou nom court vide");
			}
			else {
				competencies.add(row);
			}
		}
		if (framework == null || framework.idnumber().isEmpty() || framework.shortname().isEmpty()) {
			throw new InvalidRequest("Aucune ligne ne décrit le référentiel (colonne 13 « Is framework » à 1, avec son numéro "
					+ "d’identification et son nom court) : est-ce bien un export de l’outil « Importer un référentiel de compétences » ?");
		}
		return new Framework(framework, competencies, depths(competencies), skipped);
	}

	/** A framework read elsewhere (from Moodle's web services), checked as a file is. */
	static Framework of(Row framework, List<Row> competencies) {
		return new Framework(framework, competencies, depths(competencies), List.of());
	}

	/** The depth of each competency; refuses a duplicate, an unknown parent and a cycle, naming the line. */
	private static Map<String, Integer> depths(List<Row> rows) {
		Map<String, Row> byId = new HashMap<>();
		for (Row r : rows) {
			if (byId.put(r.idnumber(), r) != null) {
				throw new InvalidRequest("Ligne " + r.line() + " : le numéro d’identification « " + r.idnumber() + " » figure deux fois.");
			}
		}
		Map<String, Integer> depths = new HashMap<>();
		for (Row r : rows) {
			Set<String> seen = new HashSet<>();
			int depth = 1;
			Row at = r;
			while (at.parent() != null) {
				Row parent = byId.get(at.parent());
				if (parent == null) {
					throw new InvalidRequest("Ligne " + at.line() + " : le parent « " + at.parent() + " » n’existe pas dans le fichier.");
				}
				if (!seen.add(at.idnumber())) {
					throw new InvalidRequest("Ligne " + r.line() + " : la hiérarchie de « " + r.idnumber() + " » forme une boucle.");
				}
				at = parent;
				depth++;
			}
			depths.put(r.idnumber(), depth);
		}
		return depths;
	}

	private static Row row(SpreadsheetReader.Line l) {
		int format;
		try {
			format = l.cell(4).isBlank() ? 1 : Integer.parseInt(l.cell(4).trim());
		}
		catch (NumberFormatException e) {
			throw new InvalidRequest("Ligne " + l.number() + " : format de description illisible « " + l.cell(4) + " » (0, 1, 2 ou 4).");
		}
		return new Row(l.number(), blank(l.cell(0)), truncate(l.cell(1)), truncate(l.cell(2)), blank(l.cell(3)), format,
				blank(l.cell(5)), blank(l.cell(6)), blank(l.cell(7)), blank(l.cell(8)), blank(l.cell(9)), blank(l.cell(10)),
				blank(l.cell(13)));
	}

	/**
	 * Moodle's exporter's columns, for the one writer of every export: neutralised by default, untouched in the file
	 * labelled for re-import into Moodle.
	 */
	static TableExport<List<String>> table() {
		List<TableExport.Column<List<String>>> columns = new ArrayList<>();
		for (int i = 0; i < HEADERS.size(); i++) {
			int index = i;
			columns.add(new TableExport.Column<List<String>>(HEADERS.get(i), row -> row.get(index)));
		}
		return new TableExport<>(columns, java.time.ZoneOffset.UTC);
	}

	/** The 14 cells of each row, the framework's first: for the CSV file, and the same columns in XLSX. */
	static List<List<String>> rows(Row framework, List<Row> competencies) {
		List<List<String>> rows = new ArrayList<>(competencies.size() + 1);
		rows.add(cells(framework, true));
		competencies.forEach(c -> rows.add(cells(c, false)));
		return rows;
	}

	private static List<String> cells(Row r, boolean isFramework) {
		return java.util.Arrays.asList(isFramework ? "" : or(r.parent()), r.idnumber(), r.shortname(), or(r.description()),
				String.valueOf(r.descriptionFormat()), or(r.scaleValues()), or(r.scaleConfiguration()), or(r.ruleType()),
				or(r.ruleOutcome()), or(r.ruleConfig()), or(r.related()), "", isFramework ? "1" : "", or(r.taxonomy()));
	}

	private static boolean truthy(String cell) {
		String c = cell.trim().toLowerCase(Locale.ROOT);
		return !c.isEmpty() && !c.equals("0") && !c.equals("false") && !c.equals("non") && !c.equals("no");
	}

	private static String truncate(String s) {
		String t = s.trim();
		return t.length() > 100 ? t.substring(0, 100) : t;
	}

	private static @Nullable String blank(String s) {
		return s == null || s.isBlank() ? null : s;
	}

	private static String or(@Nullable String s) {
		return s == null ? "" : s;
	}
}
