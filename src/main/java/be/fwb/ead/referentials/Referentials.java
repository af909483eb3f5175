package be.fwb.ead.referentials;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import be.fwb.ead.audit.Change;
import be.fwb.ead.audit.ChangeLog;
import be.fwb.ead.referentials.FrameworkCsv.Row;
import be.fwb.ead.shared.TableExport;
import be.fwb.ead.shared.NotFound;
import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import be.fwb.ead.shared.Counted;

/** Imports, lists, exports and compares the versions of the référentiels. */
@Service
public class Referentials {

	/** @param latest whether no later version of the same framework exists */
	public record Referential(long id, String idnumber, String shortname, @Nullable String description, int version,
			int competencies, String importedBy, Instant importedAt, boolean latest) {
	}

	/** A competency with its place in the tree. */
	public record Competency(long id, String idnumber, @Nullable String parentIdnumber, String shortname,
			@Nullable String description, int depth) {
	}

	/**
	 * What an import did. A new version takes over, from the previous one, the mappings of the competencies it keeps
	 * word for word ({@code mappingsCarried}) and the exam parts' ties of the competencies it keeps by ID number
	 * ({@code examTiesMoved}); the previous version keeps its own mappings.
	 */
	public record Imported(long id, String idnumber, int version, int competencies, int maxDepth, List<String> skipped,
			int mappingsCarried, int examTiesMoved) {
	}

	/**
	 * What changed between a version and the one before it, by ID number, and the modules it affects: those whose
	 * mappings to the previous version name a removed or reworded competency.
	 */
	public record Changes(long id, @Nullable Long previousId, List<Competency> added, List<Competency> removed,
			List<Reworded> reworded, List<Affected> affected) {
	}

	/** A module mapped to competencies of the previous version that were removed or reworded. */
	public record Affected(long moduleId, String shortname, String fullname, List<String> removed, List<String> reworded) {
	}

	public record Reworded(String idnumber, String before, String after) {
	}

	private final DatabaseClient db;
	private final ChangeLog changes;
	/**
	 * Programmatic, not {@code @Transactional}: a framework file (up to 20 Mo) is parsed, or compared with the latest
	 * version, before the transaction opens, so that no database connection is held meanwhile and an unchanged
	 * framework opens none.
	 */
	private final TransactionalOperator transaction;
	private final Clock clock;

	Referentials(DatabaseClient db, ChangeLog changes, TransactionalOperator transaction, Clock clock) {
		this.clock = clock;
		this.db = db;
		this.changes = changes;
		this.transaction = transaction;
	}

	/** Imports a framework file; the same framework imported again becomes its next version. All or nothing. */
	public Mono<Imported> importFile(byte[] file, String author) {
		return Mono.fromCallable(() -> FrameworkCsv.read(file))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap(f -> write(f, author).as(transaction::transactional));
	}

	/**
	 * Imports a framework read from Moodle as the next version of its référentiel, unless the latest version already
	 * has the same tree (same ID numbers, parents, names and descriptions): then nothing is written and the answer is
	 * empty.
	 */
	Mono<Imported> importIfChanged(FrameworkCsv.Framework f, String author) {
		return db.sql("select id from referential where idnumber = :i order by version desc limit 1")
			.bind("i", f.framework().idnumber())
			.map(r -> r.get("id", Long.class))
			.one()
			.flatMap(this::tree)
			.map(tree -> sameTree(tree, f))
			.defaultIfEmpty(false)
			.flatMap(same -> same ? Mono.<Imported>empty() : write(f, author).as(transaction::transactional));
	}

	private static boolean sameTree(List<Competency> tree, FrameworkCsv.Framework f) {
		if (tree.size() != f.competencies().size()) {
			return false;
		}
		Map<String, Competency> known = tree.stream().collect(Collectors.toMap(Competency::idnumber, c -> c, (a, b) -> a));
		return f.competencies().stream().allMatch(r -> {
			Competency c = known.get(r.idnumber());
			return c != null && Objects.equals(c.parentIdnumber(), r.parent()) && c.shortname().equals(r.shortname())
					&& Objects.equals(c.description(), r.description());
		});
	}

	private Mono<Imported> write(FrameworkCsv.Framework f, String author) {
		Row fw = f.framework();
		return db.sql("select coalesce(max(version), 0) + 1 as v from referential where idnumber = :id")
			.bind("id", fw.idnumber())
			.map(r -> ((Number) r.get("v")).intValue())
			.one()
			.flatMap(version -> {
				var spec = db.sql("""
						insert into referential (idnumber, shortname, description, description_format, scale_values,
						                         scale_configuration, taxonomy, version, imported_by, imported_at)
						values (:idnumber, :shortname, :description, :format, :scaleValues, :scaleConfiguration, :taxonomy,
						        :version, :by, :now) returning id""")
					.bind("idnumber", fw.idnumber())
					.bind("shortname", fw.shortname())
					.bind("format", fw.descriptionFormat())
					.bind("version", version)
					.bind("by", author)
					.bind("now", Instant.now(clock));
				spec = nullable(spec, "description", fw.description());
				spec = nullable(spec, "scaleValues", fw.scaleValues());
				spec = nullable(spec, "scaleConfiguration", fw.scaleConfiguration());
				spec = nullable(spec, "taxonomy", fw.taxonomy());
				return spec.map(r -> r.get("id", Long.class)).one().flatMap(id -> insertTree(id, f)
					.then(carryOver(fw.idnumber(), version, id))
					.flatMap(carried -> changes.record(author, Change.of("referential", id, null, "imported", "Référentiel « "
							+ fw.shortname() + " » (" + fw.idnumber() + "), version " + version + " : " + f.competencies().size()
							+ " compétences ; " + Counted.of(carried[0], "correspondance reprise", "correspondances reprises")
							+ " de la version précédente, " + Counted.of(carried[1], "lien d’épreuve déplacé", "liens d’épreuve déplacés")))
						.thenReturn(new Imported(id, fw.idnumber(), version, f.competencies().size(),
								f.depths().values().stream().mapToInt(Integer::intValue).max().orElse(0), f.skipped(), carried[0],
								carried[1]))));
			});
	}

	/**
	 * From the previous version to the new one: the mappings of competencies kept word for word (the person and date
	 * of the mapping kept), and the exam parts' ties of competencies kept by ID number (reworded ones too: the
	 * competency is the same, its wording changed).
	 */
	private Mono<int[]> carryOver(String idnumber, int version, long id) {
		if (version == 1) {
			return Mono.just(new int[] { 0, 0 });
		}
		return db.sql("select id from referential where idnumber = :i and version = :v")
			.bind("i", idnumber)
			.bind("v", version - 1)
			.map(r -> r.get("id", Long.class))
			.one()
			.flatMap(previous -> db.sql("""
					insert into competency_mapping (module_id, competency_id, depth, mapped_by, mapped_at)
					select k.module_id, n.id, k.depth, k.mapped_by, k.mapped_at
					from competency_mapping k
					join competency o on o.id = k.competency_id and o.referential_id = :previous
					join competency n on n.referential_id = :id and n.idnumber = o.idnumber and n.shortname = o.shortname
					     and n.description is not distinct from o.description""")
				.bind("previous", previous)
				.bind("id", id)
				.fetch()
				.rowsUpdated()
				.zipWith(db.sql("""
						with moved as (
						    delete from exam_part_competency pc using competency o, competency n
						    where o.id = pc.competency_id and o.referential_id = :previous
						      and n.referential_id = :id and n.idnumber = o.idnumber
						    returning pc.part_id, n.id as competency_id)
						insert into exam_part_competency (part_id, competency_id) select part_id, competency_id from moved
						on conflict do nothing""")
					.bind("previous", previous)
					.bind("id", id)
					.fetch()
					.rowsUpdated())
				.map(t -> new int[] { t.getT1().intValue(), t.getT2().intValue() }))
			.defaultIfEmpty(new int[] { 0, 0 });
	}

	/** One set-based insert per level of the tree, parents first. */
	private Mono<Void> insertTree(long referentialId, FrameworkCsv.Framework f) {
		Map<Integer, List<Row>> byDepth = new java.util.TreeMap<>();
		Map<String, Integer> position = new HashMap<>();
		for (int i = 0; i < f.competencies().size(); i++) {
			Row r = f.competencies().get(i);
			byDepth.computeIfAbsent(f.depths().get(r.idnumber()), d -> new ArrayList<>()).add(r);
			position.put(r.idnumber(), i);
		}
		Map<String, Long> ids = new HashMap<>();
		return Flux.fromIterable(byDepth.entrySet())
			.concatMap(level -> db.sql("""
					insert into competency (referential_id, idnumber, parent_id, shortname, description, description_format, depth,
					                        position, scale_values, scale_configuration, rule_type, rule_outcome, rule_config, related)
					select :ref, u.idnumber, u.parent_id, u.shortname, u.description, u.format, :depth, u.position, u.scale_values,
					       u.scale_configuration, u.rule_type, u.rule_outcome, u.rule_config, u.related
					from unnest(:idnumbers::text[], :parents::bigint[], :shortnames::text[], :descriptions::text[], :formats::int[],
					            :positions::int[], :scaleValues::text[], :scaleConfigurations::text[], :ruleTypes::text[],
					            :ruleOutcomes::text[], :ruleConfigs::text[], :related::text[])
					     as u(idnumber, parent_id, shortname, description, format, position, scale_values, scale_configuration,
					          rule_type, rule_outcome, rule_config, related)
					returning id, idnumber""")
				.bind("ref", referentialId)
				.bind("depth", level.getKey())
				.bind("idnumbers", level.getValue().stream().map(Row::idnumber).toArray(String[]::new))
				.bind("parents", level.getValue().stream().map(r -> r.parent() == null ? null : ids.get(r.parent())).toArray(Long[]::new))
				.bind("shortnames", level.getValue().stream().map(Row::shortname).toArray(String[]::new))
				.bind("descriptions", level.getValue().stream().map(Row::description).toArray(String[]::new))
				.bind("formats", level.getValue().stream().map(Row::descriptionFormat).toArray(Integer[]::new))
				.bind("positions", level.getValue().stream().map(r -> position.get(r.idnumber())).toArray(Integer[]::new))
				.bind("scaleValues", level.getValue().stream().map(Row::scaleValues).toArray(String[]::new))
				.bind("scaleConfigurations", level.getValue().stream().map(Row::scaleConfiguration).toArray(String[]::new))
				.bind("ruleTypes", level.getValue().stream().map(Row::ruleType).toArray(String[]::new))
				.bind("ruleOutcomes", level.getValue().stream().map(Row::ruleOutcome).toArray(String[]::new))
				.bind("ruleConfigs", level.getValue().stream().map(Row::ruleConfig).toArray(String[]::new))
				.bind("related", level.getValue().stream().map(Row::related).toArray(String[]::new))
				.map(r -> Map.entry(r.get("idnumber", String.class), r.get("id", Long.class)))
				.all()
				.doOnNext(e -> ids.put(e.getKey(), e.getValue()))
				.then())
			.then();
	}

	private static final String REFERENTIAL = """
			select r.id, r.idnumber, r.shortname, r.description, r.version, r.imported_by, r.imported_at,
			       (select count(*) from competency c where c.referential_id = r.id) as n,
			       not exists (select 1 from referential l where l.idnumber = r.idnumber and l.version > r.version) as latest
			from referential r""";

	public Flux<Referential> all() {
		return db.sql(REFERENTIAL + " order by r.shortname, r.version desc").map(Referentials::readReferential).all();
	}

	public Mono<Referential> find(long id) {
		return db.sql(REFERENTIAL + " where r.id = :id")
			.bind("id", id)
			.map(Referentials::readReferential)
			.one()
			.switchIfEmpty(Mono.error(new NotFound("Aucun référentiel n’a l’identifiant " + id + ".")));
	}

	/** The competencies in tree order: each one followed by its children, siblings in the file's order. */
	public Mono<List<Competency>> tree(long id) {
		return find(id).then(db.sql("""
				select c.id, c.idnumber, p.idnumber as parent, c.shortname, c.description, c.depth, c.position, c.parent_id
				from competency c left join competency p on p.id = c.parent_id
				where c.referential_id = :id""")
			.bind("id", id)
			.map(r -> new Node(new Competency(r.get("id", Long.class), r.get("idnumber", String.class), r.get("parent", String.class),
					r.get("shortname", String.class), r.get("description", String.class), r.get("depth", Integer.class)),
					r.get("position", Integer.class), r.get("parent_id", Long.class)))
			.all()
			.collectList()
			.map(Referentials::treeOrder));
	}

	/**
	 * The file Moodle's importer reads, with the framework's row first and the tree in order: neutralised
	 * ({@link TableExport.Dialect#MOODLE}) unless the raw file for re-import into Moodle is asked for
	 * ({@link TableExport.Dialect#MOODLE_RAW}).
	 */
	public Mono<byte[]> export(long id, TableExport.Dialect dialect) {
		return exportRows(id).map(rows -> FrameworkCsv.table().csvBytes(rows, dialect));
	}

	/** Moodle's competency framework file's columns, for the same file in XLSX. */
	public static TableExport<List<String>> exportTable() {
		return FrameworkCsv.table();
	}

	/** The rows of the file Moodle's importer reads (14 cells each), without the headers, the framework's row first. */
	public Mono<List<List<String>>> exportRows(long id) {
		Mono<Row> framework = db.sql("""
				select idnumber, shortname, description, description_format, scale_values, scale_configuration, taxonomy
				from referential where id = :id""")
			.bind("id", id)
			.map(r -> new Row(0, null, r.get("idnumber", String.class), r.get("shortname", String.class),
					r.get("description", String.class), r.get("description_format", Integer.class), r.get("scale_values", String.class),
					r.get("scale_configuration", String.class), null, null, null, null, r.get("taxonomy", String.class)))
			.one()
			.switchIfEmpty(Mono.error(new NotFound("Aucun référentiel n’a l’identifiant " + id + ".")));
		Mono<Map<String, Row>> rows = db.sql("""
				select c.idnumber, p.idnumber as parent, c.shortname, c.description, c.description_format, c.scale_values,
				       c.scale_configuration, c.rule_type, c.rule_outcome, c.rule_config, c.related
				from competency c left join competency p on p.id = c.parent_id where c.referential_id = :id""")
			.bind("id", id)
			.map(r -> new Row(0, r.get("parent", String.class), r.get("idnumber", String.class), r.get("shortname", String.class),
					r.get("description", String.class), r.get("description_format", Integer.class), r.get("scale_values", String.class),
					r.get("scale_configuration", String.class), r.get("rule_type", String.class), r.get("rule_outcome", String.class),
					r.get("rule_config", String.class), r.get("related", String.class), null))
			.all()
			.collectMap(Row::idnumber);
		return Mono.zip(framework, rows, tree(id))
			.map(t -> FrameworkCsv.rows(t.getT1(), t.getT3().stream().map(c -> t.getT2().get(c.idnumber())).toList()));
	}

	/** What this version changed from the previous version of the same framework. */
	public Mono<Changes> changes(long id) {
		return find(id).flatMap(r -> db.sql("select id from referential where idnumber = :i and version = :v")
			.bind("i", r.idnumber())
			.bind("v", r.version() - 1)
			.map(x -> x.get("id", Long.class))
			.one()
			.flatMap(previous -> Mono.zip(tree(previous), tree(id))
				.map(t -> diff(id, previous, t.getT1(), t.getT2()))
				.flatMap(c -> affected(previous, c)))
			.defaultIfEmpty(new Changes(id, null, List.of(), List.of(), List.of(), List.of())));
	}

	/** The modules mapped, in the previous version, to a competency this version removed or reworded. */
	private Mono<Changes> affected(long previous, Changes c) {
		List<String> removed = c.removed().stream().map(Competency::idnumber).toList();
		List<String> reworded = c.reworded().stream().map(Reworded::idnumber).toList();
		if (removed.isEmpty() && reworded.isEmpty()) {
			return Mono.just(c);
		}
		return db.sql("""
				select mo.id, mo.shortname, mo.fullname,
				       array_agg(o.idnumber order by o.position) filter (where o.idnumber = any(:removed::text[])) as removed,
				       array_agg(o.idnumber order by o.position) filter (where o.idnumber = any(:reworded::text[])) as reworded
				from competency_mapping k
				join competency o on o.id = k.competency_id and o.referential_id = :previous
				join module_name mo on mo.id = k.module_id
				where o.idnumber = any(:removed::text[]) or o.idnumber = any(:reworded::text[])
				group by mo.id, mo.shortname, mo.fullname, mo.sort_key order by mo.sort_key, mo.id""")
			.bind("previous", previous)
			.bind("removed", removed.toArray(String[]::new))
			.bind("reworded", reworded.toArray(String[]::new))
			.map(r -> new Affected(r.get("id", Long.class), r.get("shortname", String.class), r.get("fullname", String.class),
					list(r.get("removed", String[].class)), list(r.get("reworded", String[].class))))
			.all()
			.collectList()
			.map(a -> new Changes(c.id(), c.previousId(), c.added(), c.removed(), c.reworded(), a));
	}

	private static List<String> list(String @Nullable [] values) {
		return values == null ? List.of() : List.of(values);
	}

	private static Changes diff(long id, long previous, List<Competency> before, List<Competency> after) {
		Map<String, Competency> old = before.stream().collect(Collectors.toMap(Competency::idnumber, c -> c, (a, b) -> a, LinkedHashMap::new));
		Map<String, Competency> now = after.stream().collect(Collectors.toMap(Competency::idnumber, c -> c, (a, b) -> a, LinkedHashMap::new));
		List<Competency> added = after.stream().filter(c -> !old.containsKey(c.idnumber())).toList();
		List<Competency> removed = before.stream().filter(c -> !now.containsKey(c.idnumber())).toList();
		List<Reworded> reworded = after.stream()
			.filter(c -> old.containsKey(c.idnumber()))
			.filter(c -> !Objects.equals(text(old.get(c.idnumber())), text(c)))
			.map(c -> new Reworded(c.idnumber(), text(old.get(c.idnumber())), text(c)))
			.toList();
		return new Changes(id, previous, added, removed, reworded, List.of());
	}

	private static String text(Competency c) {
		return c.shortname() + (c.description() == null ? "" : " — " + c.description());
	}

	private record Node(Competency competency, int position, @Nullable Long parentId) {
	}

	private static List<Competency> treeOrder(List<Node> nodes) {
		Map<Long, List<Node>> children = new HashMap<>();
		List<Node> roots = new ArrayList<>();
		for (Node n : nodes) {
			if (n.parentId() == null) {
				roots.add(n);
			}
			else {
				children.computeIfAbsent(n.parentId(), k -> new ArrayList<>()).add(n);
			}
		}
		List<Competency> out = new ArrayList<>(nodes.size());
		java.util.Deque<Node> stack = new java.util.ArrayDeque<>();
		roots.sort(Comparator.comparingInt(Node::position).reversed());
		roots.forEach(stack::push);
		while (!stack.isEmpty()) {
			Node n = stack.pop();
			out.add(n.competency());
			List<Node> kids = new ArrayList<>(children.getOrDefault(n.competency().id(), List.of()));
			kids.sort(Comparator.comparingInt(Node::position).reversed());
			kids.forEach(stack::push);
		}
		return out;
	}

	private static Referential readReferential(Readable r) {
		return new Referential(r.get("id", Long.class), r.get("idnumber", String.class), r.get("shortname", String.class),
				r.get("description", String.class), r.get("version", Integer.class), ((Number) r.get("n")).intValue(),
				r.get("imported_by", String.class), r.get("imported_at", Instant.class), Boolean.TRUE.equals(r.get("latest", Boolean.class)));
	}

	private static DatabaseClient.GenericExecuteSpec nullable(DatabaseClient.GenericExecuteSpec spec, String name,
			@Nullable String value) {
		return value == null ? spec.bindNull(name, String.class) : spec.bind(name, value);
	}
}
