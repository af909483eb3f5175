package be.fwb.ead;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every test starts from what {@code truncate … restart identity cascade} would leave, though the set-up deletes rows
 * instead ({@link EmptyTables}), with the triggers off for its transaction or not: the same tables empty, the same
 * sequences back to their start, the reference data the migrations ship in place; and the triggers on again after.
 */
class EmptyTablesIntegrationTest extends IntegrationTest {

	@org.junit.jupiter.params.ParameterizedTest(name = "triggers off where allowed: {0}")
	@org.junit.jupiter.params.provider.ValueSource(booleans = { true, false })
	void theSetUpEmptiesWhatATruncateCascadeWouldAndRestartsTheirSequences(boolean triggersOffIfAllowed) {
		if (triggersOffIfAllowed) {
			org.junit.jupiter.api.Assumptions.assumeTrue(superuser(), "the tests' user is no superuser: the triggers stay on");
		}
		syncedCatalogue();
		assertThat(count("select count(*) from module")).isEqualTo(522);
		await(db.sql(await(EmptyTables.script(db, EMPTIED, triggersOffIfAllowed)).sql() + REFERENCE_DATA).then());
		Map<String, Long> afterDeleting = rows();

		syncedCatalogue();
		await(db.sql("truncate " + String.join(", ", EMPTIED) + " restart identity cascade").then());
		Map<String, Long> afterTruncating = rows();
		// The configurable reference data is put back after emptying; the truncate alone leaves it empty.
		for (String reference : List.of("evaluation_criterion", "recruitment_criterion", "training_requirement")) {
			assertThat(afterTruncating.remove(reference)).isZero();
			assertThat(afterDeleting.remove(reference)).isPositive();
		}
		assertThat(afterDeleting).isEqualTo(afterTruncating);
		assertThat(afterDeleting.get("module")).isZero();
		assertThat(afterDeleting.get("change_log")).isZero();

		assertThat(count("select nextval(pg_get_serial_sequence('module', 'id'))")).isEqualTo(1);
		assertThat(count("select nextval(pg_get_serial_sequence('change_log', 'id'))")).isEqualTo(1);
	}

	@Test
	void theTriggersAreOnAgainOnceTheTablesAreEmptied() {
		org.junit.jupiter.api.Assumptions.assumeTrue(superuser(), "the tests' user is no superuser: the triggers stay on");
		syncedCatalogue();
		String script = await(EmptyTables.script(db, EMPTIED)).sql();
		assertThat(script).startsWith("set local session_replication_role = replica;");
		// The script's last statement, then the setting, in the same transaction.
		List<String> roles = await(db.sql(script + "select current_setting('session_replication_role') as role")
			.map((row, meta) -> meta.contains("role") ? row.get("role", String.class) : "").all().collectList());
		assertThat(roles).last().isEqualTo("origin");
		// And after it, on whatever connection: a foreign key refuses again.
		assertThat(count("select count(*) from module")).isZero();
		assertThat(count("select count(*) where current_setting('session_replication_role') = 'origin'")).isEqualTo(1);
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> await(db.sql("""
				insert into module_role (module_id, vacataire_id, role, moodle_roles, synced_at)
				values (999999, 999999, 'TUTOR', 'editingteacher', timestamptz '2026-09-01 08:00+02')""").then()))
			.hasMessageContaining("foreign key");
	}

	private boolean superuser() {
		return count("select count(*) from pg_roles where rolname = current_user and rolsuper") == 1;
	}

	/** The number of rows of every table of the schema, by name. */
	private Map<String, Long> rows() {
		List<String> tables = await(db.sql("select tablename from pg_tables where schemaname = current_schema() order by 1")
			.map(r -> r.get(0, String.class)).all().collectList());
		Map<String, Long> rows = new TreeMap<>();
		for (String table : tables) {
			rows.put(table, count("select count(*) from " + table));
		}
		return rows;
	}

	/**
	 * The rows the set-up deletes are vacuumed away now and then ({@code IntegrationTest.vacuumNowAndThen}), so a table
	 * does not grow by one catalogue's worth at every test: 30 resets leave {@code module} less than 15 copies larger
	 * (without the vacuum, about 30: checked).
	 */
	@Test
	void theTablesTheSetUpEmptiesDoNotGrowTestAfterTest() {
		syncedCatalogue();
		long before = count("select pg_relation_size('module')");
		long copy = count("select pg_relation_size('synced.module')");
		for (int i = 0; i < 30; i++) {
			startFromScratch();
			syncedCatalogue();
		}
		assertThat(count("select pg_relation_size('module')") - before).as("growth of module, in bytes, for 30 resets")
			.isLessThan(15 * copy);
	}
}
