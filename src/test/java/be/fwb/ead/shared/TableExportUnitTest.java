package be.fwb.ead.shared;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import be.fwb.ead.shared.TableExport.Column;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

class TableExportUnitTest {

	record Row(String name, int learners, Instant changed) {
	}

	private final TableExport<Row> export = new TableExport<>(List.of(new Column<Row>("Nom", Row::name),
			new Column<Row>("Apprenants", Row::learners), new Column<Row>("Modifié", Row::changed)),
			ZoneId.of("Europe/Brussels"));

	@Test
	void csvStartsWithABomUsesSemicolonsAndShowsInstantsInBrusselsTime() {
		String csv = csv(Flux.just(new Row("Écrire ; lire", 12, Instant.parse("2026-07-01T10:15:00Z"))));
		assertThat(csv).startsWith("\uFEFF").isEqualTo("\uFEFFNom;Apprenants;Modifié\r\n\"Écrire ; lire\";12;01/07/2026 12:15\r\n");
	}

	@Test
	void csvQuotesQuotesAndDefusesFormulas() {
		assertThat(TableExport.escape("dit \"bonjour\"")).isEqualTo("\"dit \"\"bonjour\"\"\"");
		assertThat(TableExport.escape("=HYPERLINK(\"http://x\")")).startsWith("\"'=HYPERLINK");
		assertThat(TableExport.escape("+32 2 123")).isEqualTo("'+32 2 123");
		assertThat(TableExport.escape("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(TableExport.escape("-12")).isEqualTo("'-12");
		assertThat(TableExport.escape("ligne\nsuivante")).isEqualTo("\"ligne\nsuivante\"");
	}

	@Test
	void anEmptyListIsItsHeadersOnly() {
		assertThat(csv(Flux.empty())).isEqualTo("\uFEFFNom;Apprenants;Modifié\r\n");
	}

	@Test
	void anXlsxSheetNameExcelWouldRefuseIsMadeSafeAndEmptyValuesGetNoCell() throws Exception {
		byte[] xlsx = export.xlsx("À produire : domaines non couverts [tout]", Flux.just(new Row("Lire", 3, null))).toFuture().get();
		try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
			var sheet = book.getSheetAt(0);
			assertThat(sheet.getSheetName()).isEqualTo("À produire - domaines non couve");
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Lire");
			assertThat(sheet.getRow(1).getCell(2)).isNull();
		}
	}

	record Figures(String name, double share, double mean, long count, java.time.LocalDate day, Instant at) {
	}

	private final TableExport<Figures> figures = new TableExport<>(List.of(new Column<Figures>("Nom", Figures::name),
			Column.<Figures>percent("Part", Figures::share), new Column<Figures>("Moyenne", Figures::mean),
			new Column<Figures>("Nombre", Figures::count), new Column<Figures>("Jour", Figures::day),
			new Column<Figures>("Modifié", Figures::at)), ZoneId.of("Europe/Brussels"));

	@Test
	void numbersAndSharesAreNumericCellsWithAFormatAndDatesAreDateCells() throws Exception {
		Figures row = new Figures("Lire", 0.8333333333, 1.04e-05, 12_345, java.time.LocalDate.of(2026, 7, 1),
				Instant.parse("2026-07-01T10:15:00Z"));
		try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(
				figures.xlsx("Chiffres", Flux.just(row)).toFuture().get()))) {
			var cells = book.getSheetAt(0).getRow(1);
			assertThat(cells.getCell(1).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.NUMERIC);
			assertThat(cells.getCell(1).getNumericCellValue()).isEqualTo(0.8333333333);
			assertThat(cells.getCell(1).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
			assertThat(cells.getCell(2).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.NUMERIC);
			assertThat(cells.getCell(2).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
			assertThat(cells.getCell(3).getNumericCellValue()).isEqualTo(12_345);
			assertThat(org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(cells.getCell(4))).isTrue();
			assertThat(cells.getCell(4).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(java.time.LocalDate.of(2026, 7, 1));
			assertThat(org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(cells.getCell(5))).isTrue();
			assertThat(cells.getCell(5).getLocalDateTimeCellValue()).isEqualTo(java.time.LocalDateTime.of(2026, 7, 1, 12, 15));
		}
		// In CSV, Excel fr-BE's way: a decimal comma, a percentage, no exponent.
		StringBuilder out = new StringBuilder();
		figures.csv(Flux.just(row), DefaultDataBufferFactory.sharedInstance).map(TableExportUnitTest::bytes)
			.as(StepVerifier::create).thenConsumeWhile(b -> out.append(new String(b, StandardCharsets.UTF_8)) != null).verifyComplete();
		assertThat(out.toString()).endsWith("\r\nLire;83,33%;0,00001;12345;01/07/2026;01/07/2026 12:15\r\n")
			.doesNotContain("E-").doesNotContain("0.8333");
	}

	@Test
	void aTextLongerThanAnXlsxCellIsCutWithAMarkerThereAndWholeInCsv() throws Exception {
		String long_ = "x".repeat(40_000);
		try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(
				export.xlsx("Long", Flux.just(new Row(long_, 1, Instant.EPOCH))).toFuture().get()))) {
			String cell = book.getSheetAt(0).getRow(1).getCell(0).getStringCellValue();
			assertThat(cell).hasSize(TableExport.XLSX_CELL_LIMIT).endsWith(String.format(TableExport.CUT_MARKER, 40_000))
				.contains("texte coupé : 40000 caractères");
		}
		assertThat(csv(Flux.just(new Row(long_, 1, Instant.EPOCH)))).contains(long_);
	}

	@Test
	void columnsAreAsWideAsTheirContentWithinBounds() throws Exception {
		try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(export.xlsx("Largeurs",
				Flux.just(new Row("Un intitulé de module assez long pour élargir la colonne", 3, Instant.EPOCH), new Row("y".repeat(500), 4,
						Instant.EPOCH))).toFuture().get()))) {
			var sheet = book.getSheetAt(0);
			assertThat(sheet.getColumnWidth(0) / 256).isEqualTo(70);
			assertThat(sheet.getColumnWidth(1) / 256).isBetween(12, 16);
			assertThat(sheet.getColumnWidth(2) / 256).isBetween(16, 20);
		}
		try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(export.xlsx("Largeurs",
				Flux.just(new Row("Un intitulé moyen de trente-six car.", 3, Instant.EPOCH))).toFuture().get()))) {
			assertThat(book.getSheetAt(0).getColumnWidth(0) / 256).isEqualTo(37);
		}
	}

	@Test
	void textThatASpreadsheetWouldRunIsMarkedWithTheQuotePrefixInXlsxAndAnApostropheInCsv() throws Exception {
		Row hostile = new Row("=HYPERLINK(\"http://x\")", 1, Instant.EPOCH);
		try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(
				export.xlsx("Formules", Flux.just(hostile, new Row("Lire", 2, Instant.EPOCH))).toFuture().get()))) {
			var sheet = book.getSheetAt(0);
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("=HYPERLINK(\"http://x\")");
			assertThat(sheet.getRow(1).getCell(0).getCellStyle().getQuotePrefixed()).isTrue();
			assertThat(sheet.getRow(2).getCell(0).getCellStyle().getQuotePrefixed()).isFalse();
		}
		assertThat(csv(Flux.just(hostile))).contains("\"'=HYPERLINK(\"\"http://x\"\")\"");
		assertThat(new String(new TableExport<>(List.of(new Column<List<String>>("ID number", l -> l.get(0))), ZoneId.of("UTC"))
			.csvBytes(List.of(List.of("-1")), TableExport.Dialect.MOODLE_RAW), StandardCharsets.UTF_8)).isEqualTo("ID number\n-1\n");
		assertThat(new String(new TableExport<>(List.of(new Column<List<String>>("ID number", l -> l.get(0))), ZoneId.of("UTC"))
			.csvBytes(List.of(List.of("-1")), TableExport.Dialect.MOODLE), StandardCharsets.UTF_8)).isEqualTo("ID number\n'-1\n");
	}

	private String csv(Flux<Row> rows) {
		StringBuilder out = new StringBuilder();
		export.csv(rows, DefaultDataBufferFactory.sharedInstance)
			.map(TableExportUnitTest::bytes)
			.as(StepVerifier::create)
			.thenConsumeWhile(b -> out.append(new String(b, StandardCharsets.UTF_8)) != null)
			.verifyComplete();
		return out.toString();
	}

	private static byte[] bytes(DataBuffer buffer) {
		byte[] b = new byte[buffer.readableByteCount()];
		buffer.read(b);
		return Arrays.copyOf(b, b.length);
	}
}
