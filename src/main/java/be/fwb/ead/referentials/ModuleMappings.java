package be.fwb.ead.referentials;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import be.fwb.ead.referentials.Coverage.Depth;
import be.fwb.ead.shared.InvalidRequest;
import be.fwb.ead.shared.NotFound;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * One module's mappings: what it works of each référentiel, and the editor of one branch of a référentiel (a
 * subject, say), where a coordinator sets the depth of each competency at once.
 */
@Service
public class ModuleMappings {

	public record ModuleHead(long id, String shortname, String fullname, boolean archived) {
	}

	/** A mapping of the module, with the référentiel it belongs to. */
	public record Mapped(long referentialId, String referential, int version, long competencyId, String idnumber,
			String shortname, Depth depth, String mappedBy, Instant mappedAt) {

		public String depthLabel() {
			return MappingFiles.label(depth);
		}
	}

	/** A line of the editor: a competency of the branch, indented by its depth, with the module's current depth. */
	public record EditorRow(long competencyId, String idnumber, String shortname, int depth, @Nullable Depth current) {
	}

	/** A branch: a top-level node of a référentiel, with how many of its competencies the module works. */
	public record Branch(long id, String idnumber, String shortname, int mapped) {
	}

	private final DatabaseClient db;
	private final Referentials referentials;
	private final Coverage coverage;

	ModuleMappings(DatabaseClient db, Referentials referentials, Coverage coverage) {
		this.db = db;
		this.referentials = referentials;
		this.coverage = coverage;
	}

	public Mono<ModuleHead> module(long moduleId) {
		return db.sql("select id, shortname, fullname, archived from module_name where id = :id")
			.bind("id", moduleId)
			.map(r -> new ModuleHead(r.get("id", Long.class), r.get("shortname", String.class), r.get("fullname", String.class),
					Boolean.TRUE.equals(r.get("archived", Boolean.class))))
			.one()
			.switchIfEmpty(Mono.error(new NotFound("Aucun module n’a l’identifiant " + moduleId + ".")));
	}

	/** Every mapping of the module, by référentiel (latest versions first), then in tree order. */
	public Mono<List<Mapped>> mapped(long moduleId) {
		return db.sql("""
				select r.id as ref, r.shortname as referential, r.version, c.id, c.idnumber, c.shortname, k.depth, k.mapped_by, k.mapped_at
				from competency_mapping k join competency c on c.id = k.competency_id join referential r on r.id = c.referential_id
				where k.module_id = :m order by r.shortname, r.version desc, c.depth, c.position""")
			.bind("m", moduleId)
			.map(r -> new Mapped(r.get("ref", Long.class), r.get("referential", String.class), r.get("version", Integer.class),
					r.get("id", Long.class), r.get("idnumber", String.class), r.get("shortname", String.class),
					Depth.valueOf(r.get("depth", String.class)), r.get("mapped_by", String.class), r.get("mapped_at", Instant.class)))
			.all()
			.collectList();
	}

	/** The top-level nodes of the référentiel, each with how many competencies of its subtree the module works. */
	public Mono<List<Branch>> branches(long moduleId, long referentialId) {
		return referentials.tree(referentialId).flatMap(tree -> mappedDepths(moduleId, referentialId).map(mapped -> {
			List<Branch> out = new ArrayList<>();
			for (Referentials.Competency c : tree) {
				if (c.depth() == 1) {
					out.add(new Branch(c.id(), c.idnumber(), c.shortname(), 0));
				}
				if (mapped.containsKey(c.id()) && !out.isEmpty()) {
					Branch last = out.remove(out.size() - 1);
					out.add(new Branch(last.id(), last.idnumber(), last.shortname(), last.mapped() + 1));
				}
			}
			return out;
		}));
	}

	/** The competencies of one branch (the node and its subtree) with the module's current depth. */
	public Mono<List<EditorRow>> editor(long moduleId, long referentialId, long branchId) {
		return Mono.zip(referentials.tree(referentialId), mappedDepths(moduleId, referentialId)).map(t -> {
			List<EditorRow> out = new ArrayList<>();
			boolean inside = false;
			for (Referentials.Competency c : t.getT1()) {
				if (c.depth() == 1) {
					inside = c.id() == branchId;
				}
				if (inside) {
					out.add(new EditorRow(c.id(), c.idnumber(), c.shortname(), c.depth(), t.getT2().get(c.id())));
				}
			}
			if (out.isEmpty()) {
				throw new NotFound("Le référentiel " + referentialId + " n’a pas de branche " + branchId + ".");
			}
			return out;
		});
	}

	/**
	 * Sets the module's depth for each competency named ({@literal null}: no mapping); only what differs is written,
	 * so the person and date of an unchanged mapping stay. Every competency must belong to the référentiel.
	 *
	 * @return how many mappings were written or removed
	 */
	public Mono<Integer> save(long moduleId, long referentialId, Map<Long, @Nullable Depth> wanted, String author) {
		return module(moduleId).then(db.sql("select id from competency where referential_id = :ref and id = any(:ids::bigint[])")
			.bind("ref", referentialId)
			.bind("ids", wanted.keySet().toArray(Long[]::new))
			.map(r -> r.get("id", Long.class))
			.all()
			.count())
			.flatMap(known -> known < wanted.size()
					? Mono.error(new InvalidRequest("Une compétence du formulaire n’appartient pas à ce référentiel."))
					: mappedDepths(moduleId, referentialId))
			.flatMap(current -> {
				List<Coverage.Mapping> changes = new ArrayList<>();
				wanted.forEach((competency, depth) -> {
					if (current.get(competency) != depth) {
						changes.add(new Coverage.Mapping(moduleId, competency, depth));
					}
				});
				return changes.isEmpty() ? Mono.just(0) : coverage.map(changes, author).thenReturn(changes.size());
			});
	}

	private Mono<Map<Long, Depth>> mappedDepths(long moduleId, long referentialId) {
		return db.sql("""
				select k.competency_id, k.depth from competency_mapping k join competency c on c.id = k.competency_id
				where k.module_id = :m and c.referential_id = :ref""")
			.bind("m", moduleId)
			.bind("ref", referentialId)
			.map(r -> Map.entry(r.get("competency_id", Long.class), Depth.valueOf(r.get("depth", String.class))))
			.all()
			.collect(HashMap::new, (m, e) -> m.put(e.getKey(), e.getValue()));
	}
}
