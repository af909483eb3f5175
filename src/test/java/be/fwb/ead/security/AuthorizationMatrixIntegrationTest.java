package be.fwb.ead.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import be.fwb.ead.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint of the API and every page of the web UI, called anonymously and with every role, answers as the table
 * kept in the repository
 * ({@code src/test/resources/security/authorization-matrix.csv}) says: {@code 401} (who are you?), {@code 403} (not
 * for your role), or {@code ok} (anything but 401 and 403: the call reached the endpoint, which may still refuse the
 * input). An endpoint missing from the table fails the test, with the line to add; so does a line for an endpoint
 * that no longer exists. {@code -Dead.matrix.record=true} writes the observed table to {@code target/} instead.
 */
class AuthorizationMatrixIntegrationTest extends IntegrationTest {

	static final Path TABLE = Path.of("src/test/resources/security/authorization-matrix.csv");
	static final List<String> ROLES = List.of("anonymous", "vacataire", "reviewer", "coordinator");

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	Accounts accounts;

	@Autowired
	be.fwb.ead.sync.SyncLauncher launcher;

	@Test
	void everyEndpointAnswersEveryRoleAsTheTableSays() throws IOException {
		syncedCatalogue();
		long vacataire = count("select min(id) from vacataire");
		await(accounts.create("vac", "mot-de-passe-vac", Role.VACATAIRE, "Vé Vacataire", vacataire));
		await(accounts.create("relect", "mot-de-passe-relect", Role.REVIEWER, "Relecteur", null));
		await(accounts.create("coord", "mot-de-passe-coord", Role.COORDINATOR, "Coordination", null));
		Map<String, String> tokens = new LinkedHashMap<>();
		tokens.put("anonymous", null);
		tokens.put("vacataire", apiToken("vac", "mot-de-passe-vac"));
		tokens.put("reviewer", apiToken("relect", "mot-de-passe-relect"));
		tokens.put("coordinator", apiToken("coord", "mot-de-passe-coord"));

		TreeMap<String, String> observed = new TreeMap<>();
		for (String endpoint : endpoints()) {
			String[] parts = endpoint.split(";");
			List<String> answers = new ArrayList<>();
			for (String role : ROLES) {
				answers.add(call(HttpMethod.valueOf(parts[0]), parts[1], tokens.get(role)));
			}
			observed.put(endpoint, String.join(";", answers));
		}
		// The web UI's pages: signed in through the form (a vacataire cannot sign in there: the same as anonymous).
		Map<String, WebSession> sessions = new LinkedHashMap<>();
		sessions.put("anonymous", null);
		sessions.put("vacataire", null);
		sessions.put("reviewer", signIn("relect", "mot-de-passe-relect"));
		sessions.put("coordinator", signIn("coord", "mot-de-passe-coord"));
		for (String endpoint : pages()) {
			String[] parts = endpoint.split(";");
			List<String> pageAnswers = new ArrayList<>();
			for (String role : ROLES) {
				pageAnswers.add(page(HttpMethod.valueOf(parts[0]), parts[1], sessions.get(role)));
			}
			observed.put(endpoint, String.join(";", pageAnswers));
		}
		// Signing out of the API revokes the token: checked last, for every role.
		String revoke = "DELETE;/api/auth/token";
		List<String> answers = new ArrayList<>();
		for (String role : ROLES) {
			answers.add(call(HttpMethod.DELETE, "/api/auth/token", tokens.get(role)));
		}
		observed.put(revoke, String.join(";", answers));

		if (Boolean.getBoolean("ead.matrix.record")) {
			List<String> lines = new ArrayList<>();
			lines.add("# method;path;" + String.join(";", ROLES));
			observed.forEach((k, v) -> lines.add(k + ";" + v));
			Files.write(Path.of("target/authorization-matrix.csv"), lines);
		}
		Map<String, String> expected = new TreeMap<>();
		for (String line : Files.readAllLines(TABLE)) {
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			String[] cells = line.split(";");
			expected.put(cells[0] + ";" + cells[1], String.join(";", List.of(cells).subList(2, cells.length)));
		}
		List<String> missing = observed.keySet().stream().filter(k -> !expected.containsKey(k))
			.map(k -> k + ";" + observed.get(k)).toList();
		List<String> stale = expected.keySet().stream().filter(k -> !observed.containsKey(k)).toList();
		List<String> different = observed.keySet().stream().filter(k -> expected.containsKey(k) && !expected.get(k).equals(observed.get(k)))
			.map(k -> k + " : attendu " + expected.get(k) + ", obtenu " + observed.get(k)).toList();
		assertThat(missing).as("points d'accès absents de la table (lignes à ajouter après vérification)").isEmpty();
		assertThat(stale).as("lignes de la table sans point d’accès").isEmpty();
		assertThat(different).as("réponses différentes de la table").isEmpty();
		assertThat(observed).hasSizeGreaterThan(150);
		// The API never lets a vacataire into another's data: only their own space and nothing of the staff's.
		observed.forEach((k, v) -> {
			String vacataireAnswer = v.split(";")[1];
			if (vacataireAnswer.equals("ok") && !k.startsWith("GET;/css") && !k.startsWith("GET;/js")) {
				assertThat(k).as("accessible à un vacataire").matches("(GET|POST|DELETE);/api/(me|me/.*|auth/token)|GET;/actuator/health");
			}
		});
	}

	/** "METHOD;pattern" of every API endpoint, and the actuator's. */
	private List<String> endpoints() {
		TreeMap<String, Boolean> out = new TreeMap<>();
		mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternsCondition().getPatterns().forEach(p -> {
			String path = p.getPatternString();
			if (path.startsWith("/api/")) {
				info.getMethodsCondition().getMethods().forEach(m -> out.put(m.name() + ";" + path, true));
			}
		}));
		out.remove("DELETE;/api/auth/token");
		for (String actuator : List.of("GET;/actuator/health", "GET;/actuator/info", "GET;/actuator/metrics", "GET;/actuator/prometheus")) {
			out.put(actuator, true);
		}
		return List.copyOf(out.keySet());
	}

	/** "METHOD;pattern" of every page of the web UI (not the sign-in and language pages, open to all). */
	private List<String> pages() {
		TreeMap<String, Boolean> out = new TreeMap<>();
		mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternsCondition().getPatterns().forEach(p -> {
			String path = p.getPatternString();
			if (!path.startsWith("/api/") && !path.equals("/connexion") && !path.equals("/langue") && !path.startsWith("/v3/")
					&& !path.startsWith("/swagger")) {
				info.getMethodsCondition().getMethods().forEach(m -> out.put(m.name() + ";" + path, true));
			}
		}));
		return List.copyOf(out.keySet());
	}

	/** A page's answer: 401 for "sign in first" (a redirect to the sign-in page), 403, or ok. */
	private String page(HttpMethod method, String pattern, WebSession session) {
		String path = pattern.replaceAll("\\{[^}]+\\}", "1");
		WebTestClient.RequestBodySpec spec = web.method(method).uri(path).accept(MediaType.TEXT_HTML);
		if (session != null) {
			spec.cookie("SESSION", session.cookie());
		}
		if (method == HttpMethod.POST) {
			spec.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.bodyValue("_csrf=" + (session == null ? "" : session.csrf()));
		}
		var result = spec.exchange().returnResult(Void.class);
		int status = result.getStatus().value();
		var location = result.getResponseHeaders().getLocation();
		if (status == 302 && location != null && location.getPath().equals("/connexion")) {
			return "401";
		}
		return status == 401 || status == 403 ? Integer.toString(status) : "ok";
	}

	/** The answer's class: 401, 403, or ok. */
	private String call(HttpMethod method, String pattern, String token) {
		String path = pattern.replaceAll("\\{[^}]+\\}", "1");
		WebTestClient.RequestBodySpec spec = web.method(method).uri(path);
		if (token != null) {
			spec.headers(h -> h.setBearerAuth(token));
		}
		if (method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH) {
			spec.contentType(MediaType.APPLICATION_JSON).bodyValue("{}");
		}
		int status = spec.exchange().returnResult(Void.class).getStatus().value();
		return status == 401 || status == 403 ? Integer.toString(status) : "ok";
	}
}
