package be.fwb.ead.dashboard;

import java.util.List;

import be.fwb.ead.catalogue.Catalogue;
import be.fwb.ead.shared.PageController;
import be.fwb.ead.sync.SyncRun;
import be.fwb.ead.sync.SyncRuns;
import be.fwb.ead.sync.SyncStatus;
import be.fwb.ead.vacataires.Vacataires;
import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.GetMapping;
import reactor.core.publisher.Mono;

/** The tableau de bord: the catalogue and the corps at a glance, and the last sync runs. */
@PageController
class DashboardPage {

	private static final int RECENT_RUNS = 5;

	private final Catalogue catalogue;
	private final Vacataires vacataires;
	private final SyncRuns runs;

	DashboardPage(Catalogue catalogue, Vacataires vacataires, SyncRuns runs) {
		this.catalogue = catalogue;
		this.vacataires = vacataires;
		this.runs = runs;
	}

	/**
	 * @param lancee the run just started from this page, to confirm it
	 * @param erreur {@code sync-en-cours} when the start was refused because a run is going on
	 */
	@GetMapping("/")
	Mono<String> dashboard(@RequestParam(required = false) @Nullable Long lancee,
			@RequestParam(required = false) @Nullable String erreur, Model model) {
		model.addAttribute("started", lancee);
		model.addAttribute("alreadyRunning", "sync-en-cours".equals(erreur));
		model.addAttribute("modules", catalogue.figures());
		model.addAttribute("vacataires", vacataires.figures());
		return recentRuns(model).thenReturn("dashboard");
	}

	/** The runs panel alone: the dashboard polls it while a run is going on. */
	@GetMapping("/tableau-de-bord/synchronisations")
	Mono<String> runsPanel(Model model) {
		return recentRuns(model).thenReturn("dashboard :: runs");
	}

	private Mono<List<SyncRun>> recentRuns(Model model) {
		return runs.latest(RECENT_RUNS).collectList().doOnNext(list -> {
			model.addAttribute("runs", list);
			model.addAttribute("running", list.stream().anyMatch(r -> r.status() == SyncStatus.RUNNING));
		});
	}
}
