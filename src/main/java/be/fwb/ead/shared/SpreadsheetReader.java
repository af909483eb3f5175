package be.fwb.ead.shared;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * Reads the rows of a spreadsheet coordinators already keep: XLSX (first sheet) or CSV in UTF-8 (with or without a
 * byte-order mark), separated by {@code ;} or {@code ,} (whichever the header line uses), quoted as Excel quotes.
 * Every cell is text, trimmed; dates in XLSX become ISO dates. Blocking: call it off the event loop.
 */
public final class SpreadsheetReader {

	/** A data row with its line number in the file (the header is line 1). */
	public record Line(int number, List<String> cells) {

		public String cell(int index) {
			return index >= 0 && index < cells.size() ? cells.get(index) : "";
		}
	}

	/** The header's cells and the data rows, blank rows left out. */
	public record Table(List<String> header, List<Line> lines) {
	}

	/** Which field each column holds (the first column naming a field wins), and the named columns nobody reads. */
	public record Columns(java.util.Map<String, Integer> index, List<String> ignored) {
	}

	/**
	 * Reads a header through aliases: {@code aliases} maps a header's {@link SearchText#key} (lower case, no accents)
	 * to a field name.
	 */
	public static Columns columns(List<String> header, java.util.Map<String, String> aliases) {
		java.util.Map<String, Integer> index = new java.util.HashMap<>();
		List<String> ignored = new ArrayList<>();
		for (int i = 0; i < header.size(); i++) {
			String field = aliases.get(SearchText.key(header.get(i)));
			if (field == null) {
				if (!header.get(i).isBlank()) {
					ignored.add(header.get(i));
				}
			}
			else {
				index.putIfAbsent(field, i);
			}
		}
		return new Columns(java.util.Map.copyOf(index), List.copyOf(ignored));
	}

	private static final byte[] ZIP = { 'P', 'K' };

	private SpreadsheetReader() {
	}

	public static Table read(byte[] bytes) {
		if (bytes.length >= 2 && bytes[0] == ZIP[0] && bytes[1] == ZIP[1]) {
			return xlsx(bytes);
		}
		return csv(text(bytes));
	}

	private static String text(byte[] bytes) {
		try {
			String text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.decode(java.nio.ByteBuffer.wrap(bytes))
				.toString();
			return text.startsWith("\uFEFF") ? text.substring(1) : text;
		}
		catch (CharacterCodingException e) {
			throw new InvalidRequest("Le fichier n'est pas en UTF-8 : dans Excel, enregistrez-le en « CSV UTF-8 » ou en XLSX.");
		}
	}

	static Table csv(String text) {
		int firstBreak = text.indexOf('\n');
		String headerLine = firstBreak < 0 ? text : text.substring(0, firstBreak);
		char separator = headerLine.chars().filter(c -> c == ';').count() >= headerLine.chars().filter(c -> c == ',').count()
				? ';' : ',';
		List<List<String>> rows = new ArrayList<>();
		List<Integer> numbers = new ArrayList<>();
		List<String> row = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		int line = 1;
		int rowStart = 1;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
					cell.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					if (c == '\n') {
						line++;
					}
					cell.append(c);
				}
			}
			else if (c == '"' && cell.isEmpty()) {
				quoted = true;
			}
			else if (c == separator) {
				row.add(cell.toString().trim());
				cell.setLength(0);
			}
			else if (c == '\n' || c == '\r') {
				if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
					i++;
				}
				row.add(cell.toString().trim());
				cell.setLength(0);
				rows.add(row);
				numbers.add(rowStart);
				row = new ArrayList<>();
				line++;
				rowStart = line;
			}
			else {
				cell.append(c);
			}
		}
		if (!cell.isEmpty() || !row.isEmpty()) {
			row.add(cell.toString().trim());
			rows.add(row);
			numbers.add(rowStart);
		}
		return table(rows, numbers);
	}

	private static Table xlsx(byte[] bytes) {
		try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
			Sheet sheet = book.getSheetAt(0);
			DataFormatter format = new DataFormatter(java.util.Locale.ROOT);
			List<List<String>> rows = new ArrayList<>();
			List<Integer> numbers = new ArrayList<>();
			for (Row r : sheet) {
				List<String> cells = new ArrayList<>();
				for (int c = 0; c < Math.max(0, r.getLastCellNum()); c++) {
					Cell cell = r.getCell(c);
					if (cell == null) {
						cells.add("");
					}
					else if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
						cells.add(cell.getLocalDateTimeCellValue().toLocalDate().format(DateTimeFormatter.ISO_LOCAL_DATE));
					}
					else {
						cells.add(format.formatCellValue(cell).trim());
					}
				}
				rows.add(cells);
				numbers.add(r.getRowNum() + 1);
			}
			return table(rows, numbers);
		}
		catch (IOException | RuntimeException e) {
			throw new InvalidRequest("Le fichier XLSX est illisible (" + e.getClass().getSimpleName() + ") : enregistrez-le à nouveau depuis Excel.");
		}
	}

	private static Table table(List<List<String>> rows, List<Integer> numbers) {
		if (rows.isEmpty()) {
			throw new InvalidRequest("Le fichier est vide : la première ligne doit nommer les colonnes.");
		}
		List<Line> lines = new ArrayList<>();
		for (int i = 1; i < rows.size(); i++) {
			if (rows.get(i).stream().anyMatch(s -> !s.isBlank())) {
				lines.add(new Line(numbers.get(i), List.copyOf(rows.get(i))));
			}
		}
		return new Table(List.copyOf(rows.get(0)), lines);
	}

	/** Reads a date written 2026-09-01, 01/09/2026 or 1/9/2026; {@literal null} when blank. */
	public static LocalDate date(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String t = text.trim();
		LocalDate day;
		try {
			day = t.length() > 32 ? null : t.contains("/") ? LocalDate.parse(t, DateTimeFormatter.ofPattern("d/M/yyyy")) : LocalDate.parse(t);
		}
		catch (java.time.format.DateTimeParseException e) {
			day = null;
		}
		if (day == null) {
			throw new IllegalArgumentException("date illisible « " + (t.length() > 40 ? t.substring(0, 40) + "…" : t) + " » (attendu : 01/09/2026)");
		}
		if (day.isBefore(InputLimits.EARLIEST) || day.isAfter(InputLimits.LATEST)) {
			throw new IllegalArgumentException("date hors des limites « " + t + " » (de " + InputLimits.EARLIEST.getYear() + " à "
					+ InputLimits.LATEST.getYear() + ")");
		}
		return day;
	}
}
