package be.fwb.ead.moodlesim;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * A Moodle 5.1 site on WireMock. It answers {@code POST /webservice/rest/server.php} for the core functions the
 * service uses, validates parameters and the token as Moodle does, and reports errors the Moodle way: HTTP 200 with an
 * {@code exception} body. What it answers depends, as on a real site, on the capabilities of the token's user
 * ({@link #DEFAULT_CAPABILITIES}, the README's role): hidden categories and courses, the manager-only fields
 * ({@code visible} of a category, {@code cacherev} of a course), e-mails and ID numbers. It hands out what a real site
 * hands out, learners' names included, so that the tests hold the service to dropping them. Knobs:
 * {@link #latency(Duration)}, {@link #failNext(Fault, int)}, {@link #revokeToken()}, {@link #expireToken()},
 * {@link #disableService()}, {@link #revoke(String)}, {@link #removeFunction(String)}, {@link #makeInaccessible(long)}.
 * Checked against Moodle 5.1's source: see docs/architecture.md, « Moodle 5.1, as it answers ».
 */
public final class SimulatedMoodle implements AutoCloseable {

	/** Faults the site can produce for the next calls. */
	public enum Fault {
		/** HTTP 503 with an HTML page, as a proxy in front of a down PHP-FPM gives. */
		HTTP_503,
		/** No answer before the client's timeout. */
		TIMEOUT,
		/** The connection is reset by the peer. */
		CONNECTION_RESET,
		/** HTTP 200 with a body that is not JSON (a login or proxy page). */
		GARBAGE_BODY,
		/** HTTP 200 with Moodle's {@code sitemaintenance} error. */
		MAINTENANCE,
		/** No fault: the call is answered normally (to script a sequence of faults and successes). */
		NONE
	}

	public static final String DEMO_TOKEN = "d3m0t0k3n5ynce4d00000000000000ab";

	public static final List<String> CORE_FUNCTIONS = List.of("core_webservice_get_site_info",
			"core_course_get_categories", "core_course_get_courses_by_field",
			"core_enrol_get_enrolled_users_with_capability", "core_enrol_get_enrolled_users",
			"core_user_get_users_by_field", "core_course_get_contents");

	/**
	 * The capabilities of the sync user's system role as the README sets it up (without {@code moodle/category:manage},
	 * which the README leaves out): what the simulated site checks.
	 */
	public static final Set<String> DEFAULT_CAPABILITIES = Set.of("webservice/rest:use", "moodle/course:view",
			"moodle/course:viewhiddencourses", "moodle/course:update", "moodle/category:viewhiddencategories",
			"moodle/course:enrolreview", "moodle/role:review", "moodle/user:viewdetails",
			"moodle/user:viewalldetails", "moodle/site:viewuseridentity", "moodle/course:viewhiddenactivities",
			"mod/assign:view", "mod/quiz:view", "mod/h5pactivity:view", "mod/glossary:view", "mod/lti:view", "mod/data:view",
			"mod/feedback:view", "mod/workshop:view", "mod/bigbluebuttonbn:view", "moodle/competency:competencyview",
			"local/eadtutors:readchanges");

	/**
	 * The activity types whose {@code mod/…:view} the {@code user} archetype lacks (their db/access.php gives it to
	 * enrolled roles): the sync user's role must hold it to see them in {@code core_course_get_contents}.
	 */
	static final Set<String> VIEW_NOT_FOR_EVERY_USER = Set.of("assign", "quiz", "h5pactivity", "glossary", "lti", "data",
			"feedback", "workshop", "bigbluebuttonbn");

	/** The names Moodle 5.1 gives these capabilities in English ({@code lang/en/role.php}), as its errors quote them. */
	private static final Map<String, String> CAPABILITY_NAMES = Map.of("moodle/course:viewparticipants", "View participants",
			"moodle/course:enrolreview", "Review course enrolments", "moodle/role:review", "Review permissions for others",
			"moodle/site:viewparticipants", "View participants");

	/** The change feed of the plugin local_eadtutors: installed on the site, in the token's service after {@link #enableChangeFeed()}. */
	public static final String CHANGE_FEED = "local_eadtutors_get_changes";

	/** The competency functions the site knows; in the token's service by default. */
	public static final List<String> COMPETENCY_FUNCTIONS = List.of("core_competency_list_competency_frameworks",
			"core_competency_list_competencies");

	private static final Pattern INDEXED = Pattern.compile("^(\\w+)\\[(\\d+)\\](?:\\[(\\w+)\\](?:\\[(\\d+)\\])?)?$");

	private final WireMockServer server;
	private final JsonMapper json = JsonMapper.builder().build();
	private volatile MoodleDataset dataset;
	private volatile String token = DEMO_TOKEN;
	private volatile Duration latency = Duration.ZERO;
	private volatile Duration timeoutDelay = Duration.ofSeconds(40);
	private final Set<String> serviceFunctions = new CopyOnWriteArraySet<>(allFunctions());
	private volatile boolean competenciesEnabled = true;
	private final Set<Long> inaccessible = ConcurrentHashMap.newKeySet();
	private final Set<String> capabilities = ConcurrentHashMap.newKeySet();
	private volatile boolean serviceEnabled = true;
	private volatile boolean tokenExpired;
	private volatile boolean debugging;
	private final ConcurrentLinkedQueue<Fault> faults = new ConcurrentLinkedQueue<>();
	private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
	/** The fields of learners' records the site has sent since the last reset: what of them transited. */
	private final Set<String> learnerFieldsSent = ConcurrentHashMap.newKeySet();

	public SimulatedMoodle(MoodleDataset dataset, int port) {
		this(dataset, port, "127.0.0.1");
	}

	/** @param bindAddress {@code 127.0.0.1} for tests and the demo; {@code 0.0.0.0} in a container */
	public SimulatedMoodle(MoodleDataset dataset, int port, String bindAddress) {
		this.dataset = dataset;
		this.server = new WireMockServer(wireMockConfig().port(port)
			.bindAddress(bindAddress)
			.containerThreads(24)
			.asynchronousResponseEnabled(true)
			.asynchronousResponseThreads(16)
			.disableRequestJournal()
			.extensions(new Responder()));
		this.capabilities.addAll(DEFAULT_CAPABILITIES);
	}

	/** Starts on a free port with the scale-1 EAD data set. */
	public static SimulatedMoodle startDefault() {
		SimulatedMoodle moodle = new SimulatedMoodle(EadDataset.create(1), 0);
		moodle.start();
		return moodle;
	}

	public void start() {
		server.start();
		server.stubFor(WireMock.any(WireMock.urlPathEqualTo("/webservice/rest/server.php"))
			.willReturn(WireMock.aResponse().withStatus(200)));
	}

	@Override
	public void close() {
		server.stop();
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + server.port();
	}

	public String token() {
		return token;
	}

	public MoodleDataset dataset() {
		return dataset;
	}

	/** Puts the site back as it was created: data set, token, functions, faults and counters. */
	public void reset(MoodleDataset fresh) {
		dataset = fresh;
		token = DEMO_TOKEN;
		latency = Duration.ZERO;
		serviceFunctions.clear();
		serviceFunctions.addAll(allFunctions());
		competenciesEnabled = true;
		inaccessible.clear();
		capabilities.clear();
		capabilities.addAll(DEFAULT_CAPABILITIES);
		serviceEnabled = true;
		tokenExpired = false;
		debugging = false;
		faults.clear();
		calls.clear();
		learnerFieldsSent.clear();
	}

	public SimulatedMoodle latency(Duration perCall) {
		this.latency = perCall;
		return this;
	}

	public SimulatedMoodle timeoutDelay(Duration delay) {
		this.timeoutDelay = delay;
		return this;
	}

	/** The next {@code count} calls fail with {@code fault}, whatever the function. */
	public SimulatedMoodle failNext(Fault fault, int count) {
		for (int i = 0; i < count; i++) {
			faults.add(fault);
		}
		return this;
	}

	/** The token is deleted on the site: every call answers {@code invalidtoken}. */
	public void revokeToken() {
		token = "revoked-" + System.nanoTime();
	}

	/**
	 * The token's *Valid until* date passed: the next call answers {@code accessexception} and Moodle deletes the token
	 * (webservice/lib.php, {@code authenticate_by_token}); the calls after it answer {@code invalidtoken}.
	 */
	public void expireToken() {
		tokenExpired = true;
	}

	/** The token's external service is not *Enabled* (the box Moodle leaves unticked on a new service). */
	public void disableService() {
		serviceEnabled = false;
	}

	/** The site shows developers' details: error bodies then carry {@code debuginfo} (Moodle's {@code debugging()}). */
	public void debugging(boolean on) {
		debugging = on;
	}

	/** Takes a capability from the sync user's role. */
	public void revoke(String capability) {
		capabilities.remove(capability);
	}

	/** Gives a capability to the sync user's role. */
	public void grant(String capability) {
		capabilities.add(capability);
	}

	private boolean can(String capability) {
		return capabilities.contains(capability);
	}

	/** Turns the site's competencies off ({@code core_competency|enabled}): their functions then throw. */
	public void disableCompetencies() {
		competenciesEnabled = false;
	}

	private static List<String> allFunctions() {
		List<String> all = new ArrayList<>(CORE_FUNCTIONS);
		all.addAll(COMPETENCY_FUNCTIONS);
		return all;
	}

	/** Adds the plugin's change feed to the token's external service (as an administrator would). */
	public void enableChangeFeed() {
		serviceFunctions.add(CHANGE_FEED);
	}

	/** Takes a function out of the token's external service. */
	public void removeFunction(String function) {
		serviceFunctions.remove(function);
	}

	/** Makes a course fail {@code validate_context} ({@code requireloginerror}) for the sync user. */
	public void makeInaccessible(long courseId) {
		inaccessible.add(courseId);
	}

	public int calls() {
		return calls.values().stream().mapToInt(AtomicInteger::get).sum();
	}

	public int calls(String function) {
		AtomicInteger count = calls.get(function);
		return count == null ? 0 : count.get();
	}

	public void resetCounters() {
		calls.clear();
		learnerFieldsSent.clear();
	}

	/** The fields of learners' records the site has sent since the last reset (a learner's id and full name, at least). */
	public Set<String> learnerFieldsSent() {
		return Set.copyOf(learnerFieldsSent);
	}

	private final class Responder implements ResponseDefinitionTransformerV2 {

		@Override
		public String getName() {
			return "simulated-moodle";
		}

		@Override
		public ResponseDefinition transform(ServeEvent event) {
			Map<String, String> form = parseForm(event.getRequest().getBodyAsString());
			String function = form.getOrDefault("wsfunction", "");
			calls.computeIfAbsent(function, f -> new AtomicInteger()).incrementAndGet();
			ResponseDefinitionBuilder response = ResponseDefinitionBuilder.responseDefinition()
				.withStatus(200)
				.withHeader("Content-Type", "application/json")
				.withHeader("Cache-Control", "private, must-revalidate, pre-check=0, post-check=0, max-age=0");
			int delay = (int) latency.toMillis();
			Fault fault = faults.poll();
			if (fault != null && fault != Fault.NONE) {
				return faulty(fault, response, delay).build();
			}
			if (delay > 0) {
				response.withFixedDelay(delay);
			}
			return response.withBody(answer(function, form)).build();
		}

		private ResponseDefinitionBuilder faulty(Fault fault, ResponseDefinitionBuilder response, int delay) {
			return switch (fault) {
				case HTTP_503 -> response.withStatus(503).withHeader("Content-Type", "text/html")
					.withBody("<html><body><h1>503 Service Unavailable</h1></body></html>").withFixedDelay(delay);
				case TIMEOUT -> response.withFixedDelay((int) timeoutDelay.toMillis()).withBody("[]");
				case CONNECTION_RESET -> response.withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER);
				case GARBAGE_BODY -> response.withHeader("Content-Type", "text/html")
					.withBody("<!DOCTYPE html><html><head><title>Connexion</title></head><body>Proxy error</body></html>")
					.withFixedDelay(delay);
				case MAINTENANCE -> response.withBody(error("core\\exception\\moodle_exception", "sitemaintenance",
						"The site is undergoing maintenance and is currently not available", null)).withFixedDelay(delay);
				case NONE -> response;
			};
		}
	}

	private String answer(String function, Map<String, String> form) {
		if (!token.equals(form.get("wstoken"))) {
			return error("core\\exception\\moodle_exception", "invalidtoken", "Invalid token - token not found", null);
		}
		if (tokenExpired) {
			// webservice_server::authenticate_by_token deletes an expired token, then refuses the call.
			tokenExpired = false;
			revokeToken();
			return error("webservice_access_exception", "accessexception", "Access control exception",
					"Invalid token - token expired - check validuntil time for the token");
		}
		if (!can("webservice/rest:use")) {
			return error("webservice_access_exception", "accessexception", "Access control exception",
					"You are not allowed to use the rest protocol (missing capability: webservice/rest:use)");
		}
		if (function.isEmpty()) {
			return error("core\\exception\\invalid_parameter_exception", "invalidparameter", "Invalid parameter value detected", "Missing function name");
		}
		if (!CORE_FUNCTIONS.contains(function) && !COMPETENCY_FUNCTIONS.contains(function) && !CHANGE_FEED.equals(function)) {
			MoodleError unknown = missing("external_functions", function);
			return error(unknown.exception, unknown.errorcode, unknown.getMessage(), unknown.debuginfo);
		}
		if (!serviceEnabled || !serviceFunctions.contains(function)) {
			// webservice_server::load_function_info: only enabled services that hold the function count.
			return error("webservice_access_exception", "accessexception", "Access control exception", "Access to the function "
					+ function + "() is not allowed.\n There could be multiple reasons for this:\n 1. The service linked to the "
					+ "user token does not contain the function.\n 2. The service is user-restricted and the user is not listed.\n"
					+ " 3. The service is IP-restricted and the user IP is not listed.\n 4. The service is time-restricted and the "
					+ "time has expired.\n 5. The token is time-restricted and the time has expired.\n 6. The service requires a "
					+ "specific capability which the user does not have.\n 7. The function is called with username/password (no "
					+ "user token is sent)\n and none of the services has the function to allow the user.\n These settings can be "
					+ "found in Administration > Site administration\n > Server > Web services > External services and Manage tokens.");
		}
		Map<String, String> params = new TreeMap<>(form);
		params.remove("wstoken");
		params.remove("wsfunction");
		params.remove("moodlewsrestformat");
		try {
			return switch (function) {
				case "core_webservice_get_site_info" -> siteInfo(params);
				case "core_course_get_categories" -> categories(params);
				case "core_course_get_courses_by_field" -> coursesByField(params);
				case "core_enrol_get_enrolled_users_with_capability" -> usersWithCapability(params);
				case "core_enrol_get_enrolled_users" -> enrolledUsers(params);
				case "core_competency_list_competency_frameworks" -> frameworks(params);
				case "core_competency_list_competencies" -> competencies(params);
				case CHANGE_FEED -> changes(params);
				case "core_course_get_contents" -> contents(params);
				default -> usersByField(params);
			};
		}
		catch (MoodleError e) {
			return error(e.exception, e.errorcode, e.getMessage(), e.debuginfo);
		}
	}

	private String siteInfo(Map<String, String> params) {
		expectKeys(params, Set.of());
		List<Map<String, Object>> functions = new ArrayList<>();
		serviceFunctions.forEach(f -> functions.add(Map.of("name", f, "version", "2025100603.04")));
		Map<String, Object> info = new LinkedHashMap<>();
		info.put("sitename", "Enseignement à distance – FWB");
		info.put("username", "ws_sync_ead");
		info.put("firstname", "Synchronisation");
		info.put("lastname", "EAD");
		info.put("fullname", "Synchronisation EAD");
		info.put("lang", "fr");
		info.put("userid", 3);
		info.put("siteurl", baseUrl());
		info.put("userpictureurl", baseUrl() + "/theme/image.php/boost/core/1/u/f1");
		info.put("functions", functions);
		info.put("downloadfiles", 0);
		info.put("uploadfiles", 0);
		info.put("release", "5.1.3+ (Build: 20260320)");
		info.put("version", "2025100603.04");
		info.put("mobilecssurl", "");
		info.put("advancedfeatures", List.of(Map.of("name", "usecomments", "value", 1)));
		info.put("usercanmanageownfiles", false);
		info.put("userquota", 0);
		info.put("usermaxuploadfilesize", 104857600);
		info.put("userhomepage", 1);
		info.put("userprivateaccesskey", "a1b2c3");
		info.put("siteid", 1);
		info.put("sitecalendartype", "gregorian");
		info.put("usercalendartype", "gregorian");
		info.put("userissiteadmin", false);
		info.put("theme", "boost");
		info.put("limitconcurrentlogins", 0);
		info.put("policyagreed", 1);
		return json.writeValueAsString(info);
	}

	/**
	 * {@code core_course_get_categories(criteria, addsubcategories)} as course/externallib.php answers it: criteria
	 * {@code id}, {@code ids}, {@code name}, {@code parent}, {@code visible} (this one needs
	 * {@code moodle/category:viewhiddencategories}, else {@code criteriaerror}); a hidden category (and what is under it)
	 * only for holders of that capability; {@code idnumber}, {@code visible}, {@code visibleold}, {@code timemodified}
	 * and {@code theme} only for holders of {@code moodle/category:manage}.
	 */
	private String categories(Map<String, String> params) {
		Map<Integer, String[]> criteria = new TreeMap<>();
		for (Map.Entry<String, String> p : params.entrySet()) {
			if (p.getKey().equals("addsubcategories")) {
				continue;
			}
			Matcher m = INDEXED.matcher(p.getKey());
			if (!m.matches() || !m.group(1).equals("criteria") || m.group(4) != null
					|| !("key".equals(m.group(3)) || "value".equals(m.group(3)))) {
				throw unexpected(p.getKey());
			}
			criteria.computeIfAbsent(Integer.parseInt(m.group(2)), k -> new String[2])["key".equals(m.group(3)) ? 0 : 1] = p.getValue();
		}
		boolean subcategories = !"0".equals(params.getOrDefault("addsubcategories", "1"));
		List<MoodleDataset.Category> all = dataset.categories();
		List<MoodleDataset.Category> found = new ArrayList<>();
		if (criteria.isEmpty()) {
			found.addAll(all);
		}
		else {
			Map<String, String> where = new LinkedHashMap<>();
			for (String[] c : criteria.values()) {
				String key = c[0] == null ? "" : c[0].trim();
				switch (key) {
					case "id", "ids", "name", "parent" -> where.putIfAbsent(key, c[1] == null ? "" : c[1]);
					case "visible" -> {
						if (!can("moodle/category:viewhiddencategories")) {
							throw new MoodleError("core\\exception\\moodle_exception", "criteriaerror", "Missing permissions to search on a criterion.",
									"You don't have the permissions to search on the \"visible\" field.");
						}
						where.putIfAbsent(key, c[1] == null ? "" : c[1]);
					}
					default -> throw new MoodleError("core\\exception\\moodle_exception", "criteriaerror", "Missing permissions to search on a criterion.",
							"You can not search on this criteria: " + key);
				}
			}
			for (MoodleDataset.Category c : all) {
				if (matches(c, where)) {
					found.add(c);
				}
			}
			if (subcategories) {
				List<MoodleDataset.Category> below = new ArrayList<>();
				for (MoodleDataset.Category parent : found) {
					for (MoodleDataset.Category c : all) {
						if (c.path().startsWith(parent.path() + "/") && !found.contains(c) && !below.contains(c)
								&& (!where.containsKey("visible") || (c.visible() ? "1" : "0").equals(where.get("visible")))) {
							below.add(c);
						}
					}
				}
				found.addAll(below);
			}
		}
		found.sort(java.util.Comparator.comparing(MoodleDataset.Category::path));
		Set<Long> excluded = new java.util.HashSet<>();
		List<Map<String, Object>> out = new ArrayList<>();
		for (MoodleDataset.Category c : found) {
			boolean underExcluded = Arrays.stream(c.path().split("/")).filter(x -> !x.isEmpty()).map(Long::parseLong)
				.anyMatch(excluded::contains);
			if (underExcluded || (!c.visible() && !can("moodle/category:viewhiddencategories"))) {
				excluded.add(c.id());
				continue;
			}
			long count = dataset.courses().stream().filter(x -> x.categoryid() == c.id()).count();
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("id", c.id());
			m.put("name", formatString(c.name()));
			if (can("moodle/category:manage")) {
				m.put("idnumber", "");
			}
			m.put("description", "");
			m.put("descriptionformat", 1);
			m.put("parent", c.parent());
			m.put("sortorder", c.sortorder());
			m.put("coursecount", count);
			if (can("moodle/category:manage")) {
				m.put("visible", c.visible() ? 1 : 0);
				m.put("visibleold", c.visible() ? 1 : 0);
				m.put("timemodified", 1_700_000_000);
			}
			m.put("depth", c.depth());
			m.put("path", c.path());
			if (can("moodle/category:manage")) {
				m.put("theme", "");
			}
			out.add(m);
		}
		out.sort(java.util.Comparator.comparing(m -> String.valueOf(m.get("sortorder"))));
		return json.writeValueAsString(out);
	}

	private static boolean matches(MoodleDataset.Category c, Map<String, String> where) {
		for (Map.Entry<String, String> w : where.entrySet()) {
			boolean ok = switch (w.getKey()) {
				case "id" -> w.getValue().trim().equals(Long.toString(c.id()));
				case "ids" -> longs(w.getValue()).contains(c.id());
				case "name" -> w.getValue().equals(c.name());
				case "parent" -> w.getValue().trim().equals(Long.toString(c.parent()));
				default -> w.getValue().trim().equals(c.visible() ? "1" : "0");
			};
			if (!ok) {
				return false;
			}
		}
		return true;
	}

	/**
	 * local_eadtutors_get_changes(cursor = 0, limit = 1000): as the plugin's external function answers (contract of issue
	 * 17): the changes after the cursor still kept, the cursor to ask from next, the latest, whether more remain, and the
	 * horizon (the highest change id no longer available).
	 */
	private String changes(Map<String, String> params) {
		expectKeys(params, Set.of("cursor", "limit"));
		if (!can("local/eadtutors:readchanges")) {
			throw new MoodleError("core\\exception\\required_capability_exception", "nopermissions",
					"Sorry, but you do not currently have permissions to do that (Read the change log of the EAD's courses).");
		}
		long cursor = Long.parseLong(params.getOrDefault("cursor", "0"));
		int limit = Integer.parseInt(params.getOrDefault("limit", "1000"));
		if (cursor < 0 || limit < 0 || limit > 5000) {
			throw new MoodleError("core\\exception\\invalid_parameter_exception", "invalidparameter", "Invalid parameter value detected");
		}
		List<Map<String, Object>> out = new ArrayList<>();
		long latest = dataset.latestChange();
		long last = limit == 0 ? Math.max(cursor, latest) : cursor;
		for (MoodleDataset.Change c : dataset.changesSince(cursor, limit)) {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("id", c.id());
			m.put("kind", c.kind());
			m.put("courseid", c.courseid());
			m.put("userid", c.userid());
			m.put("roleid", c.roleid());
			m.put("categoryid", c.categoryid());
			m.put("cmid", c.cmid());
			m.put("timecreated", c.timecreated());
			out.add(m);
			last = c.id();
		}
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("changes", out);
		answer.put("cursor", last);
		answer.put("latest", latest);
		answer.put("more", last < latest);
		answer.put("horizon", dataset.horizon());
		return json.writeValueAsString(answer);
	}

	private String coursesByField(Map<String, String> params) {
		expectKeys(params, Set.of("field", "value"));
		String field = params.getOrDefault("field", "");
		if (!field.isEmpty() && !field.equals("id") && !field.equals("ids")) {
			throw new MoodleError("core\\exception\\invalid_parameter_exception", "invalidparameter", "Invalid parameter value detected");
		}
		Set<Long> ids = field.isEmpty() ? null : longs(params.getOrDefault("value", ""));
		if (field.equals("ids") && ids.stream().anyMatch(id -> dataset.course(id) == null)) {
			// util::validate_courses(…, keepfails = true) writes to a course it never loaded: a PHP Error, no errorcode
			// (lib/external/classes/util.php), as the real site answered.
			return "{\"exception\":\"Error\",\"message\":\"Attempt to assign property \\\"contextvalidated\\\" on null\"}";
		}
		boolean update = can("moodle/course:update");
		List<Map<String, Object>> out = new ArrayList<>();
		for (MoodleDataset.Course c : dataset.courses()) {
			// A hidden course is left out for a caller who can neither see hidden courses nor update them.
			if ((ids == null || ids.contains(c.id())) && (c.visible() || update || can("moodle/course:viewhiddencourses"))) {
				out.add(course(c, update));
			}
		}
		return json.writeValueAsString(Map.of("courses", out, "warnings", List.of()));
	}

	/** A course as {@code get_courses_by_field} returns it; the manager fields only with {@code moodle/course:update}. */
	private Map<String, Object> course(MoodleDataset.Course c, boolean update) {
		MoodleDataset.Category cat = dataset.category(c.categoryid());
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", c.id());
		m.put("fullname", formatString(c.fullname()));
		m.put("displayname", formatString(c.fullname()));
		m.put("shortname", formatString(c.shortname()));
		m.put("courseimage", baseUrl() + "/course/generated/" + c.id() + ".svg");
		m.put("categoryid", c.categoryid());
		m.put("categoryname", cat == null ? "" : formatString(cat.name()));
		m.put("sortorder", 10_000 + c.id());
		m.put("summary", "<p>Module du catalogue EAD.</p>");
		m.put("summaryformat", 1);
		m.put("summaryfiles", List.of());
		m.put("overviewfiles", List.of());
		m.put("showactivitydates", true);
		m.put("showcompletionconditions", true);
		List<Map<String, Object>> contacts = new ArrayList<>();
		dataset.roles(c.id()).forEach((userId, roles) -> {
			MoodleDataset.User u = dataset.user(userId);
			if (u != null && roles.contains("editingteacher")) {
				contacts.add(Map.of("id", u.id(), "fullname", u.fullname()));
			}
		});
		m.put("contacts", contacts);
		m.put("enrollmentmethods", List.of("manual"));
		m.put("customfields", List.of());
		m.put("format", c.format());
		m.put("showgrades", 1);
		m.put("newsitems", 5);
		m.put("startdate", c.timecreated());
		m.put("enddate", 0);
		m.put("maxbytes", 0);
		m.put("showreports", 0);
		m.put("visible", c.visible() ? 1 : 0);
		m.put("groupmode", 0);
		m.put("groupmodeforce", 0);
		m.put("defaultgroupingid", 0);
		m.put("enablecompletion", 1);
		m.put("completionnotify", 0);
		m.put("lang", "fr");
		m.put("theme", "");
		m.put("marker", 0);
		if (update) {
			m.put("idnumber", c.idnumber());
			m.put("legacyfiles", 0);
			m.put("calendartype", "");
			m.put("timecreated", c.timecreated());
			m.put("timemodified", c.timemodified());
			m.put("requested", 0);
			m.put("cacherev", dataset.cacherev(c.id()));
		}
		m.put("filters", List.of());
		m.put("courseformatoptions", List.of(Map.of("name", "hiddensections", "value", 1)));
		return m;
	}

	private String usersWithCapability(Map<String, String> params) {
		Map<Integer, Long> courseIds = new TreeMap<>();
		Map<Integer, List<String>> capabilities = new TreeMap<>();
		Map<String, String> options = new LinkedHashMap<>();
		Map<Integer, String[]> rawOptions = new TreeMap<>();
		for (Map.Entry<String, String> p : params.entrySet()) {
			Matcher m = INDEXED.matcher(p.getKey());
			if (!m.matches()) {
				throw unexpected(p.getKey());
			}
			int i = Integer.parseInt(m.group(2));
			if (m.group(1).equals("coursecapabilities") && "courseid".equals(m.group(3)) && m.group(4) == null) {
				courseIds.put(i, Long.parseLong(p.getValue()));
			}
			else if (m.group(1).equals("coursecapabilities") && "capabilities".equals(m.group(3)) && m.group(4) != null) {
				capabilities.computeIfAbsent(i, k -> new ArrayList<>()).add(p.getValue());
			}
			else if (m.group(1).equals("options") && m.group(4) == null
					&& ("name".equals(m.group(3)) || "value".equals(m.group(3)))) {
				rawOptions.computeIfAbsent(i, k -> new String[2])["name".equals(m.group(3)) ? 0 : 1] = p.getValue();
			}
			else {
				throw unexpected(p.getKey());
			}
		}
		rawOptions.values().forEach(o -> options.put(o[0], o[1] == null ? "" : o[1]));
		if (courseIds.isEmpty() || !courseIds.keySet().equals(capabilities.keySet())) {
			throw new MoodleError("core\\exception\\invalid_parameter_exception", "invalidparameter", "Invalid parameter value detected");
		}
		Set<String> fields = userFields(options.get("userfields"));
		boolean onlyActive = options.containsKey("onlyactive") && !options.get("onlyactive").isEmpty()
				&& !"0".equals(options.get("onlyactive"));
		List<Map<String, Object>> out = new ArrayList<>();
		for (Map.Entry<Integer, Long> e : courseIds.entrySet()) {
			long courseId = e.getValue();
			MoodleDataset.Course course = dataset.course(courseId);
			if (course == null) {
				throw missing("course", courseId);
			}
			if (inaccessible.contains(courseId)) {
				// enrol/externallib.php wraps validate_context's failure in a moodle_exception built from a sentence, not
				// a string id: the sentence becomes the errorcode, and the message is prefixed with "error/".
				String sentence = "You cannot execute functions in the course context (course id:). The context error message was: "
						+ "Course or activity not accessible.";
				throw new MoodleError("core\\exception\\moodle_exception", sentence, "error/" + sentence);
			}
			requireViewParticipants(onlyActive);
			if (!can("moodle/role:review")) {
				throw nopermissions("moodle/role:review");
			}
			for (String capability : capabilities.get(e.getKey())) {
				Map<String, Object> group = new LinkedHashMap<>();
				group.put("courseid", courseId);
				group.put("capability", capability);
				// The function's return description has no idnumber: clean_returnvalue drops it, whatever the caller holds.
				group.put("users", usersHolding(courseId, capability, fields, onlyActive, false));
				out.add(group);
			}
		}
		return json.writeValueAsString(out);
	}

	/** {@code course_require_view_participants}, then the {@code onlyactive} option's own check. */
	private void requireViewParticipants(boolean onlyActive) {
		if (!can("moodle/course:viewparticipants") && !can("moodle/course:enrolreview")) {
			throw nopermissions("moodle/course:viewparticipants");
		}
		if (onlyActive && !can("moodle/course:enrolreview")) {
			throw nopermissions("moodle/course:enrolreview");
		}
	}

	/**
	 * The users enrolled in the course who hold the capability through their roles (the standard archetypes: students
	 * hold {@code moodle/course:viewparticipants} as teachers do, not {@code moodle/grade:viewall}), in id order; with
	 * {@code onlyActive}, the suspended and ended enrolments left out.
	 */
	private List<Map<String, Object>> usersHolding(long courseId, String capability, @Nullable Set<String> fields,
			boolean onlyActive, boolean withIdnumber) {
		TreeMap<Long, Map<String, Object>> users = new TreeMap<>();
		boolean staff = Set.of("moodle/grade:viewall", "moodle/course:update", "mod/assign:grade", "moodle/course:viewparticipants",
				"moodle/course:enrolreview").contains(capability);
		boolean learners = Set.of("moodle/course:isincompletionreports", "mod/assign:submit", "moodle/course:viewparticipants")
			.contains(capability);
		if (staff) {
			boolean editingOnly = capability.equals("moodle/course:update") || capability.equals("moodle/course:enrolreview");
			dataset.roles(courseId).forEach((userId, roles) -> {
				MoodleDataset.User u = dataset.user(userId);
				if (u != null && (!editingOnly || roles.contains("editingteacher")) && (!onlyActive || dataset.activeIn(courseId, userId))) {
					Map<String, Object> details = details(u, roles, fields, roles.contains("editingteacher"), withIdnumber);
					if (details != null) {
						users.put(userId, details);
					}
				}
			});
		}
		if (learners) {
			long[] ids = onlyActive ? dataset.activeLearners(courseId) : dataset.learners(courseId);
			for (long id : ids) {
				MoodleDataset.User u = dataset.learner(id);
				Map<String, Object> details = u == null ? null : details(u, Set.of("student"), fields, false, withIdnumber);
				if (details != null) {
					users.put(id, details);
					learnerFieldsSent.addAll(details.keySet());
				}
			}
		}
		return new ArrayList<>(users.values());
	}

	private String enrolledUsers(Map<String, String> params) {
		String courseId = params.get("courseid");
		if (courseId == null) {
			throw new MoodleError("core\\exception\\invalid_parameter_exception", "invalidparameter", "Invalid parameter value detected");
		}
		Map<String, String> options = new LinkedHashMap<>();
		Map<Integer, String[]> rawOptions = new TreeMap<>();
		for (Map.Entry<String, String> p : params.entrySet()) {
			if (p.getKey().equals("courseid")) {
				continue;
			}
			Matcher m = INDEXED.matcher(p.getKey());
			if (!m.matches() || !m.group(1).equals("options") || m.group(4) != null) {
				throw unexpected(p.getKey());
			}
			rawOptions.computeIfAbsent(Integer.parseInt(m.group(2)), k -> new String[2])["name".equals(m.group(3)) ? 0
					: 1] = p.getValue();
		}
		rawOptions.values().forEach(o -> options.put(o[0], o[1] == null ? "" : o[1]));
		long id = Long.parseLong(courseId);
		if (dataset.course(id) == null) {
			throw missing("course", id);
		}
		boolean onlyActive = "1".equals(options.get("onlyactive"));
		requireViewParticipants(onlyActive);
		Set<String> fields = userFields(options.get("userfields"));
		return json.writeValueAsString(usersHolding(id, "moodle/course:viewparticipants", fields, onlyActive, true));
	}

	/** {@code core_competency_list_competency_frameworks}: needs a context, by id or by level and instance. */
	private String frameworks(Map<String, String> params) {
		expectKeys(params, Set.of("sort", "order", "skip", "limit", "context[contextid]", "context[contextlevel]",
				"context[instanceid]", "includes", "onlyvisible", "query"));
		boolean byId = params.containsKey("context[contextid]");
		boolean byLevel = params.containsKey("context[contextlevel]") && params.containsKey("context[instanceid]");
		if (byId == byLevel) {
			throw new MoodleError("core\\exception\\invalid_parameter_exception", "invalidparameter", "Invalid parameter value detected");
		}
		requireCompetencies();
		String query = params.getOrDefault("query", "").toLowerCase(java.util.Locale.ROOT);
		boolean onlyVisible = "1".equals(params.get("onlyvisible")) || "true".equals(params.get("onlyvisible"));
		List<Map<String, Object>> out = new ArrayList<>();
		for (MoodleDataset.Framework f : dataset.frameworks()) {
			if ((onlyVisible && !f.visible()) || !(f.shortname() + " " + f.idnumber()).toLowerCase(java.util.Locale.ROOT).contains(query)) {
				continue;
			}
			long count = dataset.competencies().stream().filter(c -> c.frameworkid() == f.id()).count();
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("shortname", formatString(f.shortname()));
			m.put("idnumber", f.idnumber());
			m.put("description", f.description());
			m.put("descriptionformat", 1);
			m.put("visible", f.visible());
			m.put("scaleid", 2);
			m.put("scaleconfiguration", "[{\"scaleid\":\"2\"},{\"id\":1,\"scaledefault\":1,\"proficient\":0},"
					+ "{\"id\":2,\"scaledefault\":0,\"proficient\":1}]");
			m.put("contextid", 1);
			m.put("taxonomies", f.taxonomies());
			m.put("id", f.id());
			m.put("timecreated", f.timemodified() - 86_400);
			m.put("timemodified", f.timemodified());
			m.put("usermodified", 2);
			m.put("canmanage", false);
			m.put("competenciescount", count);
			m.put("contextname", "Système");
			m.put("contextnamenoprefix", "Système");
			out.add(m);
		}
		return json.writeValueAsString(page(out, params));
	}

	/** {@code core_competency_list_competencies}: exact-match filters, then sort and a page. */
	private String competencies(Map<String, String> params) {
		Map<Integer, String[]> filters = new TreeMap<>();
		for (Map.Entry<String, String> p : params.entrySet()) {
			if (Set.of("sort", "order", "skip", "limit").contains(p.getKey())) {
				continue;
			}
			Matcher m = INDEXED.matcher(p.getKey());
			if (!m.matches() || !m.group(1).equals("filters") || m.group(4) != null
					|| !("column".equals(m.group(3)) || "value".equals(m.group(3)))) {
				throw unexpected(p.getKey());
			}
			filters.computeIfAbsent(Integer.parseInt(m.group(2)), k -> new String[2])["column".equals(m.group(3)) ? 0 : 1] = p
				.getValue();
		}
		Set<String> columns = Set.of("id", "shortname", "description", "sortorder", "idnumber", "parentid", "competencyframeworkid");
		for (String[] f : filters.values()) {
			if (f[0] == null || f[1] == null || !columns.contains(f[0])) {
				throw new MoodleError("core\\exception\\invalid_parameter_exception", "invalidparameter", "Invalid parameter value detected");
			}
		}
		requireCompetencies();
		List<Map<String, Object>> out = new ArrayList<>();
		for (MoodleDataset.Competency c : dataset.competencies()) {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("shortname", formatString(c.shortname()));
			m.put("idnumber", c.idnumber());
			m.put("description", c.description());
			m.put("descriptionformat", 1);
			m.put("sortorder", c.sortorder());
			m.put("parentid", c.parentid());
			m.put("path", c.path());
			m.put("ruleoutcome", 0);
			m.put("ruletype", null);
			m.put("ruleconfig", null);
			m.put("scaleid", null);
			m.put("scaleconfiguration", null);
			m.put("competencyframeworkid", c.frameworkid());
			m.put("id", c.id());
			m.put("timecreated", c.timemodified());
			m.put("timemodified", c.timemodified());
			m.put("usermodified", 2);
			boolean keep = true;
			for (String[] f : filters.values()) {
				Object value = "competencyframeworkid".equals(f[0]) ? c.frameworkid() : m.get(f[0]);
				keep &= String.valueOf(value).equals(f[1]);
			}
			if (keep) {
				out.add(m);
			}
		}
		String sort = params.getOrDefault("sort", "");
		if (!sort.isEmpty()) {
			if (!columns.contains(sort)) {
				throw new MoodleError("core\\exception\\invalid_parameter_exception", "invalidparameter", "Invalid parameter value detected");
			}
			java.util.Comparator<Map<String, Object>> by = java.util.Comparator.comparing(m -> String.valueOf(m.get(sort)));
			if (sort.equals("id") || sort.equals("sortorder") || sort.equals("parentid")) {
				by = java.util.Comparator.comparingLong(m -> ((Number) m.get(sort)).longValue());
			}
			out.sort("DESC".equalsIgnoreCase(params.get("order")) ? by.reversed() : by);
		}
		return json.writeValueAsString(page(out, params));
	}

	private void requireCompetencies() {
		if (!competenciesEnabled) {
			throw new MoodleError("core\\exception\\moodle_exception", "competenciesarenotenabled", "Competencies are not enabled");
		}
	}

	private static <T> List<T> page(List<T> all, Map<String, String> params) {
		int skip = Integer.parseInt(params.getOrDefault("skip", "0"));
		int limit = Integer.parseInt(params.getOrDefault("limit", "0"));
		int from = Math.min(all.size(), Math.max(0, skip));
		int to = limit <= 0 ? all.size() : Math.min(all.size(), from + limit);
		return all.subList(from, to);
	}

	/**
	 * {@code core_user_get_users_by_field(field, values)} (user/externallib.php): a user the caller may not see is left
	 * out silently ({@code moodle/user:viewdetails}); {@code idnumber} and {@code username} need
	 * {@code moodle/user:viewalldetails}, {@code email} needs {@code moodle/site:viewuseridentity} (user/lib.php,
	 * {@code user_get_user_details}). A value that is not clean for the field is an {@code invalidparameter}.
	 */
	private String usersByField(Map<String, String> params) {
		String field = params.remove("field");
		if (field == null || !Set.of("id", "idnumber", "username", "email").contains(field)) {
			throw new MoodleError("core\\exception\\invalid_parameter_exception", "invalidparameter", "Invalid parameter value detected");
		}
		Set<String> values = new LinkedHashSet<>();
		for (Map.Entry<String, String> p : params.entrySet()) {
			if (!p.getKey().matches("values\\[\\d+\\]")) {
				throw unexpected(p.getKey());
			}
			if (field.equals("id") && !p.getValue().matches("\\d+")) {
				throw new MoodleError("core\\exception\\invalid_parameter_exception", "invalidparameter", "Invalid parameter value detected",
						"The field 'id' value is invalid: " + p.getValue() + "(cleaned value: " + p.getValue().replaceAll("\\D", "") + ")");
			}
			values.add(p.getValue());
		}
		List<MoodleDataset.User> everyone = new ArrayList<>(dataset.users());
		everyone.addAll(dataset.learnerAccounts());
		everyone.sort(java.util.Comparator.comparingLong(MoodleDataset.User::id));
		List<Map<String, Object>> out = new ArrayList<>();
		for (MoodleDataset.User u : everyone) {
			String key = switch (field) {
				case "id" -> Long.toString(u.id());
				case "idnumber" -> u.idnumber();
				case "username" -> u.username();
				default -> u.email() == null ? "" : u.email();
			};
			if (!values.contains(key) || !can("moodle/user:viewdetails")) {
				continue;
			}
			Map<String, Object> details = details(u, null, null, false, true);
			// Returned only when the searched field is in what the caller may see (user/externallib.php).
			if (details != null && details.get(field) != null && !"".equals(details.get(field))) {
				if (dataset.learner(u.id()) != null) {
					learnerFieldsSent.addAll(details.keySet());
				}
				details.put("auth", "manual");
				details.put("suspended", false);
				details.put("confirmed", true);
				details.put("lang", "fr");
				details.put("theme", "");
				details.put("timezone", "99");
				details.put("mailformat", 1);
				out.add(details);
			}
		}
		return json.writeValueAsString(out);
	}

	/**
	 * What {@code user_get_user_details} gives the sync user about someone: {@literal null} when it may not see them
	 * (no {@code moodle/user:viewdetails}, not a course contact); id and full name always, whatever {@code userfields}
	 * asks; the rest as asked and as its capabilities allow.
	 */
	private @Nullable Map<String, Object> details(MoodleDataset.User u, @Nullable Set<String> roles, @Nullable Set<String> fields,
			boolean courseContact, boolean withIdnumber) {
		if (!can("moodle/user:viewdetails") && !courseContact) {
			return null;
		}
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", u.id());
		if (can("moodle/user:viewalldetails")) {
			put(m, fields, "username", u.username());
		}
		put(m, fields, "firstname", u.firstname());
		put(m, fields, "lastname", u.lastname());
		m.put("fullname", u.fullname());
		if (u.email() != null && can("moodle/site:viewuseridentity")) {
			put(m, fields, "email", u.email());
		}
		put(m, fields, "department", "EAD");
		if (withIdnumber && !u.idnumber().isEmpty() && can("moodle/user:viewalldetails")) {
			put(m, fields, "idnumber", u.idnumber());
		}
		put(m, fields, "firstaccess", 1_690_000_000);
		put(m, fields, "lastaccess", 1_763_000_000);
		if (roles != null) {
			put(m, fields, "lastcourseaccess", 1_762_000_000);
		}
		put(m, fields, "description", "");
		put(m, fields, "descriptionformat", 1);
		put(m, fields, "country", "BE");
		put(m, fields, "profileimageurlsmall", baseUrl() + "/theme/image.php/boost/core/" + dataset.themeRevision() + "/u/f2");
		put(m, fields, "profileimageurl", baseUrl() + "/theme/image.php/boost/core/" + dataset.themeRevision() + "/u/f1");
		if (roles != null && (fields == null || fields.contains("roles"))) {
			List<Map<String, Object>> list = new ArrayList<>();
			roles.stream().sorted().forEach(r -> list.add(role(r)));
			m.put("roles", list);
		}
		return m;
	}

	/**
	 * {@code core_course_get_contents(courseid, options)} (course/externallib.php): the sections and their modules as
	 * the sync user sees them (a hidden activity only with {@code moodle/course:viewhiddenactivities}); modules carry no
	 * modification date, only their files ({@code contentsinfo.lastmodified}); the icon URLs carry the theme's revision.
	 */
	private String contents(Map<String, String> params) {
		String courseId = params.get("courseid");
		if (courseId == null || !courseId.matches("\\d+")) {
			throw new MoodleError("core\\exception\\invalid_parameter_exception", "invalidparameter", "Invalid parameter value detected");
		}
		Map<String, String> options = new LinkedHashMap<>();
		Map<Integer, String[]> rawOptions = new TreeMap<>();
		for (Map.Entry<String, String> p : params.entrySet()) {
			if (p.getKey().equals("courseid")) {
				continue;
			}
			Matcher m = INDEXED.matcher(p.getKey());
			if (!m.matches() || !m.group(1).equals("options") || m.group(4) != null
					|| !("name".equals(m.group(3)) || "value".equals(m.group(3)))) {
				throw unexpected(p.getKey());
			}
			rawOptions.computeIfAbsent(Integer.parseInt(m.group(2)), k -> new String[2])["name".equals(m.group(3)) ? 0 : 1] = p.getValue();
		}
		for (String[] o : rawOptions.values()) {
			if (!Set.of("excludemodules", "excludecontents", "includestealthmodules", "sectionid", "sectionnumber", "cmid", "modid",
					"modname").contains(o[0] == null ? "" : o[0].trim())) {
				throw new MoodleError("core\\exception\\moodle_exception", "errorinvalidparam", "The param \"" + o[0] + "\" is invalid.");
			}
			options.putIfAbsent(o[0].trim(), o[1] == null ? "" : o[1]);
		}
		long id = Long.parseLong(courseId);
		MoodleDataset.Course course = dataset.course(id);
		if (course == null) {
			throw missing("course", id);
		}
		if (inaccessible.contains(id) || !can("moodle/course:view")) {
			throw new MoodleError("core\\exception\\moodle_exception", "errorcoursecontextnotvalid",
					"You cannot execute functions in the course context (course id:" + id
							+ "). The context error message was: Course or activity not accessible.");
		}
		if (!course.visible() && !can("moodle/course:update") && !can("moodle/course:viewhiddencourses")) {
			return "[]";
		}
		boolean excludeContents = "1".equals(options.get("excludecontents")) || "true".equals(options.get("excludecontents"));
		Map<Integer, List<Map<String, Object>>> sections = new TreeMap<>();
		sections.put(0, new ArrayList<>());
		for (MoodleDataset.Activity a : dataset.activities(id)) {
			List<Map<String, Object>> modules = sections.computeIfAbsent(a.section(), k -> new ArrayList<>());
			if (!a.visible() && !can("moodle/course:viewhiddenactivities")) {
				continue;
			}
			// cm_info: an activity whose mod/…:view the sync user lacks is not user-visible, and is left out.
			if (VIEW_NOT_FOR_EVERY_USER.contains(a.modname()) && !can("mod/" + a.modname() + ":view")) {
				continue;
			}
			modules.add(module(a, excludeContents));
		}
		List<Map<String, Object>> out = new ArrayList<>();
		sections.forEach((number, modules) -> {
			Map<String, Object> section = new LinkedHashMap<>();
			section.put("id", id * 100 + number);
			section.put("name", number == 0 ? "Généralités" : "Séquence " + number);
			section.put("visible", 1);
			section.put("summary", "");
			section.put("summaryformat", 1);
			section.put("section", number);
			section.put("hiddenbynumsections", 0);
			section.put("uservisible", true);
			section.put("component", null);
			section.put("itemid", null);
			section.put("modules", modules);
			out.add(section);
		});
		return json.writeValueAsString(out);
	}

	private Map<String, Object> module(MoodleDataset.Activity a, boolean excludeContents) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", a.cmid());
		m.put("url", baseUrl() + "/mod/" + a.modname() + "/view.php?id=" + a.cmid());
		m.put("name", formatString(a.name()));
		m.put("instance", a.instance());
		m.put("contextid", 10_000 + a.cmid());
		if (!a.description().isEmpty()) {
			m.put("description", a.description());
		}
		m.put("visible", a.visible() ? 1 : 0);
		m.put("uservisible", true);
		m.put("visibleoncoursepage", 1);
		m.put("modicon", baseUrl() + "/theme/image.php/boost/mod_" + a.modname() + "/" + dataset.themeRevision() + "/monologo");
		m.put("modname", a.modname());
		m.put("purpose", "content");
		m.put("branded", false);
		m.put("modplural", a.modname() + "s");
		m.put("availability", null);
		m.put("indent", 0);
		m.put("onclick", "");
		m.put("afterlink", null);
		m.put("activitybadge", List.of());
		m.put("customdata", "\"\"");
		m.put("noviewlink", false);
		m.put("completion", 1);
		m.put("completiondata", Map.of("state", 0, "timecompleted", 0, "valueused", false, "hascompletion", true, "isautomatic",
				false, "istrackeduser", false, "uservisible", true, "details", List.of()));
		m.put("downloadcontent", 1);
		m.put("dates", List.of());
		m.put("groupmode", 0);
		if (a.files() > 0) {
			List<Map<String, Object>> files = new ArrayList<>();
			if (!excludeContents) {
				Map<String, Object> file = new LinkedHashMap<>();
				file.put("type", "file");
				file.put("filename", "index.html");
				file.put("filepath", "/");
				file.put("filesize", a.filesize());
				file.put("fileurl", baseUrl() + "/webservice/pluginfile.php/" + (10_000 + a.cmid()) + "/mod_page/content/"
						+ a.contentModified() + "/index.html?forcedownload=1");
				file.put("timecreated", a.contentModified());
				file.put("timemodified", a.contentModified());
				file.put("sortorder", 1);
				file.put("userid", null);
				file.put("author", null);
				file.put("license", null);
				files.add(file);
			}
			m.put("contents", files);
			m.put("contentsinfo", Map.of("filescount", a.files(), "filessize", a.filesize(), "lastmodified", a.contentModified(),
					"mimetypes", List.of("text/html"), "repositorytype", ""));
		}
		return m;
	}

	private static Map<String, Object> role(String shortname) {
		return Map.of("roleid", roleId(shortname), "name", "", "shortname", shortname, "sortorder", 0);
	}

	/** The id of a standard role on a fresh Moodle site. */
	static int roleId(String shortname) {
		return switch (shortname) {
			case "manager" -> 1;
			case "editingteacher" -> 3;
			case "teacher" -> 4;
			case "student" -> 5;
			default -> 9;
		};
	}

	private static void put(Map<String, Object> m, @Nullable Set<String> fields, String key, Object value) {
		if (fields == null || fields.contains(key)) {
			m.put(key, value);
		}
	}

	private static @Nullable Set<String> userFields(@Nullable String option) {
		if (option == null || option.isBlank()) {
			return null;
		}
		Set<String> fields = new LinkedHashSet<>();
		for (String f : option.split(",")) {
			fields.add(f.trim());
		}
		return fields;
	}

	private static void expectKeys(Map<String, String> params, Set<String> allowed) {
		for (String key : params.keySet()) {
			if (!allowed.contains(key)) {
				throw unexpected(key);
			}
		}
	}

	private static MoodleError unexpected(String key) {
		return new MoodleError("core\\exception\\invalid_parameter_exception", "invalidparameter",
				"Invalid parameter value detected (Unexpected keys (" + key + ") detected in parameter array.)");
	}

	private static Set<Long> longs(String csv) {
		Set<Long> out = new LinkedHashSet<>();
		for (String s : csv.split(",")) {
			if (!s.isBlank()) {
				out.add(Long.parseLong(s.trim()));
			}
		}
		return out;
	}

	/** Moodle's {@code external_format_string} escapes {@code &} in names it returns. */
	private static String formatString(String text) {
		return text.replace("&", "&amp;");
	}

	/** The REST server's error body ({@code webservice_rest_server::generate_error}): debuginfo only when debugging. */
	private String error(String exception, String errorcode, String message, @Nullable String debuginfo) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("exception", exception);
		body.put("errorcode", errorcode);
		body.put("message", message);
		if (debugging && debuginfo != null) {
			body.put("debuginfo", debuginfo);
		}
		return json.writeValueAsString(body);
	}

	private static Map<String, String> parseForm(@Nullable String body) {
		Map<String, String> out = new LinkedHashMap<>();
		if (body == null || body.isEmpty()) {
			return out;
		}
		for (String pair : body.split("&")) {
			int eq = pair.indexOf('=');
			String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
			String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
			out.put(key, value);
		}
		return out;
	}

	private static final class MoodleError extends RuntimeException {
		private final String exception;
		private final String errorcode;
		private final @Nullable String debuginfo;

		MoodleError(String exception, String errorcode, String message) {
			this(exception, errorcode, message, null);
		}

		MoodleError(String exception, String errorcode, String message, @Nullable String debuginfo) {
			super(message, null, false, false);
			this.exception = exception;
			this.errorcode = errorcode;
			this.debuginfo = debuginfo;
		}
	}

	/**
	 * {@code dml_missing_record_exception}: without debugging the table's name is dropped and the code is
	 * {@code invalidrecordunknown} (lib/dmllib.php); with debugging, {@code invalidrecord} and the query.
	 */
	private MoodleError missing(String table, Object id) {
		return debugging ? new MoodleError("dml_missing_record_exception", "invalidrecord",
				"Can't find data record in database table " + table + ".", "SELECT * FROM {" + table + "} WHERE id = ?\n[array (\n  0 => "
						+ id + ",\n)]")
				: new MoodleError("dml_missing_record_exception", "invalidrecordunknown", "Can't find data record in database.");
	}

	/** {@code required_capability_exception}, as Moodle words it: the capability's name in the message. */
	private static MoodleError nopermissions(String capability) {
		return new MoodleError("core\\exception\\required_capability_exception", "nopermissions",
				"Sorry, but you do not currently have permissions to do that (" + CAPABILITY_NAMES.getOrDefault(capability, capability)
						+ ").");
	}
}
