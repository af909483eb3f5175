package be.fwb.ead.shared;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.RichTextString;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads the first sheet of an XLSX file as a stream of SAX events (never the whole workbook in memory), and stops as
 * soon as the file has more rows, columns, shared strings or characters than an import accepts. The file is read from a
 * temporary copy, removed whatever happens.
 */
final class XlsxStream {

	/** Columns a row may have. */
	static final int MAX_COLUMNS = 100;
	/** Characters the shared strings may hold in all. */
	static final long MAX_CHARACTERS = 32_000_000;

	private XlsxStream() {
	}

	/** The rows (with their 1-based numbers) of the first sheet, the header first, at most {@code maxLines} data rows. */
	static SpreadsheetReader.Rows read(byte[] bytes, int maxLines) {
		Path copy = null;
		try {
			copy = Files.createTempFile("ead-import-", ".xlsx");
			Files.write(copy, bytes);
			try (OPCPackage pkg = OPCPackage.open(copy.toFile(), PackageAccess.READ)) {
				XSSFReader reader = new XSSFReader(pkg);
				Strings strings = new Strings(List.of());
				var sharedStrings = pkg.getPartsByContentType(org.apache.poi.xssf.usermodel.XSSFRelation.SHARED_STRINGS.getContentType());
				if (!sharedStrings.isEmpty()) {
					try (InputStream sst = sharedStrings.get(0).getInputStream()) {
						strings = Strings.read(sst, (long) (maxLines + 1) * MAX_COLUMNS);
					}
				}
				Rows rows = new Rows(maxLines);
				XMLReader parser = XMLHelper.newXMLReader();
				parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), strings, rows, new IsoDates(), false));
				var sheets = reader.getSheetsData();
				if (!sheets.hasNext()) {
					throw new InvalidRequest("Le fichier XLSX n’a aucune feuille.");
				}
				try (InputStream sheet = sheets.next()) {
					parser.parse(new InputSource(sheet));
				}
				return new SpreadsheetReader.Rows(rows.rows, rows.numbers);
			}
		}
		catch (SAXException e) {
			if (e.getCause() instanceof InvalidRequest refused) {
				throw refused;
			}
			throw unreadable(e);
		}
		catch (InvalidRequest e) {
			throw e;
		}
		catch (IOException | ParserConfigurationException | org.apache.poi.openxml4j.exceptions.OpenXML4JException | RuntimeException e) {
			if (e.getCause() instanceof InvalidRequest refused) {
				throw refused;
			}
			throw unreadable(e);
		}
		finally {
			if (copy != null) {
				try {
					Files.deleteIfExists(copy);
				}
				catch (IOException ignored) {
					copy.toFile().deleteOnExit();
				}
			}
		}
	}

	private static InvalidRequest unreadable(Exception e) {
		return new InvalidRequest("Le fichier XLSX est illisible (" + e.getClass().getSimpleName() + ") : enregistrez-le à nouveau depuis Excel.");
	}

	/** The rows, gathered until there are too many. */
	private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {

		private final int maxLines;
		private final List<List<String>> rows = new ArrayList<>();
		private final List<Integer> numbers = new ArrayList<>();
		private List<String> current = new ArrayList<>();

		Rows(int maxLines) {
			this.maxLines = maxLines;
		}

		@Override
		public void startRow(int rowNum) {
			if (rows.size() > maxLines) {
				throw new InvalidRequest("Le fichier compte plus de " + maxLines + " lignes ; au plus " + maxLines + ".");
			}
			current = new ArrayList<>();
			numbers.add(rowNum + 1);
		}

		@Override
		public void endRow(int rowNum) {
			rows.add(current);
		}

		@Override
		public void cell(String reference, String value, XSSFComment comment) {
			int column = reference == null ? current.size() : new CellReference(reference).getCol();
			if (column >= MAX_COLUMNS) {
				throw new InvalidRequest("Le fichier a plus de " + MAX_COLUMNS + " colonnes.");
			}
			while (current.size() < column) {
				current.add("");
			}
			String text = value == null ? "" : value.trim();
			if (text.length() > InputLimits.TEXT) {
				throw new InvalidRequest("Une cellule (" + reference + ") dépasse " + InputLimits.TEXT + " caractères.");
			}
			current.add(text);
		}
	}

	/** Dates written as ISO dates ({@code 2026-09-01}), whatever their format in the sheet. */
	private static final class IsoDates extends DataFormatter {

		IsoDates() {
			super(java.util.Locale.ROOT);
		}

		@Override
		public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
			if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
				return DateUtil.getLocalDateTime(value, use1904Windowing).toLocalDate().format(DateTimeFormatter.ISO_LOCAL_DATE);
			}
			return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
		}
	}

	/** The shared strings as plain strings (not POI's rich text objects, which cost hundreds of bytes each), bounded. */
	static final class Strings implements SharedStrings {

		private final List<String> items;

		Strings(List<String> items) {
			this.items = items;
		}

		static Strings read(InputStream sst, long maxStrings) throws IOException, SAXException, ParserConfigurationException {
			List<String> items = new ArrayList<>();
			StringBuilder text = new StringBuilder();
			long[] characters = { 0 };
			XMLReader parser = XMLHelper.newXMLReader();
			parser.setContentHandler(new DefaultHandler() {
				private boolean inText;
				private int phonetic;

				@Override
				public void startElement(String uri, String localName, String qName, Attributes attributes) {
					switch (localName) {
						case "si" -> text.setLength(0);
						case "t" -> inText = phonetic == 0;
						case "rPh" -> phonetic++;
						default -> {
						}
					}
				}

				@Override
				public void endElement(String uri, String localName, String qName) {
					switch (localName) {
						case "si" -> {
							if (items.size() >= maxStrings) {
								throw new InvalidRequest("Le fichier compte trop de textes différents (plus de " + maxStrings + ").");
							}
							items.add(text.toString());
						}
						case "t" -> inText = false;
						case "rPh" -> phonetic--;
						default -> {
						}
					}
				}

				@Override
				public void characters(char[] ch, int start, int length) {
					if (inText) {
						characters[0] += length;
						if (characters[0] > MAX_CHARACTERS) {
							throw new InvalidRequest("Le fichier contient trop de texte (plus de " + MAX_CHARACTERS + " caractères).");
						}
						if (text.length() + length > InputLimits.TEXT) {
							throw new InvalidRequest("Une cellule dépasse " + InputLimits.TEXT + " caractères.");
						}
						text.append(ch, start, length);
					}
				}
			});
			parser.parse(new InputSource(sst));
			return new Strings(items);
		}

		@Override
		public RichTextString getItemAt(int idx) {
			return new XSSFRichTextString(idx >= 0 && idx < items.size() ? items.get(idx) : "");
		}

		@Override
		public int getCount() {
			return items.size();
		}

		@Override
		public int getUniqueCount() {
			return items.size();
		}
	}
}
