package be.fwb.ead.assignments;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import be.fwb.ead.IntegrationTest;
import be.fwb.ead.audit.ChangeLog;
import be.fwb.ead.catalogue.Placements;
import be.fwb.ead.evaluations.Evaluations;
import be.fwb.ead.shared.Conflict;
import be.fwb.ead.shared.InvalidRequest;
import be.fwb.ead.shared.NotFound;
import be.fwb.ead.shared.Refused;
import be.fwb.ead.sync.SyncLauncher;
import be.fwb.ead.sync.SyncMode;
import be.fwb.ead.titles.CoverageKind;
import be.fwb.ead.titles.Titles;
import be.fwb.ead.training.Training;
import be.fwb.ead.vacataires.VacataireFile;
import be.fwb.ead.vacataires.VacataireFile.Identity;
import be.fwb.ead.vacataires.VacataireStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lifecycle's rules against the real database, with the EAD catalogue synced from the simulated Moodle: each
 * rule refuses with its French message and writes nothing, each allowed change is recorded in the change log.
 */
class LifecycleIntegrationTest extends IntegrationTest {

	private static final String COORD = "coord";

	@Autowired SyncLauncher launcher;
	@Autowired VacataireFile files;
	@Autowired Titles titles;
	@Autowired Training training;
	@Autowired Assignments assignments;
	@Autowired Reconciliation reconciliation;
	@Autowired Evaluations evaluations;
	@Autowired Placements placements;
	@Autowired ChangeLog changes;
	@Autowired be.fwb.ead.recruitment.Recruitment recruitment;
	@Autowired be.fwb.ead.analysis.Attention attention;
	@Autowired be.fwb.ead.gdpr.PersonalData personalData;

	private long module;
	private String level;
	private String subject;
	private final LocalDate start = LocalDate.of(2026, 9, 1);
	private final LocalDate end = LocalDate.of(2027, 6, 30);

	@BeforeEach
	void catalogue() {
		syncedCatalogue();
		module = count("select min(m.id) from module m join moodle_category c on c.id = m.category_id where c.name = 'Mathématiques'");
		Placements.Placement place = await(placements.of(module));
		level = place.level();
		subject = place.subject();
	}

	private long newVacataire(String first, String last) {
		return await(files.create(new Identity(first, last, first.toLowerCase() + "@ead.test", null, null, null),
				VacataireStatus.ACTIF, COORD));
	}

	private long mathTitle() {
		// The title's level and subject are written without accents and in another case: they still match.
		return await(titles.save("AESI-MATH", "AESI mathématiques", List.of(new Titles.Coverage(
				level.toUpperCase(), "mathematiques", CoverageKind.REQUIS)), COORD));
	}

	private void completeInitialTraining(long vacataire) {
		for (String topic : List.of("MOODLE", "TUTORING", "PEDAGOGY")) {
			long session = await(training.plan(new Training.NewSession("INITIAL", topic, "Initiale " + topic,
					clock.instant().minus(30, ChronoUnit.MINUTES), 180, "VIRTUAL", null, 20), COORD));
			await(training.register(session, vacataire, COORD));
			await(training.recordAttendance(session, vacataire, true, true, COORD));
		}
	}

	private NewAssignment tutoring(long vacataire, int hours, String derogation) {
		return new NewAssignment(vacataire, module, "TUTOR", start, end, hours, derogation);
	}

	private void refused(Mono<?> call, Class<? extends Throwable> type, String... fragments) {
		StepVerifier.create(call).expectErrorSatisfies(e -> {
			assertThat(e).isInstanceOf(type);
			for (String f : fragments) {
				assertThat(e.getMessage()).contains(f);
			}
		}).verify();
	}

	@Test
	void anAssignmentNotStartedYetIsCancelledAndJournaledAndThenNoLongerHoldsTheErasure() {
		long v = newVacataire("Amélie", "Collard");
		await(titles.grant(v, mathTitle(), null, null, COORD));
		// Conception without training requirements here: the cancellation is the point, not the training rule.
		await(training.require(List.of(new Training.Requirement("TUTOR", "INITIAL", "MOODLE")), COORD));
		LocalDate today = LocalDate.now(clock);
		Assignment current = await(assignments.create(new NewAssignment(v, module, "AUTHOR", today.minusDays(5), today.plusMonths(2), 10,
				null), COORD));
		Assignment planned = await(assignments.create(new NewAssignment(v, module, "AUTHOR", today.plusMonths(3), today.plusMonths(6), 10,
				null), COORD));

		refused(assignments.end(planned.id(), today, COORD), InvalidRequest.class, "ne peut finir avant", "elle s’annule");
		refused(assignments.cancel(current.id(), COORD), Refused.class, "a commencé le", "terminez-la");
		await(assignments.end(current.id(), today.minusDays(1), COORD));
		assertThat(await(personalData.preview(v)).refusal()).contains("annulez-la si elle n’a pas commencé");

		await(assignments.cancel(planned.id(), "claire"));
		assertThat(count("select count(*) from assignment where id = " + planned.id())).isZero();
		assertThat(await(changes.history("assignment", planned.id()).collectList())).last().satisfies(e -> {
			assertThat(e.action()).isEqualTo("cancelled");
			assertThat(e.author()).isEqualTo("claire");
			assertThat(e.summary()).contains("annulée avant son début");
			assertThat(e.before()).contains(planned.startsOn().toString());
		});
		assertThat(await(personalData.preview(v)).refusal()).isNull();
		await(personalData.anonymise(v, "Demande de la personne", COORD));
	}

	@Test
	void statusesFollowTheLifecycleAndEveryChangeIsInTheTimelineWithItsAuthorAndReason() {
		long v = await(files.create(new Identity("Zoë", "Lambert", "zoe@ead.test", "MAT-1", null, null),
				VacataireStatus.CANDIDAT, COORD));
		refused(files.changeStatus(v, VacataireStatus.ACTIF, null, COORD), Refused.class,
				"Passage de « candidat » à « actif » impossible", "retenu, non retenu");
		await(files.changeStatus(v, VacataireStatus.RETENU, null, COORD));
		await(files.changeStatus(v, VacataireStatus.ACTIF, null, "claire"));
		refused(files.changeStatus(v, VacataireStatus.SUSPENDU, " ", COORD), InvalidRequest.class, "raison");
		await(files.changeStatus(v, VacataireStatus.SUSPENDU, "Congé de maladie", COORD));
		await(files.changeStatus(v, VacataireStatus.SORTI, "Fin de contrat", COORD));
		refused(files.changeStatus(v, VacataireStatus.ACTIF, null, COORD), Refused.class, "aucun changement possible");

		List<ChangeLog.Entry> timeline = await(files.timeline(v).collectList());
		assertThat(timeline).extracting(ChangeLog.Entry::summary).containsExactly("Statut : suspendu → sorti",
				"Statut : actif → suspendu", "Statut : retenu → actif", "Statut : candidat → retenu",
				"Fiche créée (candidat) : Zoë Lambert");
		assertThat(timeline.get(1).reason()).isEqualTo("Congé de maladie");
		assertThat(timeline.get(2).author()).isEqualTo("claire");
		assertThat(timeline.get(0).before()).contains("SUSPENDU");
		assertThat(timeline.get(0).after()).contains("SORTI");
	}

	@Test
	void aVacataireWhoLeavesKeepsNoAssignmentNorSeatToComeAndASuspendedOneKeepsThem() {
		long v = newVacataire("Basile", "Départ");
		LocalDate today = LocalDate.now(clock);
		// Conception requires the Moodle training only here, completed before the assignments.
		await(training.require(List.of(new Training.Requirement("AUTHOR", "INITIAL", "MOODLE")), COORD));
		long past = await(training.plan(new Training.NewSession("INITIAL", "MOODLE", "Moodle, les bases",
				Instant.now(clock).minus(30, ChronoUnit.MINUTES), 180, "VIRTUAL", null, 20), COORD));
		await(training.register(past, v, COORD));
		await(training.recordAttendance(past, v, true, true, COORD));
		Assignment current = await(assignments.create(new NewAssignment(v, module, "AUTHOR", today.minusDays(30), today.plusDays(200),
				10, "Pénurie de titulaires"), COORD));
		await(assignments.create(new NewAssignment(v, module, "AUTHOR", today.plusDays(250), today.plusDays(300), 10,
				"Pénurie de titulaires"), COORD));
		long toCome = await(training.plan(new Training.NewSession("CONTINUING", "PEDAGOGY", "Pédagogie en ligne",
				Instant.now(clock).plus(10, ChronoUnit.DAYS), 180, "VIRTUAL", null, 20), COORD));
		await(training.register(toCome, v, COORD));
		refused(training.plan(new Training.NewSession("CONTINUING", "PEDAGOGY", "Faute de frappe", Instant.parse("1900-03-01T09:00:00Z"),
				60, "VIRTUAL", null, 20), COORD), InvalidRequest.class, "La date de la session doit se situer entre");

		await(files.changeStatus(v, VacataireStatus.SUSPENDU, "Congé de maladie", COORD));
		awaitReactions();
		assertThat(await(assignments.ofVacataire(v).collectList())).as("suspended: nothing ends").hasSize(2);
		assertThat(await(training.ofVacataire(v).collectList())).hasSize(2);

		await(files.changeStatus(v, VacataireStatus.SORTI, "Fin de contrat", "claire"));
		awaitReactions();

		assertThat(await(assignments.ofVacataire(v).collectList())).singleElement().satisfies(a -> {
			assertThat(a.id()).isEqualTo(current.id());
			assertThat(a.endsOn()).as("ended the day they left").isEqualTo(today);
		});
		assertThat(await(training.ofVacataire(v).collectList())).extracting(Training.Registration::sessionId).containsExactly(past);
		List<ChangeLog.Entry> reactions = await(files.timeline(v).collectList()).subList(0, 3);
		assertThat(reactions).extracting(ChangeLog.Entry::summary).containsExactlyInAnyOrder(
				"Affectation au module « " + current.moduleName() + " » terminée le " + today.format(java.time.format.DateTimeFormatter
					.ofPattern("dd/MM/yyyy")) + " : le vacataire est sorti",
				"Affectation au module « " + current.moduleName() + " » du " + today.plusDays(250).format(java.time.format.DateTimeFormatter
					.ofPattern("dd/MM/yyyy")) + " retirée avant son début : le vacataire est sorti",
				"Inscription à la formation « Pédagogie en ligne » retirée : le vacataire est sorti");
		assertThat(reactions).allSatisfy(e -> {
			assertThat(e.author()).as("by whoever changed the status").isEqualTo("claire");
			assertThat(e.reason()).isEqualTo("Fin de contrat");
		});
		assertThat(count("select count(*) from event_publication where state = 'COMPLETED' and payload->>'to' = 'SORTI'"))
			.as("one delivery to the assignments, one to the trainings").isEqualTo(2);

		// Gone, and no seat given back afterwards: alone, nor in a group (the group is refused whole).
		refused(training.register(toCome, v, COORD), Refused.class, "Basile Départ (sorti) a quitté l’EAD ou n’a pas été retenu");
		long stays = newVacataire("Capucine", "Reste");
		refused(training.registerAll(toCome, List.of(stays, v), COORD), Refused.class, "Basile Départ (sorti)");
		assertThat(await(training.ofVacataire(stays).collectList())).isEmpty();
		assertThat(await(training.ofVacataire(v).collectList())).extracting(Training.Registration::sessionId).containsExactly(past);
	}

	@Test
	void whatACoordinatorEnteredSurvivesTheNextSyncAndMoodlesValuesComeBackWhenCleared() {
		long v = count("select min(id) from vacataire where moodle_user_id is not null");
		String moodleLast = await(db.sql("select moodle_lastname from vacataire where id = :id").bind("id", v)
			.map(r -> r.get(0, String.class)).one());
		await(files.update(v, new Identity(null, "Van den Bossche-Émond", null, null, "+32 2 123 45 67", 120), COORD));
		await(launcher.execute(SyncMode.FULL, "test"));
		assertThat(count("select count(*) from vacataire where id = " + v + " and lastname = 'Van den Bossche-Émond' "
				+ "and phone = '+32 2 123 45 67' and workload_cap_hours = 120")).isEqualTo(1);
		assertThat(count("select count(*) from vacataire where id = " + v + " and search_key like '%bossche-emond%'")).isEqualTo(1);
		await(files.update(v, new Identity(null, null, null, null, null, null), COORD));
		assertThat(count("select count(*) from vacataire where id = " + v + " and lastname is null")).isEqualTo(1);
		assertThat(await(db.sql("select sort_key from vacataire where id = :id").bind("id", v).map(r -> r.get(0, String.class)).one()))
			.startsWith(be.fwb.ead.shared.SearchText.key(moodleLast));
		refused(files.update(v, new Identity(null, null, "pas-un-courriel", null, null, null), COORD), InvalidRequest.class,
				"courriel invalide");
	}

	@Test
	void aTitleMustCoverTheModuleUnlessACoordinatorRecordsADerogation() {
		long v = newVacataire("Hélène", "Fontaine");
		completeInitialTraining(v);
		long before = count("select count(*) from change_log");
		refused(assignments.create(tutoring(v, 40, null), COORD), Refused.class, "Aucun titre de Hélène Fontaine",
				"aucun titre enregistré", "ne couvre « Mathématiques » en « " + level + " »", "dérogation");
		assertThat(count("select count(*) from assignment")).isZero();
		assertThat(count("select count(*) from change_log")).isEqualTo(before);

		Assignment derogation = await(assignments.create(tutoring(v, 40, "Pénurie de candidats titrés en 2026"), COORD));
		assertThat(derogation.coverage()).isEqualTo("DEROGATION");
		assertThat(await(changes.history("assignment", derogation.id()).collectList()))
			.singleElement()
			.satisfies(e -> {
				assertThat(e.action()).isEqualTo("derogation");
				assertThat(e.reason()).isEqualTo("Pénurie de candidats titrés en 2026");
				assertThat(e.summary()).contains("par dérogation");
			});

		long w = newVacataire("Jérôme", "Maes");
		completeInitialTraining(w);
		await(titles.grant(w, mathTitle(), LocalDate.of(2010, 6, 30), "Diplôme n° 42", COORD));
		assertThat(await(assignments.create(tutoring(w, 40, null), COORD)).coverage()).isEqualTo("REQUIS");
	}

	@Test
	void eachRoleNeedsTheTrainingsItRequiresCompleted() {
		long v = newVacataire("Anaïs", "Peeters");
		await(titles.grant(v, mathTitle(), null, null, COORD));
		refused(assignments.create(tutoring(v, 40, null), COORD), Refused.class,
				"n’a pas terminé la formation requise pour une affectation en tutorat", "« Moodle (technique) »", "« tutorat à distance »");
		// Conception needs what the training requirements list for it, as the overdue list (À traiter) says.
		refused(assignments.create(new NewAssignment(v, module, "AUTHOR", start, end, 30, null), COORD), Refused.class,
				"requise pour une affectation en conception", "« Moodle (technique) »", "« pédagogie en ligne »");
		assertThat(count("select count(*) from assignment where vacataire_id = " + v)).isZero();

		long session = await(training.plan(new Training.NewSession("INITIAL", "MOODLE", "Moodle pour les tuteurs",
				clock.instant(), 180, "ON_SITE", "Bruxelles", 1), COORD));
		await(training.register(session, v, COORD));
		refused(training.register(session, newVacataire("Noémie", "Jacobs"), COORD), Refused.class, "est complète (1 places)");
		refused(training.register(session, v, COORD), Conflict.class, "déjà inscrit");
		refused(training.recordAttendance(session, v, false, true, COORD), InvalidRequest.class, "sans y avoir assisté");
		await(training.recordAttendance(session, v, true, true, COORD));
		// Completed: another session of the same initial training is refused to them (a continuing one is not).
		long again = await(training.plan(new Training.NewSession("INITIAL", "MOODLE", "Moodle pour les tuteurs (bis)",
				clock.instant().plus(3, ChronoUnit.DAYS), 180, "VIRTUAL", null, 10), COORD));
		refused(training.register(again, v, COORD), Conflict.class, "a déjà terminé cette formation initiale (« Moodle pour les tuteurs », le ");
		long continuing = await(training.plan(new Training.NewSession("CONTINUING", "MOODLE", "Moodle : les nouveautés",
				clock.instant().plus(3, ChronoUnit.DAYS), 180, "VIRTUAL", null, 10), COORD));
		await(training.register(continuing, v, COORD));
		refused(assignments.create(tutoring(v, 40, null), COORD), Refused.class, "« tutorat à distance »");
		assertThat(await(training.missing(v, "TUTOR").collectList())).extracting(Training.Requirement::topic).containsExactly("TUTORING");
	}

	/**
	 * Recording a whole session at once records those whose attendance is not recorded yet; an absence recorded on its
	 * line stays, and a completion saved again keeps its day (the walkthrough: one click set 193 people back to
	 * « terminée » today, an absent one among them).
	 */
	@Test
	void theWholeSessionsAttendanceLeavesWhatWasRecordedLineByLine() {
		long a = newVacataire("Anaïs", "Peeters");
		long b = newVacataire("Noémie", "Jacobs");
		long c = newVacataire("Camille", "Bastin");
		long session = await(training.plan(new Training.NewSession("INITIAL", "MOODLE", "Moodle pour les tuteurs",
				clock.instant().plus(1, ChronoUnit.HOURS), 180, "VIRTUAL", null, 10), COORD));
		for (long v : List.of(a, b, c)) {
			await(training.register(session, v, COORD));
		}
		clock.advance(java.time.Duration.ofHours(2));
		await(training.recordAttendance(session, c, false, false, COORD));
		await(training.recordAttendance(session, b, true, true, COORD));
		java.time.Instant completedB = await(db.sql("select completed_at from training_registration where vacataire_id = " + b)
			.map(r -> r.get(0, java.time.Instant.class)).one());
		clock.advance(java.time.Duration.ofDays(1));
		assertThat(await(training.recordAttendanceAll(session, true, true, COORD))).as("seule la présence non enregistrée").isEqualTo(1);
		assertThat(count("select count(*) from training_registration where vacataire_id = " + c + " and attended = false and completed_at is null"))
			.as("l’absence reste").isEqualTo(1);
		await(training.recordAttendance(session, b, true, true, COORD));
		assertThat(await(db.sql("select completed_at from training_registration where vacataire_id = " + b)
			.map(r -> r.get(0, java.time.Instant.class)).one())).as("terminée le même jour, enregistrée deux fois").isEqualTo(completedB);
		refused(training.recordAttendanceAll(session, false, false, COORD), Refused.class, "déjà enregistrée");
	}

	/** A session's seats change until it is over, never below its registrations; a registration is withdrawn until it begins. */
	@Test
	void aSessionsSeatsChangeAndARegistrationIsWithdrawnUntilItBegins() {
		long a = newVacataire("Anaïs", "Peeters");
		long b = newVacataire("Noémie", "Jacobs");
		long session = await(training.plan(new Training.NewSession("INITIAL", "MOODLE", "Moodle pour les tuteurs",
				clock.instant().plus(2, ChronoUnit.DAYS), 180, "ON_SITE", "Bruxelles", 1), COORD));
		await(training.register(session, a, COORD));
		refused(training.register(session, b, COORD), Refused.class, "est complète (1 places)");
		refused(training.changeCapacity(session, 0, COORD), InvalidRequest.class, "de 1 à 500 places");
		// On site and to come: where to go is said; a past one is recorded for the history without its room.
		refused(training.plan(new Training.NewSession("INITIAL", "MOODLE", "Sans lieu", clock.instant().plus(2, ChronoUnit.DAYS), 180,
				"ON_SITE", " ", 10), COORD), InvalidRequest.class, "Une session en présentiel à venir indique son lieu");
		await(training.plan(new Training.NewSession("INITIAL", "MOODLE", "L’an dernier", clock.instant().minus(300, ChronoUnit.DAYS), 180,
				"ON_SITE", null, 10), COORD));
		refused(training.changeCapacity(session, 501, COORD), InvalidRequest.class, "de 1 à 500 places");
		await(training.changeCapacity(session, 2, COORD));
		await(training.register(session, b, COORD));
		refused(training.changeCapacity(session, 1, COORD), InvalidRequest.class, "compte déjà 2 inscrits", "au moins 2 places");
		await(training.unregister(session, b, COORD));
		refused(training.unregister(session, b, COORD), NotFound.class, "n’est pas inscrit");
		await(training.changeCapacity(session, 1, COORD));
		assertThat(await(training.session(session)).capacity()).isEqualTo(1);
		assertThat(await(training.registrations(session).collectList())).extracting(Training.Registration::vacataireId).containsExactly(a);
		assertThat(await(db.sql("select summary from change_log where entity = 'training' and entity_id = :s and action in ('updated', 'removed') "
				+ "order by id").bind("s", session).map(r -> r.get(0, String.class)).all().collectList()))
			.containsExactly("Places de la session « Moodle pour les tuteurs » : 1 → 2",
					"Inscription à la formation « Moodle pour les tuteurs » retirée",
					"Places de la session « Moodle pour les tuteurs » : 2 → 1");

		// Once begun, its registrations stay (presence is recorded instead); once over, its seats no longer change.
		clock.advance(java.time.Duration.ofDays(2).plusMinutes(1));
		refused(training.unregister(session, a, COORD), Refused.class, "a commencé", "la présence");
		clock.advance(java.time.Duration.ofHours(4));
		refused(training.changeCapacity(session, 5, COORD), Refused.class, "est passée");
	}

	@Test
	void overlappingDuplicatesAndTheWorkloadCapAreRefused() {
		long v = newVacataire("Chloé", "Dubois");
		await(titles.grant(v, mathTitle(), null, null, COORD));
		completeInitialTraining(v);
		await(assignments.create(tutoring(v, 200, null), COORD));
		refused(assignments.create(new NewAssignment(v, module, "TUTOR", LocalDate.of(2027, 1, 1), LocalDate.of(2027, 8, 31), 10, null),
				COORD), Refused.class, "déjà affecté en tutorat", "du 01/09/2026 au 30/06/2027", "chevauchent");
		refused(assignments.create(new NewAssignment(v, module, "AUTHOR", start, end, 101, null), COORD), Refused.class,
				"Plafond d’heures dépassé", "déjà 200 h", "2026-2027", "301 h", "plafond de 300 h");
		await(assignments.create(new NewAssignment(v, module, "AUTHOR", start, end, 100, null), COORD));
		// The next school year starts from zero; a cap set on the vacataire's file wins over the default.
		await(assignments.create(new NewAssignment(v, module, "TUTOR", LocalDate.of(2027, 9, 1), LocalDate.of(2028, 6, 30), 250, null), COORD));
		await(files.update(v, new Identity(null, null, null, null, null, 260), COORD));
		refused(assignments.create(new NewAssignment(v, module, "AUTHOR", LocalDate.of(2027, 9, 1), LocalDate.of(2028, 6, 30), 20, null), COORD),
				Refused.class, "plafond de 260 h");
		assertThat(count("select count(*) from assignment where vacataire_id = " + v)).isEqualTo(3);
	}

	@Test
	void onlyRetainedOrActiveVacatairesAreAssignedAndBadInputIsSaid() {
		long v = newVacataire("Sébastien", "Janssens");
		await(files.changeStatus(v, VacataireStatus.SUSPENDU, "Absence prolongée", COORD));
		refused(assignments.create(tutoring(v, 10, "x"), COORD), Refused.class, "« suspendu »", "retenus ou actifs");
		refused(assignments.create(new NewAssignment(v, module, "REDACTEUR", start, end, 10, null), COORD), InvalidRequest.class, "Rôle inconnu");
		refused(assignments.create(new NewAssignment(v, module, "TUTOR", end, start, 10, null), COORD), InvalidRequest.class, "période");
		refused(assignments.create(new NewAssignment(v, 999_999, "TUTOR", start, end, 10, null), COORD),
				be.fwb.ead.shared.NotFound.class, "Aucun module");
	}

	@Test
	void aCategoryMappingChangesWhichTitlesCoverItsModules() {
		long v = newVacataire("Wim", "Marchal");
		completeInitialTraining(v);
		await(titles.save("CAPAES-ECO", "CAPAES sciences économiques", List.of(new Titles.Coverage("Secondaire supérieur",
				"Économie", CoverageKind.SUFFISANT)), COORD));
		await(titles.grant(v, await(titles.byCode("capaes-eco")).id(), null, null, COORD));
		refused(assignments.create(tutoring(v, 10, null), COORD), Refused.class, "CAPAES-ECO");
		long category = count("select category_id from module where id = " + module);
		await(placements.map(category, "Secondaire supérieur", "economie", COORD));
		assertThat(await(assignments.create(tutoring(v, 10, null), COORD)).coverage()).isEqualTo("SUFFISANT");
	}

	@Test
	void theReconciliationListsMoodleRolesWithoutAssignmentAndAssignmentsWithoutMoodleRole() {
		List<Reconciliation.Line> lines = await(reconciliation.lines().collectList());
		long roles = count("select count(*) from module_role");
		assertThat(lines).hasSize((int) roles)
			.allSatisfy(l -> assertThat(l.kind()).isEqualTo(Reconciliation.Kind.MOODLE_ROLE_WITHOUT_ASSIGNMENT));

		Reconciliation.Line first = lines.get(0);
		await(reconciliation.accept(first.moduleId(), first.vacataireId(), first.role(), "Compte de la coordination", COORD));
		long v = newVacataire("Thérèse", "Mertens");
		await(titles.grant(v, mathTitle(), null, null, COORD));
		completeInitialTraining(v);
		Assignment a = await(assignments.create(new NewAssignment(v, module, "TUTOR", clock.today().minusDays(1),
				clock.today().plusMonths(6), 20, null), COORD));
		List<Reconciliation.Line> after = await(reconciliation.lines().collectList());
		assertThat(after).hasSize((int) roles);
		assertThat(after).filteredOn(l -> l.kind() == Reconciliation.Kind.ASSIGNED_WITHOUT_MOODLE_ROLE)
			.singleElement()
			.satisfies(l -> assertThat(l.assignmentId()).isEqualTo(a.id()));
		await(assignments.end(a.id(), clock.today().minusDays(1), COORD));
		assertThat(await(reconciliation.lines().collectList())).hasSize((int) roles - 1);
		refused(reconciliation.accept(module, v, "TUTOR", "x", COORD), be.fwb.ead.shared.NotFound.class, "Moodle ne montre pas");
	}

	@Test
	void anEvaluationScoresEveryCriterionAndTheVacataireAcknowledgesItOnce() {
		long v = newVacataire("Noémie", "Lecomte");
		List<be.fwb.ead.grids.CriteriaGrid.Criterion> grid = await(evaluations.grid().collectList());
		assertThat(grid).hasSize(5);
		// Known since today: not due (on the first day, nobody is). Assigned for more than a year and never evaluated: due.
		assertThat(await(evaluations.due().collectList())).extracting(Evaluations.Due::vacataireId).doesNotContain(v);
		await(titles.grant(v, mathTitle(), null, null, COORD));
		completeInitialTraining(v);
		await(assignments.create(new NewAssignment(v, module, "TUTOR", clock.today().minusMonths(13), clock.today().plusMonths(1),
				10, null), COORD));
		assertThat(await(evaluations.due().collectList())).filteredOn(d -> d.vacataireId() == v).singleElement()
			.satisfies(d -> assertThat(d.firstAssignedOn()).isEqualTo(clock.today().minusMonths(13)));
		refused(evaluations.record(v, clock.today(), List.of(new Evaluations.Score(grid.get(0).id(), 5, null)), null, COORD),
				InvalidRequest.class, "hors de l’échelle 1 à 4", "n’a pas de note");
		List<Evaluations.Score> scores = grid.stream().map(c -> new Evaluations.Score(c.id(), c.weight() == 3 ? 4 : 2, "ok")).toList();
		long id = await(evaluations.record(v, clock.today(), scores, "Très bon suivi des apprenants.", "claire"));
		Evaluations.Evaluation e = await(evaluations.find(id));
		assertThat(e.scores()).hasSize(5);
		assertThat(e.weightedScore()).isEqualTo((4 * 3 + 4 * 3 + 2 * 2 + 2 * 2 + 2 * 1) / 11.0, org.assertj.core.data.Offset.offset(0.01));
		assertThat(await(evaluations.due().collectList())).extracting(Evaluations.Due::vacataireId).doesNotContain(v);

		refused(evaluations.acknowledge(id, v + 1, "pas le mien"), be.fwb.ead.shared.NotFound.class, "Aucune évaluation");
		assertThat(await(evaluations.acknowledge(id, v, "Merci pour ces retours.")).vacataireComment()).isEqualTo("Merci pour ces retours.");
		refused(evaluations.acknowledge(id, v, null), Conflict.class, "déjà été prise en connaissance");
		assertThat(await(files.timeline(v).collectList())).extracting(ChangeLog.Entry::action).contains("acknowledged", "created");
	}

	@Test
	void vacatairesHoldingARoleWithoutTheRequiredTrainingAreOverdue() {
		List<Training.Overdue> overdue = await(training.overdue().collectList());
		long holders = count("select count(distinct vacataire_id) from module_role");
		assertThat(overdue.stream().map(Training.Overdue::vacataireId).distinct()).hasSize((int) holders);
		assertThat(overdue).allSatisfy(o -> assertThat(o.kind()).isEqualTo("INITIAL"));
		// À traiter: a training two roles require (Moodle, for conception and tutoring) is one line per person.
		List<String> awaiting = await(training.awaitingSession().map(o -> o.vacataireId() + " " + o.kind() + " " + o.topic())
			.collectList());
		assertThat(awaiting).doesNotHaveDuplicates();
		assertThat(awaiting.size()).isLessThan(overdue.size());
	}

	@Test
	void aCandidateIsScoredByTwoEvaluatorsRetainedTrainedAndAssigned() {
		long campaign = await(recruitment.open("Tuteurs mathématiques 2026", clock.today().minusDays(5), clock.today().plusDays(30),
				List.of(new be.fwb.ead.recruitment.Recruitment.Need(level, subject, "TUTOR", 120)), COORD));
		refused(recruitment.open("Sans fin", clock.today(), clock.today().minusDays(1), List.of(), COORD), InvalidRequest.class, "clôture");
		refused(recruitment.open("Sans besoin", clock.today(), clock.today().plusDays(9), List.of(), COORD), InvalidRequest.class,
				"au moins un besoin");
		refused(recruitment.open("Rôle inconnu", clock.today(), clock.today().plusDays(9),
				List.of(new be.fwb.ead.recruitment.Recruitment.Need(level, subject, "TUTOR", 10),
						new be.fwb.ead.recruitment.Recruitment.Need(level, subject, "JURY", 10)), COORD), InvalidRequest.class,
				"Besoin 2 : le rôle est la conception ou le tutorat.");
		refused(recruitment.open("Klingon", clock.today(), clock.today().plusDays(9),
				List.of(new be.fwb.ead.recruitment.Recruitment.Need("Klingon", subject, "TUTOR", 10)), COORD), InvalidRequest.class,
				"Niveau inconnu du catalogue : « Klingon »");
		// A document is received, a title obtained, before they are recorded: a day to come is a slip.
		refused(recruitment.apply(campaign, new Identity("Futur", "Document", "futur@ead.test", null, null, null),
				List.of(new be.fwb.ead.recruitment.Recruitment.Document("CV", "cv.pdf", clock.today().plusDays(1))), COORD),
				InvalidRequest.class, "une date à venir");
		refused(titles.grant(count("select min(id) from vacataire"), mathTitle(), clock.today().plusMonths(6), null, COORD),
				InvalidRequest.class, "est à venir");
		long k = await(recruitment.apply(campaign, new Identity("François", "Renard", "francois.renard@ead.test", null, null, null),
				List.of(new be.fwb.ead.recruitment.Recruitment.Document("CV", "cv-renard.pdf", clock.today()),
						new be.fwb.ead.recruitment.Recruitment.Document("Diplôme", "aesi-renard.pdf", clock.today())), COORD));
		be.fwb.ead.recruitment.Recruitment.Candidacy candidacy = await(recruitment.candidacy(k));
		assertThat(count("select count(*) from vacataire where id = " + candidacy.vacataireId() + " and status = 'CANDIDAT'")).isEqualTo(1);
		refused(recruitment.decide(k, true, null, COORD), Refused.class, "Aucun évaluateur", "avant de la retenir");

		List<be.fwb.ead.grids.CriteriaGrid.Criterion> grid = await(recruitment.grid().collectList());
		refused(recruitment.score(k, grid.stream().map(c -> new be.fwb.ead.recruitment.Recruitment.Score(c.id(), 4, " ")).toList(), "claire"),
				InvalidRequest.class, "doit être justifiée");
		await(recruitment.score(k, grid.stream().map(c -> new be.fwb.ead.recruitment.Recruitment.Score(c.id(), 4, "Solide")).toList(), "claire"));
		await(recruitment.score(k, grid.stream().map(c -> new be.fwb.ead.recruitment.Recruitment.Score(c.id(), 2, "Moyen")).toList(), "marc"));
		candidacy = await(recruitment.candidacy(k));
		assertThat(candidacy.evaluators()).containsExactly("claire", "marc");
		assertThat(candidacy.weightedScore()).isEqualTo(3.0);

		assertThat(await(recruitment.decide(k, true, " ", COORD)).decision()).isEqualTo("RETAINED");
		refused(recruitment.decide(k, false, "trop tard", COORD), Conflict.class, "déjà prise");
		// Retained with a blank reason (the form's empty field): no reason in the journal (it read « retenu () »).
		assertThat(count("select count(*) from change_log where entity = 'candidacy' and action = 'decided' and reason is null"))
			.isEqualTo(1);
		long v = candidacy.vacataireId();
		await(titles.grant(v, mathTitle(), null, null, COORD));
		completeInitialTraining(v);
		assertThat(await(assignments.create(tutoring(v, 120, null), COORD)).vacataireName()).isEqualTo("François Renard");
		assertThat(await(files.timeline(v).collectList())).extracting(ChangeLog.Entry::summary)
			.contains("Décision : retenu", "Statut : candidat → retenu");
	}

	@Test
	void anObviousRejectionNeedsAReasonButNoScore() {
		long campaign = await(recruitment.open("Tuteurs chimie 2026", clock.today().minusDays(5), clock.today().plusDays(30),
				List.of(new be.fwb.ead.recruitment.Recruitment.Need(level, subject, "TUTOR", 60)), COORD));
		long k = await(recruitment.apply(campaign, new Identity("Amélie", "Collard", "amelie.collard@ead.test", null, null, null),
				List.of(), COORD));
		refused(recruitment.decide(k, false, " ", COORD), InvalidRequest.class, "raison du refus");
		be.fwb.ead.recruitment.Recruitment.Candidacy rejected = await(recruitment.decide(k, false, "Aucun titre requis", COORD));
		assertThat(rejected.decision()).isEqualTo("REJECTED");
		assertThat(rejected.scores()).isEmpty();
		assertThat(count("select count(*) from vacataire where id = " + rejected.vacataireId() + " and status = 'NON_RETENU'")).isEqualTo(1);
	}

	@Test
	void gridsAndTrainingRequirementsAreConfigurableAndPastScoresKeepTheirCriteria() {
		long v = newVacataire("Maëlle", "Wouters");
		List<be.fwb.ead.grids.CriteriaGrid.Criterion> grid = await(evaluations.grid().collectList());
		long old = await(evaluations.record(v, clock.today(), grid.stream().map(c -> new Evaluations.Score(c.id(), 4, null)).toList(),
				null, COORD));
		List<be.fwb.ead.grids.CriteriaGrid.Criterion> now = await(evaluations.configure(List.of(
				new be.fwb.ead.grids.CriteriaGrid.Definition(grid.get(1).id(), "Rétroactions aux apprenants", 5),
				new be.fwb.ead.grids.CriteriaGrid.Definition(null, "Respect des délais", 2)), COORD));
		assertThat(now).extracting(be.fwb.ead.grids.CriteriaGrid.Criterion::label).containsExactly("Rétroactions aux apprenants", "Respect des délais");
		assertThat(await(evaluations.find(old)).scores()).hasSize(5);
		refused(evaluations.configure(List.of(), COORD), InvalidRequest.class, "au moins un critère");

		await(titles.grant(v, mathTitle(), null, null, COORD));
		refused(assignments.create(tutoring(v, 10, null), COORD), Refused.class, "« tutorat à distance »");
		await(training.require(List.of(new Training.Requirement("TUTOR", "INITIAL", "MOODLE")), COORD));
		refused(assignments.create(tutoring(v, 10, null), COORD), Refused.class, "« Moodle (technique) »");
		long session = await(training.plan(new Training.NewSession("INITIAL", "MOODLE", "Moodle", clock.instant(), 60, "VIRTUAL", null, 5), COORD));
		await(training.register(session, v, COORD));
		await(training.recordAttendance(session, v, true, true, COORD));
		assertThat(await(assignments.create(tutoring(v, 10, null), COORD)).role()).isEqualTo("TUTOR");
		refused(training.require(List.of(new Training.Requirement("TUTOR", "INITIAL", "DANSE")), COORD), InvalidRequest.class, "Exigence invalide");
	}

	@Test
	void aVacataireRegisteredForASessionToComeLeavesTheTrainingLinesUntilItEndsWithoutCompletion() {
		await(training.require(List.of(new Training.Requirement("TUTOR", "INITIAL", "MOODLE")), COORD));
		Training.Overdue o = await(training.awaitingSession().next());
		long session = await(training.plan(new Training.NewSession("INITIAL", "MOODLE", "Moodle", clock.instant().plus(7, ChronoUnit.DAYS),
				60, "VIRTUAL", null, 5), COORD));
		assertThat(await(training.missingFor(session).filter(x -> x.vacataireId() == o.vacataireId()).count())).isOne();

		await(training.register(session, o.vacataireId(), COORD));
		// Still overdue (not done), but handled: off the attention list and off the session's « who lacks it ».
		assertThat(await(training.overdue().filter(x -> x.vacataireId() == o.vacataireId()).count())).isOne();
		assertThat(await(training.awaitingSession().filter(x -> x.vacataireId() == o.vacataireId()).count())).isZero();
		assertThat(await(training.missingFor(session).filter(x -> x.vacataireId() == o.vacataireId()).count())).isZero();
		long listed = await(training.awaitingSession().count());
		assertThat(await(attention.all()).stream().filter(g -> g.kind() == be.fwb.ead.analysis.Attention.Kind.TRAINING_MISSING)
			.findFirst().orElseThrow().total()).isEqualTo(listed);

		// The session ends and nothing was recorded: the line comes back.
		clock.advance(java.time.Duration.ofDays(8));
		assertThat(await(training.awaitingSession().filter(x -> x.vacataireId() == o.vacataireId()).count())).isOne();
	}

	@Test
	void theAttentionListCountsEveryLineAndShowsTheFirstHundredOfEachKind() {
		long roles = count("select count(*) from module_role");
		long withoutTutor = count("select count(*) from module m where not exists "
				+ "(select 1 from module_role r where r.module_id = m.id and r.role = 'TUTOR')");
		long overdue = await(training.awaitingSession().count());
		java.util.Map<be.fwb.ead.analysis.Attention.Kind, be.fwb.ead.analysis.Attention.Group> groups = await(attention.all())
			.stream().collect(java.util.stream.Collectors.toMap(be.fwb.ead.analysis.Attention.Group::kind, g -> g));
		assertThat(groups.get(be.fwb.ead.analysis.Attention.Kind.MOODLE_ROLE_WITHOUT_ASSIGNMENT).total()).isEqualTo(roles);
		assertThat(groups.get(be.fwb.ead.analysis.Attention.Kind.MOODLE_ROLE_WITHOUT_ASSIGNMENT).items()).hasSize(100);
		assertThat(groups.get(be.fwb.ead.analysis.Attention.Kind.TITLE_NOT_COVERING).total()).isEqualTo(roles);
		assertThat(groups.get(be.fwb.ead.analysis.Attention.Kind.TRAINING_MISSING).total()).isEqualTo(overdue);
		assertThat(groups.get(be.fwb.ead.analysis.Attention.Kind.MODULE_WITHOUT_TUTOR).total()).isEqualTo(withoutTutor);
		assertThat(groups.get(be.fwb.ead.analysis.Attention.Kind.ASSIGNED_WITHOUT_MOODLE_ROLE).total()).isZero();
		assertThat(groups.get(be.fwb.ead.analysis.Attention.Kind.SUSPENDED_HOLDING_ROLE).total()).isZero();

		// A suspended tutor still holding their Moodle roles: a line for each (their learners wait for someone who may not
		// work; the walkthrough found nothing said).
		long suspended = count("select min(vacataire_id) from module_role");
		await(files.changeStatus(suspended, VacataireStatus.SUSPENDU, "Congé de maladie", COORD));
		assertThat(await(attention.kind(be.fwb.ead.analysis.Attention.Kind.SUSPENDED_HOLDING_ROLE, be.fwb.ead.shared.Paging.of(0, 50)))
			.items()).extracting(be.fwb.ead.analysis.Attention.Item::vacataireId).hasSize((int) count(
					"select count(*) from module_role where vacataire_id = " + suspended)).containsOnly(suspended);
		await(files.changeStatus(suspended, VacataireStatus.ACTIF, null, COORD));

		// A title covering the modules of one tutor's category takes their roles there off the list.
		record Holder(long vacataireId, long categoryId, long n) {
		}
		Holder h = await(db.sql("select r.vacataire_id, m.category_id, count(*) as n from module_role r join module m on m.id = r.module_id "
				+ "group by r.vacataire_id, m.category_id order by n desc limit 1")
			.map(r -> new Holder(r.get(0, Long.class), r.get(1, Long.class), r.get(2, Long.class))).one());
		Placements.Mapping place = await(placements.mappings().filter(m -> m.categoryId() == h.categoryId()).next());
		long title = await(titles.save("T-" + h.categoryId(), "Titre", List.of(new Titles.Coverage(place.level(), place.subject(),
				CoverageKind.REQUIS)), COORD));
		await(titles.grant(h.vacataireId(), title, null, null, COORD));
		assertThat(await(attention.all()).stream().filter(g -> g.kind() == be.fwb.ead.analysis.Attention.Kind.TITLE_NOT_COVERING)
			.findFirst().orElseThrow().total()).isEqualTo(roles - h.n());
	}
}
