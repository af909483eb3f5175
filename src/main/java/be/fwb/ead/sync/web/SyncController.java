package be.fwb.ead.sync.web;

import java.util.List;

import be.fwb.ead.shared.InvalidRequest;
import be.fwb.ead.shared.NotFound;
import be.fwb.ead.sync.SyncLauncher;
import be.fwb.ead.sync.SyncMode;
import be.fwb.ead.sync.SyncRun;
import be.fwb.ead.sync.SyncRuns;
import org.jspecify.annotations.Nullable;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Starting a sync (coordinators) and reading the record of runs. */
@RestController
@Tag(name = "Synchronisation", description = "Lancer une synchronisation avec Moodle et consulter les exécutions.")
@RequestMapping("/api/sync")
class SyncController {

	private final SyncLauncher launcher;
	private final SyncRuns runs;

	SyncController(SyncLauncher launcher, SyncRuns runs) {
		this.launcher = launcher;
		this.runs = runs;
	}

	record StartRequest(@Nullable String mode) {
	}

	record Started(long id, String status) {
	}

	@PostMapping
	@ResponseStatus(HttpStatus.ACCEPTED)
	Mono<Started> start(@RequestBody(required = false) @Nullable StartRequest request, Authentication who) {
		SyncMode mode = mode(request == null ? null : request.mode());
		return launcher.start(mode, who.getName()).map(run -> new Started(run.id(), run.status().name()));
	}

	@GetMapping("/runs/{id}")
	Mono<SyncRun> run(@PathVariable long id) {
		return runs.find(id).switchIfEmpty(Mono.error(new NotFound("Aucune synchronisation n’a l’identifiant " + id + ".")));
	}

	@GetMapping("/runs")
	Mono<List<SyncRun>> runs(@RequestParam(defaultValue = "20") int limit) {
		if (limit < 1 || limit > 500) {
			return Mono.error(new InvalidRequest("Le paramètre « limit » doit être compris entre 1 et 500 (reçu : " + limit + ")."));
		}
		return runs.latest(limit).collectList();
	}

	private static SyncMode mode(@Nullable String mode) {
		if (mode == null || mode.isBlank()) {
			return SyncMode.INCREMENTAL;
		}
		try {
			return SyncMode.valueOf(mode.trim().toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new InvalidRequest("Mode de synchronisation inconnu : « " + mode + " ». Valeurs admises : FULL, INCREMENTAL.");
		}
	}
}
