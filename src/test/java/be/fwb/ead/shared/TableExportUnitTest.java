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
