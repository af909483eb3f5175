package be.fwb.ead.referentials;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import be.fwb.ead.referentials.Coverage.Depth;
import be.fwb.ead.shared.InvalidRequest;
import be.fwb.ead.shared.SearchText;
import be.fwb.ead.shared.SpreadsheetReader;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The mappings of a référentiel as a file, one row per module × competency: exported to CSV or XLSX, and imported
 * back (after a round in Excel, say). A row names a module by its short name and a competency by its ID number, with a
 * depth; an empty depth (or « retirer ») removes the mapping. Rows the file does not name are left as they are. One
 * wrong row and nothing is written; a dry run only checks.
 */
@Service
public class MappingFiles {

	/** The headers of an export, read back by an import (other headers are ignored). */
	public static final String MODULE = "Module (nom abrégé)";
	public static final String COMPETENCY = "Compétence (numéro d'identification)";
	public static final String DEPTH = "Profondeur";

	public static final int MAX_LINES = 100_000;

	public enum Action {
		CREATE, UPDATE, REMOVE, UNCHANGED
	}

	/** A row of an export. */
	public record Line(String moduleShortname, String moduleFullname, String competencyIdnumber, String competencyShortname,
			Depth depth, String mappedBy, Instant mappedAt) {

		/** The depth's French word, the one an import reads. */
		public String depthLabel() {
			return label(depth);
		}
	}

	public record LineReport(int line, String module, String competency, @Nullable Action action, List<String> errors) {
	}

	public record Report(boolean applied, int created, int updated, int removed, int unchanged, List<String> ignoredColumns,
			List<LineReport> lines) {

		public boolean hasErrors() {
			return lines.stream().anyMatch(l -> !l.errors().isEmpty());
		}

		public List<LineReport> errors() {
			return lines.stream().filter(l -> !l.errors().isEmpty()).toList();
		}
	}

	private static final Map<String, String> COLUMNS = Map.ofEntries(Map.entry(SearchText.key(MODULE), "module"),
			Map.entry("module", "module"), Map.entry("nom abrege", "module"), Map.entry("shortname", "module"),
			Map.entry(SearchText.key(COMPETENCY), "competency"), Map.entry("competence", "competency"),
			Map.entry("idnumber", "competency"), Map.entry("competency", "competency"), Map.entry(SearchText.key(DEPTH), "depth"),
			Map.entry("depth", "depth"));

	private final DatabaseClient db;
	private final Referentials referentials;
	private final Coverage coverage;

	MappingFiles(DatabaseClient db, Referentials referentials, Coverage coverage) {
		this.db = db;
		this.referentials = referentials;
		this.coverage = coverage;
	}

	/** Every mapping of the référentiel, by module then in tree order. */
	public Flux<Line> lines(long referentialId) {
		return referentials.find(referentialId).thenMany(db.sql("""
				select mo.shortname as module, mo.fullname, c.idnumber, c.shortname, k.depth, k.mapped_by, k.mapped_at
				from competency_mapping k join competency c on c.id = k.competency_id join module_name mo on mo.id = k.module_id
				where c.referential_id = :ref order by mo.sort_key, mo.id, c.depth, c.position""")
			.bind("ref", referentialId)
			.map(r -> new Line(r.get("module", String.class), r.get("fullname", String.class), r.get("idnumber", String.class),
					r.get("shortname", String.class), Depth.valueOf(r.get("depth", String.class)), r.get("mapped_by", String.class),
					r.get("mapped_at", Instant.class)))
			.all());
	}

	private record Known(Map<String, Long> modules, Map<String, Long> competencies, Map<Long, Map<Long, Depth>> mapped) {
	}

	/** Checks the file against the référentiel and, unless a row is wrong or {@code dryRun}, writes it. */
	public Mono<Report> run(long referentialId, byte[] file, boolean dryRun, String author) {
		return referentials.find(referentialId)
			.then(Mono.fromCallable(() -> SpreadsheetReader.read(file, MAX_LINES)).subscribeOn(Schedulers.boundedElastic()))
			.flatMap(table -> {
				SpreadsheetReader.Columns columns = SpreadsheetReader.columns(table.header(), COLUMNS);
				Map<String, Integer> index = columns.index();
				List<String> ignored = columns.ignored();
				if (index.size() < 3) {
					Map<String, List<String>> missing = new java.util.LinkedHashMap<>();
					if (!index.containsKey("module")) {
						missing.put(MODULE, List.of("Module", "shortname"));
					}
					if (!index.containsKey("competency")) {
						missing.put(COMPETENCY, List.of("Compétence", "idnumber"));
					}
					if (!index.containsKey("depth")) {
						missing.put(DEPTH, List.of("depth"));
					}
					return Mono.error(new InvalidRequest(SpreadsheetReader.missingColumns(missing, table.header())));
				}
				if (table.lines().size() > MAX_LINES) {
					return Mono.error(new InvalidRequest("Le fichier compte " + table.lines().size() + " lignes ; au plus " + MAX_LINES + "."));
				}
				return known(referentialId).flatMap(known -> {
					List<Coverage.Mapping> writes = new ArrayList<>();
					List<LineReport> reports = check(table.lines(), index, known, writes);
					boolean errors = reports.stream().anyMatch(l -> !l.errors().isEmpty());
					if (errors || dryRun || writes.isEmpty()) {
						return Mono.just(report(!errors && !dryRun, reports, ignored));
					}
					return coverage.map(writes, author).thenReturn(report(true, reports, ignored));
				});
			});
	}

	private Mono<Known> known(long referentialId) {
		Mono<Map<String, Long>> modules = db.sql("select id, shortname from module_name")
			.map(r -> Map.entry(r.get("shortname", String.class), r.get("id", Long.class)))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
		Mono<Map<String, Long>> competencies = db.sql("select id, idnumber from competency where referential_id = :ref")
			.bind("ref", referentialId)
			.map(r -> Map.entry(r.get("idnumber", String.class), r.get("id", Long.class)))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
		Mono<Map<Long, Map<Long, Depth>>> mapped = db.sql("""
				select k.module_id, k.competency_id, k.depth from competency_mapping k join competency c on c.id = k.competency_id
				where c.referential_id = :ref""")
			.bind("ref", referentialId)
			.map(r -> new Object[] { r.get("module_id", Long.class), r.get("competency_id", Long.class),
					Depth.valueOf(r.get("depth", String.class)) })
			.all()
			.collect(HashMap::new, (m, a) -> m.computeIfAbsent((Long) a[0], k -> new HashMap<>()).put((Long) a[1], (Depth) a[2]));
		return Mono.zip(modules, competencies, mapped).map(t -> new Known(t.getT1(), t.getT2(), t.getT3()));
	}

	private static List<LineReport> check(List<SpreadsheetReader.Line> lines, Map<String, Integer> index, Known known,
			List<Coverage.Mapping> writes) {
		List<LineReport> out = new ArrayList<>(lines.size());
		Set<String> seen = new HashSet<>();
		for (SpreadsheetReader.Line line : lines) {
			List<String> errors = new ArrayList<>();
			String module = line.cell(index.get("module")).trim();
			String competency = line.cell(index.get("competency")).trim();
			String depthText = line.cell(index.get("depth")).trim();
			Long moduleId = known.modules().get(module);
			Long competencyId = known.competencies().get(competency);
			if (module.isEmpty()) {
				errors.add("nom abrégé du module vide");
			}
			else if (moduleId == null) {
				errors.add("aucun module n’a le nom abrégé « " + module + " »");
			}
			if (competency.isEmpty()) {
				errors.add("numéro d’identification de la compétence vide");
			}
			else if (competencyId == null) {
				errors.add("la compétence « " + competency + " » n’est pas dans ce référentiel");
			}
			Depth depth = null;
			boolean remove = depthText.isEmpty() || SearchText.key(depthText).equals("retirer");
			if (!remove) {
				depth = parse(depthText);
				if (depth == null) {
					errors.add("profondeur inconnue « " + depthText + " » (introduite, travaillée, maîtrisée, ou vide pour retirer)");
				}
			}
			if (!seen.add(module + "\u0000" + competency) && !module.isEmpty() && !competency.isEmpty()) {
				errors.add("le couple module × compétence figure déjà plus haut");
			}
			Action action = null;
			if (errors.isEmpty()) {
				Depth now = known.mapped().getOrDefault(moduleId, Map.of()).get(competencyId);
				action = remove ? (now == null ? Action.UNCHANGED : Action.REMOVE)
						: now == null ? Action.CREATE : now == depth ? Action.UNCHANGED : Action.UPDATE;
				if (action != Action.UNCHANGED) {
					writes.add(new Coverage.Mapping(moduleId, competencyId, depth));
				}
			}
			out.add(new LineReport(line.number(), module, competency, action, List.copyOf(errors)));
		}
		return out;
	}

	private static Report report(boolean applied, List<LineReport> lines, List<String> ignored) {
		Map<Action, Integer> counts = new HashMap<>();
		lines.forEach(l -> {
			if (l.action() != null) {
				counts.merge(l.action(), 1, Integer::sum);
			}
		});
		return new Report(applied, counts.getOrDefault(Action.CREATE, 0), counts.getOrDefault(Action.UPDATE, 0),
				counts.getOrDefault(Action.REMOVE, 0), counts.getOrDefault(Action.UNCHANGED, 0), List.copyOf(ignored), lines);
	}

	/** The French word of a depth, as files and screens write it. */
	public static String label(Depth depth) {
		return switch (depth) {
			case INTRODUCED -> "introduite";
			case WORKED -> "travaillée";
			case MASTERED -> "maîtrisée";
		};
	}

	/** A depth written in French or English, whole or by its initial; {@literal null} when unknown. */
	static @Nullable Depth parse(String text) {
		return switch (SearchText.key(text)) {
			case "introduite", "introduit", "introduced", "i" -> Depth.INTRODUCED;
			case "travaillee", "travaille", "worked", "t", "w" -> Depth.WORKED;
			case "maitrisee", "maitrise", "mastered", "m" -> Depth.MASTERED;
			default -> null;
		};
	}
}
