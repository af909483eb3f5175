package be.fwb.ead.reviews.web;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import be.fwb.ead.reviews.Reviews;
import be.fwb.ead.reviews.Rubrics.Criterion;
import be.fwb.ead.shared.DisplaySettings;
import be.fwb.ead.shared.NotFound;
import be.fwb.ead.shared.TableExport;
import be.fwb.ead.shared.TableExport.Column;
import be.fwb.ead.ui.PageController;
import be.fwb.ead.ui.Texts;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A module's review report, the proof that the process was followed: every review of the module with its rubric,
 * the findings of every round with the authors' answers, and who moved it when; as a printable page and as XLSX.
 */
@PageController
class ReviewReports {

	private final Reviews reviews;
	private final MessageSource messages;
	private final DisplaySettings display;
	private final Clock clock;

	ReviewReports(Reviews reviews, MessageSource messages, DisplaySettings display, Clock clock) {
		this.reviews = reviews;
		this.messages = messages;
		this.display = display;
		this.clock = clock;
	}

	/** Every review of the module in full, the oldest first. */
	private Mono<List<Reviews.Detail>> details(long moduleId) {
		return reviews.list(null, moduleId, null)
			.sort(Comparator.comparing(Reviews.Summary::plannedAt).thenComparing(Reviews.Summary::id))
			.concatMap(r -> reviews.detail(r.id()))
			.collectList()
			.flatMap(list -> list.isEmpty() ? Mono.error(new NotFound("Ce module n’a encore aucune revue qualité.")) : Mono.just(list));
	}

	@GetMapping("/revues/modules/{moduleId}/rapport")
	Mono<String> report(@PathVariable long moduleId, Model model) {
		return details(moduleId).map(list -> {
			model.addAttribute("details", list);
			model.addAttribute("module", list.get(0).review());
			model.addAttribute("generatedAt", Instant.now(clock));
			return "reviews/report";
		});
	}

	/** One line of the XLSX journal: a step of a review, a finding, or an author's answer. */
	record Line(long review, @Nullable Integer round, String kind, Instant at, String who, @Nullable String section,
			@Nullable String criterion, @Nullable String value, @Nullable String text) {
	}

	@GetMapping("/revues/modules/{moduleId}/rapport.xlsx")
	Mono<ResponseEntity<byte[]>> xlsx(@PathVariable long moduleId, ServerWebExchange exchange) {
		Texts t = Texts.of(messages, exchange);
		TableExport<Line> export = new TableExport<>(List.of(
				new Column<Line>(t.get("review.number.col"), Line::review),
				new Column<Line>(t.get("review.round"), Line::round),
				new Column<Line>(t.get("review.entry"), Line::kind),
				new Column<Line>(t.get("common.date"), Line::at),
				new Column<Line>(t.get("review.who"), Line::who),
				new Column<Line>(t.get("review.section"), Line::section),
				new Column<Line>(t.get("review.criterion"), Line::criterion),
				new Column<Line>(t.get("review.value"), Line::value),
				new Column<Line>(t.get("review.text"), Line::text)), display.zone());
		return details(moduleId).flatMap(list -> export.xlsxDownload("revues-" + list.get(0).review().moduleShortname(),
				t.get("review.report"), Flux.fromIterable(list).flatMapIterable(d -> lines(d, t))));
	}

	static List<Line> lines(Reviews.Detail d, Texts t) {
		List<Line> out = new ArrayList<>();
		long id = d.review().id();
		for (Reviews.Event e : d.events()) {
			String step = (e.from() != null && e.from() != e.to() ? t.get("review.state." + e.from()) + " → " : "")
					+ t.get("review.state." + e.to());
			out.add(new Line(id, null, t.get("review.entry.step"), e.at(), e.actor(), null, null, step, e.note()));
		}
		Map<Long, Criterion> criteria = ReviewPages.labels(d.rubric());
		for (Reviews.Finding f : d.findings()) {
			Criterion c = criteria.get(f.criterionId());
			String value = f.score() != null ? f.score() + " / " + c.scaleMax()
					: Boolean.TRUE.equals(f.passed()) ? t.get("review.passed") : t.get("review.failed");
			out.add(new Line(id, f.round(), t.get("review.entry.finding"), f.recordedAt(), f.recordedBy(), c.section(), c.label(), value,
					f.comment()));
			for (Reviews.Answer a : f.answers()) {
				out.add(new Line(id, f.round(), t.get("review.entry.answer"), a.answeredAt(), a.author(), c.section(), c.label(), null,
						a.text()));
			}
		}
		out.sort(Comparator.comparing(Line::at));
		return out;
	}
}
