package be.fwb.ead.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * How ready the catalogue is for each exam: a part is ready in the proportion of its competencies that at least one
 * current module covers; an exam in the weighted mean of its parts. Reads the exams and the mappings as the
 * référentiels publish them ({@code exam_part_weight}, {@code exam_competency}, {@code module_competency}) and the
 * current modules as the sync does ({@code current_module}).
 */
@Service
public class ExamReadiness {

	public record PartReadiness(long partId, String name, int weight, int competencies, int covered, double ratio) {
	}

	/** @param ratio the share of the exam's weight the current modules cover, from 0 to 1 */
	public record Readiness(long examId, String code, String name, @Nullable String level, List<PartReadiness> parts,
			double ratio) {
	}

	private final DatabaseClient db;

	ExamReadiness(DatabaseClient db) {
		this.db = db;
	}

	/** Every exam's readiness, by code. */
	public Flux<Readiness> all() {
		Mono<List<Map<String, Object>>> parts = db.sql("""
				select p.exam_id, p.exam_code as code, p.exam_name, p.level, p.part_id, p.part_name as name, p.weight,
				       count(pc.competency_id) as competencies,
				       count(pc.competency_id) filter (where exists (
				           select 1 from module_competency k join current_module m on m.id = k.module_id
				           where k.competency_id = pc.competency_id)) as covered
				from exam_part_weight p
				left join exam_competency pc on pc.part_id = p.part_id
				group by p.exam_id, p.exam_code, p.exam_name, p.level, p.part_id, p.part_name, p.weight, p.position
				order by p.exam_code, p.position""")
			.fetch()
			.all()
			.collectList();
		return parts.flatMapMany(rows -> {
			List<Readiness> out = new ArrayList<>();
			List<PartReadiness> current = new ArrayList<>();
			Map<String, Object> head = null;
			for (Map<String, Object> row : rows) {
				if (head != null && !head.get("exam_id").equals(row.get("exam_id"))) {
					out.add(readiness(head, current));
					current = new ArrayList<>();
				}
				head = row;
				int competencies = ((Number) row.get("competencies")).intValue();
				int covered = ((Number) row.get("covered")).intValue();
				current.add(new PartReadiness(((Number) row.get("part_id")).longValue(), (String) row.get("name"),
						((Number) row.get("weight")).intValue(), competencies, covered,
						competencies == 0 ? 0 : (double) covered / competencies));
			}
			if (head != null) {
				out.add(readiness(head, current));
			}
			return Flux.fromIterable(out);
		});
	}

	private static Readiness readiness(Map<String, Object> head, List<PartReadiness> parts) {
		double weights = parts.stream().mapToInt(PartReadiness::weight).sum();
		double ready = parts.stream().mapToDouble(p -> p.weight() * p.ratio()).sum();
		return new Readiness(((Number) head.get("exam_id")).longValue(), (String) head.get("code"), (String) head.get("exam_name"),
				(String) head.get("level"), List.copyOf(parts), weights == 0 ? 0 : ready / weights);
	}
}
