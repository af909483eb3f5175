package be.fwb.ead.catalogue;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import be.fwb.ead.audit.Change;
import be.fwb.ead.audit.ChangeLog;
import be.fwb.ead.shared.InvalidRequest;
import be.fwb.ead.shared.NotFound;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The level and subject of each module. They come from its Moodle category (the subject) and that category's parent
 * (the level), unless a coordinator mapped the category to another level and subject (for a category named
 * differently from the titles decree, say).
 */
@Component
public class Placements {

	/** Where a module sits; {@code mapped} when a coordinator set it rather than the category names. */
	public record Placement(long moduleId, String level, String subject, boolean mapped) {
	}

	/** A subject category with its level and subject, as used (mapped or named). */
	public record Mapping(long categoryId, String categoryName, String level, String subject, boolean mapped,
			@Nullable String updatedBy) {
	}

	private static final String PLACED = """
			select c.id as category_id, c.name as category_name,
			       coalesce(cm.level, c.parent_name, '') as level, coalesce(cm.subject, c.name) as subject,
			       cm.category_id is not null as mapped, cm.updated_by
			from category_path c
			left join category_mapping cm on cm.category_id = c.id""";

	private final DatabaseClient db;
	private final ChangeLog changes;
	private final Clock clock;

	Placements(DatabaseClient db, ChangeLog changes, Clock clock) {
		this.clock = clock;
		this.db = db;
		this.changes = changes;
	}

	public Mono<Placement> of(long moduleId) {
		return db.sql("select m.id as module_id, x.level, x.subject, x.mapped from module_name m join (" + PLACED
				+ ") x on x.category_id = m.category_id where m.id = :id")
			.bind("id", moduleId)
			.map(r -> new Placement(r.get("module_id", Long.class), r.get("level", String.class),
					r.get("subject", String.class), Boolean.TRUE.equals(r.get("mapped", Boolean.class))))
			.one()
			.switchIfEmpty(Mono.error(new NotFound("Aucun module n’a l’identifiant " + moduleId + ".")));
	}

	/** The categories that hold modules, with their level and subject. */
	public Flux<Mapping> mappings() {
		return db.sql("select x.* from (" + PLACED + ") x where exists (select 1 from module_name m where m.category_id = x.category_id)"
				+ " order by x.level, x.subject")
			.map(r -> new Mapping(r.get("category_id", Long.class), r.get("category_name", String.class),
					r.get("level", String.class), r.get("subject", String.class),
					Boolean.TRUE.equals(r.get("mapped", Boolean.class)), r.get("updated_by", String.class)))
			.all();
	}

	/** The levels and subjects in use, for forms. */
	public Mono<List<String>> levels() {
		return mappings().map(Mapping::level).distinct().sort().collectList();
	}

	public Mono<List<String>> subjects() {
		return mappings().map(Mapping::subject).distinct().sort().collectList();
	}

	/** Maps a category to a level and subject; blank values remove the mapping (back to the category names). */
	@Transactional
	public Mono<Void> map(long categoryId, @Nullable String level, @Nullable String subject, String author) {
		boolean clear = (level == null || level.isBlank()) && (subject == null || subject.isBlank());
		if (!clear && (level == null || level.isBlank() || subject == null || subject.isBlank())) {
			return Mono.error(InvalidRequest.ofField(level == null || level.isBlank() ? "level" : "subject",
					"Indiquez le niveau et la matière, ou aucun des deux pour revenir aux noms des catégories."));
		}
		Mono<Void> write = clear ? db.sql("delete from category_mapping where category_id = :c").bind("c", categoryId).then()
				: db.sql("""
						insert into category_mapping (category_id, level, subject, updated_by, updated_at)
						values (:c, :l, :s, :by, :now)
						on conflict (category_id) do update set level = excluded.level, subject = excluded.subject,
						       updated_by = excluded.updated_by, updated_at = excluded.updated_at""")
					.bind("c", categoryId)
					.bind("l", level.trim())
					.bind("s", subject.trim())
					.bind("by", author)
					.bind("now", Instant.now(clock))
					.then();
		return db.sql("select count(*) as n from category_path where id = :c")
			.bind("c", categoryId)
			.map(r -> r.get("n", Long.class))
			.one()
			.flatMap(n -> n == 0 ? Mono.error(new NotFound("Aucune catégorie Moodle n’a l’identifiant " + categoryId + "."))
					: write.then(changes.record(author, Change.of("category_mapping", categoryId, null, clear ? "deleted" : "updated",
							clear ? "Correspondance de la catégorie " + categoryId + " retirée"
									: "Catégorie " + categoryId + " : " + level.trim() + " / " + subject.trim()))));
	}
}
