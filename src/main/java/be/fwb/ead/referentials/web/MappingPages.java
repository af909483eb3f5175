package be.fwb.ead.referentials.web;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import be.fwb.ead.referentials.Coverage.Depth;
import be.fwb.ead.referentials.MappingFiles;
import be.fwb.ead.referentials.ModuleMappings;
import be.fwb.ead.referentials.Referentials;
import be.fwb.ead.shared.DisplaySettings;
import be.fwb.ead.shared.InvalidRequest;
import be.fwb.ead.ui.Flash;
import be.fwb.ead.ui.FormInput;
import be.fwb.ead.ui.PageController;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Editing mappings: a module's competencies, one branch of a référentiel at a time; and a référentiel's mappings as a
 * file, exported and imported back.
 */
@PageController
class MappingPages {

	private static final int MAX_BYTES = 20 * 1024 * 1024;

	private final ModuleMappings modules;
	private final Referentials referentials;
	private final MappingFiles files;
	private final DisplaySettings display;

	MappingPages(ModuleMappings modules, Referentials referentials, MappingFiles files, DisplaySettings display) {
		this.modules = modules;
		this.referentials = referentials;
		this.files = files;
		this.display = display;
	}

	/**
	 * @param referentialId the référentiel to edit; by default the one the module works most (latest versions only)
	 * @param branch a top-level node; by default the one the module works most
	 */
	@GetMapping("/modules/{id}/competences")
	Mono<String> module(@PathVariable long id, @RequestParam(required = false) @Nullable Long referentialId,
			@RequestParam(required = false) @Nullable Long branch, Model model) {
		return Mono.zip(modules.module(id), modules.mapped(id), referentials.all().filter(Referentials.Referential::latest).collectList())
			.flatMap(t -> {
				model.addAttribute("module", t.getT1());
				model.addAttribute("mapped", t.getT2());
				model.addAttribute("referentials", t.getT3());
				if (t.getT3().isEmpty()) {
					return Mono.just("analysis/module");
				}
				long chosen = referentialId != null ? referentialId : mostMapped(t.getT2(), t.getT3());
				return modules.branches(id, chosen).flatMap(branches -> {
					if (branches.isEmpty()) {
						return Mono.just("analysis/module");
					}
					long b = branch != null ? branch
							: branches.stream().max(Comparator.comparingInt(ModuleMappings.Branch::mapped)).orElseThrow().id();
					model.addAttribute("referentialId", chosen);
					model.addAttribute("branches", branches);
					model.addAttribute("branch", b);
					model.addAttribute("depths", Depth.values());
					return modules.editor(id, chosen, b).doOnNext(rows -> model.addAttribute("rows", rows)).thenReturn("analysis/module");
				});
			});
	}

	private static long mostMapped(List<ModuleMappings.Mapped> mapped, List<Referentials.Referential> latest) {
		Map<Long, Integer> counts = new HashMap<>();
		mapped.forEach(m -> counts.merge(m.referentialId(), 1, Integer::sum));
		return latest.stream()
			.max(Comparator.comparingInt((Referentials.Referential r) -> counts.getOrDefault(r.id(), 0)))
			.orElseThrow()
			.id();
	}

	/** Saves one branch: each {@code c<competency id>} field holds a depth, or nothing to remove the mapping. */
	@PostMapping("/modules/{id}/competences")
	Mono<String> save(@PathVariable long id, ServerWebExchange exchange, Authentication who) {
		return exchange.getFormData().flatMap(form -> {
			long referentialId = FormInput.number(form, "referentialId");
			long branch = FormInput.number(form, "branch");
			Map<Long, @Nullable Depth> wanted = new HashMap<>();
			form.forEach((name, values) -> {
				if (name.matches("c\\d{1,18}")) {
					String v = values.isEmpty() ? "" : values.get(0);
					try {
						wanted.put(Long.parseLong(name.substring(1)), v.isBlank() ? null : Depth.valueOf(v));
					}
					catch (IllegalArgumentException e) {
						throw new InvalidRequest("Profondeur inconnue « " + v + " ».");
					}
				}
			});
			return Flash.outcome(exchange, Mono.defer(() -> modules.save(id, referentialId, wanted, who.getName())), "flash.mapped")
				.thenReturn("redirect:/modules/" + id + "/competences?referentialId=" + referentialId + "&branch=" + branch);
		});
	}

	@GetMapping("/analyse/{id}/correspondances.csv")
	Mono<ResponseEntity<Flux<DataBuffer>>> csv(@PathVariable long id, ServerWebExchange exchange) {
		return referentials.find(id).map(r -> MappingExport.table(display.zone())
			.csvDownload("correspondances-" + r.idnumber(), files.lines(id), exchange.getResponse().bufferFactory()));
	}

	@GetMapping("/analyse/{id}/correspondances.xlsx")
	Mono<ResponseEntity<byte[]>> xlsx(@PathVariable long id) {
		return referentials.find(id).flatMap(r -> MappingExport.table(display.zone())
			.xlsxDownload("correspondances-" + r.idnumber(), "Correspondances", files.lines(id)));
	}

	@GetMapping("/analyse/{id}/correspondances")
	Mono<String> importForm(@PathVariable long id, Model model) {
		return referentials.find(id).doOnNext(r -> model.addAttribute("referential", r)).thenReturn("analysis/mappings");
	}

	/** Imports a mappings file; the report of each line is shown on the same page. */
	@PostMapping("/analyse/{id}/correspondances")
	Mono<String> importFile(@PathVariable long id, ServerWebExchange exchange, Authentication who, Model model) {
		return referentials.find(id).doOnNext(r -> model.addAttribute("referential", r)).then(exchange.getMultipartData())
			.flatMap(parts -> {
				boolean dryRun = parts.getFirst("dryRun") instanceof FormFieldPart f && "true".equals(f.value());
				return FormInput.upload(parts, "file", MAX_BYTES, "Choisissez un fichier CSV ou XLSX.")
					.flatMap(file -> files.run(id, file.bytes(), dryRun, who.getName()).doOnNext(report -> {
						model.addAttribute("report", report);
						model.addAttribute("filename", file.filename());
					}));
			})
			.onErrorResume(InvalidRequest.class, e -> {
				model.addAttribute("problem", e.getMessage());
				return Mono.empty();
			})
			.thenReturn("analysis/mappings");
	}
}
