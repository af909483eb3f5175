package be.fwb.ead.audit;

import be.fwb.ead.IntegrationTest;
import be.fwb.ead.vacataires.VacataireFile;
import be.fwb.ead.vacataires.VacataireStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads of a person's data, counted on lines: none lost when many come at once, none waiting for another. */
class AccessLogIntegrationTest extends IntegrationTest {

	@Autowired
	AccessLog access;

	@Autowired
	VacataireFile files;

	@Test
	void readsOfOnePersonAtOnceAreEveryOneCounted() {
		long v = await(files.create(new VacataireFile.Identity("Léa", "Dubois", "lea.dubois@ead.test", null, null, null),
				VacataireStatus.ACTIF, "coord"));
		// Forty reads at once by one reader, the same way: a line another is extending is skipped (an older line or one of
		// their own), and every read is counted.
		await(Flux.range(0, 40).flatMap(i -> access.read("vacataire:" + v, v, "évaluations", "plugin Moodle"), 40).then());
		assertThat(count("select sum(times) from access_log where vacataire_id = " + v)).isEqualTo(40);
		// One after the other: they extend the latest line, no line more.
		long lines = count("select count(*) from access_log where vacataire_id = " + v);
		for (int i = 0; i < 5; i++) {
			await(access.read("vacataire:" + v, v, "évaluations", "plugin Moodle"));
		}
		assertThat(count("select sum(times) from access_log where vacataire_id = " + v)).isEqualTo(45);
		assertThat(count("select count(*) from access_log where vacataire_id = " + v)).isEqualTo(lines);
	}
}
