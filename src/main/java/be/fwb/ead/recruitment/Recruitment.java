package be.fwb.ead.recruitment;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import be.fwb.ead.audit.Change;
import be.fwb.ead.audit.ChangeLog;
import be.fwb.ead.catalogue.Placements;
import be.fwb.ead.grids.CriteriaGrid;
import be.fwb.ead.grids.CriteriaGrid.Criterion;
import be.fwb.ead.shared.Conflict;
import be.fwb.ead.shared.InvalidRequest;
import be.fwb.ead.shared.NotFound;
import be.fwb.ead.shared.Refused;
import be.fwb.ead.vacataires.VacataireFile;
import be.fwb.ead.vacataires.VacataireStatus;
import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import be.fwb.ead.shared.Counted;

/** Campaigns, candidacies, scores and decisions. */
@Service
public class Recruitment {

	public record Need(String level, String subject, String role, int hours) {
	}

	public record Campaign(long id, String name, LocalDate opensOn, LocalDate closesOn, List<Need> needs, int candidacies) {
	}

	/** The metadata of a document a candidate sent (the file itself stays in the mailbox or the archive). */
	public record Document(String kind, String filename, @Nullable LocalDate receivedOn) {
	}

	public record Score(long criterionId, int score, String justification) {
	}

	public record EvaluatorScore(String evaluator, long criterionId, String label, int score, String justification) {
	}

	/**
	 * @param weightedScore mean over evaluators of each evaluator's weighted mean, from 0 to 5; {@literal null} before
	 * any score
	 */
	public record Candidacy(long id, long campaignId, long vacataireId, String name, @Nullable String email,
			List<Document> documents, List<EvaluatorScore> scores, @Nullable Double weightedScore, @Nullable String decision,
			@Nullable String decisionReason, @Nullable String decidedBy) {

		public Set<String> evaluators() {
			return scores.stream().map(EvaluatorScore::evaluator).collect(Collectors.toCollection(java.util.TreeSet::new));
		}
	}

	/** The most hours one need asks (the form's bound). */
	static final int MAX_HOURS = 10_000;

	private static final String MAX_HOURS_TEXT = "10 000";

	/** The most needs one campaign states (the form has three lines; the API a few more). */
	static final int MAX_NEEDS = 50;

	private final DatabaseClient db;
	private final VacataireFile files;
	private final ChangeLog changes;
	private final JsonMapper json = JsonMapper.builder().findAndAddModules().build();
	private final CriteriaGrid criteria;
	private final Placements placements;
	private final Clock clock;

	Recruitment(DatabaseClient db, VacataireFile files, ChangeLog changes, Placements placements, Clock clock) {
		this.db = db;
		this.placements = placements;
		this.clock = clock;
		this.criteria = new CriteriaGrid(db, "recruitment_criterion", "Grille de recrutement", (author, summary, before, after) -> changes.record(author,
				Change.of("recruitment_criterion", 0, null, "updated", summary).withStates(before, after)));
		this.files = files;
		this.changes = changes;
	}

	@Transactional
	public Mono<Long> open(String name, LocalDate opensOn, LocalDate closesOn, List<Need> needs, String author) {
		if (name == null || name.isBlank() || opensOn == null || closesOn == null || closesOn.isBefore(opensOn)) {
			return Mono.error(InvalidRequest.ofField(name == null || name.isBlank() ? "name" : opensOn == null ? "opensOn" : "closesOn",
					"Une campagne a un nom, une date d’ouverture et une date de clôture qui la suit."));
		}
		if (needs.isEmpty()) {
			// A campaign recruits for something: with no need, no candidate could be judged against it.
			return Mono.error(InvalidRequest.ofField("level-1", "Une campagne a au moins un besoin : un niveau, une matière, "
					+ "un rôle et des heures."));
		}
		if (needs.size() > MAX_NEEDS) {
			return Mono.error(InvalidRequest.ofField("needs", "Une campagne a au plus " + MAX_NEEDS + " besoins ("
					+ needs.size() + " reçus)."));
		}
		for (int i = 0; i < needs.size(); i++) {
			InvalidRequest wrong = wrong(needs.get(i), i + 1);
			if (wrong != null) {
				return Mono.error(wrong);
			}
		}
		// A need names a level and a subject of the catalogue, as the modules are placed (else no module answers it).
		// (Before the first sync the catalogue knows no level yet: nothing to judge by.)
		return Mono.zip(placements.levels(), placements.subjects()).flatMap(known -> {
			for (int i = 0; i < needs.size() && !known.getT1().isEmpty(); i++) {
				Need n = needs.get(i);
				if (!known.getT1().contains(n.level().trim())) {
					return Mono.error(InvalidRequest.ofField("level-" + (i + 1), "Niveau inconnu du catalogue : « " + n.level().trim()
							+ " ». Niveaux : " + String.join(", ", known.getT1()) + "."));
				}
				if (!known.getT2().contains(n.subject().trim())) {
					return Mono.error(InvalidRequest.ofField("subject-" + (i + 1), "Matière inconnue du catalogue : « "
							+ n.subject().trim() + " » (voir les matières proposées dans la liste)."));
				}
			}
			return create(name, opensOn, closesOn, needs, author);
		});
	}

	/** What is missing or wrong in the need at {@code line} (from 1), beside its field; {@literal null} when complete. */
	private static @Nullable InvalidRequest wrong(@Nullable Need n, int line) {
		if (n == null || n.level() == null || n.level().isBlank()) {
			return InvalidRequest.ofField("level-" + line, "Besoin " + line + " : indiquez le niveau.");
		}
		if (n.subject() == null || n.subject().isBlank()) {
			return InvalidRequest.ofField("subject-" + line, "Besoin " + line + " : indiquez la matière.");
		}
		if (!"AUTHOR".equals(n.role()) && !"TUTOR".equals(n.role())) {
			return InvalidRequest.ofField("role-" + line, "Besoin " + line + " : le rôle est la conception ou le tutorat.");
		}
		if (n.hours() < 1 || n.hours() > MAX_HOURS) {
			return InvalidRequest.ofField("hours-" + line, "Besoin " + line + " : de 1 à " + MAX_HOURS_TEXT + " heures.");
		}
		return null;
	}

	private Mono<Long> create(String name, LocalDate opensOn, LocalDate closesOn, List<Need> needs, String author) {
		return db.sql("insert into campaign (name, opens_on, closes_on, created_by, created_at) values (:n, :o, :c, :by, :now) returning id")
			.bind("n", name.trim())
			.bind("o", opensOn)
			.bind("c", closesOn)
			.bind("by", author)
			.bind("now", Instant.now(clock))
			.map(r -> r.get("id", Long.class))
			.one()
			.flatMap(id -> Flux.fromIterable(needs)
				.concatMap(n -> db.sql("insert into campaign_need (campaign_id, level, subject, role, hours) values (:c, :l, :s, :r, :h)")
					.bind("c", id)
					.bind("l", n.level().trim())
					.bind("s", n.subject().trim())
					.bind("r", n.role())
					.bind("h", n.hours())
					.then())
				.then(changes.record(author, Change.of("campaign", id, null, "created", "Campagne ouverte : " + name.trim())
					.withStates(null, needs)))
				.thenReturn(id));
	}

	public Flux<Campaign> campaigns() {
		return db.sql("""
				select c.id, c.name, c.opens_on, c.closes_on,
				       (select count(*) from candidacy k where k.campaign_id = c.id) as candidacies
				from campaign c order by c.opens_on desc, c.id desc""")
			.map(r -> new Campaign(r.get("id", Long.class), r.get("name", String.class), r.get("opens_on", LocalDate.class),
					r.get("closes_on", LocalDate.class), List.of(), r.get("candidacies", Long.class).intValue()))
			.all()
			.collectList()
			.flatMapMany(list -> db.sql("select campaign_id, level, subject, role, hours from campaign_need order by id")
				.map(r -> Map.entry(r.get("campaign_id", Long.class), new Need(r.get("level", String.class),
						r.get("subject", String.class), r.get("role", String.class), r.get("hours", Integer.class))))
				.all()
				.collectMultimap(Map.Entry::getKey, Map.Entry::getValue)
				.flatMapMany(needs -> Flux.fromIterable(list).map(c -> new Campaign(c.id(), c.name(), c.opensOn(), c.closesOn(),
						List.copyOf(needs.getOrDefault(c.id(), List.of())), c.candidacies()))));
	}

	public Mono<Campaign> campaign(long id) {
		return campaigns().filter(c -> c.id() == id)
			.next()
			.switchIfEmpty(Mono.error(new NotFound("Aucune campagne n’a l’identifiant " + id + ".")));
	}

	public Flux<Criterion> grid() {
		return criteria.active();
	}

	/** Replaces the grid; criteria left out are deactivated, past scores keep theirs. */
	@Transactional
	public Mono<List<Criterion>> configure(List<CriteriaGrid.Definition> definitions, String author) {
		return criteria.replace(definitions, author);
	}

	/** Enters a candidate: a new vacataire with the status candidat, and their candidacy to the campaign. */
	@Transactional
	public Mono<Long> apply(long campaignId, VacataireFile.Identity identity, List<Document> documents, String author) {
		for (Document d : documents) {
			if (d.kind() == null || d.kind().isBlank() || d.filename() == null || d.filename().isBlank()) {
				return Mono.error(new InvalidRequest("Chaque document indique sa nature (CV, diplôme…) et le nom du fichier."));
			}
		}
		for (int i = 0; i < documents.size(); i++) {
			LocalDate received = documents.get(i).receivedOn();
			if (received != null && received.isAfter(LocalDate.now(clock))) {
				return Mono.error(InvalidRequest.ofField("doc-date-" + (i + 1), "Le document « " + documents.get(i).filename()
						+ " » serait reçu le " + be.fwb.ead.shared.Days.text(received) + ", une date à venir : indiquez le jour où il a été reçu."));
			}
		}
		return campaign(campaignId).flatMap(c -> {
			if (LocalDate.now(clock).isAfter(c.closesOn())) {
				return Mono.error(new Refused("La campagne « " + c.name() + " » est clôturée depuis le " + be.fwb.ead.shared.Days.text(c.closesOn()) + "."));
			}
			return files.create(identity, VacataireStatus.CANDIDAT, author)
				.flatMap(vacataireId -> db.sql("""
						insert into candidacy (campaign_id, vacataire_id, documents, created_at)
						values (:c, :v, :d::jsonb, :now) returning id""")
					.bind("c", campaignId)
					.bind("v", vacataireId)
					.bind("d", json.writeValueAsString(documents))
					.bind("now", Instant.now(clock))
					.map(r -> r.get("id", Long.class))
					.one()
					.flatMap(id -> changes.record(author, Change.of("candidacy", id, vacataireId, "created",
							"Candidature à la campagne « " + c.name() + " » (" + Counted.of(documents.size(), "document", "documents") + ")")
						.withStates(null, documents)).thenReturn(id)));
		});
	}

	/** One evaluator's scores (0 to 5, each justified) for every criterion of the grid; scoring again replaces them. */
	@Transactional
	public Mono<Void> score(long candidacyId, List<Score> scores, String evaluator) {
		return candidacy(candidacyId).flatMap(k -> {
			if (k.decision() != null) {
				return Mono.error(new Refused("La décision est prise (" + label(k.decision()) + ") : les notes ne changent plus."));
			}
			return grid().collectList().flatMap(grid -> {
				Map<Long, Score> given = scores.stream().collect(Collectors.toMap(Score::criterionId, s -> s, (a, b) -> b));
				List<String> problems = new ArrayList<>();
				for (Criterion c : grid) {
					Score s = given.get(c.id());
					if (s == null) {
						problems.add("« " + c.label() + " » n’a pas de note");
					}
					else if (s.score() < 0 || s.score() > 5) {
						problems.add("« " + c.label() + " » : note hors de l’échelle 0 à 5");
					}
					else if (s.justification() == null || s.justification().isBlank()) {
						problems.add("« " + c.label() + " » : la note doit être justifiée");
					}
				}
				if (!problems.isEmpty()) {
					return Mono.error(new InvalidRequest("Grille incomplète : " + String.join(" ; ", problems) + "."));
				}
				return db.sql("delete from candidacy_score where candidacy_id = :k and evaluator = :e")
					.bind("k", candidacyId)
					.bind("e", evaluator)
					.then()
					.thenMany(Flux.fromIterable(grid).concatMap(c -> db.sql("""
							insert into candidacy_score (candidacy_id, evaluator, criterion_id, score, justification)
							values (:k, :e, :c, :s, :j)""")
						.bind("k", candidacyId)
						.bind("e", evaluator)
						.bind("c", c.id())
						.bind("s", given.get(c.id()).score())
						.bind("j", given.get(c.id()).justification().trim())
						.then()))
					.then(changes.record(evaluator, Change.of("candidacy", candidacyId, k.vacataireId(), "scored",
							"Candidature notée par " + evaluator).withStates(null, scores)));
			});
		});
	}

	/**
	 * Retains or rejects a candidate. Retaining needs at least one evaluator's scores and makes them retenu; rejecting
	 * needs a reason, not a score (an obvious rejection, no title say, is not scored first), and makes them non retenu;
	 * both through the lifecycle's guarded transitions.
	 */
	@Transactional
	public Mono<Candidacy> decide(long candidacyId, boolean retain, @Nullable String reason, String author) {
		return candidacy(candidacyId).flatMap(k -> {
			if (k.decision() != null) {
				return Mono.error(new Conflict("La décision est déjà prise : " + label(k.decision()) + "."));
			}
			if (retain && k.scores().isEmpty()) {
				return Mono.error(new Refused("Aucun évaluateur n’a encore noté cette candidature : notez-la avant de la retenir "
						+ "(une candidature non retenue n’a besoin que de la raison)."));
			}
			if (!retain && (reason == null || reason.isBlank())) {
				return Mono.error(InvalidRequest.ofField("reason", "Indiquez la raison du refus."));
			}
			String decision = retain ? "RETAINED" : "REJECTED";
			var spec = db.sql("update candidacy set decision = :d, decision_reason = :r, decided_by = :by, decided_at = :now where id = :id")
				.bind("d", decision)
				.bind("by", author)
				.bind("now", Instant.now(clock))
				.bind("id", candidacyId);
			spec = reason == null || reason.isBlank() ? spec.bindNull("r", String.class) : spec.bind("r", reason.trim());
			return spec.then()
				.then(files.changeStatus(k.vacataireId(), retain ? VacataireStatus.RETENU : VacataireStatus.NON_RETENU, reason, author))
				.then(changes.record(author, Change.of("candidacy", candidacyId, k.vacataireId(), "decided",
						"Décision : " + label(decision)).because(reason)))
				.then(candidacy(candidacyId));
		});
	}

	public Flux<Candidacy> candidacies(long campaignId) {
		return candidacies("where k.campaign_id = :id", campaignId);
	}

	public Mono<Candidacy> candidacy(long id) {
		return candidacies("where k.id = :id", id).next()
			.switchIfEmpty(Mono.error(new NotFound("Aucune candidature n’a l’identifiant " + id + ".")));
	}

	private Flux<Candidacy> candidacies(String where, long id) {
		return db.sql("""
				select k.id, k.campaign_id, k.vacataire_id, k.documents::text as documents, k.decision, k.decision_reason, k.decided_by,
				       v.name, v.email
				from candidacy k join vacataire_name v on v.id = k.vacataire_id""" + " " + where + " order by v.sort_key")
			.bind("id", id)
			.map(this::read)
			.all()
			.collectList()
			.flatMapMany(list -> list.isEmpty() ? Flux.empty() : db.sql("""
					select s.candidacy_id, s.evaluator, s.criterion_id, c.label, c.weight, s.score, s.justification
					from candidacy_score s join recruitment_criterion c on c.id = s.criterion_id
					where s.candidacy_id = any(:ids::bigint[]) order by s.evaluator, c.position, c.id""")
				.bind("ids", list.stream().map(Candidacy::id).toArray(Long[]::new))
				.map(r -> new Scored(r.get("candidacy_id", Long.class), r.get("weight", Integer.class),
						new EvaluatorScore(r.get("evaluator", String.class), r.get("criterion_id", Long.class),
								r.get("label", String.class), r.get("score", Integer.class), r.get("justification", String.class))))
				.all()
				.collectMultimap(Scored::candidacyId)
				.flatMapMany(byId -> Flux.fromIterable(list).map(k -> {
					List<Scored> scored = List.copyOf(byId.getOrDefault(k.id(), List.of()));
					return new Candidacy(k.id(), k.campaignId(), k.vacataireId(), k.name(), k.email(), k.documents(),
							scored.stream().map(Scored::score).toList(), weighted(scored), k.decision(), k.decisionReason(),
							k.decidedBy());
				})));
	}

	private record Scored(long candidacyId, int weight, EvaluatorScore score) {
	}

	private static @Nullable Double weighted(List<Scored> scored) {
		if (scored.isEmpty()) {
			return null;
		}
		Map<String, List<Scored>> byEvaluator = scored.stream().collect(Collectors.groupingBy(s -> s.score().evaluator()));
		double mean = byEvaluator.values().stream().mapToDouble(list -> {
			int weights = list.stream().mapToInt(Scored::weight).sum();
			return list.stream().mapToDouble(s -> s.score().score() * s.weight()).sum() / weights;
		}).average().orElse(0);
		return Math.round(mean * 100) / 100.0;
	}

	private Candidacy read(Readable r) {
		return new Candidacy(r.get("id", Long.class), r.get("campaign_id", Long.class), r.get("vacataire_id", Long.class),
				r.get("name", String.class), r.get("email", String.class),
				json.readValue(r.get("documents", String.class), new TypeReference<List<Document>>() {
				}), List.of(), null, r.get("decision", String.class), r.get("decision_reason", String.class),
				r.get("decided_by", String.class));
	}

	static String label(String decision) {
		return decision.equals("RETAINED") ? "retenu" : "non retenu";
	}

}
