package be.fwb.ead.shared;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The hostile file of issue 15, finding 4: 180,000 rows of 5 random cells (900,000 cells, shared strings as Excel
 * writes them), generated once per checkout with POI's streaming writer. Also a small program that reads it with the
 * service's reader and says how it ended, for a test to run in a JVM of 256 MiB.
 */
public final class LargeXlsx {

	public static final int ROWS = 180_000;
	public static final int COLUMNS = 5;

	private LargeXlsx() {
	}

	public static synchronized Path file() throws IOException {
		Path file = Path.of("target", "issue15-900k-cells.xlsx");
		if (Files.exists(file)) {
			return file;
		}
		Path partial = Files.createTempFile(Path.of("target"), "issue15-", ".xlsx.part");
		Random random = new Random(15);
		try (SXSSFWorkbook book = new SXSSFWorkbook(null, 200, true, true); OutputStream out = Files.newOutputStream(partial)) {
			Sheet sheet = book.createSheet("référentiel");
			for (int r = 0; r < ROWS; r++) {
				Row row = sheet.createRow(r);
				for (int c = 0; c < COLUMNS; c++) {
					row.createCell(c).setCellValue(r == 0 ? "Colonne " + c : Long.toString(random.nextLong() & Long.MAX_VALUE, 36));
				}
			}
			book.write(out);
			book.dispose();
		}
		Files.move(partial, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
		return file;
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
