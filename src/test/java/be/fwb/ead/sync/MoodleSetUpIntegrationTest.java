package be.fwb.ead.sync;

import be.fwb.ead.IntegrationTest;
import be.fwb.ead.moodlesim.MoodleDataset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Moodle set up by following the README, and each step a Moodle administrator can miss: Moodle 5.1 answers them as
 * webservice/lib.php does (the reason in {@code debuginfo} only when the site is debugging), and the run's error names
 * the step in French. Nothing is written by a refused run.
 */
class MoodleSetUpIntegrationTest extends IntegrationTest {

	@Autowired SyncLauncher launcher;

	@Test
	void aServiceLeftDisabledFailsTheRunNamingTheEnabledBox() {
		MOODLE.disableService();

		SyncRun run = sync();

		assertThat(run.status()).isEqualTo(SyncStatus.FAILED);
		assertThat(run.error()).contains("accessexception").contains("n’est pas activé").contains("« Enabled »")
			.contains("Services externes").contains("Aucune donnée n’a été modifiée");
		assertThat(run.moodleCalls()).as("the refusal, asked twice to tell it from an expired token").isEqualTo(2);
		assertThat(count("select count(*) from module")).isZero();
	}

	@Test
	void anExpiredTokenFailsTheRunSayingSoAndHowToCreateOneThatDoesNotExpire() {
		MOODLE.expireToken();

		SyncRun run = sync();

		assertThat(run.status()).isEqualTo(SyncStatus.FAILED);
		assertThat(run.error()).contains("a expiré").contains("« Valid until »").contains("Create token").contains("MOODLE_TOKEN")
			.doesNotContain(be.fwb.ead.moodlesim.SimulatedMoodle.DEMO_TOKEN);
		// Moodle deleted it at that first use: the next run says « unknown », and why it may be so.
		SyncRun next = sync();
		assertThat(next.error()).contains("invalidtoken").contains("« Valid until »");
	}

	@Test
	void onADebuggingSiteMoodlesOwnReasonIsUsedAtOnce() {
		MOODLE.debugging(true);
		MOODLE.expireToken();

		SyncRun run = sync();

		assertThat(run.moodleCalls()).isOne();
		assertThat(run.error()).contains("token expired").contains("a expiré");
	}

	@Test
	void aCapabilityMissingFromTheRoleFailsTheRunNamingIt() {
		MOODLE.revoke("moodle/role:review");

		SyncRun run = sync();

		assertThat(run.status()).isEqualTo(SyncStatus.FAILED);
		assertThat(run.error()).contains("nopermissions").contains("Review permissions for others").contains("moodle/role:review")
			.contains("rôle système");
		assertThat(count("select count(*) from module")).as("not bisected course by course, not written").isZero();
		assertThat(run.moodleCalls()).isLessThanOrEqualTo(11);

		// Without moodle/course:enrolreview (the README's role has no moodle/course:viewparticipants), Moodle's first check
		// is the participants' list: it names « View participants », and the advice the capability that gives both.
		MOODLE.grant("moodle/role:review");
		MOODLE.revoke("moodle/course:enrolreview");
		assertThat(sync().error()).contains("(View participants)").contains("moodle/course:enrolreview");
		// With moodle/course:viewparticipants instead, active enrolments still need it: Moodle names it.
		MOODLE.grant("moodle/course:viewparticipants");
		assertThat(sync().error()).contains("(Review course enrolments)").contains("moodle/course:enrolreview");
	}

	@Test
	void withoutSeeingHiddenCategoriesTheRunFailsRatherThanArchiveTheirModules() {
		sync();
		MOODLE.revoke("moodle/category:viewhiddencategories");

		SyncRun run = sync();

		assertThat(run.status()).isEqualTo(SyncStatus.FAILED);
		assertThat(run.error()).contains("criteriaerror").contains("moodle/category:viewhiddencategories");
		assertThat(count("select count(*) from module where archived_at is not null")).isZero();
	}

	@Test
	void withoutViewUserIdentityNoEMailComesButTheIdNumberStillLinksAVacataireEnteredByHand() {
		MOODLE.revoke("moodle/site:viewuseridentity");
		MoodleDataset.User vacataire = MOODLE.dataset().users().stream()
			.filter(u -> !u.idnumber().isEmpty() && u.email() != null && MOODLE.dataset().coursesUnder(2).stream()
				.anyMatch(c -> MOODLE.dataset().roles(c.id()).containsKey(u.id()) && MOODLE.dataset().activeIn(c.id(), u.id())))
			.findFirst()
			.orElseThrow();
		await(db.sql("insert into vacataire (firstname, lastname, idnumber, status, search_key, sort_key, created_at, updated_at) "
				+ "values ('Saisi', 'À la main', :idnumber, 'RETENU', 'x', 'x', :now, :now)")
			.bind("idnumber", vacataire.idnumber())
			.bind("now", clock.instant())
			.then());

		SyncRun run = sync();

		assertThat(run.status()).isEqualTo(SyncStatus.SUCCEEDED);
		assertThat(count("select count(*) from vacataire where moodle_email is not null")).isZero();
		assertThat(count("select count(*) from vacataire where lastname = 'À la main' and moodle_user_id = " + vacataire.id())).isOne();
	}

	private SyncRun sync() {
		return await(launcher.execute(SyncMode.FULL, "test"));
	}
}
