package be.fwb.ead.shared;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the rows of a spreadsheet coordinators already keep: XLSX (first sheet) or CSV in UTF-8 (with or without a
 * byte-order mark), separated by {@code ;} or {@code ,} (whichever the header line uses), quoted as Excel quotes.
 * Every cell is text, trimmed; dates in XLSX become ISO dates. An XLSX is read as a stream ({@link XlsxStream}) and
 * every file only up to its import's line limit. Blocking: call it off the event loop.
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
	 * Reads a header through aliases: {@code aliases} maps a header to a field name; a cell names an alias when their
	 * {@link #headerKey}s are equal (case, accents, apostrophes and quotes, spaces and punctuation do not count).
	 */
	public static Columns columns(List<String> header, java.util.Map<String, String> aliases) {
		java.util.Map<String, String> keys = new java.util.HashMap<>();
		aliases.forEach((alias, field) -> keys.putIfAbsent(headerKey(alias), field));
		java.util.Map<String, Integer> index = new java.util.HashMap<>();
		List<String> ignored = new ArrayList<>();
		for (int i = 0; i < header.size(); i++) {
			String field = keys.get(headerKey(header.get(i)));
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

	/**
	 * A header as it is compared: compatibility forms folded (a no-break or narrow space is a space), then
	 * {@link SearchText#key} (lower case, no accents), then every character but letters and digits a space. « Compétence
	 * (numéro d’identification) », copied from a page with its typographic apostrophe, names the same column as
	 * « COMPETENCE (numero d'identification) ».
	 */
	public static String headerKey(String header) {
		String folded = java.text.Normalizer.normalize(header, java.text.Normalizer.Form.NFKC);
		return SearchText.key(folded).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
	}

	/**
	 * The sentence of a header without a required column: which ones are missing, how they may be written, and what the
	 * first line holds. {@code missing} maps each missing column's name to the other names it may have.
	 */
	public static String missingColumns(java.util.Map<String, List<String>> missing, List<String> header) {
		List<String> parts = new ArrayList<>();
		missing.forEach((name, others) -> parts.add("« " + name + " »" + (others.isEmpty() ? ""
				: " (ou " + String.join(", ", others.stream().map(o -> "« " + o + " »").toList()) + ")")));
		List<String> read = header.stream().filter(h -> !h.isBlank()).map(h -> "« " + h + " »").toList();
		return (missing.size() == 1 ? "Il manque la colonne " : "Il manque les colonnes ") + String.join(", ", parts)
				+ " : la première ligne du fichier doit " + (missing.size() == 1 ? "la" : "les") + " nommer (majuscules, accents, "
				+ "apostrophes et espaces n’y comptent pas). Colonnes trouvées : " + (read.isEmpty() ? "aucune (première ligne vide)" : String.join(", ", read)) + ".";
	}

	private static final byte[] ZIP = { 'P', 'K' };

	/** The signature of the old Office files (.xls, .doc): an OLE2 compound document. */
	private static final byte[] OLE2 = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1 };

	/** How much of a file's start tells text from binary. */
	private static final int SNIFFED = 4096;

	/** What a file is by its first bytes, when it is a kind people pick by mistake (a PDF, an image); else null. */
	static @org.jspecify.annotations.Nullable String otherKind(byte[] bytes) {
		String start = new String(bytes, 0, Math.min(bytes.length, 8), StandardCharsets.ISO_8859_1);
		return start.startsWith("%PDF") ? "un PDF" : start.startsWith("\u0089PNG") ? "une image PNG"
				: start.startsWith("\u00FF\u00D8\u00FF") ? "une image JPEG" : start.startsWith("GIF8") ? "une image GIF" : null;
	}

	/**
	 * Whether the file's start holds a byte no text file has (NUL, or a control character other than tab, line feed,
	 * carriage return, form feed): a PDF, an image, random bytes. A CSV in Windows-1252 has none and is said as such.
	 */
	static boolean binary(byte[] bytes) {
		for (int i = 0; i < Math.min(bytes.length, SNIFFED); i++) {
			int b = bytes[i] & 0xFF;
			if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
				return true;
			}
		}
		return false;
	}

	private SpreadsheetReader() {
	}

	/** Rows read so far, with their 1-based line numbers in the file. */
	record Rows(List<List<String>> rows, List<Integer> numbers) {
	}

	/**
	 * Reads a file of at most {@code maxLines} data rows: reading stops, with an {@link InvalidRequest}, as soon as it
	 * has more (an XLSX is read as a stream, never whole in memory).
	 */
	public static Table read(byte[] bytes, int maxLines) {
		Rows rows = bytes.length >= 2 && bytes[0] == ZIP[0] && bytes[1] == ZIP[1] ? XlsxStream.read(bytes, maxLines)
				: csv(text(bytes), maxLines);
		return table(rows.rows(), rows.numbers());
	}

	private static String text(byte[] bytes) {
		if (bytes.length >= OLE2.length && java.util.Arrays.equals(bytes, 0, OLE2.length, OLE2, 0, OLE2.length)) {
			throw new InvalidRequest("Le fichier est un classeur Excel de l’ancien format (.xls) : dans Excel, enregistrez-le en "
					+ "« Classeur Excel (.xlsx) » ou en « CSV UTF-8 ».");
		}
		if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE) || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF))) {
			// Excel's « Texte Unicode » and some CSV exports: text, in UTF-16.
			throw new InvalidRequest("Le fichier est un texte en UTF-16 : dans Excel, enregistrez-le en « CSV UTF-8 » ou en XLSX.");
		}
		String kind = otherKind(bytes);
		if (kind != null) {
			throw new InvalidRequest("Le fichier est " + kind + ", pas un tableur : choisissez le classeur XLSX ou le CSV exporté du tableur.");
		}
		if (binary(bytes)) {
			throw new InvalidRequest("Le fichier n’est ni un classeur XLSX ni un texte CSV (il contient des octets qui ne sont pas du "
					+ "texte) : choisissez le classeur XLSX ou le CSV exporté du tableur.");
		}
		try {
			String text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.decode(java.nio.ByteBuffer.wrap(bytes))
				.toString();
			return text.startsWith("\uFEFF") ? text.substring(1) : text;
		}
		catch (CharacterCodingException e) {
			throw new InvalidRequest("Le fichier n’est pas en UTF-8 : dans Excel, enregistrez-le en « CSV UTF-8 » ou en XLSX.");
		}
	}

	static Table csv(String text) {
		Rows rows = csv(text, Integer.MAX_VALUE - 1);
		return table(rows.rows(), rows.numbers());
	}

	private static Rows csv(String text, int maxLines) {
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
				if (row.size() >= XlsxStream.MAX_COLUMNS) {
					throw new InvalidRequest("Le fichier a plus de " + XlsxStream.MAX_COLUMNS + " colonnes.");
				}
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
				if (rows.size() > maxLines + 1) {
					throw new InvalidRequest("Le fichier compte plus de " + maxLines + " lignes ; au plus " + maxLines + ".");
				}
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
		if (rows.size() > maxLines + 1) {
			throw new InvalidRequest("Le fichier compte plus de " + maxLines + " lignes ; au plus " + maxLines + ".");
		}
		return new Rows(rows, numbers);
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
}
