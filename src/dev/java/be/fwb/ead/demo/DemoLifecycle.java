package be.fwb.ead.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import be.fwb.ead.moodlesim.EadDataset;
import be.fwb.ead.recruitment.Recruitment;
import be.fwb.ead.titles.CoverageKind;
import be.fwb.ead.titles.Titles;
import be.fwb.ead.training.Training;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The lifecycle records every demo starts with, when it has none: the titles of the FWB decree for the demo site's
 * levels and subjects, training sessions (three of last year's initial training, three to come), and an open
 * recruitment campaign. Nothing is granted or assigned: the first day. {@link DemoYearOne} takes it a year on.
 */
final class DemoLifecycle {

	private static final String AUTHOR = "démo";

	static final String PAST_MOODLE = "Moodle pour les vacataires EAD (session de l'an dernier)";
	static final String PAST_TUTORING = "Tutorer à distance (session de l'an dernier)";
	static final String PAST_PEDAGOGY = "Concevoir un module en ligne : balises et calibrage (session de l'an dernier)";

	private final Titles titles;
	private final Training training;
	private final Recruitment recruitment;

	DemoLifecycle(Titles titles, Training training, Recruitment recruitment) {
		this.titles = titles;
		this.training = training;
		this.recruitment = recruitment;
	}

	Mono<Void> seedIfEmpty() {
		return titles.all().hasElements().flatMap(any -> any ? Mono.empty() : seed());
	}

	private Mono<Void> seed() {
		Map<String, List<String>> site = EadDataset.levelsAndSubjects();
		List<String> levels = new ArrayList<>(site.keySet());
		String primary = levels.get(0);
		String lower = levels.get(1);
		String upper = levels.get(2);
		Mono<Void> instituteur = titles.save("INSTIT", "Bachelier – instituteur primaire",
				site.get(primary).stream().map(s -> new Titles.Coverage(primary, s, CoverageKind.REQUIS)).toList(), AUTHOR).then();
		Flux<Long> aesi = Flux.fromIterable(site.get(lower))
			.concatMap(s -> titles.save("AESI-" + code(s), "AESI (régendat) – " + s,
					List.of(new Titles.Coverage(lower, s, CoverageKind.REQUIS),
							new Titles.Coverage(upper, s, CoverageKind.PENURIE)), AUTHOR));
		Flux<Long> aess = Flux.fromIterable(site.get(upper))
			.concatMap(s -> titles.save("AESS-" + code(s), "AESS (agrégation) – " + s,
					List.of(new Titles.Coverage(upper, s, CoverageKind.REQUIS),
							new Titles.Coverage(lower, s, CoverageKind.SUFFISANT)), AUTHOR));
		// Sessions at an hour people train at, in the EAD's zone: 9:30 or 14:00, whatever the time the demo starts.
		java.time.ZoneId brussels = java.time.ZoneId.of(be.fwb.ead.shared.DisplaySettings.EAD_ZONE);
		java.util.function.BiFunction<Integer, java.time.LocalTime, Instant> day = (days, time) -> LocalDate.now(brussels)
			.plusDays(days).atTime(time).atZone(brussels).toInstant();
		java.time.LocalTime morning = java.time.LocalTime.of(9, 30);
		java.time.LocalTime afternoon = java.time.LocalTime.of(14, 0);
		// Two past sessions of the initial training (their attendance is recorded as history on the first day), and
		// sessions to come for the newcomers.
		Flux<Long> sessions = Flux.concat(
				training.plan(new Training.NewSession("INITIAL", "MOODLE", PAST_MOODLE, day.apply(-300, morning),
						180, "VIRTUAL", null, 300), AUTHOR),
				training.plan(new Training.NewSession("INITIAL", "TUTORING", PAST_TUTORING, day.apply(-290, afternoon), 240,
						"ON_SITE", "Bruxelles, boulevard Léopold II 44", 300), AUTHOR),
				training.plan(new Training.NewSession("INITIAL", "PEDAGOGY", PAST_PEDAGOGY, day.apply(-280, morning), 360,
						"VIRTUAL", null, 300), AUTHOR),
				training.plan(new Training.NewSession("INITIAL", "MOODLE", "Moodle pour les nouveaux vacataires",
						day.apply(10, afternoon), 180, "VIRTUAL", null, 30), AUTHOR),
				training.plan(new Training.NewSession("INITIAL", "TUTORING", "Tutorer à distance : suivi et rétroactions",
						day.apply(14, morning), 240, "ON_SITE", "Namur, rue de Fer 42", 20), AUTHOR),
				training.plan(new Training.NewSession("CONTINUING", "PEDAGOGY", "Évaluer à distance : rétroactions et grilles",
						day.apply(21, afternoon), 180, "VIRTUAL", null, 40), AUTHOR));
		Mono<Long> campaign = recruitment.open("Tuteurs et concepteurs " + LocalDate.now().getYear() + "-" + (LocalDate.now().getYear() + 1),
				LocalDate.now().minusDays(7), LocalDate.now().plusDays(45),
				List.of(new Recruitment.Need(lower, "Mathématiques", "TUTOR", 240), new Recruitment.Need(upper, "Chimie", "AUTHOR", 60)),
				AUTHOR);
		return instituteur.thenMany(aesi).thenMany(aess).thenMany(sessions).then(campaign).then();
	}

	static String code(String subject) {
		String key = be.fwb.ead.shared.SearchText.key(subject).replaceAll("[^a-z]+", " ").trim();
		String[] words = key.split(" ");
		return (words[0].length() <= 4 ? words[0] : words[0].substring(0, 4)).toUpperCase(java.util.Locale.ROOT)
				+ (words.length > 1 && !words[words.length - 1].equals(words[0]) ? "-" + words[words.length - 1].substring(0, Math.min(4,
						words[words.length - 1].length())).toUpperCase(java.util.Locale.ROOT) : "");
	}
}
