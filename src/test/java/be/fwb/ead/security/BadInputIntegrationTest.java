package be.fwb.ead.security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import be.fwb.ead.IntegrationTest;
import be.fwb.ead.sync.SyncLauncher;
import be.fwb.ead.sync.SyncMode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated from the OpenAPI description: every operation receives malformed, oversized, wrongly typed and hostile
 * values (SQL, HTML and script fragments, invalid UTF-8, huge numbers, empty and broken bodies) in its path, its query
 * and its body. No answer is a 5xx; every refusal is a problem detail; and a refused request changes no stored data.
 */
class BadInputIntegrationTest extends IntegrationTest {

	static final List<String> HOSTILE_PARAMETERS = List.of("-1", "0", "99999999999999999999999", "abc", "' or 1=1 --",
			"<script>alert(1)</script>", "%C3%28", "1e309", "", "x".repeat(5000), "a\u0000b", "+999999999-01-01",
			"999999999999999999");

	static final String SQL = "'; drop table vacataire; --";
	static final String HTML = "<img src=x onerror=alert(1)>";

	@Autowired Accounts accounts;
	@Autowired SyncLauncher launcher;
	@org.springframework.boot.test.web.server.LocalServerPort int port;

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void noHostileInputBreaksTheServiceOrChangesStoredData() {
		syncedCatalogue();
		await(accounts.create("coord", "mot-de-passe-coord", Role.COORDINATOR, "Coordination", null));
		long vacataire = count("select min(id) from vacataire");
		await(accounts.create("vac", "mot-de-passe-vac", Role.VACATAIRE, "Vacataire", vacataire));
		String coordinator = apiToken("coord", "mot-de-passe-coord");
		String me = apiToken("vac", "mot-de-passe-vac");
		JsonNode docs = json.readTree(web.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody(String.class)
			.returnResult().getResponseBody());
		String fingerprintQuery = fingerprintQuery();

		List<String> failures = new ArrayList<>();
		int requests = 0;
		String known = null;
		for (var path : docs.get("paths").properties()) {
			for (var operation : path.getValue().properties()) {
				String method = operation.getKey().toUpperCase();
				if (!List.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(method) || skipped(method, path.getKey())) {
					continue;
				}
				String token = path.getKey().startsWith("/api/me") ? me : coordinator;
				JsonNode op = operation.getValue();
				for (Attempt attempt : attempts(docs, path.getKey(), op, method)) {
					// After a refusal, what was read to check it is what the next request starts from.
					String before = known != null ? known : fingerprint(fingerprintQuery);
					known = null;
					EntityExchangeResult<byte[]> result;
					try {
						result = send(HttpMethod.valueOf(method), attempt, token);
					}
					catch (RuntimeException e) {
						failures.add(method + " " + shorten(attempt.uri()) + " [" + attempt.label() + "] : pas de réponse (" + e.getMessage() + ")");
						continue;
					}
					requests++;
					int status = result.getStatus().value();
					String what = method + " " + shorten(attempt.uri()) + " [" + attempt.label() + "] → " + status;
					if (status >= 500) {
						failures.add(what + " : " + shorten(body(result)));
						continue;
					}
					if (status >= 400) {
						MediaType type = result.getResponseHeaders().getContentType();
						if (type == null || !type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON) || !body(result).contains("\"detail\"")) {
							failures.add(what + " : pas un problem detail (" + type + ")");
						}
						String after = fingerprint(fingerprintQuery);
						if (!before.equals(after)) {
							failures.add(what + " : refusée, mais des données ont changé");
						}
						known = after;
					}
				}
			}
		}
		assertThat(requests).isGreaterThan(800);
		assertThat(failures).as(requests + " requêtes hostiles").isEmpty();
	}

	/** The odd requests of the outside test (issue 15, finding 6): refused or sent home, never a 500. */
	@Test
	void theOutsideTestsOddRequestsAreNeverAServerError() {
		web.get().uri(java.net.URI.create("http://localhost:" + port + "/langue?retour=/x%7Bzz%7D")).exchange()
			.expectStatus().is3xxRedirection().expectHeader().location("/");
		web.get().uri("/api/plugin/workspace").header("X-EAD-Timestamp", "999999999999999999")
			.header("X-EAD-Nonce", "nonce-de-dix-huit-chiffres").header("X-EAD-User", "42").header("X-EAD-Signature", "00")
			.exchange().expectStatus().isUnauthorized().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	/** Endpoints that act on the outside world whatever their input (a sync, Moodle's frameworks): not for a loop. */
	private static boolean skipped(String method, String path) {
		return path.equals("/api/sync") || path.equals("/api/referentials/moodle") || path.startsWith("/api/plugin/")
				|| (method.equals("DELETE") && path.equals("/api/auth/token"));
	}

	private record Attempt(String label, String uri, byte[] body) {
	}

	private List<Attempt> attempts(JsonNode docs, String pattern, JsonNode op, String method) {
		List<Attempt> out = new ArrayList<>();
		String sane = pattern.replaceAll("\\{[^}]+\\}", "1");
		boolean hasPath = pattern.contains("{");
		if (hasPath) {
			for (String value : HOSTILE_PARAMETERS) {
				if (!value.isEmpty()) {
					out.add(new Attempt("chemin " + shorten(value), pattern.replaceAll("\\{[^}]+\\}", encode(value)), validishBody(docs, op)));
				}
			}
		}
		List<String> query = new ArrayList<>();
		op.path("parameters").forEach(p -> {
			if ("query".equals(p.path("in").asString())) {
				query.add(p.path("name").asString());
			}
		});
		for (String name : query) {
			for (String value : HOSTILE_PARAMETERS) {
				out.add(new Attempt("requête " + name + "=" + shorten(value), sane + "?" + name + "=" + encode(value), validishBody(docs, op)));
			}
		}
		if (op.has("requestBody") || method.equals("POST") || method.equals("PUT")) {
			out.add(new Attempt("corps vide", sane, new byte[0]));
			out.add(new Attempt("corps null", sane, bytes("null")));
			out.add(new Attempt("corps tableau", sane, bytes("[]")));
			out.add(new Attempt("corps tronqué", sane, bytes("{\"a\":")));
			out.add(new Attempt("corps chaîne", sane, bytes("\"" + SQL + "\"")));
			out.add(new Attempt("corps UTF-8 invalide", sane, new byte[] { '{', '"', 'n', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}' }));
			out.add(new Attempt("corps énorme", sane, bytes("{\"text\":\"" + "x".repeat(300_000) + "\"}")));
			out.add(new Attempt("nombres énormes", sane, bytes(body(docs, op, "huge"))));
			out.add(new Attempt("types faux", sane, bytes(body(docs, op, "wrong"))));
			out.add(new Attempt("textes hostiles", sane, bytes(body(docs, op, "hostile"))));
			// Issue 15: every text field far too long, a NUL byte in every text, dates 999,999,999 years ahead.
			out.add(new Attempt("textes longs", sane, bytes(body(docs, op, "long"))));
			out.add(new Attempt("caractère nul", sane, bytes(body(docs, op, "nul"))));
			out.add(new Attempt("dates lointaines", sane, bytes(body(docs, op, "far"))));
		}
		return out;
	}

	/** A body of the operation's schema, every field filled the way {@code how} says. */
	private String body(JsonNode docs, JsonNode op, String how) {
		JsonNode schema = resolve(docs, op.path("requestBody").path("content").path("application/json").path("schema"));
		if (schema.path("type").asString("").equals("array")) {
			return "[" + object(docs, resolve(docs, schema.path("items")), how) + "]";
		}
		return object(docs, schema, how);
	}

	private String object(JsonNode docs, JsonNode schema, String how) {
		Map<String, Object> fields = new LinkedHashMap<>();
		schema.path("properties").properties().forEach(p -> {
			String type = resolve(docs, p.getValue()).path("type").asString("string");
			fields.put(p.getKey(), switch (how) {
				case "huge" -> type.equals("string") ? "9".repeat(400) : new java.math.BigInteger("9".repeat(40));
				case "long" -> type.equals("string") ? "é".repeat(20_000) : type.equals("array") ? List.of("x".repeat(20_000)) : Long.MAX_VALUE;
				case "nul" -> type.equals("string") ? "a\u0000b" : type.equals("array") ? List.of("a\u0000b") : 1;
				case "far" -> type.equals("string") ? "+999999999-01-01" : type.equals("array") ? List.of("+999999999-12-31") : 1;
				case "wrong" -> switch (type) {
					case "integer", "number", "boolean" -> SQL;
					case "array" -> "pas un tableau";
					case "object" -> 12;
					default -> List.of(1, 2);
				};
				default -> switch (type) {
					case "integer", "number" -> -1;
					case "boolean" -> true;
					case "array" -> List.of(SQL, HTML);
					case "object" -> Map.of("x", HTML);
					default -> SQL + HTML;
				};
			});
		});
		return json.writeValueAsString(fields);
	}

	/** A body valid in shape (an empty object or list), so that a bad path or query is what the test is about. */
	private byte[] validishBody(JsonNode docs, JsonNode op) {
		if (!op.has("requestBody")) {
			return new byte[0];
		}
		JsonNode schema = resolve(docs, op.path("requestBody").path("content").path("application/json").path("schema"));
		return bytes(schema.path("type").asString("").equals("array") ? "[]" : "{}");
	}

	private static JsonNode resolve(JsonNode docs, JsonNode schema) {
		String ref = schema.path("$ref").asString("");
		if (ref.startsWith("#/components/schemas/")) {
			return docs.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()));
		}
		return schema;
	}

	private EntityExchangeResult<byte[]> send(HttpMethod method, Attempt attempt, String token) {
		WebTestClient.RequestBodySpec spec = web.method(method).uri(java.net.URI.create("http://localhost:" + port + attempt.uri()))
			.headers(h -> h.setBearerAuth(token));
		if (method != HttpMethod.GET && method != HttpMethod.DELETE) {
			spec.contentType(MediaType.APPLICATION_JSON).bodyValue(attempt.body());
		}
		return spec.exchange().expectBody(byte[].class).returnResult();
	}

	/** The rows of every table (but the logs of reads, syncs and sign-ins, which a refused request may still write). */
	private String fingerprintQuery() {
		List<String> tables = await(db.sql("""
				select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'
				and table_name not in ('flyway_schema_history', 'sync_run', 'login_attempt', 'plugin_nonce', 'access_log', 'api_token')
				order by table_name""").map(r -> r.get(0, String.class)).all().collectList());
		return "select " + String.join(" || ',' || ", tables.stream().map(t -> "(select count(*) from " + t + ")").toList());
	}

	/**
	 * With a parameter, the driver prepares the statement once and the server keeps its plan: about a millisecond a time
	 * instead of 15 to 20 for planning forty counts anew (timed in psql), before and after each of 900 requests.
	 */
	private String fingerprint(String query) {
		return await(db.sql(query + " where :one = 1").bind("one", 1).map(r -> r.get(0, String.class)).one());
	}

	private static String encode(String value) {
		return value.startsWith("%") ? value : UriUtils.encode(value, StandardCharsets.UTF_8);
	}

	private static String shorten(String value) {
		return value.length() > 60 ? value.substring(0, 60) + "…(" + value.length() + ")" : value;
	}

	private static byte[] bytes(String s) {
		return s.getBytes(StandardCharsets.UTF_8);
	}

	private static String body(EntityExchangeResult<byte[]> result) {
		byte[] body = result.getResponseBody();
		return body == null ? "" : new String(body, StandardCharsets.UTF_8);
	}
}
