package be.fwb.ead.referentials;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import be.fwb.ead.audit.Change;
import be.fwb.ead.audit.ChangeLog;
import be.fwb.ead.shared.InvalidRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;
import be.fwb.ead.shared.Counted;

/**
 * The mappings of modules to competencies, with a depth: written here, in bulk, and published as the view
 * {@code module_competency}. What the catalogue covers (the matrix, the heatmap, the gaps, the overlaps, the orphan
 * modules) is read by the read side, {@code analysis.CatalogueCoverage}.
 */
@Service
public class Coverage {

	/** How far a module takes a competency, from the lightest. */
	public enum Depth {
		INTRODUCED, WORKED, MASTERED
	}

	/** A mapping to write: {@code depth} {@literal null} removes it. */
	public record Mapping(long moduleId, long competencyId, @Nullable Depth depth) {
	}

	private final DatabaseClient db;
	private final ChangeLog changes;
	private final Clock clock;

	Coverage(DatabaseClient db, ChangeLog changes, Clock clock) {
		this.clock = clock;
		this.db = db;
		this.changes = changes;
	}

	/** Writes mappings in bulk (one statement for the upserts, one for the removals), recorded in the change log. */
	@Transactional
	public Mono<Integer> map(List<Mapping> mappings, String author) {
		List<Mapping> upserts = mappings.stream().filter(m -> m.depth() != null).toList();
		List<Mapping> removals = mappings.stream().filter(m -> m.depth() == null).toList();
		Instant now = Instant.now(clock);
		Mono<Long> written = upserts.isEmpty() ? Mono.just(0L) : db.sql("""
				insert into competency_mapping (module_id, competency_id, depth, mapped_by, mapped_at)
				select u.m, u.c, u.d, :by, :now from unnest(:modules::bigint[], :competencies::bigint[], :depths::text[]) as u(m, c, d)
				on conflict (module_id, competency_id) do update set depth = excluded.depth, mapped_by = excluded.mapped_by,
				       mapped_at = excluded.mapped_at""")
			.bind("modules", upserts.stream().map(Mapping::moduleId).toArray(Long[]::new))
			.bind("competencies", upserts.stream().map(Mapping::competencyId).toArray(Long[]::new))
			.bind("depths", upserts.stream().map(m -> m.depth().name()).toArray(String[]::new))
			.bind("by", author)
			.bind("now", now)
			.fetch()
			.rowsUpdated()
			.onErrorMap(org.springframework.dao.DataIntegrityViolationException.class,
					e -> new InvalidRequest("Un module ou une compétence n’existe pas."));
		Mono<Long> removed = removals.isEmpty() ? Mono.just(0L) : db.sql("""
				delete from competency_mapping k using unnest(:modules::bigint[], :competencies::bigint[]) as u(m, c)
				where k.module_id = u.m and k.competency_id = u.c""")
			.bind("modules", removals.stream().map(Mapping::moduleId).toArray(Long[]::new))
			.bind("competencies", removals.stream().map(Mapping::competencyId).toArray(Long[]::new))
			.fetch()
			.rowsUpdated();
		return written.zipWith(removed, Long::sum)
			.flatMap(n -> changes.record(author, Change.of("competency_mapping", 0, null, "updated",
					Counted.of(upserts.size(), "correspondance module–compétence enregistrée", "correspondances module–compétence enregistrées") + ", " + Counted.of(removals.size(), "retirée", "retirées"))
				.withStates(null, mappings)).thenReturn(n.intValue()));
	}

	static Depth depth(String value) {
		try {
			return Depth.valueOf(value.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new InvalidRequest("Profondeur inconnue « " + value + " » : INTRODUCED, WORKED ou MASTERED.");
		}
	}
}
