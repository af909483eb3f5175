package be.fwb.ead.shared;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseMaintenanceUnitTest {

	@Test
	void nothingToSayWhenAutovacuumRunsOnCountedRows() {
		assertThat(DatabaseMaintenance.warnings(Map.of("autovacuum", "on", "track_counts", "on"))).isEmpty();
	}

	@Test
	void autovacuumOffIsSaid() {
		assertThat(DatabaseMaintenance.warnings(Map.of("autovacuum", "off", "track_counts", "on"))).singleElement()
			.asString().startsWith("PostgreSQL tourne sans autovacuum (autovacuum = off)").contains("docs/operations.md");
	}

	@Test
	void autovacuumWithoutItsCountsIsSaid() {
		assertThat(DatabaseMaintenance.warnings(Map.of("autovacuum", "on", "track_counts", "off"))).singleElement()
			.asString().startsWith("PostgreSQL ne compte pas les lignes modifiées (track_counts = off)");
	}

	@Test
	void aSettingTheServiceCannotReadIsNotTakenForOn() {
		assertThat(DatabaseMaintenance.warnings(Map.of())).hasSize(2);
	}
}
