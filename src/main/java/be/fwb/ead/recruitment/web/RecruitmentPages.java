package be.fwb.ead.recruitment.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import be.fwb.ead.catalogue.Placements;
import be.fwb.ead.recruitment.Recruitment;
import be.fwb.ead.shared.InvalidRequest;
import be.fwb.ead.ui.Flash;
import be.fwb.ead.ui.FormInput;
import be.fwb.ead.ui.PageController;
import be.fwb.ead.vacataires.VacataireFile;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The recruitment screens: campaigns, a campaign's candidates, a candidacy's scores and decision. */
@PageController
class RecruitmentPages {

	private static final int LINES = 3;

	/** A need's field as the form and the service name it: {@code level-2}. */
	private static final Pattern NEED_FIELD = Pattern.compile("(level|subject|role|hours)-(\\d+)");

	private final Recruitment recruitment;

	private final Placements placements;

	RecruitmentPages(Recruitment recruitment, Placements placements) {
		this.recruitment = recruitment;
		this.placements = placements;
	}

	@GetMapping("/recrutement")
	String campaigns(Model model) {
		model.addAttribute("campaigns", recruitment.campaigns().collectList());
		model.addAttribute("grid", recruitment.grid().collectList());
		model.addAttribute("levels", placements.levels());
		model.addAttribute("subjects", placements.subjects());
		return "recruitment/campaigns";
	}

	@PostMapping("/recrutement/grille")
	Mono<String> configure(Authentication who, ServerWebExchange exchange) {
		return Flash.outcome(exchange, exchange.getFormData()
			.flatMap(form -> recruitment.configure(be.fwb.ead.grids.CriteriaGrid.fromForm(form), who.getName())), "flash.saved")
			.thenReturn("redirect:/recrutement#grille");
	}

	/**
	 * A campaign with up to three needs ({@code level-1}, {@code subject-1}, {@code role-1}, {@code hours-1}…). An empty
	 * line is left out; a line begun (a level, a subject or hours typed) and not finished is refused beside its field,
	 * not dropped unsaid.
	 */
	@PostMapping("/recrutement")
	Mono<String> open(Authentication who, ServerWebExchange exchange) {
		Mono<Long> open = exchange.getFormData().flatMap(f -> {
			List<Recruitment.Need> needs = new ArrayList<>();
			List<Integer> lines = new ArrayList<>();
			for (int i = 1; i <= LINES; i++) {
				String level = FormInput.text(f, "level-" + i);
				String subject = FormInput.text(f, "subject-" + i);
				String hours = FormInput.text(f, "hours-" + i);
				if (level.isEmpty() && subject.isEmpty() && hours.isEmpty()) {
					continue;
				}
				String missing = level.isEmpty() ? "level" : subject.isEmpty() ? "subject" : hours.isEmpty() ? "hours" : null;
				if (missing != null) {
					return Mono.error(InvalidRequest.ofField(missing + "-" + i, "Besoin " + i + " : indiquez "
							+ (missing.equals("level") ? "le niveau" : missing.equals("subject") ? "la matière" : "les heures")
							+ ", ou videz la ligne."));
				}
				needs.add(new Recruitment.Need(level, subject, f.getFirst("role-" + i), FormInput.number(f, "hours-" + i)));
				lines.add(i);
			}
			return recruitment.open(f.getFirst("name"), FormInput.date(f, "opensOn"), FormInput.date(f, "closesOn"), needs, who.getName())
				.onErrorMap(InvalidRequest.class, e -> onFormLine(e, lines));
		});
		return open.flatMap(id -> Flash.outcome(exchange, Mono.empty(), "flash.saved").thenReturn("redirect:/recrutement/" + id))
			.onErrorResume(InvalidRequest.class, e -> Flash.outcome(exchange, Mono.error(e), "flash.saved").thenReturn("redirect:/recrutement"));
	}

	/** The service numbers the needs it was given; the form's empty lines were left out: its refusal names the form's line. */
	private static InvalidRequest onFormLine(InvalidRequest e, List<Integer> lines) {
		Matcher m = e.field() == null ? null : NEED_FIELD.matcher(e.field());
		if (m == null || !m.matches() || lines.isEmpty()) {
			return e;
		}
		int given = Integer.parseInt(m.group(2));
		int line = given <= lines.size() ? lines.get(given - 1) : given;
		return line == given ? e : InvalidRequest.ofField(m.group(1) + "-" + line, e.getMessage().replace("Besoin " + given + " ", "Besoin " + line + " "));
	}

	@GetMapping("/recrutement/{id}")
	String campaign(@PathVariable long id, Model model) {
		model.addAttribute("campaign", recruitment.campaign(id));
		model.addAttribute("candidacies", recruitment.candidacies(id).collectList());
		return "recruitment/campaign";
	}

	/** A candidate with up to three documents ({@code doc-kind-1}, {@code doc-file-1}, {@code doc-date-1}…). */
	@PostMapping("/recrutement/{id}/candidatures")
	Mono<String> apply(@PathVariable long id, Authentication who, ServerWebExchange exchange) {
		Mono<Long> apply = exchange.getFormData().flatMap(f -> {
			List<Recruitment.Document> documents = new ArrayList<>();
			for (int i = 1; i <= LINES; i++) {
				String file = f.getFirst("doc-file-" + i);
				String date = f.getFirst("doc-date-" + i);
				if ((file == null || file.isBlank()) && date != null && !date.isBlank()) {
					// A line begun (its date given) but without its file is not dropped unsaid.
					return Mono.error(InvalidRequest.ofField("doc-file-" + i, "Le document " + i + " a une date mais pas de nom de fichier : "
							+ "indiquez le fichier, ou effacez la date."));
				}
				if (file != null && !file.isBlank()) {
					documents.add(new Recruitment.Document(f.getFirst("doc-kind-" + i), file, FormInput.date(f, "doc-date-" + i)));
				}
			}
			return recruitment.apply(id, new VacataireFile.Identity(f.getFirst("firstname"), f.getFirst("lastname"), f.getFirst("email"),
					null, f.getFirst("phone"), null), documents, who.getName());
		});
		return Flash.outcome(exchange, apply, "flash.candidate").thenReturn("redirect:/recrutement/" + id);
	}

	@GetMapping("/recrutement/candidatures/{id}")
	String candidacy(@PathVariable long id, Authentication who, Model model) {
		Mono<Recruitment.Candidacy> candidacy = recruitment.candidacy(id).cache();
		model.addAttribute("candidacy", candidacy);
		model.addAttribute("campaign", candidacy.flatMap(k -> recruitment.campaign(k.campaignId())));
		model.addAttribute("grid", recruitment.grid().collectList());
		model.addAttribute("me", who.getName());
		// The viewer's own scores, to show again in their grid: criterion → score.
		model.addAttribute("mine", candidacy.map(k -> k.scores().stream().filter(s -> s.evaluator().equals(who.getName()))
			.collect(java.util.stream.Collectors.toMap(Recruitment.EvaluatorScore::criterionId, s -> s, (a, b) -> b))));
		return "recruitment/candidacy";
	}

	/** The signed-in evaluator's grid: {@code score-<criterion>} and {@code why-<criterion>}. */
	@PostMapping("/recrutement/candidatures/{id}/notes")
	Mono<String> score(@PathVariable long id, Authentication who, ServerWebExchange exchange) {
		Mono<Void> score = exchange.getFormData().flatMap(f -> recruitment.grid().collectList().flatMap(grid -> {
			List<Recruitment.Score> scores = new ArrayList<>();
			for (be.fwb.ead.grids.CriteriaGrid.Criterion c : grid) {
				String s = f.getFirst("score-" + c.id());
				if (s == null || !s.matches("[0-5]")) {
					// Each criterion scored by the evaluator: no score is assumed for them.
					return Mono.error(InvalidRequest.ofField("score-" + c.id(), "Notez « " + c.label() + " » de 0 à 5."));
				}
				String why = f.getFirst("why-" + c.id());
				scores.add(new Recruitment.Score(c.id(), Integer.parseInt(s), why == null ? "" : why));
			}
			return recruitment.score(id, scores, who.getName());
		}));
		return Flash.outcome(exchange, score, "flash.saved").thenReturn("redirect:/recrutement/candidatures/" + id);
	}

	@PostMapping("/recrutement/candidatures/{id}/decision")
	Mono<String> decide(@PathVariable long id, Authentication who, ServerWebExchange exchange) {
		Mono<Recruitment.Candidacy> decide = exchange.getFormData()
			.flatMap(f -> recruitment.decide(id, "retain".equals(f.getFirst("decision")), f.getFirst("reason"), who.getName()));
		return Flash.outcome(exchange, decide, "flash.decided").thenReturn("redirect:/recrutement/candidatures/" + id);
	}


}
