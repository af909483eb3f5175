package be.fwb.ead.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What to produce: the domains of the référentiels (latest versions) where no current module works some of the
 * competencies, ranked by the exam weight those competencies carry, then by how many they are.
 * <p>
 * A domain is a node at depth 2 (or at depth 1 when the tree has one level). Its open competencies are those of its
 * subtree (the domain itself left out when it has children) that no current module works. The exam stake sums, over
 * the exam parts tied to open competencies of the domain, the part's share of its exam's weight times the share of the
 * part's competencies that are open in this domain: the points of exam the domain leaves uncovered, 1 being one whole
 * exam. The same share as the exam readiness, so the two screens agree.
 */
@Service
public class Production {

	/** A domain to produce for, with its ingredients. */
	public record ToProduce(long referentialId, String referential, long competencyId, String idnumber, String shortname,
			int competencies, int open, List<String> openIdnumbers, double examStake, List<String> examParts) {
	}

	record Part(long id, String label, double share, int size) {
	}

	private final DatabaseClient db;
	private final CatalogueCoverage coverage;

	Production(DatabaseClient db, CatalogueCoverage coverage) {
		this.db = db;
		this.coverage = coverage;
	}

	public Mono<List<ToProduce>> ranked() {
		Mono<Map<Long, Part>> parts = db.sql("""
				select p.part_id as id, p.exam_code || ' – ' || p.part_name as label, p.share, p.competencies as size
				from exam_part_weight p""")
			.map(r -> new Part(r.get("id", Long.class), r.get("label", String.class), r.get("share", Double.class),
					((Number) r.get("size")).intValue()))
			.all()
			.collectMap(Part::id);
		Mono<Map<Long, List<Long>>> partsOf = db.sql("select part_id, competency_id from exam_competency")
			.map(r -> Map.entry(r.get("competency_id", Long.class), r.get("part_id", Long.class)))
			.all()
			.collect(HashMap::new, (m, e) -> m.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
		Flux<Map.Entry<String, Long>> latest = db.sql("""
				select r.id, r.shortname from latest_referential r order by r.shortname""")
			.map(r -> Map.entry(r.get("shortname", String.class), r.get("id", Long.class)))
			.all();
		return Mono.zip(parts, partsOf).flatMap(t -> latest
			.concatMap(ref -> coverage.matrix(ref.getValue(), null).map(m -> domains(ref.getKey(), m, t.getT1(), t.getT2())))
			.flatMapIterable(l -> l)
			.collectList()
			.map(all -> {
				List<ToProduce> sorted = new ArrayList<>(all);
				sorted.sort(Comparator.comparingDouble(ToProduce::examStake)
					.reversed()
					.thenComparing(Comparator.comparingInt(ToProduce::open).reversed())
					.thenComparing(ToProduce::referential)
					.thenComparing(ToProduce::idnumber));
				return sorted;
			}));
	}

	static List<ToProduce> domains(String referential, CatalogueCoverage.Matrix m, Map<Long, Part> parts, Map<Long, List<Long>> partsOf) {
		List<CatalogueCoverage.Column> columns = m.columns();
		int domainDepth = columns.stream().anyMatch(c -> c.depth() >= 2) ? 2 : 1;
		List<ToProduce> out = new ArrayList<>();
		for (int i = 0; i < columns.size(); i++) {
			CatalogueCoverage.Column head = columns.get(i);
			if (head.depth() != domainDepth) {
				continue;
			}
			int end = i + 1;
			while (end < columns.size() && columns.get(end).depth() > domainDepth) {
				end++;
			}
			int from = end > i + 1 ? i + 1 : i;
			List<String> open = new ArrayList<>();
			Map<Long, Integer> openByPart = new HashMap<>();
			for (int c = from; c < end; c++) {
				CatalogueCoverage.Column col = columns.get(c);
				if (col.modules() == 0) {
					open.add(col.idnumber());
					for (Long part : partsOf.getOrDefault(col.competencyId(), List.of())) {
						openByPart.merge(part, 1, Integer::sum);
					}
				}
			}
			if (open.isEmpty()) {
				continue;
			}
			double stake = 0;
			Set<String> labels = new LinkedHashSet<>();
			for (Map.Entry<Long, Integer> e : openByPart.entrySet()) {
				Part p = parts.get(e.getKey());
				if (p != null && p.size() > 0) {
					stake += p.share() * e.getValue() / p.size();
					labels.add(p.label());
				}
			}
			out.add(new ToProduce(m.referentialId(), referential, head.competencyId(), head.idnumber(), head.shortname(),
					end - from, open.size(), List.copyOf(open), stake, labels.stream().sorted().toList()));
		}
		return out;
	}
}
