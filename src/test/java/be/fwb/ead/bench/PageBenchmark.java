package be.fwb.ead.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import be.fwb.ead.security.Accounts;
import be.fwb.ead.security.Role;
import be.fwb.ead.sync.SyncLauncher;
import be.fwb.ead.sync.SyncMode;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

/**
 * Page benchmark (not a test): the server time of each screen of the web UI, read from the {@code Server-Timing}
 * header the service sets (arrival of the request to the response's commit, after rendering), with the EAD data set
 * synced from the simulated Moodle, signed in as a coordinator. Bound: 200 ms per page at p95. Also every export
 * (found among the routes, unfiltered, each must answer 200; bound 2 s) and
 * the module list under 8 concurrent users. Run with {@code ./mvnw -Pbench -DskipTests verify} (scales 1 and 10).
 * This is a harness, not service code: it waits for each request with {@code block()} on the main thread.
 */
public final class PageBenchmark {

	private static final double PAGE_BOUND_MS = 200;
	private static final double EXPORT_BOUND_MS = 2_000;
	private static final int WARM_UPS = 30;
	private static final int RUNS = 100;
	private static final int CONCURRENT_USERS = 8;

	public static void main(String[] args) {
		BenchService.run(args, (app, scale) -> new PageBenchmark(app, scale).run());
		System.exit(0);
	}

	private final ConfigurableApplicationContext app;
	private final int scale;
	private final WebClient http;
	private String session = "";
	private String token = "";

	private PageBenchmark(ConfigurableApplicationContext app, int scale) {
		this.app = app;
		this.scale = scale;
		int port = ((WebServerApplicationContext) app).getWebServer().getPort();
		this.http = WebClient.builder()
			.baseUrl("http://localhost:" + port)
			.codecs(c -> c.defaultCodecs().maxInMemorySize(64 * 1024 * 1024))
			.build();
	}

	private void run() {
		DatabaseClient db = app.getBean(DatabaseClient.class);
		db.sql("truncate module_role, module, vacataire, moodle_category, sync_run, api_token, account, change_log, title, "
				+ "category_mapping, training_session, campaign, assignment, evaluation, referential, exam, review_campaign "
				+ "restart identity cascade")
			.then()
			.block();
		app.getBean(Accounts.class).create("bench", "bench-password", Role.COORDINATOR, "Benchmark", null).block();
		for (int i = 0; i < 3; i++) {
			app.getBean(SyncLauncher.class).execute(i == 0 ? SyncMode.FULL : SyncMode.INCREMENTAL, "bench").block();
		}
		long modules = count(db, "select count(*) from module");
		long vacataires = count(db, "select count(*) from vacataire");
		long moduleId = count(db, "select min(id) from module m where exists (select 1 from module_role r where r.module_id = m.id)");
		long vacataireId = count(db, "select min(vacataire_id) from module_role");
		long lastPage = (modules + 49) / 50;
		// The first deployment done: the Moodle roles the rules allow adopted as assignments for the school year, so that
		// the assignments' list, its exports and the vacataires' sections are measured at size.
		// The first day's data (statuses, trainings done) and the titles, as the first deployment brings them.
		be.fwb.ead.demo.DemoData.firstDay(app).block();
		String titles = Objects.requireNonNull(be.fwb.ead.demo.DemoData.titlesFile(db).block());
		app.getBean(be.fwb.ead.vacataires.imports.VacataireImport.class)
			.run(titles.getBytes(java.nio.charset.StandardCharsets.UTF_8), false, "bench")
			.block();
		// The trainings the first day's sessions gave (as AdoptionBenchmark records them): everyone took Moodle, the tutors tutoring.
		be.fwb.ead.training.Training training = app.getBean(be.fwb.ead.training.Training.class);
		for (String[] past : new String[][] { { "Moodle pour les vacataires EAD", "select distinct vacataire_id from module_role" },
				{ "Tutorer à distance (session", "select distinct vacataire_id from module_role where role = 'TUTOR'" } }) {
			long session = Objects.requireNonNull(training.sessions().filter(x -> x.title().startsWith(past[0])).next().block()).id();
			List<Long> who = db.sql(past[1]).map(r -> ((Number) r.get(0)).longValue()).all().collectList().block();
			training.recordCompleted(session, who, "bench").block();
		}
		be.fwb.ead.assignments.RoleAdoption adoption = app.getBean(be.fwb.ead.assignments.RoleAdoption.class);
		List<be.fwb.ead.assignments.Reconciliation.RoleKey> roles = app.getBean(be.fwb.ead.assignments.Reconciliation.class)
			.roles(be.fwb.ead.assignments.Reconciliation.Filter.ALL)
			.collectList()
			.block();
		adoption.adopt(roles, adoption.terms(null, null, null), "bench").block();
		long assignments = count(db, "select count(*) from assignment");
		// The demo's référentiels, exams and mappings, for the analysis screens.
		new be.fwb.ead.demo.DemoReferentials(app.getBean(be.fwb.ead.referentials.Referentials.class),
				app.getBean(be.fwb.ead.referentials.Coverage.class), app.getBean(be.fwb.ead.referentials.Exams.class), db)
			.seedIfEmpty()
			.block();
		long referentialId = count(db, "select max(id) from referential");
		// A campaign of 100 reviews between two reviewers, one of them approved: the reviews' screens.
		app.getBean(Accounts.class).create("bench-relect", "bench-password", Role.REVIEWER, "Relecteur", null).block();
		be.fwb.ead.reviews.Campaigns campaigns = app.getBean(be.fwb.ead.reviews.Campaigns.class);
		be.fwb.ead.reviews.Reviews reviews = app.getBean(be.fwb.ead.reviews.Reviews.class);
		long campaignId = campaigns.create(new be.fwb.ead.reviews.Campaigns.Request("Banc", null, 100, List.of("bench", "bench-relect"),
				null), "bench").block();
		long reviewId = count(db, "select min(id) from review");
		be.fwb.ead.reviews.Reviews.Actor actor = new be.fwb.ead.reviews.Reviews.Actor("bench", true);
		be.fwb.ead.reviews.Rubrics.Rubric rubric = app.getBean(be.fwb.ead.reviews.Rubrics.class).latest("EAD-QUALITE").block();
		reviews.start(reviewId, actor).block();
		reviews.record(reviewId, rubric.criteria().stream().map(c -> c.kind() == be.fwb.ead.reviews.Rubrics.Kind.SCALE
				? new be.fwb.ead.reviews.Reviews.FindingInput(c.id(), 3, null, "Constat de banc d'essai.")
				: new be.fwb.ead.reviews.Reviews.FindingInput(c.id(), null, true, null)).toList(), actor).block();
		reviews.approve(reviewId, actor).block();
		long reviewedModule = count(db, "select module_id from review where id = " + reviewId);
		long competencies = count(db, "select count(*) from competency");
		long mappings = count(db, "select count(*) from competency_mapping");
		signIn();
		System.out.printf(Locale.ROOT, "%nPage benchmark: %d modules, %d vacataires (scale %d); server time from Server-Timing, "
				+ "%d requests per page after %d warm-ups; %d competencies, %d mappings; %d assignments adopted from %d Moodle roles%n",
				modules, vacataires, scale, RUNS, WARM_UPS, competencies, mappings, assignments, roles.size());
		List<String[]> pages = List.of(new String[] { "tableau de bord", "/" },
				new String[] { "modules, page 1", "/modules" },
				new String[] { "modules, recherche sans accents", "/modules?q=ecrire+un+texte" },
				new String[] { "modules, filtres et tri", "/modules?withoutTutor=true&state=all&sort=learners" },
				new String[] { "modules, dernière page", "/modules?page=" + lastPage },
				new String[] { "modules, fragment htmx", "/modules?q=francais" },
				new String[] { "fiche module", "/modules/" + moduleId },
				new String[] { "vacataires, page 1", "/vacataires" },
				new String[] { "vacataires, recherche", "/vacataires?q=zoe" },
				new String[] { "fiche vacataire", "/vacataires/" + vacataireId },
				new String[] { "synchronisations", "/synchronisations" },
				new String[] { "affectations", "/affectations" },
				new String[] { "section affectations (htmx)", "/vacataires/" + vacataireId + "/affectations" },
				new String[] { "section titres (htmx)", "/vacataires/" + vacataireId + "/titres" },
				new String[] { "rapprochement, page 1", "/affectations/rapprochement" },
				new String[] { "à traiter", "/attention" },
				new String[] { "formations", "/formations" },
				new String[] { "recrutement", "/recrutement" },
				new String[] { "titres", "/titres" },
				new String[] { "analyse du catalogue", "/analyse" },
				new String[] { "référentiel : carte, lacunes, recouvrements", "/analyse/" + referentialId },
				new String[] { "compétences d'un module", "/modules/" + moduleId + "/competences" },
				new String[] { "examen", "/analyse/examens/CESS" },
				new String[] { "revues qualité", "/revues?qui=tous" },
				new String[] { "revue approuvée", "/revues/" + reviewId },
				new String[] { "campagnes et modules à relire", "/revues/campagnes" },
				new String[] { "avancement d'une campagne", "/revues/campagnes/" + campaignId },
				new String[] { "section revues d'un module (htmx)", "/revues/modules/" + reviewedModule },
				new String[] { "rapport de revue d'un module", "/revues/modules/" + reviewedModule + "/rapport" });
		boolean within = true;
		for (String[] page : pages) {
			within &= measure(page[0], page[1], page[0].contains("htmx"), WARM_UPS, RUNS);
		}
		// Every export of every list, unfiltered, found among the routes (a new export is measured without being listed).
		java.util.Map<String, String> variables = java.util.Map.of("id", String.valueOf(referentialId), "moduleId",
				String.valueOf(reviewedModule));
		for (String route : exportRoutes()) {
			String path = route;
			for (var v : variables.entrySet()) {
				path = path.replace("{" + v.getKey() + "}", v.getValue());
			}
			within &= download("export " + route, path + (route.startsWith("/modules/") ? "?state=all" : ""));
		}
		within &= concurrent("/modules?sort=learners");
		System.out.println(within ? "All figures within their bounds." : "SOME FIGURES EXCEED THEIR BOUNDS.");
	}

	private boolean measure(String name, String path, boolean htmx, int warmUps, int runs) {
		for (int i = 0; i < warmUps; i++) {
			get(path, htmx);
		}
		double[] server = new double[runs];
		double[] client = new double[runs];
		for (int i = 0; i < runs; i++) {
			long start = System.nanoTime();
			ResponseEntity<byte[]> response = get(path, htmx);
			client[i] = (System.nanoTime() - start) / 1e6;
			server[i] = serverTiming(response);
		}
		return report(name, server, client, PAGE_BOUND_MS);
	}

	/** Every GET route whose path ends in .csv or .xlsx. */
	private List<String> exportRoutes() {
		java.util.TreeSet<String> found = new java.util.TreeSet<>();
		app.getBean("requestMappingHandlerMapping", org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping.class)
			.getHandlerMethods()
			.keySet()
			.forEach(info -> info.getPatternsCondition().getPatterns().stream()
				.map(org.springframework.web.util.pattern.PathPattern::getPatternString)
				.filter(p -> p.endsWith(".csv") || p.endsWith(".xlsx"))
				.forEach(found::add));
		return List.copyOf(found);
	}

	/**
	 * An export is streamed (CSV) or built whole (XLSX): its figure is the time until the last byte is received. It must
	 * answer 200 (an error fails the run).
	 */
	private boolean download(String name, String path) {
		for (int i = 0; i < 3; i++) {
			ResponseEntity<byte[]> answer = get(path, false);
			if (answer.getStatusCode().value() != 200) {
				System.out.printf(Locale.ROOT, "%-40s ANSWERED %d%n", name, answer.getStatusCode().value());
				return false;
			}
		}
		double[] client = new double[10];
		long bytes = 0;
		for (int i = 0; i < client.length; i++) {
			long start = System.nanoTime();
			bytes = Objects.requireNonNull(get(path, false).getBody()).length;
			client[i] = (System.nanoTime() - start) / 1e6;
		}
		double p95 = percentile(client, 95);
		System.out.printf(Locale.ROOT, "%-40s complete p50 %6.1f ms  p95 %6.1f ms  (%d KiB)  bound %5.0f ms  ratio p95/bound %4.2f%n",
				name, percentile(client, 50), p95, bytes / 1024, EXPORT_BOUND_MS, p95 / EXPORT_BOUND_MS);
		return p95 <= EXPORT_BOUND_MS;
	}

	/** {@value #CONCURRENT_USERS} users asking for the list at once: the server time of each request, and throughput. */
	private boolean concurrent(String path) {
		int requests = RUNS * 2;
		long start = System.nanoTime();
		List<ResponseEntity<byte[]>> responses = Flux.range(0, requests)
			.flatMap(i -> request(path, false), CONCURRENT_USERS)
			.collectList()
			.block();
		double wall = (System.nanoTime() - start) / 1e6;
		double[] server = Objects.requireNonNull(responses).stream().mapToDouble(PageBenchmark::serverTiming).toArray();
		System.out.printf(Locale.ROOT, "%-40s %d users: %.0f pages/s%n", "modules, en concurrence", CONCURRENT_USERS,
				requests / (wall / 1000));
		return report("modules, " + CONCURRENT_USERS + " utilisateurs simultanés", server, new double[0], PAGE_BOUND_MS);
	}

	private boolean report(String name, double[] server, double[] client, double bound) {
		double p95 = percentile(server, 95);
		System.out.printf(Locale.ROOT,
				"%-40s server p50 %6.1f ms  p95 %6.1f ms  max %6.1f ms%s  bound %5.0f ms  ratio p95/bound %4.2f%n", name,
				percentile(server, 50), p95, Arrays.stream(server).max().orElse(0),
				client.length == 0 ? "" : String.format(Locale.ROOT, "  (client p95 %6.1f ms)", percentile(client, 95)),
				bound, p95 / bound);
		return p95 <= bound;
	}

	private ResponseEntity<byte[]> get(String path, boolean htmx) {
		return Objects.requireNonNull(request(path, htmx).block(Duration.ofMinutes(1)));
	}

	private reactor.core.publisher.Mono<ResponseEntity<byte[]>> request(String path, boolean htmx) {
		return http.get().uri(path).accept(MediaType.TEXT_HTML, MediaType.ALL)
			.cookie("SESSION", session)
			.headers(h -> {
				if (path.startsWith("/api/")) {
					h.setBearerAuth(token);
				}
			})
			.headers(h -> {
				if (htmx) {
					h.add("HX-Request", "true");
					h.add("HX-Target", "resultats");
				}
			})
			.exchangeToMono(r -> r.toEntity(byte[].class));
	}

	private void signIn() {
		ResponseEntity<String> login = http.get().uri("/connexion").retrieve().toEntity(String.class).block();
		String cookie = cookie(Objects.requireNonNull(login));
		String body = Objects.requireNonNull(login.getBody());
		int at = body.indexOf("name=\"_csrf\" value=\"") + "name=\"_csrf\" value=\"".length();
		String csrf = body.substring(at, body.indexOf('"', at));
		ResponseEntity<Void> done = http.post().uri("/connexion").cookie("SESSION", cookie)
			.body(BodyInserters.fromFormData("username", "bench").with("password", "bench-password").with("_csrf", csrf))
			.retrieve()
			.toBodilessEntity()
			.block();
		session = cookie(Objects.requireNonNull(done));
		token = (String) Objects.requireNonNull(http.post().uri("/api/auth/token").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(java.util.Map.of("username", "bench", "password", "bench-password"))
			.retrieve()
			.bodyToMono(java.util.Map.class)
			.block()).get("token");
	}

	private static String cookie(ResponseEntity<?> response) {
		for (String set : response.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE)) {
			if (set.startsWith("SESSION=")) {
				return set.substring("SESSION=".length(), set.indexOf(';'));
			}
		}
		throw new IllegalStateException("pas de cookie de session");
	}

	private static double serverTiming(ResponseEntity<?> response) {
		String header = response.getHeaders().getFirst("Server-Timing");
		if (header == null || response.getStatusCode().value() != 200) {
			throw new IllegalStateException("réponse " + response.getStatusCode() + " sans Server-Timing");
		}
		return Double.parseDouble(header.substring(header.indexOf("dur=") + 4));
	}

	private static double percentile(double[] values, int p) {
		if (values.length == 0) {
			return 0;
		}
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
	}

	private static long count(DatabaseClient db, String sql) {
		return Objects.requireNonNull(db.sql(sql).map(r -> ((Number) r.get(0)).longValue()).one().block());
	}

}
