package be.fwb.ead.referentials.web;


import be.fwb.ead.referentials.MoodleFrameworks;
import be.fwb.ead.referentials.Referentials;
import be.fwb.ead.shared.TableExport;
import be.fwb.ead.shared.Flash;
import be.fwb.ead.shared.FormInput;
import be.fwb.ead.shared.PageController;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The référentiels' screens beside the analyses ({@code analysis.web.AnalysisPages}): import (a file, or Moodle's
 * frameworks), a version's changes and the modules they touch, and the référentiel's files (CSV for Moodle, XLSX).
 */
@PageController
class ReferentialPages {

	private static final int MAX_BYTES = 20 * 1024 * 1024;

	private final Referentials referentials;
	private final MoodleFrameworks moodleFrameworks;

	ReferentialPages(Referentials referentials, MoodleFrameworks moodleFrameworks) {
		this.referentials = referentials;
		this.moodleFrameworks = moodleFrameworks;
	}

	/** Reads the competency frameworks of the Moodle site; a changed one becomes a new version. */
	@PostMapping("/analyse/moodle")
	Mono<String> readMoodle(ServerWebExchange exchange, Authentication who) {
		return Flash.outcome(exchange, moodleFrameworks.read(who.getName()), "flash.moodleRead").thenReturn("redirect:/analyse");
	}

	/**
	 * The référentiel in Moodle's competency framework file, to edit and import back, or into Moodle: every cell a
	 * spreadsheet would run as a formula neutralised (a leading apostrophe).
	 */
	@GetMapping("/analyse/{id}/referentiel.csv")
	Mono<ResponseEntity<byte[]>> referentialCsv(@PathVariable long id) {
		return ReferentialFiles.csv(referentials, id, TableExport.Dialect.MOODLE);
	}

	/** The same file with every cell exactly as Moodle wrote it, labelled as such: for re-import into Moodle only. */
	@GetMapping("/analyse/{id}/referentiel-moodle.csv")
	Mono<ResponseEntity<byte[]>> referentialRawCsv(@PathVariable long id) {
		return ReferentialFiles.csv(referentials, id, TableExport.Dialect.MOODLE_RAW);
	}

	/** The same 14 columns in XLSX, which the import reads too. */
	@GetMapping("/analyse/{id}/referentiel.xlsx")
	Mono<ResponseEntity<byte[]>> referentialXlsx(@PathVariable long id) {
		return referentials.find(id).flatMap(r -> Referentials.exportTable()
			.xlsxDownload("referentiel-" + r.idnumber(), "Référentiel", referentials.exportRows(id).flatMapIterable(rows -> rows)));
	}

	/** What a version changed from the previous one, and the modules whose mappings it touches. */
	@GetMapping("/analyse/{id}/changements")
	String changes(@PathVariable long id, Model model) {
		model.addAttribute("referential", referentials.find(id));
		model.addAttribute("changes", referentials.changes(id));
		return "analysis/changes";
	}

	@PostMapping("/analyse/import")
	Mono<String> importFile(ServerWebExchange exchange, Authentication who) {
		Mono<Referentials.Imported> imported = exchange.getMultipartData()
			.flatMap(parts -> FormInput.upload(parts, "file", MAX_BYTES, "Choisissez le fichier du référentiel (CSV ou XLSX)."))
			.flatMap(file -> referentials.importFile(file.bytes(), who.getName()))
			.cache();
		return Flash.outcome(exchange, imported, "flash.imported")
			.flatMap(ok -> ok ? imported.map(i -> "redirect:/analyse/" + i.id()) : Mono.just("redirect:/analyse"));
	}
}
