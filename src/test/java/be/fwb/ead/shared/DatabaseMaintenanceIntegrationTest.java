package be.fwb.ead.shared;

import be.fwb.ead.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The startup check reads the database's own settings: on this machine's PostgreSQL, whatever they are. */
class DatabaseMaintenanceIntegrationTest extends IntegrationTest {

	@Autowired DatabaseMaintenance maintenance;

	@Test
	void theWarningsFollowTheDatabasesSettings() {
		String autovacuum = await(db.sql("show autovacuum").map((row, meta) -> row.get(0, String.class)).one());
		String trackCounts = await(db.sql("show track_counts").map((row, meta) -> row.get(0, String.class)).one());
		assertThat(await(maintenance.warnings()))
			.isEqualTo(DatabaseMaintenance.warnings(java.util.Map.of("autovacuum", autovacuum, "track_counts", trackCounts)));
		assertThat(await(maintenance.warnings()).stream().anyMatch(w -> w.contains("sans autovacuum")))
			.isEqualTo("off".equals(autovacuum));
	}
}
