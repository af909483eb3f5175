package be.fwb.ead.moodle;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import be.fwb.ead.moodle.MoodleRecords.Activity;
import be.fwb.ead.moodle.MoodleRecords.Category;
import be.fwb.ead.moodle.MoodleRecords.Change;
import be.fwb.ead.moodle.MoodleRecords.Changes;
import be.fwb.ead.moodle.MoodleRecords.Competency;
import be.fwb.ead.moodle.MoodleRecords.Framework;
import be.fwb.ead.moodle.MoodleRecords.Course;
import be.fwb.ead.moodle.MoodleRecords.CourseCount;
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
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
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

	/**
	 * {@code core_webservice_get_site_info}: checks the token and lists the functions it may call. Refused with
	 * {@code accessexception} and no {@code debuginfo} (a production site), it asks once more to tell an expired token
	 * (Moodle deleted it: the second answer is {@code invalidtoken}) from a service that refuses (the second answer is
	 * {@code accessexception} again), so that the run's error names the step to redo.
	 */
	public Mono<SiteInfo> siteInfo() {
		String fn = "core_webservice_get_site_info";
		Function<JsonNode, SiteInfo> reader = body -> {
			List<String> functions = new ArrayList<>();
			body.path("functions").forEach(f -> functions.add(f.path("name").asString("")));
			return new SiteInfo(text(body, "sitename"), text(body, "release"), text(body, "version"),
					body.path("userid").asLong(), List.copyOf(functions));
		};
		return call(fn, form(fn), reader).onErrorResume(
				e -> e instanceof MoodleException.Permanent p && "accessexception".equals(p.errorcode())
						&& p.advice().equals(MoodleErrors.SERVICE_REFUSED),
				first -> call(fn, form(fn), reader)
					.onErrorMap(MoodleException.class, second -> MoodleErrors.diagnosed((MoodleException) first, second)));
	}

	/**
	 * {@code core_course_get_categories}: every category the token user can see ({@code moodle/category:viewhiddencategories}
	 * for the hidden ones). Their {@code visible} comes only with {@code moodle/category:manage}; without it,
	 * {@link Category#visible()} is {@literal null}.
	 */
	public Mono<List<Category>> categories() {
		String fn = "core_course_get_categories";
		return call(fn, form(fn).param("addsubcategories", "1"), body -> {
			List<Category> out = new ArrayList<>();
			body.forEach(c -> out.add(new Category(c.path("id").asLong(), text(c, "name"), c.path("parent").asLong(),
					c.path("path").asString("/" + c.path("id").asLong()), c.path("depth").asInt(1),
					c.path("sortorder").asInt(0), c.has("visible") ? c.get("visible").asInt(1) != 0 : null)));
			return out;
		});
	}

	/**
	 * The categories hidden by their own flag, for a token without {@code moodle/category:manage}:
	 * {@code core_course_get_categories} with the criterion {@code visible = 0} (which needs only
	 * {@code moodle/category:viewhiddencategories}) and no subcategories.
	 */
	public Mono<java.util.Set<Long>> hiddenCategoryIds() {
		String fn = "core_course_get_categories";
		MoodleForm form = form(fn).structures("criteria", List.of("visible"), (key, item) -> item.put("key", key).put("value", "0"))
			.param("addsubcategories", "0");
		return call(fn, form, body -> {
			java.util.Set<Long> out = new java.util.TreeSet<>();
			body.forEach(c -> out.add(c.path("id").asLong()));
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
	 * {@code local_eadtutors_get_changes} (the plugin's change feed, contract of issue 17): up to {@code limit} changes
	 * after the cursor; with limit 0, only the cursors ({@code latest}, {@code horizon}).
	 */
	public Mono<Changes> changes(long cursor, int limit) {
		String fn = CHANGE_FEED;
		return call(fn, form(fn).param("cursor", Long.toString(cursor)).param("limit", Integer.toString(limit)), body -> {
			List<Change> out = new ArrayList<>();
			body.path("changes").forEach(c -> out.add(new Change(c.path("id").asLong(), c.path("kind").asString(""),
					c.path("courseid").asLong(), c.path("userid").asLong(), c.path("roleid").asLong(),
					c.path("categoryid").asLong(), c.path("cmid").asLong())));
			return new Changes(List.copyOf(out), body.path("cursor").asLong(), body.path("latest").asLong(),
					body.path("more").asBoolean(false), body.path("horizon").asLong(0));
		});
	}

	private Mono<List<Course>> courses(MoodleForm form) {
		String fn = "core_course_get_courses_by_field";
		return call(fn, form, body -> {
			List<Course> out = new ArrayList<>();
			body.path("courses").forEach(c -> out.add(new Course(c.path("id").asLong(), text(c, "shortname"),
					text(c, "fullname"), c.path("categoryid").asLong(), optionalText(c, "idnumber"),
					c.path("visible").asInt(1) != 0, c.path("format").asString("topics"),
					c.has("timemodified") ? c.get("timemodified").asLong() : null,
					c.has("cacherev") ? c.get("cacherev").asLong() : null)));
			return out;
		});
	}

	/**
	 * {@code core_enrol_get_enrolled_users_with_capability} for the staff of these courses: the enrolled users holding
	 * {@code capability} (with {@code onlyactive}: active enrolments only), of whom only those holding one of
	 * {@code roles} in the course are kept. Whoever else Moodle sends (learners, when the capability is one they hold
	 * too) is dropped as the answer is read, one user at a time: never kept, never logged. Moodle 5.1 never returns an
	 * ID number here, and an e-mail only with {@code moodle/site:viewuseridentity}: see {@link #usersByIds(List)}.
	 */
	public Mono<List<CourseUsers>> staff(List<Long> courseIds, String capability, java.util.Set<String> roles, boolean onlyActive) {
		String fn = "core_enrol_get_enrolled_users_with_capability";
		return callStreaming(fn, enrolmentForm(fn, courseIds, capability, "id,username,firstname,lastname,fullname,roles", onlyActive),
				parser -> readGroups(parser, users -> {
					List<User> kept = new ArrayList<>();
					while (users.nextToken() == JsonToken.START_OBJECT) {
						JsonNode u = users.readValueAsTree();
						List<String> held = new ArrayList<>();
						u.path("roles").forEach(r -> held.add(r.path("shortname").asString("")));
						if (held.stream().anyMatch(roles::contains)) {
							kept.add(user(u, held));
						}
					}
					return List.copyOf(kept);
				}, List.of(), CourseUsers::new));
	}

	/**
	 * {@code core_enrol_get_enrolled_users_with_capability} counted: how many enrolled users of each course hold
	 * {@code capability} (with {@code onlyactive}: active enrolments only). Moodle sends each user's id and full name
	 * whatever {@code userfields} asks; the answer is read as a stream and each user skipped unread, so that no name is
	 * ever held in memory, kept or logged.
	 */
	public Mono<List<CourseCount>> count(List<Long> courseIds, String capability, boolean onlyActive) {
		String fn = "core_enrol_get_enrolled_users_with_capability";
		return callStreaming(fn, enrolmentForm(fn, courseIds, capability, "id", onlyActive),
				parser -> readGroups(parser, users -> {
					int n = 0;
					while (users.nextToken() == JsonToken.START_OBJECT) {
						users.skipChildren();
						n++;
					}
					return n;
				}, 0, CourseCount::new));
	}

	private MoodleForm enrolmentForm(String fn, List<Long> courseIds, String capability, String userfields, boolean onlyActive) {
		MoodleForm form = form(fn).structures("coursecapabilities", courseIds,
				(id, item) -> item.put("courseid", Long.toString(id)).list("capabilities", List.of(capability)));
		List<String[]> options = new ArrayList<>();
		options.add(new String[] { "userfields", userfields });
		if (onlyActive) {
			options.add(new String[] { "onlyactive", "1" });
		}
		return form.options("options", options);
	}

	/**
	 * Reads {@code [{courseid, capability, users: [...]}, ...]}: each group's users by {@code users} (the parser on the
	 * users' opening bracket; it reads up to the closing one), {@code none} for a group without them.
	 */
	private static <U, G> List<G> readGroups(JsonParser parser, Function<JsonParser, U> users, U none, GroupMaker<U, G> maker) {
		List<G> out = new ArrayList<>();
		if (parser.nextToken() != JsonToken.START_ARRAY) {
			throw new IllegalStateException("une liste était attendue");
		}
		while (parser.nextToken() == JsonToken.START_OBJECT) {
			long courseid = 0;
			String capability = "";
			U read = null;
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String name = parser.currentName();
				JsonToken value = parser.nextToken();
				if ("courseid".equals(name)) {
					courseid = parser.getValueAsLong();
				}
				else if ("capability".equals(name)) {
					capability = parser.getString();
				}
				else if ("users".equals(name) && value == JsonToken.START_ARRAY) {
					read = users.apply(parser);
				}
				else {
					parser.skipChildren();
				}
			}
			out.add(maker.make(courseid, capability, read == null ? none : read));
		}
		return out;
	}

	@FunctionalInterface
	private interface GroupMaker<U, G> {
		G make(long courseid, String capability, U users);
	}

	/**
	 * {@code core_user_get_users_by_field} with {@code field=id}: the identity of these users (names, e-mail, ID
	 * number), in one call. Moodle leaves out silently whom the token user may not see ({@code moodle/user:viewdetails});
	 * the ID number needs {@code moodle/user:viewalldetails}, the e-mail {@code moodle/site:viewuseridentity}. Keep
	 * batches well below PHP's {@code max_input_vars} (at least 5000 on a Moodle 5 site): one key per id.
	 */
	public Mono<List<User>> usersByIds(List<Long> ids) {
		String fn = "core_user_get_users_by_field";
		MoodleForm form = form(fn).param("field", "id").list("values", ids.stream().map(String::valueOf).toList());
		return call(fn, form, body -> {
			List<User> out = new ArrayList<>();
			body.forEach(u -> out.add(new User(u.path("id").asLong(), optionalText(u, "username"), optionalText(u, "firstname"),
					optionalText(u, "lastname"), text(u, "fullname"), optionalText(u, "email"), optionalText(u, "idnumber"),
					List.of())));
			return out;
		});
	}

	/**
	 * {@code core_course_get_contents} of one course, its files' details left out ({@code excludecontents}): each
	 * activity with its fingerprint (see {@link Activity}). Hidden activities come with
	 * {@code moodle/course:viewhiddenactivities}.
	 */
	public Mono<List<Activity>> contents(long courseId) {
		String fn = "core_course_get_contents";
		MoodleForm form = form(fn).param("courseid", Long.toString(courseId))
			.options("options", List.<String[]>of(new String[] { "excludecontents", "1" }));
		return call(fn, form, body -> {
			List<Activity> out = new ArrayList<>();
			body.forEach(section -> {
				int number = section.path("section").asInt(0);
				section.path("modules").forEach(m -> out.add(new Activity(m.path("id").asLong(), number,
						m.path("modname").asString(""), text(m, "name"), fingerprint(number, m))));
			});
			return out;
		});
	}

	/** What an author changes in an activity, hashed; see {@link Activity}. */
	private String fingerprint(int section, JsonNode m) {
		var what = json.createObjectNode();
		what.put("section", section);
		for (String field : new String[] { "modname", "instance", "name", "description", "visible", "visibleoncoursepage",
				"availability", "customdata", "completion", "dates" }) {
			what.set(field, m.path(field).isMissingNode() ? json.nullNode() : m.get(field));
		}
		JsonNode files = m.path("contentsinfo");
		for (String field : new String[] { "filescount", "filessize", "lastmodified" }) {
			what.set("files." + field, files.path(field).isMissingNode() ? json.nullNode() : files.get(field));
		}
		try {
			byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
				.digest(what.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
			return java.util.HexFormat.of().formatHex(hash);
		}
		catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * {@code core_enrol_get_enrolled_users}: how many participants one course has (the per-course way, for the
	 * benchmark's naive baseline); counted as the answer is read, nothing of them kept.
	 */
	public Mono<Integer> enrolledCount(long courseId, String userfields) {
		String fn = "core_enrol_get_enrolled_users";
		MoodleForm form = form(fn).param("courseid", Long.toString(courseId))
			.options("options", List.<String[]>of(new String[] { "userfields", userfields }));
		return callStreaming(fn, form, parser -> {
			int n = 0;
			if (parser.nextToken() == JsonToken.START_ARRAY) {
				while (parser.nextToken() == JsonToken.START_OBJECT) {
					parser.skipChildren();
					n++;
				}
			}
			return n;
		});
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

	private static User user(JsonNode u, List<String> roles) {
		return new User(u.path("id").asLong(), optionalText(u, "username"), optionalText(u, "firstname"),
				optionalText(u, "lastname"), text(u, "fullname"), optionalText(u, "email"), optionalText(u, "idnumber"),
				List.copyOf(roles));
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
		return exchange(function, form, bytes -> reader.apply(parse(function, bytes)));
	}

	/**
	 * A call whose answer is read as a stream by {@code reader}, not as a tree: for answers that carry what must not
	 * be held (learners' names). An error body (a JSON object where a list is expected) is read as usual.
	 */
	private <T> Mono<T> callStreaming(String function, MoodleForm form, StreamReader<T> reader) {
		return exchange(function, form, bytes -> {
			if (startsWithObject(bytes)) {
				parse(function, bytes);
			}
			try (JsonParser parser = json.createParser(bytes)) {
				return reader.read(parser);
			}
			catch (JacksonException | IllegalStateException e) {
				throw new MoodleException.Transient(function, null,
						"Réponse illisible de Moodle pour " + function + " (ni la liste attendue ni une erreur Moodle)", null);
			}
		});
	}

	@FunctionalInterface
	private interface StreamReader<T> {
		T read(JsonParser parser);
	}

	private static boolean startsWithObject(byte[] bytes) {
		for (byte b : bytes) {
			if (!Character.isWhitespace(b)) {
				return b == '{';
			}
		}
		return false;
	}

	private <T> Mono<T> exchange(String function, MoodleForm form, Function<byte[], T> reader) {
		if (!settings.configured()) {
			return Mono.error(new MoodleException.Permanent(function, null,
					"Moodle n’est pas configuré : définissez MOODLE_URL et MOODLE_TOKEN."));
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
		}).map(reader).onErrorMap(e -> !(e instanceof MoodleException),
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
					optionalText(body, "message"), optionalText(body, "debuginfo"));
		}
		return body;
	}

	/**
	 * A French sentence a coordinator can act on for a permanent error code, or an empty string. Prefer
	 * {@link MoodleException#advice()}, which knows the function and Moodle's details.
	 */
	public static String advice(@Nullable String errorcode) {
		return MoodleErrors.advice("", errorcode, null);
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
