package be.fwb.ead.assignments;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import be.fwb.ead.assignments.AssignmentRules.Facts;
import be.fwb.ead.assignments.AssignmentRules.Request;
import be.fwb.ead.catalogue.Placements;
import be.fwb.ead.shared.NotFound;
import be.fwb.ead.shared.SchoolYear;
import be.fwb.ead.shared.SchoolYearSettings;
import be.fwb.ead.shared.SearchText;
import be.fwb.ead.titles.CoverageKind;
import be.fwb.ead.vacataires.VacataireStatus;
import be.fwb.ead.vacataires.Vacataires;
import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Reads what {@link AssignmentRules} needs for a list of requests, whatever its length, in three queries: the subject
 * categories' level and subject, the coverages of the vacataires' titles, and one query over the requests (status,
 * cap, module, titles held, trainings missing, hours of the school year, overlap). No round trip per request.
 */
@Component
class AssignmentFacts {

	private static final String FACTS = """
			with req as (
			    select * from unnest(:v::bigint[], :m::bigint[], :r::text[], :s::date[], :e::date[], :ys::date[], :ye::date[])
			        with ordinality as t(vacataire_id, module_id, role, starts_on, ends_on, year_start, year_end, n))
			select req.n, req.vacataire_id, v.status, v.workload_cap_hours, m.fullname, m.archived, m.category_id, n.name,
			       (select string_agg(t.code, ', ' order by t.code) from vacataire_title_held t
			        where t.vacataire_id = req.vacataire_id) as held,
			       (select string_agg(q.kind || ':' || q.topic, ',' order by q.kind, q.topic) from training_required q
			        where q.role = req.role and not exists (
			            select 1 from training_done d where d.vacataire_id = req.vacataire_id and d.kind = q.kind and d.topic = q.topic)) as missing,
			       (select coalesce(sum(a.hours), 0) from assignment a where a.vacataire_id = req.vacataire_id
			        and a.starts_on >= req.year_start and a.starts_on < req.year_end) as hours_this_year,
			       (select count(*) from assignment a where a.vacataire_id = req.vacataire_id and a.hours = 0
			        and a.starts_on >= req.year_start and a.starts_on < req.year_end) as without_hours_this_year,
			       (select a.starts_on::text || '|' || a.ends_on::text from assignment a
			        where a.vacataire_id = req.vacataire_id and a.module_id = req.module_id and a.role = req.role
			          and a.starts_on <= req.ends_on and a.ends_on >= req.starts_on limit 1) as overlap
			from req join vacataire_status v on v.id = req.vacataire_id join vacataire_name n on n.id = req.vacataire_id
			join module_name m on m.id = req.module_id
			order by req.n""";

	private final DatabaseClient db;
	private final Vacataires vacataires;
	private final Placements placements;
	private final SchoolYearSettings schoolYears;
	private final AssignmentSettings settings;

	AssignmentFacts(DatabaseClient db, Vacataires vacataires, Placements placements, SchoolYearSettings schoolYears,
			AssignmentSettings settings) {
		this.db = db;
		this.vacataires = vacataires;
		this.placements = placements;
		this.schoolYears = schoolYears;
		this.settings = settings;
	}

	/** Locks the vacataires' rows until the end of the transaction, in id order: batches are checked one after the other. */
	Mono<Void> lock(List<Request> requests) {
		return vacataires.lockForAssignment(requests.stream().map(Request::vacataireId).toList());
	}

	/** The facts of each request, in the same order; a request naming no vacataire or module fails with {@link NotFound}. */
	Mono<List<Facts>> of(List<Request> requests) {
		if (requests.isEmpty()) {
			return Mono.just(List.of());
		}
		Mono<Map<Long, Placements.Mapping>> categories = placements.mappings().collectMap(Placements.Mapping::categoryId);
		Mono<Map<Long, Map<String, CoverageKind>>> coverages = coverages(requests);
		return Mono.zip(categories, coverages).flatMap(t -> rows(requests).map(rows -> {
			List<Facts> facts = new ArrayList<>(requests.size());
			for (int i = 0; i < requests.size(); i++) {
				Row row = rows.get((long) i + 1);
				Request r = requests.get(i);
				if (row == null) {
					throw new NotFound("Aucun vacataire n’a l’identifiant " + r.vacataireId() + ", ou aucun module l’identifiant "
							+ r.moduleId() + ".");
				}
				Placements.Mapping place = t.getT1().get(row.categoryId());
				String level = place == null ? "" : place.level();
				String subject = place == null ? "" : place.subject();
				CoverageKind kind = t.getT2().getOrDefault(r.vacataireId(), Map.of())
					.get(SearchText.key(level) + "|" + SearchText.key(subject));
				facts.add(new Facts(row.name(), row.status(), row.cap() != null ? row.cap() : settings.defaultWorkloadCapHours(),
						row.moduleName(), row.archived(), level, subject, kind, row.held(), row.missing(), row.hoursThisYear(),
						row.withoutHoursThisYear(), schoolYears.of(r.startsOn()).label(), row.overlap()));
			}
			return facts;
		}));
	}

	private record Row(String name, VacataireStatus status, @Nullable Integer cap, String moduleName, boolean archived, long categoryId,
			List<String> held, List<String> missing, int hoursThisYear, int withoutHoursThisYear, @Nullable String overlap) {
	}

	private Mono<Map<Long, Row>> rows(List<Request> requests) {
		int n = requests.size();
		Long[] v = new Long[n];
		Long[] m = new Long[n];
		String[] r = new String[n];
		LocalDate[] s = new LocalDate[n];
		LocalDate[] e = new LocalDate[n];
		LocalDate[] ys = new LocalDate[n];
		LocalDate[] ye = new LocalDate[n];
		for (int i = 0; i < n; i++) {
			Request q = requests.get(i);
			SchoolYear year = schoolYears.of(q.startsOn());
			v[i] = q.vacataireId();
			m[i] = q.moduleId();
			r[i] = q.role();
			s[i] = q.startsOn();
			e[i] = q.endsOn();
			ys[i] = year.firstDay();
			ye[i] = year.nextFirstDay();
		}
		return db.sql(FACTS).bind("v", v).bind("m", m).bind("r", r).bind("s", s).bind("e", e).bind("ys", ys).bind("ye", ye)
			.map(AssignmentFacts::row)
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
	}

	private static Map.Entry<Long, Row> row(Readable r) {
		String held = r.get("held", String.class);
		String missing = r.get("missing", String.class);
		String overlap = r.get("overlap", String.class);
		return Map.entry(r.get("n", Long.class), new Row(r.get("name", String.class), VacataireStatus.valueOf(r.get("status", String.class)),
				r.get("workload_cap_hours", Integer.class), r.get("fullname", String.class), Boolean.TRUE.equals(r.get("archived", Boolean.class)),
				r.get("category_id", Long.class), held == null ? List.of() : List.of(held.split(", ")),
				missing == null ? List.of() : Arrays.stream(missing.split(",")).map(k -> k.split(":"))
					.map(p -> Assignments.topicLabel(p[0], p[1])).toList(),
				((Number) r.get("hours_this_year")).intValue(), ((Number) r.get("without_hours_this_year")).intValue(),
				overlap == null ? null : AssignmentRules.period(LocalDate.parse(overlap.split("\\|")[0]), LocalDate.parse(overlap.split("\\|")[1]))));
	}

	/** For each vacataire of the requests: level key|subject key → the best coverage of their titles. */
	private Mono<Map<Long, Map<String, CoverageKind>>> coverages(List<Request> requests) {
		Long[] ids = requests.stream().map(Request::vacataireId).distinct().toArray(Long[]::new);
		return db.sql("""
				select c.vacataire_id, c.level_key || '|' || c.subject_key as k, c.kind
				from vacataire_title_coverage c
				where c.vacataire_id = any(:ids::bigint[])""")
			.bind("ids", ids)
			.map(r -> new Object[] { r.get("vacataire_id", Long.class), r.get("k", String.class),
					CoverageKind.valueOf(r.get("kind", String.class)) })
			.all()
			.collect(HashMap::new, (Map<Long, Map<String, CoverageKind>> map, Object[] row) -> map
				.computeIfAbsent((Long) row[0], k -> new HashMap<>())
				.merge((String) row[1], (CoverageKind) row[2], (a, b) -> a.compareTo(b) <= 0 ? a : b));
	}
}
