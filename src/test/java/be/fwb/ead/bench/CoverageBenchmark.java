package be.fwb.ead.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

import be.fwb.ead.analysis.CatalogueCoverage;
import be.fwb.ead.sync.SyncLauncher;
import be.fwb.ead.sync.SyncMode;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Coverage benchmark (not a test): the coverage matrix computed server-side, from the database to the {@code Matrix}
 * the API serialises. The demo size: the EAD site's modules with a 400-competency référentiel and 3 mappings per
 * module, bound 150 ms; the design size: 5,000 modules × 20,000 competencies with 100,000 mappings, bound 1 s.
 * Data are generated in SQL; the modules of the design size are synced from the ×10 simulated site. Run with
 * {@code ./mvnw -Pbench -DskipTests verify}. A harness, not service code: it waits with {@code block()}.
 */
public final class CoverageBenchmark {

	private static final int RUNS = 20;

	public static void main(String[] args) {
		BenchService.run(args, (app, scale) -> run(app, scale));
		System.exit(0);
	}

	private static void run(ConfigurableApplicationContext app, int scale) {
		DatabaseClient db = app.getBean(DatabaseClient.class);
		db.sql("truncate module_role, module, vacataire, moodle_category, sync_run, referential restart identity cascade").then().block();
		app.getBean(SyncLauncher.class).execute(SyncMode.FULL, "bench").block();
		int competencies = scale == 1 ? 400 : 20_000;
		int mappings = scale == 1 ? 3 * count(db, "select count(*) from module") : 100_000;
		double bound = scale == 1 ? 150 : 1_000;
		// A 4-level référentiel: 10 domains, then branches of 10, then the rest as leaves under them.
		db.sql("insert into referential (idnumber, shortname, version, imported_by, imported_at) values ('BENCH', 'Benchmark', 1, 'bench', :now)")
			.bind("now", app.getBean(java.time.Clock.class).instant()).then().block();
		db.sql("""
				insert into competency (referential_id, idnumber, parent_id, shortname, depth, position)
				select 1, 'C' || g, null, 'Compétence ' || g, 1, g from generate_series(1, 10) g""").then().block();
		db.sql("""
				insert into competency (referential_id, idnumber, parent_id, shortname, depth, position)
				select 1, 'C' || g, 1 + (g - 11) % 10, 'Compétence ' || g, 2, g from generate_series(11, 110) g""").then().block();
		db.sql("""
				insert into competency (referential_id, idnumber, parent_id, shortname, depth, position)
				select 1, 'C' || g, 11 + (g - 111) % 100, 'Compétence ' || g, 3, g from generate_series(111, :n) g""")
			.bind("n", competencies).then().block();
		db.sql("""
				insert into competency_mapping (module_id, competency_id, depth, mapped_by, mapped_at)
				select distinct on (m, c) m, c, (array['INTRODUCED','WORKED','MASTERED'])[1 + (g % 3)], 'bench', :now
				from (select g, (select min(id) from module) + (g::bigint * 7919) % (select count(*) from module) as m,
				             111 + (g::bigint * 104729) % (:n - 110) as c from generate_series(1, :mappings) g) x
				on conflict do nothing""")
			.bind("n", competencies).bind("mappings", mappings).bind("now", app.getBean(java.time.Clock.class).instant()).then().block();
		int modules = count(db, "select count(*) from module where archived_at is null");
		int stored = count(db, "select count(*) from competency_mapping");
		CatalogueCoverage coverage = app.getBean(CatalogueCoverage.class);
		for (int i = 0; i < 5; i++) {
			coverage.matrix(1, null).block();
		}
		double[] times = new double[RUNS];
		CatalogueCoverage.Matrix matrix = null;
		for (int i = 0; i < RUNS; i++) {
			long start = System.nanoTime();
			matrix = coverage.matrix(1, null).block();
			times[i] = (System.nanoTime() - start) / 1e6;
		}
		Arrays.sort(times);
		Objects.requireNonNull(matrix);
		double p50 = times[RUNS / 2];
		double p95 = times[(int) Math.ceil(0.95 * RUNS) - 1];
		System.out.printf(Locale.ROOT, "%nCoverage benchmark: %d modules x %d competencies, %d mappings (matrix: %d rows, %d columns, %d cells, "
				+ "%d competencies covered)%n", modules, competencies, stored, matrix.rows().size(), matrix.columns().size(),
				matrix.mappings(), matrix.coveredCompetencies());
		System.out.printf(Locale.ROOT, "coverage matrix, server side              p50 %7.1f ms  p95 %7.1f ms  bound %6.0f ms  ratio p95/bound %4.2f%n",
				p50, p95, bound, p95 / bound);
	}

	private static int count(DatabaseClient db, String sql) {
		return Objects.requireNonNull(db.sql(sql).map(r -> ((Number) r.get(0)).intValue()).one().block());
	}
}
