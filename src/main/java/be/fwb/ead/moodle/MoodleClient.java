package be.fwb.ead.moodle;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import be.fwb.ead.moodle.MoodleRecords.Category;
import be.fwb.ead.moodle.MoodleRecords.Change;
import be.fwb.ead.moodle.MoodleRecords.Changes;
import be.fwb.ead.moodle.MoodleRecords.Competency;
import be.fwb.ead.moodle.MoodleRecords.Framework;
import be.fwb.ead.moodle.MoodleRecords.Course;
import be.fwb.ead.moodle.MoodleRecords.CourseUsers;
import be.fwb.ead.moodle.MoodleRecords.SiteInfo;
import be.fwb.ead.moodle.MoodleRecords.User;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.ratelimiter.operator.RateLimiterOperator;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import io.netty.channel.ChannelOption;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls Moodle's REST web services. Every call is rate limited, guarded by the {@code moodle} circuit breaker and
 * retried with exponential backoff and jitter on {@link MoodleException.Transient} errors only (see the
 * {@code resilience4j} section of {@code application.yml}). At most {@link MoodleSettings#maxInFlight()} calls are in
 * flight at once: the connection pool queues the others without blocking a thread.
 */
@Component
public class MoodleClient {

	static final String SERVER_PATH = "/webservice/rest/server.php";

	private final MoodleSettings settings;
	private final WebClient web;
	private final JsonMapper json;
	private final RateLimiter rateLimiter;
	private final CircuitBreaker circuitBreaker;
	private final Retry retry;

	MoodleClient(MoodleSettings settings, WebClient.Builder builder, RateLimiterRegistry rateLimiters,
			CircuitBreakerRegistry circuitBreakers, RetryRegistry retries, io.micrometer.core.instrument.MeterRegistry meters) {
		this.meters = meters;
		this.settings = settings;
		this.json = JsonMapper.builder().build();
		this.rateLimiter = rateLimiters.rateLimiter("moodle");
		this.circuitBreaker = circuitBreakers.circuitBreaker("moodle");
		this.retry = retries.retry("moodle");
		ConnectionProvider pool = ConnectionProvider.builder("moodle")
			.maxConnections(Math.max(1, settings.maxInFlight()))
			.pendingAcquireMaxCount(-1)
			.pendingAcquireTimeout(java.time.Duration.ofMinutes(30))
			.build();
		HttpClient http = HttpClient.create(pool)
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5_000)
			.responseTimeout(settings.timeout());
		this.web = builder.clone()
			.baseUrl(stripSlash(settings.url()))
			.clientConnector(new ReactorClientHttpConnector(http))
			.codecs(c -> c.defaultCodecs().maxInMemorySize(64 * 1024 * 1024))
			.build();
	}

	/** The plugin local_eadtutors's change feed, used when it is in the token's service. */
	public static final String CHANGE_FEED = "local_eadtutors_get_changes";

	/** {@code core_webservice_get_site_info}: checks the token and lists the functions it may call. */
	public Mono<SiteInfo> siteInfo() {
		String fn = "core_webservice_get_site_info";
		return call(fn, form(fn), body -> {
			List<String> functions = new ArrayList<>();
			body.path("functions").forEach(f -> functions.add(f.path("name").asString("")));
			return new SiteInfo(text(body, "sitename"), text(body, "release"), text(body, "version"),
					body.path("userid").asLong(), List.copyOf(functions));
		});
	}

	/** {@code core_course_get_categories}: every category the token user can see. */
	public Mono<List<Category>> categories() {
		String fn = "core_course_get_categories";
		return call(fn, form(fn).param("addsubcategories", "1"), body -> {
			List<Category> out = new ArrayList<>();
			body.forEach(c -> out.add(new Category(c.path("id").asLong(), text(c, "name"), c.path("parent").asLong(),
					c.path("path").asString("/" + c.path("id").asLong()), c.path("depth").asInt(1),
					c.path("sortorder").asInt(0), c.path("visible").asInt(1) != 0)));
			return out;
		});
	}

	/** {@code core_course_get_courses_by_field} with no field: every course, the site course included. */
	public Mono<List<Course>> courses() {
		return courses(form("core_course_get_courses_by_field").param("field", "").param("value", ""));
	}

	/** {@code core_course_get_courses_by_field} with {@code field=ids}: these courses, in one call. */
	public Mono<List<Course>> courses(List<Long> ids) {
		return courses(form("core_course_get_courses_by_field").param("field", "ids")
			.param("value", String.join(",", ids.stream().map(String::valueOf).toList())));
	}

	/**
	 * {@code local_eadtutors_get_changes} (the plugin's change feed): up to {@code limit} changes after the cursor; with
	 * limit 0, only the latest cursor.
	 */
	public Mono<Changes> changes(long cursor, int limit) {
		String fn = CHANGE_FEED;
		return call(fn, form(fn).param("cursor", Long.toString(cursor)).param("limit", Integer.toString(limit)), body -> {
			List<Change> out = new ArrayList<>();
			body.path("changes").forEach(c -> out.add(new Change(c.path("id").asLong(), c.path("kind").asString(""),
					c.path("courseid").asLong(), c.path("userid").asLong(), c.path("roleid").asLong())));
			return new Changes(List.copyOf(out), body.path("cursor").asLong(), body.path("latest").asLong(),
					body.path("more").asBoolean(false));
		});
	}

	private Mono<List<Course>> courses(MoodleForm form) {
		String fn = "core_course_get_courses_by_field";
		return call(fn, form, body -> {
			List<Course> out = new ArrayList<>();
			body.path("courses").forEach(c -> out.add(new Course(c.path("id").asLong(), text(c, "shortname"),
					text(c, "fullname"), c.path("categoryid").asLong(), optionalText(c, "idnumber"),
					c.path("visible").asInt(1) != 0, c.path("format").asString("topics"),
					c.has("timemodified") ? c.get("timemodified").asLong() : null)));
			return out;
		});
	}

	/**
	 * {@code core_enrol_get_enrolled_users_with_capability}: for each course and each capability, the enrolled users
	 * holding it, in one call.
	 */
	public Mono<List<CourseUsers>> usersWithCapabilities(List<Long> courseIds, List<String> capabilities,
			String userfields) {
		String fn = "core_enrol_get_enrolled_users_with_capability";
		MoodleForm form = form(fn).structures("coursecapabilities", courseIds,
				(id, item) -> item.put("courseid", Long.toString(id)).list("capabilities", capabilities));
		form.options("options", List.<String[]>of(new String[] { "userfields", userfields }));
		return call(fn, form, body -> {
			List<CourseUsers> out = new ArrayList<>();
			body.forEach(group -> out.add(new CourseUsers(group.path("courseid").asLong(),
					group.path("capability").asString(""), users(group.path("users")))));
			return out;
		});
	}

	/** {@code core_enrol_get_enrolled_users}: every participant of one course (the per-course way, for comparison). */
	public Mono<List<User>> enrolledUsers(long courseId, String userfields) {
		String fn = "core_enrol_get_enrolled_users";
		MoodleForm form = form(fn).param("courseid", Long.toString(courseId))
			.options("options", List.<String[]>of(new String[] { "userfields", userfields }));
		return call(fn, form, this::users);
	}

	/**
	 * {@code core_competency_list_competency_frameworks}: every framework of the site (system context and below). Fails
	 * with the error code {@code competenciesarenotenabled} when the site has competencies turned off.
	 */
	public Mono<List<Framework>> competencyFrameworks() {
		String fn = "core_competency_list_competency_frameworks";
		MoodleForm form = form(fn).param("sort", "shortname")
			.param("skip", "0")
			.param("limit", "0")
			.param("context[contextlevel]", "system")
			.param("context[instanceid]", "0")
			.param("includes", "children");
		return call(fn, form, body -> {
			List<Framework> out = new ArrayList<>();
			body.forEach(f -> out.add(new Framework(f.path("id").asLong(), text(f, "shortname"), text(f, "idnumber"),
					optionalText(f, "description"), f.path("descriptionformat").asInt(1), optionalText(f, "scaleconfiguration"),
					optionalText(f, "taxonomies"), f.path("visible").asBoolean(true), f.path("timemodified").asLong())));
			return out;
		});
	}

	/** {@code core_competency_list_competencies} of one framework, read {@code pageSize} at a time. */
	public Mono<List<Competency>> competencies(long frameworkId, int pageSize) {
		return competenciesFrom(frameworkId, 0, pageSize, new ArrayList<>());
	}

	private Mono<List<Competency>> competenciesFrom(long frameworkId, int skip, int pageSize, List<Competency> read) {
		return competencyPage(frameworkId, skip, pageSize).flatMap(page -> {
			read.addAll(page);
			return page.size() < pageSize ? Mono.just(List.copyOf(read))
					: competenciesFrom(frameworkId, skip + pageSize, pageSize, read);
		});
	}

	private Mono<List<Competency>> competencyPage(long frameworkId, int skip, int limit) {
		String fn = "core_competency_list_competencies";
		MoodleForm form = form(fn).structures("filters", List.of(frameworkId),
				(id, item) -> item.put("column", "competencyframeworkid").put("value", Long.toString(id)))
			.param("sort", "id")
			.param("order", "ASC")
			.param("skip", Integer.toString(skip))
			.param("limit", Integer.toString(limit));
		return call(fn, form, body -> {
			List<Competency> out = new ArrayList<>();
			body.forEach(c -> out.add(new Competency(c.path("id").asLong(), text(c, "shortname"), text(c, "idnumber"),
					optionalText(c, "description"), c.path("descriptionformat").asInt(1), c.path("sortorder").asInt(0),
					c.path("parentid").asLong(), optionalText(c, "ruletype"), c.path("ruleoutcome").asInt(0),
					optionalText(c, "ruleconfig"), optionalText(c, "scaleconfiguration"), c.path("timemodified").asLong())));
			return out;
		});
	}

	private List<User> users(JsonNode users) {
		List<User> out = new ArrayList<>(users.size());
		users.forEach(u -> {
			List<String> roles = new ArrayList<>();
			u.path("roles").forEach(r -> roles.add(r.path("shortname").asString("")));
			out.add(new User(u.path("id").asLong(), optionalText(u, "username"), optionalText(u, "firstname"),
					optionalText(u, "lastname"), text(u, "fullname"), optionalText(u, "email"),
					optionalText(u, "idnumber"), roles));
		});
		return out;
	}

	private MoodleForm form(String function) {
		return MoodleForm.call(function, settings.token());
	}

	private final io.micrometer.core.instrument.MeterRegistry meters;

	/**
	 * Counts a Moodle HTTP call (each attempt) by function and outcome: {@code ok}, Moodle's error code, or
	 * {@code transient} (no answer, 5xx, garbage): the metric {@code ead.moodle.calls}.
	 */
	private void counted(String function, String outcome) {
		meters.counter("ead.moodle.calls", "function", function, "outcome", outcome).increment();
	}

	private <T> Mono<T> call(String function, MoodleForm form, Function<JsonNode, T> reader) {
		if (!settings.configured()) {
			return Mono.error(new MoodleException.Permanent(function, null,
					"Moodle n'est pas configuré : définissez MOODLE_URL et MOODLE_TOKEN."));
		}
		Mono<T> attempt = Mono.deferContextual(ctx -> {
			MoodleCallCounter.countIn(ctx);
			return web.post()
				.uri(SERVER_PATH)
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.accept(MediaType.APPLICATION_JSON)
				.body(BodyInserters.fromFormData(form.fields()))
				.exchangeToMono(response -> {
					int status = response.statusCode().value();
					if (status != 200) {
						return response.releaseBody().then(Mono.error(MoodleErrors.fromStatus(function, status)));
					}
					return response.bodyToMono(byte[].class).defaultIfEmpty(new byte[0]);
				});
		}).map(bytes -> reader.apply(parse(function, bytes))).onErrorMap(e -> !(e instanceof MoodleException),
				e -> new MoodleException.Transient(function, null,
						"Moodle injoignable ou réponse interrompue pour " + function + " (" + e.getClass().getSimpleName()
								+ ")",
						e))
			.doOnSuccess(v -> counted(function, "ok"))
			.doOnError(MoodleException.class, e -> counted(function, e instanceof MoodleException.Permanent p && p.errorcode() != null
					? p.errorcode() : "transient"));
		return attempt.transformDeferred(RateLimiterOperator.of(rateLimiter))
			.transformDeferred(CircuitBreakerOperator.of(circuitBreaker))
			.transformDeferred(RetryOperator.of(retry));
	}

	/** Parses a 200 body; Moodle reports errors inside it, as an object with an {@code exception} or {@code errorcode}. */
	private JsonNode parse(String function, byte[] bytes) {
		JsonNode body;
		try {
			body = json.readTree(bytes);
		}
		catch (JacksonException e) {
			throw new MoodleException.Transient(function, null,
					"Réponse illisible de Moodle pour " + function + " (ni JSON ni erreur Moodle)", null);
		}
		if (body == null || body.isMissingNode()) {
			throw new MoodleException.Transient(function, null, "Réponse vide de Moodle pour " + function, null);
		}
		if (body.isObject() && (body.has("exception") || body.has("errorcode"))) {
			throw MoodleErrors.fromBody(function, optionalText(body, "exception"), optionalText(body, "errorcode"),
					optionalText(body, "message"));
		}
		return body;
	}

	/** A sentence a coordinator can act on for a permanent error code, or an empty string. */
	public static String advice(@Nullable String errorcode) {
		return MoodleErrors.advice(errorcode);
	}

	private static String text(JsonNode node, String field) {
		String value = MoodleText.decode(node.path(field).asString(""));
		return value == null ? "" : value;
	}

	private static @Nullable String optionalText(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		String text = value.asString("");
		return text.isEmpty() ? null : MoodleText.decode(text);
	}

	private static String stripSlash(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}
}
