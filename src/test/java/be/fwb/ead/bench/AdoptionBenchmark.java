package be.fwb.ead.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import be.fwb.ead.demo.DemoData;
import be.fwb.ead.vacataires.imports.VacataireImport;
import be.fwb.ead.security.Accounts;
import be.fwb.ead.security.Role;
import be.fwb.ead.sync.SyncLauncher;
import be.fwb.ead.sync.SyncMode;
import be.fwb.ead.training.Training;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * First-deployment benchmark (not a test): the server time of each bulk request of the first deployment, read from the
 * {@code Server-Timing} header, on the realistic site synced from the simulated Moodle (scale 1: ~1,186 Moodle roles;
 * ×10: ~11,860), from the first-day demo data with the titles imported: a session's history recorded for every tutor,
 * the adoption's preview, the adoption of every Moodle role, the bulk acceptance of those a rule refused, a session's
 * bulk registration and attendance. Bound: 2 s each. Each request runs once (they write), after one warm-up preview.
 * Run with {@code ./mvnw -Pbench -DskipTests verify}, or alone: {@code exec:exec@adoption-benchmark-scale-1}. A
 * harness, not service code: it waits for each request with {@code block()} on the main thread.
 */
public final class AdoptionBenchmark {

	private static final double BOUND_MS = 2_000;

	public static void main(String[] args) {
		BenchService.run(args, (app, scale) -> new AdoptionBenchmark(app, scale).run());
		System.exit(0);
	}

	private final ConfigurableApplicationContext app;
	private final int scale;
	private final WebClient http;
	private String session = "";
	private String csrf = "";

	private AdoptionBenchmark(ConfigurableApplicationContext app, int scale) {
		this.app = app;
		this.scale = scale;
		int port = ((WebServerApplicationContext) app).getWebServer().getPort();
		this.http = WebClient.builder().baseUrl("http://localhost:" + port)
			.codecs(c -> c.defaultCodecs().maxInMemorySize(64 * 1024 * 1024)).build();
	}

	private void run() {
		DatabaseClient db = app.getBean(DatabaseClient.class);
		db.sql("truncate module_role, module, vacataire, moodle_category, sync_run, api_token, account, change_log, title, "
				+ "category_mapping, training_session, campaign, assignment, evaluation, referential, exam, review_campaign "
				+ "restart identity cascade").then().block();
		app.getBean(Accounts.class).create("bench", "bench-password", Role.COORDINATOR, "Benchmark", null).block();
		app.getBean(SyncLauncher.class).execute(SyncMode.FULL, "bench").block();
		DemoData.firstDay(app).block();
		String titles = Objects.requireNonNull(DemoData.titlesFile(db).block());
		app.getBean(VacataireImport.class).run(titles.getBytes(java.nio.charset.StandardCharsets.UTF_8), false, "bench").block();
		Training training = app.getBean(Training.class);
		long pastTutoring = Objects.requireNonNull(training.sessions().filter(s -> s.title().startsWith("Tutorer à distance (session"))
			.next().block()).id();
		long pastMoodle = Objects.requireNonNull(training.sessions().filter(s -> s.title().startsWith("Moodle pour les vacataires EAD"))
			.next().block()).id();
		long today = Objects.requireNonNull(training.plan(new Training.NewSession("CONTINUING", "OTHER", "Journée de rentrée",
				Instant.now().minus(1, ChronoUnit.HOURS), 480, "VIRTUAL", null, 500), "bench").block());
		long roles = count(db, "select count(*) from module_role");
		signIn();
		System.out.printf(Locale.ROOT, "%nFirst-deployment benchmark: %d Moodle roles, %d vacataires (scale %d); server time from "
				+ "Server-Timing, bound %.0f ms each%n", roles, count(db, "select count(*) from vacataire"), scale, BOUND_MS);

		boolean within = true;
		within &= measure("historique d'une session (tous)", post("/formations/" + pastMoodle + "/historique", ids(db, "select distinct vacataire_id from module_role")));
		within &= measure("historique d'une session (tuteurs)", post("/formations/" + pastTutoring + "/historique",
				ids(db, "select distinct vacataire_id from module_role where role = 'TUTOR'")));
		// The preview only reads: warmed up, then measured ten times (median and worst); the writes run once each.
		for (int i = 0; i < 3; i++) {
			get("/affectations/rapprochement/adoption?scope=filter");
		}
		double[] previews = new double[10];
		for (int i = 0; i < previews.length; i++) {
			previews[i] = serverTime(get("/affectations/rapprochement/adoption?scope=filter"));
		}
		java.util.Arrays.sort(previews);
		System.out.printf(Locale.ROOT, "%-42s server p50 %7.1f ms  max %7.1f ms  bound %5.0f ms  ratio p50 %4.2f%n",
				"aperçu de l'adoption (tout le filtre)", previews[previews.length / 2], previews[previews.length - 1], BOUND_MS,
				previews[previews.length / 2] / BOUND_MS);
		within &= previews[previews.length / 2] <= BOUND_MS;
		MultiValueMap<String, String> adopt = form("scope", "filter", "confirm", "true");
		within &= measure("adoption de tous les rôles", post("/affectations/rapprochement/adoption", adopt));
		System.out.printf(Locale.ROOT, "  → %d affectations créées, %d rôles laissés pour plus tard%n", count(db, "select count(*) from assignment"),
				roles - count(db, "select count(*) from assignment"));
		within &= measure("acceptation en lot (le reste)", post("/affectations/rapprochement/lot",
				form("scope", "filter", "action", "accept", "reason", "Comptes de la coordination")));
		MultiValueMap<String, String> many = ids(db, "select id from vacataire order by id limit 500");
		within &= measure("inscription en lot (" + many.get("vacataireId").size() + ")", post("/formations/" + today + "/inscriptions", many));
		within &= measure("présences de toute la session", post("/formations/" + today + "/presences", form("outcome", "completed")));
		System.out.println(within ? "All figures within their bounds." : "SOME FIGURES EXCEED THEIR BOUNDS.");
	}

	private boolean measure(String name, ResponseEntity<?> response) {
		String header = response.getHeaders().getFirst("Server-Timing");
		int status = response.getStatusCode().value();
		String location = response.getHeaders().getFirst(HttpHeaders.LOCATION);
		if (header == null || status >= 400) {
			throw new IllegalStateException(name + " : réponse " + status + " sans Server-Timing");
		}
		double ms = Double.parseDouble(header.substring(header.indexOf("dur=") + 4));
		System.out.printf(Locale.ROOT, "%-42s server %7.1f ms  bound %5.0f ms  ratio %4.2f  (%d%s)%n", name, ms, BOUND_MS, ms / BOUND_MS,
				status, location == null ? "" : " → " + location);
		return ms <= BOUND_MS;
	}

	private static double serverTime(ResponseEntity<?> response) {
		String header = Objects.requireNonNull(response.getHeaders().getFirst("Server-Timing"), "Server-Timing");
		return Double.parseDouble(header.substring(header.indexOf("dur=") + 4));
	}

	private ResponseEntity<byte[]> get(String path) {
		return Objects.requireNonNull(http.get().uri(path).accept(MediaType.TEXT_HTML).cookie("SESSION", session)
			.exchangeToMono(r -> r.toEntity(byte[].class)).block(Duration.ofMinutes(2)));
	}

	private ResponseEntity<byte[]> post(String path, MultiValueMap<String, String> form) {
		form.set("_csrf", csrf);
		return Objects.requireNonNull(http.post().uri(path).accept(MediaType.TEXT_HTML).cookie("SESSION", session)
			.body(BodyInserters.fromFormData(form))
			.exchangeToMono(r -> r.toEntity(byte[].class)).block(Duration.ofMinutes(2)));
	}

	private static MultiValueMap<String, String> form(String... pairs) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			form.add(pairs[i], pairs[i + 1]);
		}
		return form;
	}

	private static MultiValueMap<String, String> ids(DatabaseClient db, String sql) {
		List<Long> ids = Objects.requireNonNull(db.sql(sql).map(r -> ((Number) r.get(0)).longValue()).all().collectList().block());
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		ids.forEach(id -> form.add("vacataireId", String.valueOf(id)));
		return form;
	}

	private void signIn() {
		ResponseEntity<String> login = Objects.requireNonNull(http.get().uri("/connexion").retrieve().toEntity(String.class).block());
		String cookie = cookie(login);
		ResponseEntity<Void> done = Objects.requireNonNull(http.post().uri("/connexion").cookie("SESSION", cookie)
			.body(BodyInserters.fromFormData("username", "bench").with("password", "bench-password").with("_csrf", token(login.getBody())))
			.retrieve().toBodilessEntity().block());
		session = cookie(done);
		String home = http.get().uri("/").cookie("SESSION", session).retrieve().bodyToMono(String.class).block();
		csrf = token(home);
	}

	private static String token(String html) {
		int at = html.indexOf("name=\"_csrf\" value=\"") + "name=\"_csrf\" value=\"".length();
		return html.substring(at, html.indexOf('"', at));
	}

	private static String cookie(ResponseEntity<?> response) {
		for (String set : response.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE)) {
			if (set.startsWith("SESSION=")) {
				return set.substring("SESSION=".length(), set.indexOf(';'));
			}
		}
		throw new IllegalStateException("pas de cookie de session");
	}

	private static long count(DatabaseClient db, String sql) {
		return Objects.requireNonNull(db.sql(sql).map(r -> ((Number) r.get(0)).longValue()).one().block());
	}
}
