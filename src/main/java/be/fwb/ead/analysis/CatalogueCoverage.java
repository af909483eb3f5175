package be.fwb.ead.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import be.fwb.ead.referentials.Coverage;
import be.fwb.ead.referentials.Referentials;
import be.fwb.ead.shared.InvalidRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What the catalogue covers of a référentiel: the coverage matrix with its totals, the heatmap, the gaps (competencies
 * no current module covers), the overlaps (covered by many) and the orphan modules (no mapping at all). Reads the
 * mappings as the référentiels publish them ({@code module_competency}) and the current modules as the sync does
 * ({@code current_module}, {@code category_subtree}, {@code category_path}); the mappings are written by
 * {@link Coverage} in {@code referentials}.
 */
@Service
public class CatalogueCoverage {

	public record Column(long competencyId, String idnumber, String shortname, int depth, int modules) {
	}

	public record Row(long moduleId, String shortname, String fullname, int competencies) {
	}

	/**
	 * The matrix: rows are current modules (of the category subtree, if any), columns the référentiel's competencies in
	 * tree order; {@code cells[r]} lists, for row {@code r}, pairs of column index and depth ordinal, by column (sparse).
	 */
	public record Matrix(long referentialId, List<Row> rows, List<Column> columns, List<int[]> cells, int mappings,
			int coveredCompetencies) {
	}

	private record ModuleCells(Row row, Long[] competencies, String[] depths) {
	}

	public record Gap(long competencyId, String idnumber, String shortname, int depth) {
	}

	public record Overlap(long competencyId, String idnumber, String shortname, int modules) {
	}

	public record Orphan(long moduleId, String shortname, String fullname) {
	}

	private final DatabaseClient db;
	private final Referentials referentials;

	CatalogueCoverage(DatabaseClient db, Referentials referentials) {
		this.db = db;
		this.referentials = referentials;
	}

	/** The coverage matrix of a référentiel, for the current modules under a category (a level or subject), or all. */
	public Mono<Matrix> matrix(long referentialId, @Nullable Long categoryId) {
		String modules = "select mo.id from current_module mo"
				+ (categoryId == null ? "" : " where mo.category_id in (select s.member_id from category_subtree s where s.category_id = :category)");
		Mono<List<Column>> columns = referentials.tree(referentialId).flatMap(tree -> db.sql("""
				select k.competency_id, count(*) as n from module_competency k
				where k.referential_id = :ref and k.module_id in (""" + modules + ") group by k.competency_id")
			.bind("ref", referentialId)
			.bindValues(categoryId == null ? Map.of() : Map.of("category", categoryId))
			.map(r -> Map.entry(r.get("competency_id", Long.class), ((Number) r.get("n")).intValue()))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue)
			.map(counts -> tree.stream().map(c -> new Column(c.id(), c.idnumber(), c.shortname(), c.depth(),
					counts.getOrDefault(c.id(), 0))).toList()));
		// One row per module, its mappings folded into two arrays: a few thousand rows to read, not a hundred thousand.
		Flux<ModuleCells> rows = db.sql("""
				select mo.id, mo.shortname, mo.fullname,
				       coalesce(array_agg(k.competency_id order by k.competency_id) filter (where k.competency_id is not null), '{}') as competencies,
				       coalesce(array_agg(k.depth order by k.competency_id) filter (where k.competency_id is not null), '{}') as depths
				from current_module mo
				left join (select k.module_id, k.competency_id, k.depth from module_competency k
				           where k.referential_id = :ref) k on k.module_id = mo.id
				where mo.id in (""" + modules + ") group by mo.id, mo.shortname, mo.fullname, mo.sort_key order by mo.sort_key, mo.id")
			.bind("ref", referentialId)
			.bindValues(categoryId == null ? Map.of() : Map.of("category", categoryId))
			.map(r -> new ModuleCells(new Row(r.get("id", Long.class), r.get("shortname", String.class), r.get("fullname", String.class),
					r.get("competencies", Long[].class).length), r.get("competencies", Long[].class), r.get("depths", String[].class)))
			.all();
		return columns.flatMap(cols -> {
			Map<Long, Integer> index = new HashMap<>(cols.size() * 2);
			for (int i = 0; i < cols.size(); i++) {
				index.put(cols.get(i).competencyId(), i);
			}
			return rows.collectList().map(list -> {
				List<Row> out = new ArrayList<>(list.size());
				List<int[]> cells = new ArrayList<>(list.size());
				int mappings = 0;
				for (ModuleCells m : list) {
					// Pairs (column, depth) packed in one long each, sorted by column.
					long[] packed = new long[m.competencies().length];
					for (int i = 0; i < packed.length; i++) {
						packed[i] = ((long) index.get(m.competencies()[i]) << 8) | Coverage.Depth.valueOf(m.depths()[i]).ordinal();
					}
					java.util.Arrays.sort(packed);
					int[] cell = new int[packed.length * 2];
					for (int i = 0; i < packed.length; i++) {
						cell[2 * i] = (int) (packed[i] >> 8);
						cell[2 * i + 1] = (int) (packed[i] & 0xFF);
					}
					mappings += m.competencies().length;
					out.add(m.row());
					cells.add(cell);
				}
				return new Matrix(referentialId, out, cols, cells, mappings, (int) cols.stream().filter(c -> c.modules() > 0).count());
			});
		});
	}

	/** A line of the heatmap: a subject (or a module, zoomed in) and, per column, the share of its competencies covered. */
	public record HeatRow(long id, String label, int modules, double[] shares) {
	}

	/**
	 * The heatmap: columns are the competencies at {@code columnDepth} (domains, say), rows the subjects of the current
	 * modules that have a module mapped to the référentiel ({@code unmapped}: the others, named apart) — or, with
	 * {@code byModule}, the modules. A cell is the share of the column's competencies (itself and its descendants) that
	 * the row's modules cover.
	 */
	public record Heatmap(long referentialId, @Nullable Long categoryId, List<Column> columns, List<HeatRow> rows,
			List<HeatRow> unmapped) {
	}

	public Mono<Heatmap> heatmap(long referentialId, @Nullable Long categoryId, int columnDepth, boolean byModule) {
		return matrix(referentialId, categoryId).flatMap(m -> heatmap(m, categoryId, columnDepth, byModule));
	}

	/** The heatmap of a matrix already computed (one matrix can serve the heatmap, the gaps and the overlaps). */
	public Mono<Heatmap> heatmap(Matrix matrix, @Nullable Long categoryId, int columnDepth, boolean byModule) {
		long referentialId = matrix.referentialId();
		Mono<Map<Long, Long>> categoryOf = db.sql("select id, category_id from current_module")
			.map(r -> Map.entry(r.get("id", Long.class), r.get("category_id", Long.class)))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
		// A subject is named with its level: "Français" alone would stand for three rows.
		Mono<Map<Long, String>> categoryNames = db.sql("select c.id, coalesce(c.parent_name || ' › ', '') || c.name as name "
				+ "from category_path c")
			.map(r -> Map.entry(r.get("id", Long.class), r.get("name", String.class)))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
		return Mono.zip(Mono.just(matrix), categoryOf, categoryNames).map(t -> {
			Matrix m = t.getT1();
			List<Column> all = m.columns();
			// Each column of the heatmap is a contiguous range of the tree order: the node and its descendants.
			List<int[]> ranges = new ArrayList<>();
			List<Column> heads = new ArrayList<>();
			for (int i = 0; i < all.size(); i++) {
				if (all.get(i).depth() == columnDepth) {
					int end = i + 1;
					while (end < all.size() && all.get(end).depth() > columnDepth) {
						end++;
					}
					ranges.add(new int[] { i, end });
					heads.add(all.get(i));
				}
			}
			Map<Long, java.util.BitSet> covered = new LinkedHashMap<>();
			Map<Long, String> labels = new HashMap<>();
			Map<Long, Integer> counts = new HashMap<>();
			for (int r = 0; r < m.rows().size(); r++) {
				Row row = m.rows().get(r);
				long key = byModule ? row.moduleId() : t.getT2().get(row.moduleId());
				labels.putIfAbsent(key, byModule ? row.fullname() : t.getT3().getOrDefault(key, "?"));
				counts.merge(key, 1, Integer::sum);
				java.util.BitSet bits = covered.computeIfAbsent(key, k -> new java.util.BitSet(all.size()));
				int[] cell = m.cells().get(r);
				for (int i = 0; i < cell.length; i += 2) {
					bits.set(cell[i]);
				}
			}
			List<HeatRow> rows = new ArrayList<>();
			List<HeatRow> unmapped = new ArrayList<>();
			for (Map.Entry<Long, java.util.BitSet> e : covered.entrySet()) {
				double[] shares = new double[ranges.size()];
				for (int c = 0; c < ranges.size(); c++) {
					int[] range = ranges.get(c);
					shares[c] = (double) e.getValue().get(range[0], range[1]).cardinality() / (range[1] - range[0]);
				}
				HeatRow row = new HeatRow(e.getKey(), labels.get(e.getKey()), counts.get(e.getKey()), shares);
				// A subject none of whose modules is mapped to this référentiel (another level's, another exam's) is no
				// row of 0 % everywhere: it is listed apart. Zoomed to a subject, every module is a row.
				(byModule || !e.getValue().isEmpty() ? rows : unmapped).add(row);
			}
			java.util.Comparator<HeatRow> byLabel = java.util.Comparator.comparing(h -> be.fwb.ead.shared.SearchText.key(h.label()));
			rows.sort(byLabel);
			unmapped.sort(byLabel);
			return new Heatmap(referentialId, categoryId, heads, rows, unmapped);
		});
	}

	/**
	 * Competencies of the référentiel that no current module covers, neither directly nor through one of their
	 * descendants (a domain whose competencies are worked is not a gap), in tree order.
	 */
	public Mono<List<Gap>> gaps(long referentialId) {
		return matrix(referentialId, null).map(CatalogueCoverage::gaps);
	}

	/** The gaps of a matrix of all current modules. */
	public static List<Gap> gaps(Matrix m) {
		List<Column> columns = m.columns();
		int maxDepth = columns.stream().mapToInt(Column::depth).max().orElse(0);
		boolean[] coveredBelow = new boolean[maxDepth + 2];
		boolean[] covered = new boolean[columns.size()];
		// Tree order, read backwards: a node's subtree is read before the node itself.
		for (int i = columns.size() - 1; i >= 0; i--) {
			int depth = columns.get(i).depth();
			covered[i] = columns.get(i).modules() > 0 || coveredBelow[depth + 1];
			coveredBelow[depth + 1] = false;
			coveredBelow[depth] |= covered[i];
		}
		List<Gap> gaps = new ArrayList<>();
		for (int i = 0; i < columns.size(); i++) {
			if (!covered[i]) {
				Column c = columns.get(i);
				gaps.add(new Gap(c.competencyId(), c.idnumber(), c.shortname(), c.depth()));
			}
		}
		return gaps;
	}

	/** Competencies covered by at least {@code threshold} current modules, the most covered first. */
	public Mono<List<Overlap>> overlaps(long referentialId, int threshold) {
		if (threshold < 2) {
			return Mono.error(new InvalidRequest("Le seuil de recouvrement est d’au moins 2 modules."));
		}
		return matrix(referentialId, null).map(m -> overlaps(m, threshold));
	}

	/** The overlaps of a matrix of all current modules. */
	public static List<Overlap> overlaps(Matrix m, int threshold) {
		return m.columns().stream()
			.filter(c -> c.modules() >= threshold)
			.sorted(java.util.Comparator.comparingInt(Column::modules).reversed().thenComparing(Column::idnumber))
			.map(c -> new Overlap(c.competencyId(), c.idnumber(), c.shortname(), c.modules()))
			.toList();
	}

	/** Current modules mapped to no competency of any référentiel. */
	public Flux<Orphan> orphans() {
		return db.sql("""
				select mo.id, mo.shortname, mo.fullname from current_module mo
				where not exists (select 1 from module_competency k where k.module_id = mo.id)
				order by mo.sort_key""")
			.map(r -> new Orphan(r.get("id", Long.class), r.get("shortname", String.class), r.get("fullname", String.class)))
			.all();
	}
}
