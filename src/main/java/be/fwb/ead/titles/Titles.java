package be.fwb.ead.titles;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import be.fwb.ead.audit.Change;
import be.fwb.ead.audit.ChangeLog;
import be.fwb.ead.shared.Conflict;
import be.fwb.ead.shared.InvalidRequest;
import be.fwb.ead.shared.NotFound;
import be.fwb.ead.shared.SearchText;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import be.fwb.ead.shared.Counted;

/** The titles, what they cover, and who holds them. Levels and subjects match without regard to case or accents. */
@Service
public class Titles {

	public record Coverage(String level, String subject, CoverageKind kind) {
	}

	public record Title(long id, String code, String name, List<Coverage> coverages) {
	}

	/** A title held by a vacataire. */
	public record Held(long titleId, String code, String name, @Nullable LocalDate obtainedOn, @Nullable String reference) {
	}

	private final DatabaseClient db;
	private final ChangeLog changes;

	private final java.time.Clock clock;

	Titles(DatabaseClient db, ChangeLog changes, java.time.Clock clock) {
		this.db = db;
		this.changes = changes;
		this.clock = clock;
	}

	public Flux<Title> all() {
		return db.sql("select id, code, name from title order by code")
			.map(r -> new Title(r.get("id", Long.class), r.get("code", String.class), r.get("name", String.class), List.of()))
			.all()
			.collectList()
			.flatMapMany(titles -> coverages().collectMultimap(TitleCoverage::titleId).flatMapMany(byTitle -> Flux
				.fromIterable(titles)
				.map(t -> new Title(t.id(), t.code(), t.name(), byTitle.getOrDefault(t.id(), List.of())
					.stream()
					.map(TitleCoverage::coverage)
					.sorted(Comparator.comparing(Coverage::level).thenComparing(Coverage::subject))
					.toList()))));
	}

	/** One title and its coverages (two small queries, not the whole catalogue of titles). */
	public Mono<Title> find(long id) {
		return db.sql("select id, code, name from title where id = :id")
			.bind("id", id)
			.map(r -> new Title(r.get("id", Long.class), r.get("code", String.class), r.get("name", String.class), List.of()))
			.one()
			.switchIfEmpty(Mono.error(new NotFound("Aucun titre n’a l’identifiant " + id + ".")))
			.flatMap(t -> db.sql("select level, subject, kind from title_coverage where title_id = :id order by level, subject")
				.bind("id", id)
				.map(r -> new Coverage(r.get("level", String.class), r.get("subject", String.class),
						CoverageKind.valueOf(r.get("kind", String.class))))
				.all()
				.collectList()
				.map(coverages -> new Title(t.id(), t.code(), t.name(), coverages)));
	}

	public Mono<Title> byCode(String code) {
		return all().filter(t -> t.code().equalsIgnoreCase(code.trim()))
			.next()
			.switchIfEmpty(Mono.error(new NotFound("Aucun titre n’a le code « " + code + " ».")));
	}

	/** Creates a title, or replaces the name and coverages of the title with the same code. */
	@Transactional
	public Mono<Long> save(String code, String name, List<Coverage> coverages, String author) {
		if (code == null || code.isBlank() || name == null || name.isBlank()) {
			return Mono.error(InvalidRequest.ofField(code == null || code.isBlank() ? "code" : "name",
					"Le code et le nom du titre sont obligatoires."));
		}
		for (Coverage c : coverages) {
			if (c.level() == null || c.level().isBlank() || c.subject() == null || c.subject().isBlank() || c.kind() == null) {
				return Mono.error(new InvalidRequest("Chaque couverture indique un niveau, une matière et un type (REQUIS, SUFFISANT, PENURIE)."));
			}
		}
		String cleanCode = code.trim().toUpperCase(Locale.ROOT);
		return db.sql("""
				insert into title (code, name) values (:code, :name)
				on conflict (code) do update set name = excluded.name returning id""")
			.bind("code", cleanCode)
			.bind("name", name.trim())
			.map(r -> r.get("id", Long.class))
			.one()
			.flatMap(id -> db.sql("delete from title_coverage where title_id = :id").bind("id", id).then()
				.thenMany(Flux.fromIterable(coverages).distinct(c -> SearchText.key(c.level()) + "|" + SearchText.key(c.subject()))
					.concatMap(c -> db.sql("""
							insert into title_coverage (title_id, level, level_key, subject, subject_key, kind)
							values (:id, :level, :levelKey, :subject, :subjectKey, :kind)""")
						.bind("id", id)
						.bind("level", c.level().trim())
						.bind("levelKey", SearchText.key(c.level()))
						.bind("subject", c.subject().trim())
						.bind("subjectKey", SearchText.key(c.subject()))
						.bind("kind", c.kind().name())
						.then()))
				.then(changes.record(author, Change.of("title", id, null, "updated",
						"Titre " + cleanCode + " : " + Counted.of(coverages.size(), "couverture", "couvertures")).withStates(null, coverages)))
				.thenReturn(id));
	}

	/** Records that a vacataire holds a title. */
	@Transactional
	public Mono<Void> grant(long vacataireId, long titleId, @Nullable LocalDate obtainedOn, @Nullable String reference,
			String author) {
		if (obtainedOn != null && obtainedOn.isAfter(LocalDate.now(clock))) {
			return Mono.error(InvalidRequest.ofField("obtainedOn", "Un titre s’enregistre une fois obtenu : le "
					+ be.fwb.ead.shared.Days.text(obtainedOn) + " est à venir."));
		}
		return find(titleId).flatMap(title -> {
			var spec = db.sql("insert into vacataire_title (vacataire_id, title_id, obtained_on, reference) values (:v, :t, :on, :ref)")
				.bind("v", vacataireId)
				.bind("t", titleId);
			spec = obtainedOn == null ? spec.bindNull("on", LocalDate.class) : spec.bind("on", obtainedOn);
			spec = reference == null || reference.isBlank() ? spec.bindNull("ref", String.class) : spec.bind("ref", reference.trim());
			return spec.then()
				.onErrorMap(DuplicateKeyException.class, e -> new Conflict("Ce vacataire détient déjà le titre " + title.code() + "."))
				.onErrorMap(org.springframework.dao.DataIntegrityViolationException.class,
						e -> new NotFound("Aucun vacataire n’a l’identifiant " + vacataireId + "."))
				.then(changes.record(author, Change.of("vacataire_title", titleId, vacataireId, "created",
						"Titre ajouté : " + title.code() + " – " + title.name())));
		});
	}

	@Transactional
	public Mono<Void> revoke(long vacataireId, long titleId, String author) {
		return find(titleId).flatMap(title -> db.sql("delete from vacataire_title where vacataire_id = :v and title_id = :t")
			.bind("v", vacataireId)
			.bind("t", titleId)
			.fetch()
			.rowsUpdated()
			.flatMap(n -> n == 0 ? Mono.error(new NotFound("Ce vacataire ne détient pas le titre " + title.code() + "."))
					: changes.record(author, Change.of("vacataire_title", titleId, vacataireId, "deleted",
							"Titre retiré : " + title.code()))));
	}

	public Flux<Held> held(long vacataireId) {
		return db.sql("""
				select t.id, t.code, t.name, vt.obtained_on, vt.reference
				from vacataire_title vt join title t on t.id = vt.title_id
				where vt.vacataire_id = :v order by t.code""")
			.bind("v", vacataireId)
			.map(r -> new Held(r.get("id", Long.class), r.get("code", String.class), r.get("name", String.class),
					r.get("obtained_on", LocalDate.class), r.get("reference", String.class)))
			.all();
	}

	/** The titles every vacataire holds: vacataire id → title ids (for lists that check many vacataires at once). */
	public Mono<Map<Long, java.util.Collection<Long>>> holders() {
		return db.sql("select vacataire_id, title_id from vacataire_title")
			.map(r -> Map.entry(r.get("vacataire_id", Long.class), r.get("title_id", Long.class)))
			.all()
			.collectMultimap(Map.Entry::getKey, Map.Entry::getValue);
	}

	/** The strongest coverage of this level and subject among the vacataire's titles; empty when none covers it. */
	public Mono<Optional<CoverageKind>> coverage(long vacataireId, String level, String subject) {
		return db.sql("""
				select tc.kind from vacataire_title vt join title_coverage tc on tc.title_id = vt.title_id
				where vt.vacataire_id = :v and tc.level_key = :level and tc.subject_key = :subject""")
			.bind("v", vacataireId)
			.bind("level", SearchText.key(level))
			.bind("subject", SearchText.key(subject))
			.map(r -> CoverageKind.valueOf(r.get("kind", String.class)))
			.all()
			.sort()
			.next()
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty());
	}

	private record TitleCoverage(long titleId, Coverage coverage) {
	}

	private Flux<TitleCoverage> coverages() {
		return db.sql("select title_id, level, subject, kind from title_coverage")
			.map(r -> new TitleCoverage(r.get("title_id", Long.class), new Coverage(r.get("level", String.class),
					r.get("subject", String.class), CoverageKind.valueOf(r.get("kind", String.class)))))
			.all();
	}

}
