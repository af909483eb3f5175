package be.fwb.ead.demo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import be.fwb.ead.moodlesim.EadDataset;
import be.fwb.ead.referentials.Coverage;
import be.fwb.ead.referentials.Exams;
import be.fwb.ead.referentials.Referentials;
import be.fwb.ead.shared.SearchText;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The référentiels a demo starts with, when it has none: one per level of the demo site (subject → domain →
 * competency → expected outcome, a few hundred competencies), imported through Moodle's file format like a real one;
 * the CEB, CE1D and CESS exams with a part per subject; and mappings for nine modules in ten (the tenth stay orphans),
 * leaving gaps (some expected outcomes no module works) so that the analyses have something to say.
 * Runs after the first sync, which brings the modules.
 */
public final class DemoReferentials {

	private static final String AUTHOR = "démo";
	private static final String[] EXAMS = { "CEB", "CE1D", "CESS" };
	private static final String[] DOMAINS = { "Savoirs", "Savoir-faire", "Compétences" };

	private final Referentials referentials;
	private final Coverage coverage;
	private final Exams exams;
	private final DatabaseClient db;

	public DemoReferentials(Referentials referentials, Coverage coverage, Exams exams, DatabaseClient db) {
		this.referentials = referentials;
		this.coverage = coverage;
		this.exams = exams;
		this.db = db;
	}

	public Mono<Void> seedIfEmpty() {
		return referentials.all().hasElements().flatMap(any -> any ? Mono.empty() : seed());
	}

	private Mono<Void> seed() {
		Map<String, List<String>> site = EadDataset.levelsAndSubjects();
		List<String> levels = new ArrayList<>(site.keySet());
		return Flux.range(0, levels.size())
			.concatMap(l -> referentials.importFile(framework(l, levels.get(l), site.get(levels.get(l))), AUTHOR)
				.then(exams.define(EXAMS[l], "Épreuve externe " + EXAMS[l], levels.get(l), parts(l, site.get(levels.get(l))),
						sessions(l), AUTHOR)))
			.then(mappings())
			.then(history());
	}

	/**
	 * The modules' past as the simulated site tells it: each last changed when Moodle last modified its course (spread
	 * over the last two years), not at the demo's first sync, so that the staleness of the rankings varies (issue 16).
	 */
	private Mono<Void> history() {
		return db.sql("""
				update module set content_changed_at = moodle_timemodified
				where archived_at is null and moodle_timemodified is not null and moodle_timemodified < content_changed_at""")
			.then();
	}

	/** The June session of every exam (the next one), and the August one of the last exam. */
	private static List<java.time.LocalDate> sessions(int level) {
		java.time.LocalDate today = java.time.LocalDate.now();
		java.time.LocalDate june = java.time.LocalDate.of(today.getYear(), 6, 15 + level);
		java.time.LocalDate next = june.isAfter(today) ? june : june.plusYears(1);
		return level == EXAMS.length - 1 ? List.of(next, next.withMonth(8).withDayOfMonth(20)) : List.of(next);
	}

	private static String code(int level, String subject) {
		return EXAMS[level] + "-" + SearchText.key(subject).replaceAll("[^a-z]+", "").toUpperCase(java.util.Locale.ROOT);
	}

	/** Moodle's file: the framework row, then subject, domains, competencies and expected outcomes. */
	private static byte[] framework(int level, String name, List<String> subjects) {
		StringBuilder csv = new StringBuilder("Parent ID number,ID number,Short name,Description,Description format,Scale values,"
				+ "Scale configuration,Rule type (optional),Rule outcome (optional),Rule config (optional),"
				+ "Cross-referenced competency ID numbers,Exported ID (optional),Is framework,Taxonomy\n");
		csv.append(",REF-").append(EXAMS[level]).append(",\"Référentiel ").append(name).append("\",\"Savoirs, savoir-faire et "
				+ "compétences attendus au terme du niveau « ").append(name).append(" ».\",1,\"Non acquis,Acquis\",")
			.append("\"[{\"\"scaleid\"\":\"\"2\"\"},{\"\"id\"\":1,\"\"scaledefault\"\":1,\"\"proficient\"\":0},{\"\"id\"\":2,\"\"scaledefault\"\":0,\"\"proficient\"\":1}]\"")
			.append(",,,,,,1,\"domain,competency,skill,outcome\"\n");
		for (String subject : subjects) {
			String s = code(level, subject);
			csv.append(",").append(s).append(",\"").append(subject).append("\",,1,,,,,,,,,\n");
			for (int d = 0; d < DOMAINS.length; d++) {
				String domain = s + "-D" + (d + 1);
				csv.append(s).append(",").append(domain).append(",\"").append(DOMAINS[d]).append(" en ").append(subject.toLowerCase())
					.append("\",,1,,,,,,,,,\n");
				for (int c = 1; c <= 3; c++) {
					String competency = domain + "-C" + c;
					csv.append(domain).append(",").append(competency).append(",\"").append(subject).append(" : compétence ")
						.append(d + 1).append(".").append(c).append("\",\"Mobiliser, en situation, les acquis du domaine ").append(d + 1)
						.append(".\",1,,,,,,,,,\n");
					for (int o = 1; o <= 2; o++) {
						csv.append(competency).append(",").append(competency).append("-A").append(o).append(",\"Attendu ")
							.append(d + 1).append(".").append(c).append(".").append(o).append("\",\"Résoudre, expliquer, justifier.\",2,,,,,,,,,\n");
					}
				}
			}
		}
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}

	/** A part per subject, weighted by its place in the exam, on the subject's expected outcomes of the first two domains. */
	private static List<Exams.PartDefinition> parts(int level, List<String> subjects) {
		List<Exams.PartDefinition> parts = new ArrayList<>();
		for (int i = 0; i < subjects.size(); i++) {
			String s = code(level, subjects.get(i));
			List<String> outcomes = new ArrayList<>();
			for (int d = 1; d <= 2; d++) {
				for (int c = 1; c <= 3; c++) {
					for (int o = 1; o <= 2; o++) {
						outcomes.add(s + "-D" + d + "-C" + c + "-A" + o);
					}
				}
			}
			parts.add(new Exams.PartDefinition(subjects.get(i), i < 2 ? 30 : 10, outcomes));
		}
		return parts;
	}

	/**
	 * Coverage that varies by subject, so that the rankings mean something: from six modules in ten to all of them are
	 * mapped, depending on the subject, each to a few expected outcomes of its subject (fewer in some subjects), at a
	 * depth that varies.
	 */
	private Mono<Void> mappings() {
		return db.sql("""
				select m.id as module, c.id as competency, m.id % 3 as depth
				from module m join moodle_category cat on cat.id = m.category_id
				join competency c on c.shortname like 'Attendu %' and c.idnumber like '%-A%'
				join competency k on k.id = c.parent_id join competency d on d.id = k.parent_id join competency s on s.id = d.parent_id
				where m.archived_at is null and m.id % 10 >= cat.id % 5 and s.shortname = cat.name
				  and exists (select 1 from referential r join moodle_category lvl on lvl.id = cat.parent_id
				              where r.id = c.referential_id and r.shortname = 'Référentiel ' || lvl.name)
				  and (c.id + m.id) % (6 + cat.id % 7) < 1
				  -- gaps worth seeing: the last outcome of each competency is never worked, the third domain rarely
				  and c.idnumber not like '%-C3-A2' and (c.idnumber not like '%-D3-%' or m.id % 4 = 0)""")
			.map(r -> new Coverage.Mapping(r.get("module", Long.class), r.get("competency", Long.class),
					Coverage.Depth.values()[r.get("depth", Long.class).intValue()]))
			.all()
			.collectList()
			.flatMap(list -> coverage.map(list, AUTHOR))
			.then();
	}
}
