package be.fwb.ead.shared;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The one writer of every CSV and XLSX file the service gives out, so that no export can forget what they all need.
 * <p>
 * CSV, in Excel's fr-BE dialect by default: UTF-8 with a byte-order mark, {@code ;} separators, decimal commas; or in
 * Moodle's competency framework dialect (commas, no byte-order mark). XLSX: one sheet, headers frozen and filterable,
 * columns as wide as their content, numbers and percentages as numeric cells with a format, instants as local
 * date-times of {@code zone} and dates as date cells; a text longer than a cell holds (32,767 characters) is cut with a
 * marker (the CSV keeps it whole).
 * <p>
 * Every text cell, headers included, is neutralised: one that a spreadsheet would run as a formula (starting with
 * {@code = + - @}, a tab or a carriage return) gets a leading apostrophe in CSV and Excel's « quote prefix » in XLSX
 * (shown as typed, never evaluated, even once edited). The only exception is {@link Dialect#MOODLE_RAW}, the file
 * offered separately, labelled as such, for re-import into Moodle.
 *
 * @param <T> the type of a row
 */
public final class TableExport<T> {

	/** How a column's numbers are shown; text, dates and integers need nothing more than {@link #AUTO}. */
	public enum Kind {
		/** As the value's type says: integers whole, other numbers with two decimals, dates as dates. */
		AUTO,
		/** A share from 0 to 1, shown as a percentage. */
		PERCENT,
		/** A number with three decimals (a small fraction, say). */
		DECIMAL
	}

	/** A column: its header (already translated), how to read its value from a row, and how to show a number. */
	public record Column<T>(String header, Function<T, @Nullable Object> value, Kind kind) {

		public Column(String header, Function<T, @Nullable Object> value) {
			this(header, value, Kind.AUTO);
		}

		/** A column of shares from 0 to 1, shown as percentages. */
		public static <T> Column<T> percent(String header, Function<T, @Nullable Object> value) {
			return new Column<>(header, value, Kind.PERCENT);
		}

		/** A column of numbers shown with three decimals. */
		public static <T> Column<T> decimal(String header, Function<T, @Nullable Object> value) {
			return new Column<>(header, value, Kind.DECIMAL);
		}
	}

	/** A CSV dialect: separator, byte-order mark, line end, and whether text cells are neutralised. */
	public enum Dialect {
		/** Excel in fr-BE: the default of every export. */
		EXCEL(';', true, "\r\n", true),
		/** Moodle's competency framework file ({@code tool_lpimportcsv}), neutralised: the default download. */
		MOODLE(',', false, "\n", true),
		/**
		 * Moodle's file exactly as Moodle writes it, cells untouched: only for the separate download labelled for
		 * re-import into Moodle (a cell starting with {@code =} stays a formula to a spreadsheet).
		 */
		MOODLE_RAW(',', false, "\n", false);

		private final char separator;
		private final boolean bom;
		private final String lineEnd;
		private final boolean neutralised;

		Dialect(char separator, boolean bom, String lineEnd, boolean neutralised) {
			this.separator = separator;
			this.bom = bom;
			this.lineEnd = lineEnd;
			this.neutralised = neutralised;
		}
	}

	/** The most characters an XLSX cell holds. */
	static final int XLSX_CELL_LIMIT = SpreadsheetVersion.EXCEL2007.getMaxTextLength();
	/** What ends a text cut to fit an XLSX cell ({@code %d}: the whole text's length). */
	static final String CUT_MARKER = " […] (texte coupé : %d caractères en tout ; l’export CSV le contient entier)";

	private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
	private static final String FORMULA_STARTS = "=+-@\t\r";
	private static final DateTimeFormatter CSV_DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
	private static final DateTimeFormatter CSV_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
	private static final int ROWS_IN_MEMORY = 200;
	private static final int MIN_WIDTH = 8;
	private static final int MAX_WIDTH = 70;

	public static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
	public static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final List<Column<T>> columns;
	private final ZoneId zone;

	public TableExport(List<Column<T>> columns, ZoneId zone) {
		this.columns = List.copyOf(columns);
		this.zone = zone;
	}

	/**
	 * The rows as CSV in Excel's fr-BE dialect, streamed: one buffer for the byte-order mark and headers, then one per
	 * row. The rows are read from the database as fast as it gives them, whatever the pace of the client (at most the
	 * whole export waits in memory, as for an XLSX): a query held back by a slow client keeps its pooled connection,
	 * and one whose client then leaves may never give it back (see {@code docs/architecture.md}).
	 */
	public Flux<DataBuffer> csv(Flux<T> rows, DataBufferFactory buffers) {
		return csv(rows, buffers, Dialect.EXCEL);
	}

	/** The rows as CSV in the given dialect, streamed as {@link #csv(Flux, DataBufferFactory)} is. */
	public Flux<DataBuffer> csv(Flux<T> rows, DataBufferFactory buffers, Dialect dialect) {
		Flux<String> lines = Flux.concat(Mono.fromSupplier(() -> headerLine(dialect)),
				rows.onBackpressureBuffer().map(row -> rowLine(row, dialect)));
		Flux<DataBuffer> body = lines.map(l -> buffers.wrap(l.getBytes(StandardCharsets.UTF_8)));
		return dialect.bom ? Flux.concat(Mono.fromSupplier(() -> buffers.wrap(BOM)), body) : body;
	}

	/** The rows as CSV bytes in the given dialect, all at once (a small file: a référentiel). */
	public byte[] csvBytes(List<T> rows, Dialect dialect) {
		StringBuilder out = new StringBuilder();
		out.append(headerLine(dialect));
		rows.forEach(row -> out.append(rowLine(row, dialect)));
		byte[] text = out.toString().getBytes(StandardCharsets.UTF_8);
		if (!dialect.bom) {
			return text;
		}
		byte[] all = new byte[BOM.length + text.length];
		System.arraycopy(BOM, 0, all, 0, BOM.length);
		System.arraycopy(text, 0, all, BOM.length, text.length);
		return all;
	}

	/**
	 * The rows as an XLSX workbook of one sheet, headers frozen and filterable. The rows are gathered first, then the
	 * workbook is written on a worker thread (POI spills rows to a temporary file beyond {@value #ROWS_IN_MEMORY}).
	 */
	public Mono<byte[]> xlsx(String sheetName, Flux<T> rows) {
		return rows.map(row -> columns.stream().map(c -> c.value().apply(row)).toList())
			.collectList()
			.publishOn(Schedulers.boundedElastic())
			.map(values -> workbook(sheetName, values));
	}

	/** A CSV download named {@code basename-YYYY-MM-DD.csv}, in Excel's fr-BE dialect. */
	public ResponseEntity<Flux<DataBuffer>> csvDownload(String basename, Flux<T> rows, DataBufferFactory buffers) {
		return ResponseEntity.ok()
			.contentType(CSV)
			.header(HttpHeaders.CONTENT_DISPOSITION, attachment(basename + "-" + LocalDate.now(zone) + ".csv"))
			.body(csv(rows, buffers));
	}

	/** A CSV download of a small file, named {@code filename} as given, in the given dialect. */
	public ResponseEntity<byte[]> csvDownload(String filename, List<T> rows, Dialect dialect) {
		return ResponseEntity.ok()
			.contentType(CSV)
			.header(HttpHeaders.CONTENT_DISPOSITION, attachment(filename))
			.body(csvBytes(rows, dialect));
	}

	/** An XLSX download named {@code basename-YYYY-MM-DD.xlsx}. */
	public Mono<ResponseEntity<byte[]>> xlsxDownload(String basename, String sheetName, Flux<T> rows) {
		return xlsx(sheetName, rows).map(bytes -> ResponseEntity.ok()
			.contentType(XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION, attachment(basename + "-" + LocalDate.now(zone) + ".xlsx"))
			.body(bytes));
	}

	private static String attachment(String filename) {
		return ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString();
	}

	private String headerLine(Dialect dialect) {
		return line(columns.stream().map(Column::header).toList(), dialect);
	}

	private String rowLine(T row, Dialect dialect) {
		List<String> cells = new ArrayList<>(columns.size());
		for (Column<T> c : columns) {
			Object value = c.value().apply(row);
			// A number is a number: only text can be read as a formula.
			cells.add(value instanceof Number n ? csvNumber(n, c.kind(), dialect) : csvText(value, dialect));
		}
		return line(cells, dialect);
	}

	private String csvText(@Nullable Object value, Dialect dialect) {
		if (value == null) {
			return "";
		}
		String text;
		if (value instanceof Instant i) {
			text = CSV_DATE_TIME.format(i.atZone(zone));
		}
		else if (value instanceof OffsetDateTime o) {
			text = CSV_DATE_TIME.format(o.atZoneSameInstant(zone));
		}
		else if (value instanceof ZonedDateTime z) {
			text = CSV_DATE_TIME.format(z.withZoneSameInstant(zone));
		}
		else if (value instanceof LocalDateTime l) {
			text = CSV_DATE_TIME.format(l);
		}
		else if (value instanceof LocalDate d) {
			text = CSV_DATE.format(d);
		}
		else {
			text = value.toString();
		}
		return dialect.neutralised ? neutralise(text) : text;
	}

	/** Excel's fr-BE way: a decimal comma, no exponent; a share as a percentage. Moodle's file has no decimals. */
	private static String csvNumber(Number n, Kind kind, Dialect dialect) {
		if (isWhole(n) && kind == Kind.AUTO) {
			return n.toString();
		}
		BigDecimal value = new BigDecimal(n.toString());
		if (kind == Kind.PERCENT) {
			String percent = value.movePointRight(2).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
			return (dialect == Dialect.EXCEL ? percent.replace('.', ',') : percent) + "%";
		}
		String plain = value.setScale(6, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
		return dialect == Dialect.EXCEL ? plain.replace('.', ',') : plain;
	}

	private static boolean isWhole(Number n) {
		return n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte || n instanceof BigInteger;
	}

	private static String line(List<String> cells, Dialect dialect) {
		StringBuilder sb = new StringBuilder();
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				sb.append(dialect.separator);
			}
			sb.append(quote(cells.get(i), dialect.separator));
		}
		return sb.append(dialect.lineEnd).toString();
	}

	private static String quote(String cell, char separator) {
		if (cell.indexOf(separator) >= 0 || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
			return '"' + cell.replace("\"", "\"\"") + '"';
		}
		return cell;
	}

	/** Quotes a cell of the Excel dialect when needed, and neutralises text a spreadsheet would run as a formula. */
	static String escape(String cell) {
		return quote(neutralise(cell), ';');
	}

	/** Whether a spreadsheet would read this text as a formula (or as the start of one). */
	public static boolean readAsFormula(String text) {
		return !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0;
	}

	/** The text with a leading apostrophe if a spreadsheet would run it as a formula: shown as typed, never run. */
	static String neutralise(String text) {
		return readAsFormula(text) ? "'" + text : text;
	}

	/** The styles of a workbook, made once (Excel holds at most 64,000). */
	private record Styles(CellStyle header, CellStyle headerQuoted, CellStyle quoted, CellStyle dateTime, CellStyle date,
			CellStyle decimal, CellStyle percent, CellStyle fraction) {

		static Styles of(SXSSFWorkbook book) {
			DataFormat formats = book.createDataFormat();
			Font bold = book.createFont();
			bold.setBold(true);
			CellStyle header = book.createCellStyle();
			header.setFont(bold);
			CellStyle headerQuoted = book.createCellStyle();
			headerQuoted.setFont(bold);
			headerQuoted.setQuotePrefixed(true);
			CellStyle quoted = book.createCellStyle();
			quoted.setQuotePrefixed(true);
			return new Styles(header, headerQuoted, quoted, format(book, formats, "dd/mm/yyyy hh:mm"),
					format(book, formats, "dd/mm/yyyy"), format(book, formats, "#,##0.00"), format(book, formats, "0.0%"),
					format(book, formats, "0.000"));
		}

		private static CellStyle format(SXSSFWorkbook book, DataFormat formats, String format) {
			CellStyle style = book.createCellStyle();
			style.setDataFormat(formats.getFormat(format));
			return style;
		}
	}

	private byte[] workbook(String sheetName, List<List<@Nullable Object>> rows) {
		try (SXSSFWorkbook book = new SXSSFWorkbook(ROWS_IN_MEMORY)) {
			// Excel refuses : / \\ ? * [ ] in a sheet name, and more than 31 characters.
			SXSSFSheet sheet = book.createSheet(WorkbookUtil.createSafeSheetName(sheetName, '-'));
			Styles styles = Styles.of(book);
			int[] widths = new int[columns.size()];
			Row first = sheet.createRow(0);
			for (int i = 0; i < columns.size(); i++) {
				String header = columns.get(i).header();
				Cell cell = first.createCell(i);
				cell.setCellValue(header);
				cell.setCellStyle(readAsFormula(header) ? styles.headerQuoted() : styles.header());
				// The filter's button takes about three characters.
				widths[i] = header.length() + 3;
			}
			int r = 1;
			for (List<@Nullable Object> values : rows) {
				Row row = sheet.createRow(r++);
				for (int i = 0; i < values.size(); i++) {
					// An empty value gets no cell at all: a sparse table (a coverage matrix) stays small and quick.
					Object value = values.get(i);
					if (value != null) {
						widths[i] = Math.max(widths[i], write(row.createCell(i), value, columns.get(i).kind(), styles));
					}
				}
			}
			for (int i = 0; i < columns.size(); i++) {
				sheet.setColumnWidth(i, Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widths[i] + 1)) * 256);
			}
			sheet.createFreezePane(0, 1);
			sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, r - 1), 0, columns.size() - 1));
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			book.write(out);
			book.dispose();
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Writes a value as its type says; answers how many characters wide it shows. */
	private int write(Cell cell, Object value, Kind kind, Styles styles) {
		if (value instanceof Number n) {
			cell.setCellValue(n.doubleValue());
			String whole = String.valueOf(Math.round(n.doubleValue()));
			if (kind == Kind.PERCENT) {
				cell.setCellStyle(styles.percent());
				return 7;
			}
			if (kind == Kind.DECIMAL) {
				cell.setCellStyle(styles.fraction());
				return whole.length() + 4;
			}
			if (isWhole(n)) {
				return whole.length();
			}
			cell.setCellStyle(styles.decimal());
			return whole.length() + 4;
		}
		if (value instanceof Instant i) {
			return dateTime(cell, i.atZone(zone).toLocalDateTime(), styles);
		}
		if (value instanceof OffsetDateTime o) {
			return dateTime(cell, o.atZoneSameInstant(zone).toLocalDateTime(), styles);
		}
		if (value instanceof ZonedDateTime z) {
			return dateTime(cell, z.withZoneSameInstant(zone).toLocalDateTime(), styles);
		}
		if (value instanceof LocalDateTime l) {
			return dateTime(cell, l, styles);
		}
		if (value instanceof LocalDate d) {
			cell.setCellValue(d);
			cell.setCellStyle(styles.date());
			return 10;
		}
		return text(cell, value.toString(), styles);
	}

	private static int dateTime(Cell cell, LocalDateTime value, Styles styles) {
		cell.setCellValue(value);
		cell.setCellStyle(styles.dateTime());
		return 16;
	}

	private static int text(Cell cell, String value, Styles styles) {
		cell.setCellValue(fitXlsx(value));
		if (readAsFormula(value)) {
			cell.setCellStyle(styles.quoted());
		}
		int longestLine = 0;
		int start = 0;
		for (int end = value.indexOf('\n'); start < value.length(); end = value.indexOf('\n', start)) {
			int stop = end < 0 ? value.length() : end;
			longestLine = Math.max(longestLine, stop - start);
			if (end < 0 || longestLine >= MAX_WIDTH) {
				break;
			}
			start = end + 1;
		}
		return longestLine;
	}

	/** The text as an XLSX cell holds it: whole if it fits, else cut with a marker saying so. */
	static String fitXlsx(String value) {
		if (value.length() <= XLSX_CELL_LIMIT) {
			return value;
		}
		String marker = String.format(CUT_MARKER, value.length());
		int keep = XLSX_CELL_LIMIT - marker.length();
		// Never split a surrogate pair (an emoji, say).
		if (Character.isHighSurrogate(value.charAt(keep - 1))) {
			keep--;
		}
		return value.substring(0, keep) + marker;
	}
}
