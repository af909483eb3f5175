package be.fwb.ead;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every test starts from what {@code truncate … restart identity cascade} would leave, though the set-up deletes rows
 * instead ({@link EmptyTables}): the same tables empty, the same sequences back to their start, the reference data
 * the migrations ship in place.
 */
class EmptyTablesIntegrationTest extends IntegrationTest {

	@Test
	void theSetUpEmptiesWhatATruncateCascadeWouldAndRestartsTheirSequences() {
		syncedCatalogue();
		assertThat(count("select count(*) from module")).isEqualTo(522);
		startFromScratch();
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
}
