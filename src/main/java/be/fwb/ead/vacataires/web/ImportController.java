package be.fwb.ead.vacataires.web;

import be.fwb.ead.vacataires.imports.VacataireImport;
import be.fwb.ead.shared.FileBody;
import be.fwb.ead.shared.FormInput;
import be.fwb.ead.shared.ProblemResponses;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.core.io.buffer.DataBuffer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Imports vacataires and their titles from a CSV or XLSX file sent as the request body (coordinators). A file with
 * errors answers 422, a problem detail whose {@code lines} say what to fix on which line; nothing is written.
 */
@RestController
@Tag(name = "Import", description = "Import de vacataires et de leurs titres depuis un fichier CSV ou XLSX.")
class ImportController {

	private final VacataireImport imports;

	ImportController(VacataireImport imports) {
		this.imports = imports;
	}

	@PostMapping(path = "/api/vacataires/import", consumes = { "text/csv", "application/octet-stream",
			"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" })
	Mono<ResponseEntity<Object>> run(@RequestBody @FileBody Flux<DataBuffer> file,
			@RequestParam(defaultValue = "false") boolean dryRun, Authentication who) {
		// As large as the page's import accepts (5 MiB), not the 256 KiB of a request body held in memory.
		return FormInput.body(file, 5 * 1024 * 1024)
			.flatMap(bytes -> imports.run(bytes, dryRun, who.getName()))
			.map(report -> ProblemResponses.importReport(report, report.errors(), "/api/vacataires/import"));
	}
}
