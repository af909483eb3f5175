package be.fwb.ead.shared;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
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
 * Writes a list as a spreadsheet that Excel in fr-BE opens as it is: CSV in UTF-8 with a byte-order mark and
 * {@code ;} separators, or XLSX. Values are written as typed: numbers stay numbers, instants become local date-times
 * of {@code zone}, everything else is text (never a formula).
 *
 * @param <T> the type of a row
 */
public final class TableExport<T> {

	/** A column: its header (already translated) and how to read its value from a row. */
	public record Column<T>(String header, Function<T, @Nullable Object> value) {
	}

	private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
	private static final DateTimeFormatter CSV_DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
	private static final DateTimeFormatter CSV_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
	private static final int ROWS_IN_MEMORY = 200;

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
	 * The rows as CSV, streamed: one buffer for the byte-order mark and headers, then one per row. The rows are read
	 * from the database as fast as it gives them, whatever the pace of the client (at most the whole export waits in
	 * memory, as for an XLSX): a query held back by a slow client keeps its pooled connection, and one whose client
	 * then leaves may never give it back (see {@code docs/architecture.md}).
	 */
	public Flux<DataBuffer> csv(Flux<T> rows, DataBufferFactory buffers) {
		Flux<String> lines = Flux.concat(Mono.just(line(columns.stream().map(Column::header).toList())),
				rows.onBackpressureBuffer().map(row -> line(columns.stream().map(c -> csvValue(c.value().apply(row))).toList())));
		return Flux.concat(Mono.fromSupplier(() -> buffers.wrap(BOM)),
				lines.map(l -> buffers.wrap(l.getBytes(StandardCharsets.UTF_8))));
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

	/** A CSV download named {@code basename-YYYY-MM-DD.csv}. */
	public ResponseEntity<Flux<DataBuffer>> csvDownload(String basename, Flux<T> rows, DataBufferFactory buffers) {
		return ResponseEntity.ok()
			.contentType(CSV)
			.header(HttpHeaders.CONTENT_DISPOSITION, attachment(basename, "csv"))
			.body(csv(rows, buffers));
	}

	/** An XLSX download named {@code basename-YYYY-MM-DD.xlsx}. */
	public Mono<ResponseEntity<byte[]>> xlsxDownload(String basename, String sheetName, Flux<T> rows) {
		return xlsx(sheetName, rows).map(bytes -> ResponseEntity.ok()
			.contentType(XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION, attachment(basename, "xlsx"))
			.body(bytes));
	}

	private String attachment(String basename, String extension) {
		return ContentDisposition.attachment()
			.filename(basename + "-" + LocalDate.now(zone) + "." + extension, StandardCharsets.UTF_8)
			.build()
			.toString();
	}

	private byte[] workbook(String sheetName, List<List<@Nullable Object>> rows) {
		try (SXSSFWorkbook book = new SXSSFWorkbook(ROWS_IN_MEMORY)) {
			// Excel refuses : / \\ ? * [ ] in a sheet name, and more than 31 characters.
			SXSSFSheet sheet = book.createSheet(org.apache.poi.ss.util.WorkbookUtil.createSafeSheetName(sheetName, '-'));
			Font bold = book.createFont();
			bold.setBold(true);
			CellStyle header = book.createCellStyle();
			header.setFont(bold);
			CellStyle dateTime = book.createCellStyle();
			dateTime.setDataFormat(book.createDataFormat().getFormat("dd/mm/yyyy hh:mm"));
			CellStyle date = book.createCellStyle();
			date.setDataFormat(book.createDataFormat().getFormat("dd/mm/yyyy"));
			Row first = sheet.createRow(0);
			for (int i = 0; i < columns.size(); i++) {
				Cell cell = first.createCell(i);
				cell.setCellValue(columns.get(i).header());
				cell.setCellStyle(header);
				sheet.setColumnWidth(i, Math.min(60, Math.max(10, columns.get(i).header().length() + 4)) * 256);
			}
			int r = 1;
			for (List<@Nullable Object> values : rows) {
				Row row = sheet.createRow(r++);
				for (int i = 0; i < values.size(); i++) {
					// An empty value gets no cell at all: a sparse table (a coverage matrix) stays small and quick.
					if (values.get(i) != null) {
						write(row.createCell(i), values.get(i), dateTime, date);
					}
				}
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

	private void write(Cell cell, @Nullable Object value, CellStyle dateTime, CellStyle date) {
		if (value == null) {
			cell.setBlank();
		}
		else if (value instanceof Number n) {
			cell.setCellValue(n.doubleValue());
		}
		else if (value instanceof Instant i) {
			cell.setCellValue(i.atZone(zone).toLocalDateTime());
			cell.setCellStyle(dateTime);
		}
		else if (value instanceof LocalDate d) {
			cell.setCellValue(d);
			cell.setCellStyle(date);
		}
		else {
			cell.setCellValue(value.toString());
		}
	}

	private String csvValue(@Nullable Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof Instant i) {
			return CSV_DATE_TIME.format(i.atZone(zone));
		}
		if (value instanceof LocalDate d) {
			return CSV_DATE.format(d);
		}
		if (value instanceof Number n) {
			return n.toString();
		}
		return value.toString();
	}

	private static String line(List<String> cells) {
		StringBuilder sb = new StringBuilder();
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				sb.append(';');
			}
			sb.append(escape(cells.get(i)));
		}
		return sb.append("\r\n").toString();
	}

	/** Quotes a cell when needed, and defuses text a spreadsheet would run as a formula (CSV injection). */
	static String escape(String cell) {
		String text = cell;
		if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !isNumber(text)) {
			text = "'" + text;
		}
		if (text.contains(";") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
			return '"' + text.replace("\"", "\"\"") + '"';
		}
		return text;
	}

	private static boolean isNumber(String text) {
		try {
			Double.parseDouble(text);
			return true;
		}
		catch (NumberFormatException e) {
			return false;
		}
	}
}
