package be.fwb.ead.vacataires;

import be.fwb.ead.IntegrationTest;
import be.fwb.ead.shared.InvalidRequest;
import be.fwb.ead.vacataires.VacataireFile.Identity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A matricule or an e-mail names one person: the sync, the accounts and the imports find a vacataire by them. A new
 * file or an edit that gives one already held by another vacataire (entered by a coordinator or given by Moodle) is
 * refused beside the field, naming who holds it, and nothing is written.
 */
class VacataireIdentifiersIntegrationTest extends IntegrationTest {

	private static final String COORD = "coord";

	@Autowired VacataireFile files;

	private long lea;

	@BeforeEach
	void aVacataire() {
		syncedCatalogue();
		lea = await(files.create(new Identity("Léa", "Martin", "lea.martin@ead.test", "MAT-100", null, null),
				VacataireStatus.ACTIF, COORD));
	}

	@Test
	void aNewFileWithAMatriculeOrAnEmailAlreadyHeldIsRefusedAndNotWritten() {
		long before = count("select count(*) from vacataire");
		InvalidRequest sameMatricule = refusal(() -> await(files.create(
				new Identity("Paul", "Durand", "paul@ead.test", "mat-100", null, null), VacataireStatus.CANDIDAT, COORD)));
		assertThat(sameMatricule.field()).isEqualTo("idnumber");
		assertThat(sameMatricule.getMessage()).isEqualTo("Le matricule « mat-100 » est déjà celui de Léa Martin (fiche n° " + lea + ").");
		InvalidRequest sameEmail = refusal(() -> await(files.create(
				new Identity("Paul", "Durand", "Lea.Martin@EAD.test", "MAT-200", null, null), VacataireStatus.CANDIDAT, COORD)));
		assertThat(sameEmail.field()).isEqualTo("email");
		assertThat(sameEmail.getMessage()).isEqualTo("Le courriel « lea.martin@ead.test » est déjà celui de Léa Martin (fiche n° " + lea + ").");
		assertThat(count("select count(*) from vacataire")).isEqualTo(before);
		assertThat(count("select count(*) from change_log where entity = 'vacataire' and action = 'created'")).isEqualTo(1);
	}

	@Test
	void whatMoodleGaveCountsToo() {
		long synced = count("select min(id) from vacataire where moodle_idnumber is not null and idnumber is null");
		String matricule = await(db.sql("select moodle_idnumber from vacataire where id = :id").bind("id", synced)
			.map((r, m) -> r.get(0, String.class)).one());
		InvalidRequest refused = refusal(() -> await(files.update(lea, new Identity("Léa", "Martin", "lea.martin@ead.test", matricule,
				null, null), COORD)));
		assertThat(refused.field()).isEqualTo("idnumber");
		assertThat(refused.getMessage()).contains("(fiche n° " + synced + ")");
		assertThat(await(files.identity(lea)).idnumber()).isEqualTo("MAT-100");
	}

	@Test
	void anEditTakingAnothersIdentifierIsRefusedButOneKeepingItsOwnIsNot() {
		long paul = await(files.create(new Identity("Paul", "Durand", "paul@ead.test", "MAT-200", null, null), VacataireStatus.ACTIF, COORD));
		long journal = count("select count(*) from change_log");
		refusal(() -> await(files.update(paul, new Identity("Paul", "Durand", "lea.martin@ead.test", "MAT-200", null, null), COORD)));
		assertThat(count("select count(*) from change_log")).isEqualTo(journal);
		// Its own matricule and e-mail, saved again with a new phone number: nobody else's.
		await(files.update(paul, new Identity("Paul", "Durand", "paul@ead.test", "MAT-200", "+32 2 000 00 00", null), COORD));
		assertThat(await(files.identity(paul)).phone()).isEqualTo("+32 2 000 00 00");
	}

	@Test
	void anOlderDuplicateDoesNotStopEditingTheRestOfTheFile() {
		long twin = await(files.create(new Identity("Léo", "Martin", "leo@ead.test", "MAT-300", null, null), VacataireStatus.ACTIF, COORD));
		// Two files with one matricule, from before the check (or typed into Moodle).
		await(db.sql("update vacataire set idnumber = 'MAT-100' where id = :id").bind("id", twin).then());
		await(files.update(twin, new Identity("Léo", "Martin", "leo@ead.test", "MAT-100", "+32 2 111 11 11", null), COORD));
		assertThat(await(files.identity(twin)).phone()).isEqualTo("+32 2 111 11 11");
	}

	private static InvalidRequest refusal(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
		InvalidRequest e = catchThrowableOfType(InvalidRequest.class, call);
		assertThat(e).as("refused").isNotNull();
		return e;
	}
}
