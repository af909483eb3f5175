package be.fwb.ead.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import be.fwb.ead.assignments.Reconciliation;
import be.fwb.ead.assignments.RoleAdoption;
import be.fwb.ead.evaluations.Evaluations;
import be.fwb.ead.vacataires.imports.VacataireImport;
import be.fwb.ead.moodlesim.EadDataset;
import be.fwb.ead.titles.Titles;
import be.fwb.ead.training.Training;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The demo one year in, from the first day's data and the synced site, through the service's own operations: titles
 * granted (all but one vacataire's), last year's initial training recorded as completed (all but one tutor's), every
 * Moodle role the rules allow adopted as an assignment for the school year, evaluations done over the year (a few
 * over a year old: due). What is left is a realistic handful on the attention list.
 */
final class DemoYearOne {

	private static final String AUTHOR = "démo";
	/** How many vacataires were evaluated more than a year ago: due again. */
	static final int EVALUATIONS_DUE = 4;

	/** A vacataire's Moodle roles and where their modules sit. */
	record Holder(long id, String lastname, String firstname, String idnumber, String email, Set<String> titleCodes,
			Set<String> roles, int count) {
	}

	private final DatabaseClient db;
	private final Titles titles;
	private final Training training;
	private final Reconciliation reconciliation;
	private final RoleAdoption adoption;
	private final Evaluations evaluations;
	private final VacataireImport imports;

	DemoYearOne(DatabaseClient db, Titles titles, Training training, Reconciliation reconciliation, RoleAdoption adoption,
			Evaluations evaluations, VacataireImport imports) {
		this.imports = imports;
		this.db = db;
		this.titles = titles;
		this.training = training;
		this.reconciliation = reconciliation;
		this.adoption = adoption;
		this.evaluations = evaluations;
	}

	Mono<Void> seedIfEmpty() {
		return db.sql("select count(*) as n from assignment").map(r -> r.get("n", Long.class)).one()
			.flatMap(n -> n > 0 ? Mono.empty() : seed());
	}

	private Mono<Void> seed() {
		return holders(db).flatMap(holders -> {
			List<Holder> byFewest = holders.stream().sorted(java.util.Comparator.comparingInt(Holder::count)
				.thenComparingLong(Holder::id)).toList();
			long withoutTitle = byFewest.get(0).id();
			long untrained = byFewest.stream().filter(h -> h.id() != withoutTitle && h.roles().contains("TUTOR"))
				.findFirst().orElseThrow().id();
			return grantTitles(holders, withoutTitle)
				.then(pastTraining(holders, untrained))
				.then(adopt())
				.then(evaluate(holders));
		});
	}

	/**
	 * The titles recorded as on the first day: by the import (one file, one transaction), then one by one for those the
	 * import cannot find (no ID number nor e-mail); one vacataire is left without.
	 */
	private Mono<Void> grantTitles(List<Holder> holders, long withoutTitle) {
		List<Holder> granted = holders.stream().filter(h -> h.id() != withoutTitle).toList();
		byte[] file = DemoData.titlesFile(granted).getBytes(java.nio.charset.StandardCharsets.UTF_8);
		return imports.run(file, false, AUTHOR)
			.then(titles.all().collectMap(Titles.Title::code, Titles.Title::id))
			.flatMap(ids -> Flux.fromIterable(granted)
				.filter(h -> h.idnumber().isEmpty() && h.email().isEmpty())
				.concatMap(h -> Flux.fromIterable(h.titleCodes())
					.filter(ids::containsKey)
					.concatMap(code -> titles.grant(h.id(), ids.get(code), LocalDate.now().minusYears(3 + h.id() % 15), null, AUTHOR)))
				.then());
	}

	private Mono<Void> pastTraining(List<Holder> holders, long untrained) {
		List<Long> all = holders.stream().map(Holder::id).filter(id -> id != untrained).toList();
		List<Long> tutors = holders.stream().filter(h -> h.roles().contains("TUTOR")).map(Holder::id).filter(id -> id != untrained).toList();
		List<Long> authors = holders.stream().filter(h -> h.roles().contains("AUTHOR")).map(Holder::id).filter(id -> id != untrained).toList();
		return training.sessions().collectMap(Training.Session::title, Training.Session::id).flatMap(sessions -> training
			.recordCompleted(sessions.get(DemoLifecycle.PAST_MOODLE), all, AUTHOR)
			.then(training.recordCompleted(sessions.get(DemoLifecycle.PAST_TUTORING), tutors, AUTHOR))
			.then(training.recordCompleted(sessions.get(DemoLifecycle.PAST_PEDAGOGY), authors, AUTHOR))
			.then());
	}

	private Mono<Void> adopt() {
		return reconciliation.roles(Reconciliation.Filter.ALL).collectList()
			.flatMap(keys -> adoption.adopt(keys, adoption.terms(null, null, null), AUTHOR))
			.then();
	}

	private Mono<Void> evaluate(List<Holder> holders) {
		LocalDate today = LocalDate.now();
		return evaluations.grid().collectList().flatMap(grid -> Flux.fromIterable(holders).index().flatMap(t -> {
			Holder h = t.getT2();
			long i = t.getT1();
			LocalDate on = i < EVALUATIONS_DUE ? today.minusDays(400 + i * 20) : today.minusDays(15 + (h.id() * 37) % 320);
			List<Evaluations.Score> scores = new ArrayList<>();
			for (int c = 0; c < grid.size(); c++) {
				scores.add(new Evaluations.Score(grid.get(c).id(), 2 + (int) ((h.id() + c) % 3), null));
			}
			return evaluations.record(h.id(), on, scores, "Évaluation annuelle (démonstration).", AUTHOR);
		}, 4).then());
	}

	/** Every vacataire holding a Moodle role on a current module, with the titles of the decree that cover their modules. */
	static Mono<List<Holder>> holders(DatabaseClient db) {
		List<String> levels = new ArrayList<>(EadDataset.levelsAndSubjects().keySet());
		return db.sql("""
				select v.id, coalesce(v.lastname, v.moodle_lastname, '') as last, coalesce(v.firstname, v.moodle_firstname, '') as first,
				       coalesce(nullif(v.idnumber, ''), nullif(v.moodle_idnumber, ''), '') as idnumber,
				       coalesce(nullif(v.email, ''), nullif(v.moodle_email, ''), '') as email,
				       p.name as level, c.name as subject, r.role
				from module_role r join vacataire v on v.id = r.vacataire_id join module m on m.id = r.module_id
				join moodle_category c on c.id = m.category_id join moodle_category p on p.id = c.parent_id
				where m.archived_at is null
				order by v.id""")
			.map(r -> new String[] { String.valueOf(r.get("id", Long.class)), r.get("last", String.class), r.get("first", String.class),
					r.get("idnumber", String.class), r.get("email", String.class), r.get("level", String.class),
					r.get("subject", String.class), r.get("role", String.class) })
			.all()
			.collectList()
			.map(rows -> {
				Map<Long, Holder> byId = new LinkedHashMap<>();
				for (String[] row : rows) {
					long id = Long.parseLong(row[0]);
					Holder h = byId.computeIfAbsent(id, k -> new Holder(id, row[1], row[2], row[3], row[4], new LinkedHashSet<>(),
							new LinkedHashSet<>(), 0));
					int level = levels.indexOf(row[5]);
					h.titleCodes().add(level == 0 ? "INSTIT" : (level == 1 ? "AESI-" : "AESS-") + DemoLifecycle.code(row[6]));
					h.roles().add(row[7]);
					byId.put(id, new Holder(id, h.lastname(), h.firstname(), h.idnumber(), h.email(), h.titleCodes(), h.roles(),
							h.count() + 1));
				}
				return List.copyOf(byId.values());
			});
	}
}
