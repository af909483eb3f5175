package be.fwb.ead.demo;

import java.util.List;

import be.fwb.ead.IntegrationTest;
import be.fwb.ead.analysis.Attention;
import be.fwb.ead.sync.SyncLauncher;
import be.fwb.ead.sync.SyncMode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo one year in, built by the service's own operations from the first day: À traiter holds a handful. */
class DemoYearOneIntegrationTest extends IntegrationTest {

	@Autowired
	SyncLauncher launcher;

	@Autowired
	ApplicationContext context;

	@Autowired
	Attention attention;

	@Test
	void oneYearInMostMoodleRolesAreAssignmentsAndTheAttentionListHoldsFewerThanFiftyItems() {
		syncedCatalogue();
		await(DemoData.firstDay(context));
		long roles = count("select count(*) from module_role r join module m on m.id = r.module_id where m.archived_at is null");
		List<Attention.Group> firstDay = await(attention.all());
		assertThat(firstDay.stream().mapToLong(Attention.Group::total).sum()).as("le premier jour").isGreaterThan(roles);
		// Nobody is due an evaluation on the first day: a year after their first assignment, not from the day they are known.
		assertThat(firstDay).filteredOn(g -> g.kind() == Attention.Kind.EVALUATION_DUE).extracting(Attention.Group::total)
			.allMatch(n -> n == 0);

		// A few hundred writes through the services: more than await's minute on a loaded machine.
		reactor.test.StepVerifier.create(DemoData.yearOne(context)).expectComplete().verify(java.time.Duration.ofMinutes(5));

		assertThat(count("select count(*) from assignment")).as("la plupart des rôles Moodle adoptés").isGreaterThan(roles * 9 / 10);
		assertThat(count("select count(distinct vacataire_id) from vacataire_title")).isPositive();
		assertThat(count("select count(*) from training_registration where completed_at is not null")).isPositive();
		List<Attention.Group> groups = await(attention.all());
		long items = groups.stream().mapToLong(Attention.Group::total).sum();
		assertThat(items).as("À traiter un an après : " + groups.stream().map(g -> g.kind() + "=" + g.total()).toList())
			.isPositive().isLessThan(50);
		assertThat(groups).filteredOn(g -> g.kind() == Attention.Kind.EVALUATION_DUE).singleElement()
			.extracting(Attention.Group::total).isEqualTo((long) DemoYearOne.EVALUATIONS_DUE);
		assertThat(groups).filteredOn(g -> g.kind() == Attention.Kind.TRAINING_MISSING).singleElement()
			.extracting(Attention.Group::total).matches(n -> n > 0, "quelques formations en retard");

		// Once only: a second start of the demo changes nothing.
		long assignments = count("select count(*) from assignment");
		await(DemoData.yearOne(context));
		assertThat(count("select count(*) from assignment")).isEqualTo(assignments);
	}
}
