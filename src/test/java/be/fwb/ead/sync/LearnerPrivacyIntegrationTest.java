package be.fwb.ead.sync;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import be.fwb.ead.IntegrationTest;
import be.fwb.ead.moodle.MoodleClient;
import be.fwb.ead.moodlesim.EadDataset;
import be.fwb.ead.moodlesim.MoodleDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Privacy by construction: the simulated site hands out learners' names and e-mails as Moodle 5.1 does (the full name
 * comes whatever {@code userfields} asks; students hold {@code moodle/course:viewparticipants}); after syncs, no text
 * column of any table holds any of them, and no log line.
 */
@ExtendWith(OutputCaptureExtension.class)
class LearnerPrivacyIntegrationTest extends IntegrationTest {

	private static final Pattern WORDS = Pattern.compile("[^\\p{L}\\p{N}@._-]+");

	@Autowired SyncLauncher launcher;
	@Autowired MoodleClient moodle;

	@Test
	void aFullAndAnIncrementalSyncKeepNoLearnersNameNorEMailInAnyTextColumnNorInTheLogs(CapturedOutput output) {
		MOODLE.enableChangeFeed();
		MoodleDataset site = MOODLE.dataset();
		MOODLE.resetCounters();
		assertThat(await(launcher.execute(SyncMode.FULL, "test")).status()).isEqualTo(SyncStatus.SUCCEEDED);
		// What of the learners transited: their ids and the full names Moodle adds whatever is asked; no username, no e-mail.
		assertThat(MOODLE.learnerFieldsSent()).containsExactlyInAnyOrder("id", "fullname");
		// Then a learner enrols, another changes their profile (a plugin recording every user, as before issue 17).
		site.recordEveryUserUpdate();
		MoodleDataset.User learner = site.learnerAccounts().iterator().next();
		site.updateLearner(learner.id());
		assertThat(await(launcher.execute(SyncMode.INCREMENTAL, "test")).status()).isEqualTo(SyncStatus.SUCCEEDED);

		Set<String> stored = storedWords();
		Set<String> learners = learnersWords(site);
		assertThat(learners).as("what the site hands out of its learners").hasSizeGreaterThan(8_000);
		assertThat(stored).as("learners' names, usernames and e-mails in the database").doesNotContainAnyElementsOf(learners);
		assertThat(words(output.getAll())).as("… and in the logs").doesNotContainAnyElementsOf(learners);
		// The search can fail: it finds what the service does keep, the vacataires' family names and e-mails.
		MoodleDataset.User vacataire = site.user(count("select min(moodle_user_id) from vacataire where moodle_email is not null"));
		assertThat(stored).contains(lastWord(vacataire.lastname()), vacataire.email().toLowerCase(Locale.ROOT));
	}

	@Test
	void learnerCountsAreActiveEnrolmentsAndAStaffCapabilityLearnersHoldStillKeepsNoneOfThem() {
		await(launcher.execute(SyncMode.FULL, "test"));
		MoodleDataset site = MOODLE.dataset();
		long suspendedOrEnded = 0;
		for (MoodleDataset.Course c : site.coursesUnder(EadDataset.EAD_ROOT)) {
			assertThat(count("select learner_count from module where moodle_course_id = " + c.id())).as(c.shortname())
				.isEqualTo(site.activeLearners(c.id()).length);
			suspendedOrEnded += site.learners(c.id()).length - site.activeLearners(c.id()).length;
		}
		assertThat(suspendedOrEnded).as("enrolments Moodle returns without onlyactive").isPositive();

		// Asked with a capability students hold too, Moodle sends every learner with the staff: they are dropped as read.
		long courseId = site.coursesUnder(EadDataset.EAD_ROOT).get(0).id();
		var groups = await(moodle.staff(List.of(courseId), "moodle/course:viewparticipants", Set.of("editingteacher", "teacher"), true));
		assertThat(groups).singleElement().satisfies(g -> assertThat(g.users()).isNotEmpty()
			.allSatisfy(u -> assertThat(u.id()).isLessThan(EadDataset.FIRST_LEARNER_ID)));
	}

	/** The distinctive words of every learner account of the site: family names, usernames, e-mails. */
	private static Set<String> learnersWords(MoodleDataset site) {
		Set<String> staff = new HashSet<>();
		site.users().forEach(u -> {
			staff.addAll(words(u.firstname() + " " + u.lastname()));
		});
		Set<String> out = new HashSet<>();
		for (MoodleDataset.User l : site.learnerAccounts()) {
			out.add(lastWord(l.lastname()));
			out.add(l.username().toLowerCase(Locale.ROOT));
			out.add(l.email().toLowerCase(Locale.ROOT));
		}
		assertThat(out).as("learners' names are none of the vacataires'").doesNotContainAnyElementsOf(staff);
		return out;
	}

	private static String lastWord(String name) {
		String[] parts = name.toLowerCase(Locale.ROOT).split(" ");
		return parts[parts.length - 1];
	}

	/** Every word of every value of every text column (text, varchar, char, json, jsonb, arrays) of every table. */
	private Set<String> storedWords() {
		List<String[]> columns = await(db.sql("""
				select c.table_name, c.column_name from information_schema.columns c
				join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
				where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
				  and (c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb')
				       or (c.data_type = 'ARRAY' and c.udt_name in ('_text', '_varchar')))""")
			.map(r -> new String[] { r.get("table_name", String.class), r.get("column_name", String.class) })
			.all()
			.collectList());
		assertThat(columns).as("text columns found").hasSizeGreaterThan(50);
		Set<String> out = new HashSet<>();
		List<String> values = new ArrayList<>();
		for (String[] c : columns) {
			values.addAll(await(db.sql("select \"" + c[1] + "\"::text as v from \"" + c[0] + "\" where \"" + c[1] + "\" is not null")
				.map(r -> r.get("v", String.class))
				.all()
				.collectList()));
		}
		values.forEach(v -> out.addAll(words(v)));
		return out;
	}

	private static Set<String> words(String text) {
		Set<String> out = new HashSet<>();
		String lower = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
		for (String w : WORDS.split(lower)) {
			if (!w.isEmpty()) {
				out.add(w);
				out.add(w.replaceAll("^[._-]+|[._-]+$", ""));
			}
		}
		return out;
	}
}
