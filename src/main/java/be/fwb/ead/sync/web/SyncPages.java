package be.fwb.ead.sync.web;

import be.fwb.ead.shared.NotFound;
import be.fwb.ead.sync.SyncAlreadyRunning;
import be.fwb.ead.sync.SyncLauncher;
import be.fwb.ead.sync.SyncMode;
import be.fwb.ead.sync.SyncRuns;
import be.fwb.ead.ui.ListQuery;
import be.fwb.ead.ui.PageController;
import be.fwb.ead.ui.Pages;
import be.fwb.ead.ui.QueryString;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import reactor.core.publisher.Mono;

/** The history of sync runs, and the coordinators' button that starts one. */
@PageController
class SyncPages {

	private static final int PAGE_SIZE = 25;

	private final SyncRuns runs;
	private final SyncLauncher launcher;

	SyncPages(SyncRuns runs, SyncLauncher launcher) {
		this.runs = runs;
		this.launcher = launcher;
	}

	/** The history's query string: only the page. */
	record HistoryQuery(int page) implements ListQuery {

		@Override
		public String query(boolean paged, int otherPage) {
			return new QueryString().paging(paged, null, otherPage).toString();
		}
	}

	@GetMapping("/synchronisations")
	String history(@RequestParam(required = false) @Nullable Integer page, Model model) {
		model.addAttribute("query", new HistoryQuery(page == null ? 1 : page));
		model.addAttribute("runs", Pages.clamped(Pages.paging(page, null, PAGE_SIZE), runs::page));
		return "sync/history";
	}

	/** One run, as the history shows it; a number that is no run answers 404, an id that is no number 400. */
	@GetMapping("/synchronisations/{id}")
	Mono<String> run(@PathVariable long id, Model model) {
		return runs.find(id)
			.switchIfEmpty(Mono.error(new NotFound("Aucune synchronisation n’a le numéro " + id + ".")))
			.map(run -> {
				model.addAttribute("run", run);
				return "sync/run";
			});
	}

	/** The start button's form: {@code FULL} or else incremental. */
	record StartForm(@Nullable String mode) {
	}

	/** Starts a run and goes back to the dashboard, which follows it; a run already going on is said, not an error. */
	@PostMapping("/synchronisations")
	Mono<String> start(@ModelAttribute StartForm form, Authentication who) {
		SyncMode chosen = "FULL".equalsIgnoreCase(form.mode()) ? SyncMode.FULL : SyncMode.INCREMENTAL;
		return launcher.start(chosen, who.getName())
			.map(run -> "redirect:/?lancee=" + run.id())
			.onErrorResume(SyncAlreadyRunning.class, e -> Mono.just("redirect:/?erreur=sync-en-cours"));
	}
}
