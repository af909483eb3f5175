package be.fwb.ead.referentials.web;

import java.util.List;

import be.fwb.ead.referentials.Coverage;
import be.fwb.ead.referentials.Exams;
import be.fwb.ead.referentials.MappingFiles;
import be.fwb.ead.referentials.MoodleFrameworks;
import be.fwb.ead.referentials.Referentials;
import be.fwb.ead.shared.FileBody;
import be.fwb.ead.shared.FormInput;
import be.fwb.ead.shared.TableExport;
import be.fwb.ead.shared.DisplaySettings;
import be.fwb.ead.shared.ProblemResponses;
import org.jspecify.annotations.Nullable;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Référentiels: import and export in Moodle's competency framework format, versions and their changes. */
@RestController
@Tag(name = "Référentiels", description = "Référentiels de compétences : import et export au format de Moodle, versions.")
class ReferentialController {

	private final Referentials referentials;
	private final Coverage coverage;
	private final Exams exams;
	private final MappingFiles mappingFiles;
	private final MoodleFrameworks moodleFrameworks;
	private final DisplaySettings display;

	ReferentialController(Referentials referentials, Coverage coverage, Exams exams, MappingFiles mappingFiles,
			MoodleFrameworks moodleFrameworks, DisplaySettings display) {
		this.referentials = referentials;
		this.coverage = coverage;
		this.exams = exams;
		this.mappingFiles = mappingFiles;
		this.moodleFrameworks = moodleFrameworks;
		this.display = display;
	}

	/** Reads the competency frameworks of the Moodle site; a changed framework becomes a new version. */
	@PostMapping("/api/referentials/moodle")
	Mono<List<MoodleFrameworks.Outcome>> readMoodle(Authentication who) {
		return moodleFrameworks.read(who.getName());
	}

	/** The mappings of a référentiel, one per module × competency. */
	@GetMapping("/api/referentials/{id}/mappings")
	Mono<List<MappingFiles.Line>> mappings(@PathVariable long id) {
		return mappingFiles.lines(id).collectList();
	}

	/** The same, as the CSV file an import reads back (UTF-8, semicolons). */
	@GetMapping("/api/referentials/{id}/mappings.csv")
	Mono<ResponseEntity<Flux<org.springframework.core.io.buffer.DataBuffer>>> mappingsCsv(@PathVariable long id,
			org.springframework.web.server.ServerWebExchange exchange) {
		return referentials.find(id).map(r -> MappingExport.table(display.zone())
			.csvDownload("correspondances-" + r.idnumber(), mappingFiles.lines(id), exchange.getResponse().bufferFactory()));
	}

	/**
	 * Imports mappings from a CSV or XLSX file (columns « Module (nom abrégé) », « Compétence (numéro d'identification) »,
	 * « Profondeur »; an empty depth removes). One wrong line and nothing is written; {@code dryRun} only checks.
	 */
	@PostMapping(path = "/api/referentials/{id}/mappings/import", consumes = { "text/csv", "application/octet-stream",
			"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" })
	Mono<ResponseEntity<Object>> importMappings(@PathVariable long id, @RequestBody @FileBody Flux<DataBuffer> file,
			@RequestParam(defaultValue = "false") boolean dryRun, Authentication who) {
		return FormInput.body(file, 20 * 1024 * 1024)
			.flatMap(bytes -> mappingFiles.run(id, bytes, dryRun, who.getName()))
			.map(r -> ProblemResponses.importReport(r, r.errors(), "/api/referentials/" + id + "/mappings/import"));
	}

	/** An exam as defined: its parts, their weights and the ID numbers of their competencies. */
	@GetMapping("/api/exams/{code}")
	Mono<Exams.Definition> exam(@PathVariable String code) {
		return exams.find(code);
	}

	/** Removes an exam and its parts. */
	@DeleteMapping("/api/exams/{code}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> deleteExam(@PathVariable String code, Authentication who) {
		return exams.delete(code, who.getName());
	}

	/** @param sessions the dates of the exam's sessions; left as they are when absent */
	record ExamDefinition(String name, @Nullable String level, List<Exams.PartDefinition> parts,
			@Nullable List<java.time.LocalDate> sessions) {
	}

	/** Creates or replaces an exam, its parts (each tied to competencies by ID number) and, when given, its sessions. */
	@PutMapping("/api/exams/{code}")
	Mono<java.util.Map<String, Long>> defineExam(@PathVariable String code, @RequestBody ExamDefinition e, Authentication who) {
		return exams.define(code, e.name(), e.level(), e.parts() == null ? List.of() : e.parts(), e.sessions(), who.getName())
			.map(id -> java.util.Map.of("id", id));
	}

	/** Writes module–competency mappings in bulk; a mapping without depth is removed. */
	@PutMapping("/api/referentials/mappings")
	Mono<java.util.Map<String, Integer>> map(@RequestBody List<Coverage.Mapping> mappings, Authentication who) {
		return coverage.map(mappings, who.getName()).map(n -> java.util.Map.of("written", n));
	}

	/** Imports a file of Moodle's competency framework importer (CSV or the same columns in XLSX). */
	@PostMapping(path = "/api/referentials/import", consumes = { "text/csv", "application/octet-stream",
			"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" })
	@ResponseStatus(HttpStatus.CREATED)
	Mono<Referentials.Imported> importFile(@RequestBody @FileBody Flux<DataBuffer> file, Authentication who) {
		return FormInput.body(file, 20 * 1024 * 1024).flatMap(bytes -> referentials.importFile(bytes, who.getName()));
	}

	@GetMapping("/api/referentials")
	Mono<List<Referentials.Referential>> all() {
		return referentials.all().collectList();
	}

	@GetMapping("/api/referentials/{id}")
	Mono<Referentials.Referential> one(@PathVariable long id) {
		return referentials.find(id);
	}

	/** The competencies in tree order (each followed by its children), with their depth and parent. */
	@GetMapping("/api/referentials/{id}/competencies")
	Mono<List<Referentials.Competency>> competencies(@PathVariable long id) {
		return referentials.tree(id);
	}

	/** What this version added, removed and reworded from the previous one. */
	@GetMapping("/api/referentials/{id}/changes")
	Mono<Referentials.Changes> changes(@PathVariable long id) {
		return referentials.changes(id);
	}

	/** The file Moodle's importer reads back, every cell a spreadsheet would run as a formula neutralised. */
	@GetMapping("/api/referentials/{id}/export.csv")
	Mono<ResponseEntity<byte[]>> export(@PathVariable long id) {
		return ReferentialFiles.csv(referentials, id, TableExport.Dialect.MOODLE);
	}

	/** The same file with every cell exactly as Moodle wrote it: for re-import into Moodle only, never into a spreadsheet. */
	@GetMapping("/api/referentials/{id}/export-moodle.csv")
	Mono<ResponseEntity<byte[]>> exportRaw(@PathVariable long id) {
		return ReferentialFiles.csv(referentials, id, TableExport.Dialect.MOODLE_RAW);
	}
}
