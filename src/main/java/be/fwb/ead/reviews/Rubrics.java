package be.fwb.ead.reviews;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import be.fwb.ead.audit.Change;
import be.fwb.ead.audit.ChangeLog;
import be.fwb.ead.shared.InvalidRequest;
import be.fwb.ead.shared.NotFound;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import be.fwb.ead.shared.Counted;

/**
 * The review rubrics, versioned: changing a rubric makes its next version, and the reviews already planned keep the
 * version they were planned with.
 */
@Service
public class Rubrics {

	public enum Kind {
		SCALE, PASS_FAIL
	}

	/** A criterion; {@code scaleMax} only for a scale (scores 1 to scaleMax). */
	public record Criterion(long id, String section, String label, Kind kind, @Nullable Integer scaleMax, int weight) {
	}

	public record Rubric(long id, String code, String name, int version, int passThreshold, List<Criterion> criteria) {
	}

	/** A criterion to define. */
	public record CriterionDefinition(String section, String label, Kind kind, @Nullable Integer scaleMax, int weight) {
	}

	public static final String DEFAULT = "EAD-QUALITE";

	private final DatabaseClient db;
	private final ChangeLog changes;
	private final Clock clock;

	Rubrics(DatabaseClient db, ChangeLog changes, Clock clock) {
		this.db = db;
		this.changes = changes;
		this.clock = clock;
	}

	/** The latest version of every rubric. */
	public Flux<Rubric> latest() {
		return db.sql("select id from rubric r where version = (select max(version) from rubric x where x.code = r.code) order by code")
			.map(r -> r.get("id", Long.class))
			.all()
			.concatMap(this::find);
	}

	public Mono<Rubric> latest(String code) {
		return db.sql("select id from rubric where code = :code order by version desc limit 1")
			.bind("code", code)
			.map(r -> r.get("id", Long.class))
			.one()
			.switchIfEmpty(Mono.error(new NotFound("Aucune grille n’a le code « " + code + " ».")))
			.flatMap(this::find);
	}

	public Mono<Rubric> find(long id) {
		Mono<List<Criterion>> criteria = db.sql("""
				select id, section, label, kind, scale_max, weight from rubric_criterion where rubric_id = :id order by position""")
			.bind("id", id)
			.map(r -> new Criterion(r.get("id", Long.class), r.get("section", String.class), r.get("label", String.class),
					Kind.valueOf(r.get("kind", String.class)), r.get("scale_max", Integer.class), r.get("weight", Integer.class)))
			.all()
			.collectList();
		return db.sql("select id, code, name, version, pass_threshold from rubric where id = :id")
			.bind("id", id)
			.fetch()
			.one()
			.switchIfEmpty(Mono.error(new NotFound("Aucune grille n’a l’identifiant " + id + ".")))
			.zipWith(criteria, (r, c) -> new Rubric(((Number) r.get("id")).longValue(), (String) r.get("code"), (String) r.get("name"),
					((Number) r.get("version")).intValue(), ((Number) r.get("pass_threshold")).intValue(), c));
	}

	/** Defines the next version of the rubric with this code (the first, for a new code). */
	@Transactional
	public Mono<Rubric> define(String code, String name, int passThreshold, List<CriterionDefinition> criteria, String author) {
		String clean = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
		if (clean.isEmpty() || name == null || name.isBlank() || criteria == null || criteria.isEmpty()) {
			return Mono.error(clean.isEmpty() || name == null || name.isBlank()
					? InvalidRequest.ofField(clean.isEmpty() ? "code" : "name", "Une grille a un code, un nom et au moins un critère.")
					: new InvalidRequest("Une grille a un code, un nom et au moins un critère."));
		}
		if (passThreshold < 0 || passThreshold > 100) {
			return Mono.error(InvalidRequest.ofField("passThreshold", "Le seuil de réussite est un pourcentage, de 0 à 100."));
		}
		for (CriterionDefinition c : criteria) {
			if (c.section() == null || c.section().isBlank() || c.label() == null || c.label().isBlank() || c.kind() == null) {
				return Mono.error(new InvalidRequest("Chaque critère a une section, un libellé et un type (SCALE ou PASS_FAIL)."));
			}
			if (c.weight() < 1 || c.weight() > 100) {
				return Mono.error(new InvalidRequest("Critère « " + c.label() + " » : le poids va de 1 à 100."));
			}
			if ((c.kind() == Kind.SCALE) != (c.scaleMax() != null) || (c.scaleMax() != null && (c.scaleMax() < 2 || c.scaleMax() > 10))) {
				return Mono.error(new InvalidRequest("Critère « " + c.label() + " » : une échelle va de 1 à un maximum entre 2 et 10 ; "
						+ "un critère réussi ou non n’a pas d’échelle."));
			}
		}
		return db.sql("""
				insert into rubric (code, name, version, pass_threshold, created_by, created_at)
				values (:code, :name, (select coalesce(max(version), 0) + 1 from rubric where code = :code), :threshold, :by, :now)
				returning id""")
			.bind("code", clean)
			.bind("name", name.trim())
			.bind("threshold", passThreshold)
			.bind("by", author)
			.bind("now", Instant.now(clock))
			.map(r -> r.get("id", Long.class))
			.one()
			.flatMap(id -> Flux.range(0, criteria.size()).concatMap(i -> {
				CriterionDefinition c = criteria.get(i);
				var spec = db.sql("""
						insert into rubric_criterion (rubric_id, section, label, kind, scale_max, weight, position)
						values (:r, :section, :label, :kind, :max, :weight, :position)""")
					.bind("r", id)
					.bind("section", c.section().trim())
					.bind("label", c.label().trim())
					.bind("kind", c.kind().name())
					.bind("weight", c.weight())
					.bind("position", i + 1);
				spec = c.scaleMax() == null ? spec.bindNull("max", Integer.class) : spec.bind("max", c.scaleMax());
				return spec.then();
			}).then(find(id)))
			.flatMap(r -> changes.record(author, Change.of("rubric", r.id(), null, "created", "Grille " + r.code() + ", version "
					+ r.version() + " : " + Counted.of(r.criteria().size(), "critère", "critères") + ", seuil " + r.passThreshold() + " %").withStates(null, r))
				.thenReturn(r));
	}
}
