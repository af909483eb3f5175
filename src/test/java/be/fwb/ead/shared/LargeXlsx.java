package be.fwb.ead.shared;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The hostile file of issue 15, finding 4: 180,000 rows of 5 random cells (900,000 cells, every text in the shared
 * strings as Excel writes them), generated once per checkout. Its parts are written as text, the way Excel lays them
 * out (content types, relationships, workbook, shared strings, sheet): in a second or two, where POI's streaming writer
 * took 30 s holding its table of 900,000 shared strings. Also a small program that reads it with the service's reader
 * and says how it ended, for a test to run in a JVM of 256 MiB.
 */
public final class LargeXlsx {

	public static final int ROWS = 180_000;
	public static final int COLUMNS = 5;

	private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
	private static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
	private static final String PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships";

	private LargeXlsx() {
	}

	public static synchronized Path file() throws IOException {
		Path file = Path.of("target", "issue15-900k-cells.xlsx");
		if (Files.exists(file)) {
			return file;
		}
		// Another test JVM may be writing it too: each writes its own part, the first one moved in place wins.
		Path partial = Files.createTempFile(Path.of("target"), "issue15-", ".xlsx.part");
		try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(partial))) {
			Writer out = new BufferedWriter(new OutputStreamWriter(zip, StandardCharsets.UTF_8), 1 << 16);
			part(zip, out, "[Content_Types].xml", """
					<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
					<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
					<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
					<Default Extension="xml" ContentType="application/xml"/>\
					<Override PartName="/xl/workbook.xml" \
					ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
					<Override PartName="/xl/worksheets/sheet1.xml" \
					ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
					<Override PartName="/xl/sharedStrings.xml" \
					ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>\
					</Types>""");
			part(zip, out, "_rels/.rels", """
					<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
					<Relationships xmlns="%s"><Relationship Id="rId1" Type="%s/officeDocument" Target="xl/workbook.xml"/>\
					</Relationships>""".formatted(PACKAGE_RELATIONSHIPS, RELATIONSHIPS));
			part(zip, out, "xl/workbook.xml", """
					<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
					<workbook xmlns="%s" xmlns:r="%s"><sheets><sheet name="référentiel" sheetId="1" r:id="rId1"/></sheets>\
					</workbook>""".formatted(MAIN, RELATIONSHIPS));
			part(zip, out, "xl/_rels/workbook.xml.rels", """
					<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
					<Relationships xmlns="%1$s">\
					<Relationship Id="rId1" Type="%2$s/worksheet" Target="worksheets/sheet1.xml"/>\
					<Relationship Id="rId2" Type="%2$s/sharedStrings" Target="sharedStrings.xml"/>\
					</Relationships>""".formatted(PACKAGE_RELATIONSHIPS, RELATIONSHIPS));
			// Every cell a text of its own: the header's, then random ones, numbered in the order of the sheet.
			int cells = ROWS * COLUMNS;
			zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
			out.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<sst xmlns=\"" + MAIN + "\" count=\"" + cells
					+ "\" uniqueCount=\"" + cells + "\">");
			Random random = new Random(15);
			for (int r = 0; r < ROWS; r++) {
				for (int c = 0; c < COLUMNS; c++) {
					out.write("<si><t>");
					out.write(r == 0 ? "Colonne " + c : Long.toString(random.nextLong() & Long.MAX_VALUE, 36));
					out.write("</t></si>");
				}
			}
			out.write("</sst>");
			out.flush();
			zip.closeEntry();
			zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
			out.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"" + MAIN + "\"><sheetData>");
			for (int r = 0; r < ROWS; r++) {
				out.write("<row r=\"" + (r + 1) + "\">");
				for (int c = 0; c < COLUMNS; c++) {
					out.write("<c r=\"" + (char) ('A' + c) + (r + 1) + "\" t=\"s\"><v>" + (r * COLUMNS + c) + "</v></c>");
				}
				out.write("</row>");
			}
			out.write("</sheetData></worksheet>");
			out.flush();
			zip.closeEntry();
		}
		try {
			Files.move(partial, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
		}
		catch (java.nio.file.FileAlreadyExistsException e) {
			Files.deleteIfExists(partial);
		}
		return file;
	}

	private static void part(ZipOutputStream zip, Writer out, String name, String xml) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		out.write(xml);
		out.flush();
		zip.closeEntry();
	}

	/** Reads the file named by the first argument as the référentiel import does; prints how it ended. */
	public static void main(String[] args) throws IOException {
		byte[] bytes = Files.readAllBytes(Path.of(args[0]));
		long start = System.nanoTime();
		try {
			SpreadsheetReader.Table table = SpreadsheetReader.read(bytes, 50_000);
			System.out.println("LU " + table.lines().size() + " lignes");
		}
		catch (InvalidRequest e) {
			System.out.println("REFUSÉ en " + (System.nanoTime() - start) / 1_000_000 + " ms : " + e.getMessage());
		}
		catch (OutOfMemoryError e) {
			System.out.println("MÉMOIRE ÉPUISÉE");
			System.exit(3);
		}
	}
}
