package be.fwb.ead.analysis.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import be.fwb.ead.analysis.Attention;
import be.fwb.ead.shared.Paging;
import be.fwb.ead.training.Training;
import be.fwb.ead.ui.ListQuery;
import be.fwb.ead.ui.PageController;
import be.fwb.ead.ui.Pages;
import be.fwb.ead.ui.QueryString;
import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The coordinators' attention list: by kind (the first lines of each), one kind page by page ({@code genre}), or
 * grouped by vacataire or by module ({@code vue}); each group with the bulk action that fits it.
 */
@PageController
class AttentionPage {

	private static final int PAGE = 100;

	private final Attention attention;
	private final Training training;
	private final Clock clock;

	AttentionPage(Attention attention, Training training, Clock clock) {
		this.attention = attention;
		this.training = training;
		this.clock = clock;
	}

	record AttentionQuery(@Nullable String vue, @Nullable String genre, @Nullable Integer page) implements ListQuery {

		Attention.@Nullable Kind kind() {
			for (Attention.Kind k : Attention.Kind.values()) {
				if (k.name().equals(genre)) {
					return k;
				}
			}
			return null;
		}

		Attention.@Nullable GroupBy groupBy() {
			return "vacataires".equals(vue) ? Attention.GroupBy.VACATAIRE : "modules".equals(vue) ? Attention.GroupBy.MODULE : null;
		}

		@Override
		public String query(boolean paged, int otherPage) {
			return new QueryString().add("vue", vue).add("genre", genre).paging(paged, null, otherPage).toString();
		}
	}

	@GetMapping("/attention")
	String attention(@ModelAttribute AttentionQuery q, Model model) {
		Paging paging = Pages.paging(q.page(), null, PAGE);
		model.addAttribute("query", q);
		Attention.Kind kind = q.kind();
		Attention.GroupBy by = q.groupBy();
		if (kind != null) {
			model.addAttribute("kind", kind);
			model.addAttribute("items", attention.kind(kind, paging));
		}
		else if (by != null) {
			model.addAttribute("holders", attention.holders(by, paging));
		}
		else {
			model.addAttribute("groups", attention.all());
		}
		Instant now = Instant.now(clock);
		// The day the planning of the evaluations proposes: in two weeks.
		model.addAttribute("today", java.time.LocalDate.now(clock));
		model.addAttribute("proposedDay", java.time.LocalDate.now(clock).plusDays(14));
		// The sessions to come with a free seat, of a training someone listed still lacks; the soonest first.
		model.addAttribute("sessions", training.awaitingSession()
			.map(o -> o.kind() + "|" + o.topic())
			.collect(java.util.stream.Collectors.toSet())
			.flatMap(wanted -> training.sessions()
				.filter(s -> s.startsAt().plus(Duration.ofMinutes(s.durationMinutes())).isAfter(now) && s.registered() < s.capacity()
						&& wanted.contains(s.kind() + "|" + s.topic()))
				.sort(java.util.Comparator.comparing(Training.Session::startsAt))
				.collectList()));
		return "attention/list";
	}
}
