package be.fwb.ead.audit.web;

import java.time.LocalDate;

import be.fwb.ead.audit.AuditTrail;
import be.fwb.ead.audit.ChangeLog;
import be.fwb.ead.shared.PageOf;
import be.fwb.ead.shared.Paging;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The audit trail (coordinators): who changed what and when, before and after; who read which evaluations. */
@RestController
@Tag(name = "Journal d’audit", description = "Changements (par des personnes et par la synchronisation) et lectures des évaluations.")
class AuditController {

	private final AuditTrail trail;

	AuditController(AuditTrail trail) {
		this.trail = trail;
	}

	/** Changes, the latest first; filters: author (part of), entity, vacataire, from, to (dates), words of the summary. */
	@GetMapping("/api/audit/changes")
	Mono<PageOf<ChangeLog.Entry>> changes(@RequestParam(required = false) @Nullable String author,
			@RequestParam(required = false) @Nullable String entity, @RequestParam(required = false) @Nullable Long vacataireId,
			@RequestParam(required = false) @Nullable LocalDate from, @RequestParam(required = false) @Nullable LocalDate to,
			@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size) {
		return trail.changes(new AuditTrail.Filter(author, entity, vacataireId, from, to, q), Paging.of(page, size));
	}

	/** Reads of evaluations, the latest first; filters: reader (part of), vacataire, from, to, words. */
	@GetMapping("/api/audit/reads")
	Mono<PageOf<AuditTrail.Read>> reads(@RequestParam(required = false) @Nullable String reader,
			@RequestParam(required = false) @Nullable Long vacataireId, @RequestParam(required = false) @Nullable LocalDate from,
			@RequestParam(required = false) @Nullable LocalDate to, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable Integer page, @RequestParam(required = false) @Nullable Integer size) {
		return trail.reads(new AuditTrail.Filter(reader, null, vacataireId, from, to, q), Paging.of(page, size));
	}
}
