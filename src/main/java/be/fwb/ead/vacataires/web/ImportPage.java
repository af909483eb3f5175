package be.fwb.ead.vacataires.web;

import be.fwb.ead.shared.FormInput;
import be.fwb.ead.shared.InvalidRequest;
import be.fwb.ead.shared.PageController;
import be.fwb.ead.vacataires.TitleGaps;
import be.fwb.ead.vacataires.imports.VacataireImport;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The import screen: the expected columns, the upload, the report of each line, and the vacataires who still lack a
 * title covering their modules (the titles are recorded in bulk by this import).
 */
@PageController
class ImportPage {

	private static final int MAX_BYTES = 5 * 1024 * 1024;

	private final VacataireImport imports;
	private final TitleGaps titleGaps;

	ImportPage(VacataireImport imports, TitleGaps titleGaps) {
		this.imports = imports;
		this.titleGaps = titleGaps;
	}

	@GetMapping("/vacataires/import")
	String form(Model model) {
		model.addAttribute("lackingTitle", titleGaps.lackingTitle());
		return "imports/vacataires";
	}

	@PostMapping("/vacataires/import")
	Mono<String> upload(ServerWebExchange exchange, Authentication who, Model model) {
		return exchange.getMultipartData().flatMap(parts -> {
			boolean dryRun = parts.getFirst("dryRun") instanceof FormFieldPart f && "true".equals(f.value());
			return FormInput.upload(parts, "file", MAX_BYTES, "Choisissez un fichier CSV ou XLSX.")
				.flatMap(file -> imports.run(file.bytes(), dryRun, who.getName()).doOnNext(report -> {
					model.addAttribute("report", report);
					model.addAttribute("filename", file.filename());
					model.addAttribute("dryRun", dryRun);
				}));
		}).onErrorResume(InvalidRequest.class, e -> {
			model.addAttribute("problem", e.getMessage());
			return Mono.empty();
		}).then(Mono.fromRunnable(() -> model.addAttribute("lackingTitle", titleGaps.lackingTitle()))).thenReturn("imports/vacataires");
	}
}
