package be.fwb.ead.shared;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 900,000-cell XLSX is refused cleanly by a JVM of 256 MiB (issue 15, finding 4: it exhausted 512 MiB): the sheet is
 * read as a stream and reading stops at the import's line limit.
 */
class LargeXlsxUnitTest {

	@Test
	void theNineHundredThousandCellFileIsRefusedWithoutExhausting256MiB() throws Exception {
		Path file = LargeXlsx.file();
		String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process child = new ProcessBuilder(javaBin, "-Xmx256m", "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
				LargeXlsx.class.getName(), file.toAbsolutePath().toString())
			.redirectErrorStream(true)
			.start();
		assertThat(child.waitFor(3, TimeUnit.MINUTES)).as("the child JVM ends").isTrue();
		String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		System.out.println("JVM de 256 Mio : " + output.strip() + " (fichier de " + java.nio.file.Files.size(file) / 1024 + " Kio)");
		assertThat(output).doesNotContain("OutOfMemoryError").doesNotContain("MÉMOIRE ÉPUISÉE")
			.contains("REFUSÉ").contains("Le fichier compte plus de 50000 lignes");
		assertThat(child.exitValue()).isZero();
	}

	@Test
	void aSmallXlsxIsStillReadWithItsDates() throws Exception {
		var out = new java.io.ByteArrayOutputStream();
		try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
			var sheet = book.createSheet();
			sheet.createRow(0).createCell(0).setCellValue("Nom");
			sheet.getRow(0).createCell(1).setCellValue("Date");
			var row = sheet.createRow(1);
			row.createCell(0).setCellValue("Müller");
			var date = row.createCell(1);
			date.setCellValue(java.time.LocalDate.of(2026, 9, 1));
			var style = book.createCellStyle();
			style.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
			date.setCellStyle(style);
			sheet.createRow(3).createCell(2).setCellValue(12);
			book.write(out);
		}
		SpreadsheetReader.Table table = SpreadsheetReader.read(out.toByteArray(), 10);
		assertThat(table.header()).containsExactly("Nom", "Date");
		assertThat(table.lines()).hasSize(2);
		assertThat(table.lines().get(0).cells()).isEqualTo(List.of("Müller", "2026-09-01"));
		assertThat(table.lines().get(1).number()).isEqualTo(4);
		assertThat(table.lines().get(1).cell(2)).isEqualTo("12");
	}
}
