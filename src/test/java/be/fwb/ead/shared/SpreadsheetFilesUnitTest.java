package be.fwb.ead.shared;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A file that is not a spreadsheet the service reads is named for what it is: an old .xls, a binary file (a PDF, an
 * image), a CSV in another encoding than UTF-8 — each with what to do instead. Random bytes were said « pas en UTF-8 ».
 */
class SpreadsheetFilesUnitTest {

	@Test
	void anOldExcelFileIsSaidToBeOneWithHowToSaveItAgain() {
		byte[] xls = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0, 0, 0 };
		assertThatThrownBy(() -> SpreadsheetReader.read(xls, 10)).isInstanceOf(InvalidRequest.class)
			.hasMessage("Le fichier est un classeur Excel de l’ancien format (.xls) : dans Excel, enregistrez-le en "
					+ "« Classeur Excel (.xlsx) » ou en « CSV UTF-8 ».");
	}

	@Test
	void bytesThatAreNoTextAreNeitherXlsxNorCsv() {
		byte[] pdf = "%PDF-1.7\n%\u00E2\u00E3\u00CF\u00D3\n1 0 obj\n<< /Length 3 >>\nstream\n\u0000\u0001\u0002".getBytes(StandardCharsets.ISO_8859_1);
		assertThatThrownBy(() -> SpreadsheetReader.read(pdf, 10)).isInstanceOf(InvalidRequest.class)
			.hasMessageStartingWith("Le fichier est un PDF, pas un tableur");
		byte[] textOnlyPdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
		assertThatThrownBy(() -> SpreadsheetReader.read(textOnlyPdf, 10)).isInstanceOf(InvalidRequest.class)
			.hasMessage("Le fichier est un PDF, pas un tableur : choisissez le classeur XLSX ou le CSV exporté du tableur.");
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };
		assertThatThrownBy(() -> SpreadsheetReader.read(png, 10)).isInstanceOf(InvalidRequest.class).hasMessageStartingWith("Le fichier est une image PNG");
		byte[] random = new byte[2048];
		new java.util.Random(42).nextBytes(random);
		random[0] = 'x';
		assertThatThrownBy(() -> SpreadsheetReader.read(random, 10)).isInstanceOf(InvalidRequest.class)
			.hasMessageStartingWith("Le fichier n’est ni un classeur XLSX ni un texte CSV");
	}

	@Test
	void aCsvInWindows1252IsAskedAgainInUtf8AndOneInUtf8IsRead() {
		String csv = "Nom;Prénom\r\nDupré;Hélène\r\n";
		assertThatThrownBy(() -> SpreadsheetReader.read(csv.getBytes(Charset.forName("windows-1252")), 10))
			.isInstanceOf(InvalidRequest.class).hasMessageStartingWith("Le fichier n’est pas en UTF-8");
		assertThatThrownBy(() -> SpreadsheetReader.read(("\uFEFF" + csv).getBytes(StandardCharsets.UTF_16LE), 10))
			.isInstanceOf(InvalidRequest.class).hasMessageStartingWith("Le fichier est un texte en UTF-16");
		SpreadsheetReader.Table table = SpreadsheetReader.read(("\uFEFF" + csv).getBytes(StandardCharsets.UTF_8), 10);
		assertThat(table.header()).containsExactly("Nom", "Prénom");
		assertThat(table.lines()).hasSize(1);
		assertThat(table.lines().get(0).cell(1)).isEqualTo("Hélène");
	}
}
