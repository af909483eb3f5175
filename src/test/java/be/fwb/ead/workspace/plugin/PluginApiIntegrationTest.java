package be.fwb.ead.workspace.plugin;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import be.fwb.ead.IntegrationTest;
import be.fwb.ead.evaluations.Evaluations;
import be.fwb.ead.reviews.Reviews;
import be.fwb.ead.reviews.Rubrics;
import be.fwb.ead.security.Accounts;
import be.fwb.ead.security.Role;
import be.fwb.ead.sync.SyncLauncher;
import be.fwb.ead.sync.SyncMode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plugin API: a signed request reads the vacataire's own workspace; a tampered, expired, replayed or unsigned
 * request is refused, and no vacataire reaches another's data.
 */
class PluginApiIntegrationTest extends IntegrationTest {

	static final String SECRET = "secret-partage-des-tests";

	@Autowired SyncLauncher launcher;
	@Autowired Evaluations evaluations;
	@Autowired Reviews reviews;
	@Autowired Rubrics rubrics;
	@Autowired Accounts accounts;
	@Autowired be.fwb.ead.assignments.Assignments assignments;
	@Autowired be.fwb.ead.training.Training training;

	private long module;
	private long author;
	private long authorMoodleId;
	private long otherMoodleId;
	private long other;

	@BeforeEach
	void catalogue() {
		syncedCatalogue();
		module = count("select min(module_id) from module_role where role = 'AUTHOR'");
		author = count("select min(vacataire_id) from module_role where role = 'AUTHOR' and module_id = " + module);
		authorMoodleId = count("select moodle_user_id from vacataire where id = " + author);
		other = count("select min(id) from vacataire where id not in (select vacataire_id from module_role where module_id = " + module
				+ ") and moodle_user_id is not null");
		otherMoodleId = count("select moodle_user_id from vacataire where id = " + other);
	}

	@Test
	void aSignedRequestReadsTheVacatairesOwnWorkspace() throws java.io.IOException {
		List<Evaluations.Score> scores = await(evaluations.grid().map(c -> new Evaluations.Score(c.id(), 3, null)).collectList());
		long evaluation = await(evaluations.record(author, clock.today(), scores, "Très bon suivi des apprenants.", "coord"));
		await(accounts.create("relect", "mot-de-passe-relect", Role.REVIEWER, "Relecteur", null));
		long review = await(reviews.plan(module, "relect", null, null, "coord"));
		Reviews.Actor reviewer = new Reviews.Actor("relect", false);
		await(reviews.start(review, reviewer));
		Rubrics.Criterion first = await(rubrics.latest(Rubrics.DEFAULT)).criteria().get(0);
		await(reviews.record(review, List.of(new Reviews.FindingInput(first.id(), 2, null, "Balises absentes.")), reviewer));

		// The tutor's required trainings, done; a continuing one to come.
		for (String topic : List.of("MOODLE", "TUTORING")) {
			long session = await(training.plan(new be.fwb.ead.training.Training.NewSession("INITIAL", topic, "Initiale " + topic,
					clock.instant().minus(java.time.Duration.ofMinutes(30)), 180, "VIRTUAL", null, 20), "coord"));
			await(training.register(session, author, "coord"));
			await(training.recordAttendance(session, author, true, true, "coord"));
		}
		long next = await(training.plan(new be.fwb.ead.training.Training.NewSession("CONTINUING", "PEDAGOGY", "Scénariser un module",
				clock.instant().plus(java.time.Duration.ofDays(20)), 120, "VIRTUAL", null, 20), "coord"));
		await(training.register(next, author, "coord"));
		await(assignments.create(new be.fwb.ead.assignments.NewAssignment(author, module, "TUTOR", clock.today().minusDays(10),
				clock.today().plusDays(200), 40, "Pénurie de candidats titrés"), "coord"));

		// The plugin's tests read a fixture shaped like this answer: every field the fixture has, the answer has.
		String answer0 = new String(signed(HttpMethod.GET, "/api/plugin/workspace", authorMoodleId, "").exchange()
			.expectStatus().isOk().expectBody().returnResult().getResponseBody(), StandardCharsets.UTF_8);
		tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder().build();
		assertSameShape("", json.readTree(java.nio.file.Files.readString(java.nio.file.Path.of(
				"moodle-plugin/eadtutors/tests/fixtures/workspace.json"))), json.readTree(answer0));

		signed(HttpMethod.GET, "/api/plugin/workspace", authorMoodleId, "").exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.assignments[0].moodleCourseId").isEqualTo((int) count("select moodle_course_id from module where id = " + module))
			.jsonPath("$.assignments[0].current").isEqualTo(true)
			.jsonPath("$.vacataire.vacataireId").isEqualTo((int) author)
			.jsonPath("$.vacataire.moodleUserId").isEqualTo((int) authorMoodleId)
			.jsonPath("$.evaluations[0].id").isEqualTo((int) evaluation)
			.jsonPath("$.evaluations[0].acknowledgedAt").doesNotExist()
			.jsonPath("$.reviews[0].moduleId").isEqualTo((int) module)
			.jsonPath("$.reviews[0].findings[0].comment").isEqualTo("Balises absentes.")
			.jsonPath("$.trainings.done.length()").isEqualTo(2)
			.jsonPath("$.trainings.upcoming[0].title").isEqualTo("Scénariser un module")
			// An author (Moodle role) without the author's initial trainings: MOODLE is done, PEDAGOGY is missing.
			.jsonPath("$.trainings.missing[0].role").isEqualTo("AUTHOR")
			.jsonPath("$.trainings.missing[0].topic").isEqualTo("PEDAGOGY");

		String ack = "{\"comment\":\"Merci, j'en prends note.\"}";
		signed(HttpMethod.POST, "/api/plugin/evaluations/" + evaluation + "/acknowledgement", otherMoodleId, ack).exchange()
			.expectStatus().isNotFound();
		signed(HttpMethod.POST, "/api/plugin/evaluations/" + evaluation + "/acknowledgement", authorMoodleId, ack).exchange()
			.expectStatus().isOk().expectBody().jsonPath("$.vacataireComment").isEqualTo("Merci, j'en prends note.");
		long finding = count("select id from review_finding where review_id = " + review);
		String answer = "{\"text\":\"Balises ajoutées en séquence 2.\"}";
		signed(HttpMethod.POST, "/api/plugin/findings/" + finding + "/answers", otherMoodleId, answer).exchange()
			.expectStatus().isNotFound();
		signed(HttpMethod.POST, "/api/plugin/findings/" + finding + "/answers", authorMoodleId, answer).exchange()
			.expectStatus().isCreated();
		assertThat(count("select count(*) from finding_answer where vacataire_id = " + author)).isOne();
		// The other vacataire's own workspace holds none of it.
		signed(HttpMethod.GET, "/api/plugin/workspace", otherMoodleId, "").exchange()
			.expectStatus().isOk().expectBody()
			.jsonPath("$.vacataire.vacataireId").isEqualTo((int) other)
			.jsonPath("$.reviews.length()").isEqualTo(0)
			.jsonPath("$.evaluations.length()").isEqualTo(0);
		// A Moodle user who is no vacataire: 404, and the plugin shows no link.
		signed(HttpMethod.GET, "/api/plugin/workspace", 999_999_999L, "").exchange()
			.expectStatus().isNotFound().expectBody().jsonPath("$.detail")
			.isEqualTo("L’utilisateur Moodle 999999999 n’est pas un vacataire de l’EAD.");
	}

	@Test
	void tamperedExpiredReplayedAndUnsignedRequestsAreRefused() {
		String nonce = nonce();
		long now = clock.instant().getEpochSecond();
		// Signed for one user, sent for another: the signature no longer matches.
		request(HttpMethod.GET, "/api/plugin/workspace", otherMoodleId, "", now, nonce,
				sign("GET", "/api/plugin/workspace", now, nonce, authorMoodleId, ""))
			.exchange().expectStatus().isUnauthorized()
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).startsWith("Signature invalide"));
		// The body changed on the way.
		String n2 = nonce();
		request(HttpMethod.POST, "/api/plugin/findings/1/answers", authorMoodleId, "{\"text\":\"autre\"}", now, n2,
				sign("POST", "/api/plugin/findings/1/answers", now, n2, authorMoodleId, "{\"text\":\"texte\"}"))
			.exchange().expectStatus().isUnauthorized()
			.expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).startsWith("Signature invalide"));
		// Another path.
		String n3 = nonce();
		request(HttpMethod.GET, "/api/plugin/workspace?x=1", authorMoodleId, "", now, n3,
				sign("GET", "/api/plugin/workspace", now, n3, authorMoodleId, ""))
			.exchange().expectStatus().isUnauthorized();
		// Another secret.
		String n4 = nonce();
		request(HttpMethod.GET, "/api/plugin/workspace", authorMoodleId, "", now, n4, PluginSignature.sign("autre-secret",
				PluginSignature.canonical("GET", "/api/plugin/workspace", Long.toString(now), n4, Long.toString(authorMoodleId),
						PluginSignature.sha256(new byte[0]))))
			.exchange().expectStatus().isUnauthorized();

		// Six minutes old, or six minutes ahead: expired.
		for (long at : new long[] { now - 360, now + 360 }) {
			String n = nonce();
			request(HttpMethod.GET, "/api/plugin/workspace", authorMoodleId, "", at, n, sign("GET", "/api/plugin/workspace", at, n,
					authorMoodleId, ""))
				.exchange().expectStatus().isUnauthorized()
				.expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).startsWith("Requête expirée"));
		}

		// Replayed: the same request twice.
		String n5 = nonce();
		String signature = sign("GET", "/api/plugin/workspace", now, n5, authorMoodleId, "");
		request(HttpMethod.GET, "/api/plugin/workspace", authorMoodleId, "", now, n5, signature).exchange().expectStatus().isOk();
		request(HttpMethod.GET, "/api/plugin/workspace", authorMoodleId, "", now, n5, signature).exchange()
			.expectStatus().isUnauthorized()
			.expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).startsWith("Requête rejouée"));

		// Unsigned, or with a coordinator's bearer token: refused too.
		web.get().uri("/api/plugin/workspace").exchange().expectStatus().isUnauthorized()
			.expectHeader().valueEquals("WWW-Authenticate", "EAD-HMAC-SHA256");
		await(accounts.create("coord", "mot-de-passe-coord", Role.COORDINATOR, "Coordination", null));
		String token = apiToken("coord", "mot-de-passe-coord");
		web.get().uri("/api/plugin/workspace").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isUnauthorized();
		// Malformed headers.
		request(HttpMethod.GET, "/api/plugin/workspace", authorMoodleId, "", now, "court", "00").exchange()
			.expectStatus().isUnauthorized()
			.expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).startsWith("Requête du plugin mal formée"));
		// Too large a body.
		String big = "{\"text\":\"" + "x".repeat(70_000) + "\"}";
		signed(HttpMethod.POST, "/api/plugin/findings/1/answers", authorMoodleId, big).exchange()
			.expectStatus().isEqualTo(413);
		assertThat(count("select count(*) from finding_answer")).isZero();
	}

	/** Every field of {@code fixture} is in {@code actual}, recursively (lists: their first elements, when both have one). */
	private static void assertSameShape(String path, tools.jackson.databind.JsonNode fixture, tools.jackson.databind.JsonNode actual) {
		if (fixture.isObject()) {
			for (String field : fixture.propertyNames()) {
				assertThat(actual.has(field)).as("champ " + path + "." + field + " dans la réponse du service").isTrue();
				assertSameShape(path + "." + field, fixture.get(field), actual.get(field));
			}
		}
		else if (fixture.isArray() && !fixture.isEmpty() && actual.isArray() && !actual.isEmpty()) {
			assertSameShape(path + "[0]", fixture.get(0), actual.get(0));
		}
	}

	private WebTestClient.RequestBodySpec signed(HttpMethod method, String path, long moodleUserId, String body) {
		long now = clock.instant().getEpochSecond();
		String nonce = nonce();
		return request(method, path, moodleUserId, body, now, nonce, sign(method.name(), path, now, nonce, moodleUserId, body));
	}

	private WebTestClient.RequestBodySpec request(HttpMethod method, String path, long moodleUserId, String body, long timestamp,
			String nonce, String signature) {
		WebTestClient.RequestBodySpec spec = web.method(method).uri(path)
			.header(PluginSignature.TIMESTAMP, Long.toString(timestamp))
			.header(PluginSignature.NONCE, nonce)
			.header(PluginSignature.USER, Long.toString(moodleUserId))
			.header(PluginSignature.SIGNATURE, signature);
		if (!body.isEmpty()) {
			spec.contentType(MediaType.APPLICATION_JSON).bodyValue(body.getBytes(StandardCharsets.UTF_8));
		}
		return spec;
	}

	private static String sign(String method, String path, long timestamp, String nonce, long moodleUserId, String body) {
		return PluginSignature.sign(SECRET, PluginSignature.canonical(method, path, Long.toString(timestamp), nonce,
				Long.toString(moodleUserId), PluginSignature.sha256(body.getBytes(StandardCharsets.UTF_8))));
	}

	private static String nonce() {
		return UUID.randomUUID().toString().replace("-", "");
	}
}
