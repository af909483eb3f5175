package be.fwb.ead;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import be.fwb.ead.TableOwnership.Violation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One owner per table: only the module that owns a table names it in SQL; the others read the views its owner
 * publishes (in the owner's migration) or call its query API. {@link ModularityTests} sees only imports; this test reads
 * the SQL. What does not hold yet is listed in {@link #KNOWN}, a list that may only shrink: a new violation fails, and
 * so does a listed one that is gone (strike it from the list).
 */
class TableOwnershipTests {

	/** Every table and view of the migrations, by owning module. A new table is declared here, with its owner. */
	static final Map<String, List<String>> OWNED = Map.ofEntries(
			Map.entry("sync", List.of("moodle_category", "module", "module_role", "sync_run", "moodle_change_cursor", "watched_module",
					"module_activity", "module_activity_baseline", "module_activity_drift", "current_module", "module_name",
					"module_staff", "category_subtree", "synced_module", "role_link", "category_path", "module_content_change")),
			Map.entry("vacataires", List.of("vacataire", "contract_period", "availability", "vacataire_name", "vacataire_status")),
			Map.entry("security", List.of("account", "api_token", "login_attempt", "account_identity")),
			Map.entry("audit", List.of("change_log", "access_log")),
			Map.entry("titles", List.of("title", "title_coverage", "vacataire_title", "vacataire_title_held",
					"vacataire_title_coverage")),
			Map.entry("catalogue", List.of("category_mapping")),
			Map.entry("training", List.of("training_session", "training_registration", "training_requirement",
					"training_required", "training_done")),
			Map.entry("assignments", List.of("assignment", "reconciliation_ack", "assignment_period")),
			Map.entry("evaluations", List.of("evaluation_criterion", "evaluation", "evaluation_score", "evaluation_plan")),
			Map.entry("recruitment", List.of("recruitment_criterion", "campaign", "campaign_need", "candidacy", "candidacy_score")),
			Map.entry("referentials", List.of("referential", "competency", "competency_mapping", "exam", "exam_part",
					"exam_part_competency", "exam_session", "competency_root", "module_root", "module_exam_session", "module_competency",
					"latest_referential", "exam_part_weight", "exam_competency")),
			Map.entry("reviews", List.of("rubric", "rubric_criterion", "review_campaign", "review", "review_event", "review_finding",
					"finding_answer", "last_decided_review")),
			Map.entry("workspace", List.of("plugin_nonce")),
			Map.entry("events", List.of("event_publication")));

	/** The views each owner publishes: any module may read them. */
	static final Map<String, Set<String>> PUBLISHED = Map.of(
			"sync", Set.of("current_module", "module_name", "module_staff", "category_subtree", "module_activity_drift", "synced_module",
					"role_link", "category_path", "module_content_change"),
			"security", Set.of("account_identity"),
			"vacataires", Set.of("vacataire_name", "vacataire_status"),
			"titles", Set.of("vacataire_title_held", "vacataire_title_coverage"),
			"training", Set.of("training_required", "training_done"),
			"assignments", Set.of("assignment_period"),
			"referentials", Set.of("competency_root", "module_root", "module_exam_session", "module_competency", "latest_referential",
					"exam_part_weight", "exam_competency"),
			"reviews", Set.of("last_decided_review"));

	/**
	 * What does not hold yet, module → a table it names but does not own. It may only shrink: 52 when the test was
	 * written, before the published views; empty since the read side, the GDPR providers and the audit trail inside
	 * {@code audit} (issue 18). A new entry needs a reason beside it.
	 */
	static final Set<String> KNOWN = Set.of(new String[] { // an array, so that any line can be struck, the last one too
	});

	/** The product's sources; the development tooling (src/dev: the demo seeds every module's tables) is not read. */
	private static final Path SOURCES = Path.of("src/main/java/be/fwb/ead");
	private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

	@Test
	void everyTableAndViewOfTheMigrationsHasOneOwner() {
		Map<String, String> owners = owners();
		Set<String> created = TableOwnership.created(MIGRATIONS);
		assertThat(created).as("tables and views created by the migrations, with no owner in OWNED").isSubsetOf(owners.keySet());
		assertThat(owners.keySet()).as("tables and views in OWNED that no migration creates").isSubsetOf(created);
		PUBLISHED.forEach((owner, views) -> views.forEach(v -> assertThat(owners.get(v)).as(v + " is published by its owner").isEqualTo(owner)));
	}

	@Test
	void noModuleNamesATableItDoesNotOwnBeyondTheKnownOnes() {
		assertNoModuleNamesATableItDoesNotOwn(SOURCES);
	}

	/** The list stays as a mechanism (a violation one day tolerated is written there, with its reason), and is empty. */
	@Test
	void noViolationIsKnown() {
		assertThat(KNOWN).as("cross-module SQL tolerated: none since issue 18").isEmpty();
	}

	/**
	 * The check of {@link #noModuleNamesATableItDoesNotOwnBeyondTheKnownOnes} on the sources under {@code root}, one
	 * directory per module; {@link TableOwnershipUnitTest} shows it failing on a deliberate cross-module query.
	 */
	static void assertNoModuleNamesATableItDoesNotOwn(Path root) {
		Set<String> added = new TreeSet<>(TableOwnership.lines(new TableOwnership(owners(), PUBLISHED).violations(
				TableOwnership.sqlByModule(root))));
		added.removeAll(KNOWN);
		assertThat(added).as("modules naming, in their SQL, a table of another module: read a view its owner publishes, or call its "
				+ "API").isEmpty();
	}

	@Test
	void theKnownViolationsAreStillTrueSoTheListOnlyShrinks() {
		Set<String> gone = new TreeSet<>(KNOWN);
		gone.removeAll(TableOwnership.lines(violations()));
		assertThat(gone).as("known violations that no longer exist: strike them from KNOWN").isEmpty();
	}

	@Test
	void theRuleACoordinatorsNameWinsOverMoodlesIsWrittenOnceInTheViewVacataireName() {
		java.util.regex.Pattern rule = java.util.regex.Pattern.compile("coalesce\\(\\s*(\\w+\\.)?(firstname|lastname|email|idnumber)\\s*,"
				+ "\\s*(\\w+\\.)?moodle_\\2", java.util.regex.Pattern.CASE_INSENSITIVE);
		Map<String, String> sql = TableOwnership.sqlByModule(SOURCES);
		Set<String> copies = new TreeSet<>();
		sql.forEach((module, text) -> {
			if (rule.matcher(text).find()) {
				copies.add(module);
			}
		});
		assertThat(copies).as("modules writing the name rule again instead of reading vacataire_name").isEmpty();
		assertThat(rule.matcher("trim(coalesce(v.firstname, v.moodle_firstname, '') || ' ' || coalesce(v.lastname, v.moodle_lastname, ''))")
			.find()).isTrue();
	}

	private static Set<Violation> violations() {
		Map<String, String> sql = TableOwnership.sqlByModule(SOURCES);
		return new TableOwnership(owners(), PUBLISHED).violations(sql);
	}

	static Map<String, String> owners() {
		Map<String, String> out = new HashMap<>();
		OWNED.forEach((module, tables) -> tables.forEach(t -> assertThat(out.put(t, module)).as(t + " has one owner").isNull()));
		return out;
	}
}
