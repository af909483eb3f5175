package be.fwb.ead.evaluations;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import be.fwb.ead.IntegrationTest;
import be.fwb.ead.analysis.Attention;
import be.fwb.ead.security.Accounts;
import be.fwb.ead.security.Role;
import be.fwb.ead.shared.InvalidRequest;
import be.fwb.ead.vacataires.VacataireFile;
import be.fwb.ead.vacataires.VacataireStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The evaluations planned in bulk: the vacataires due get one (a day, an evaluator), those a rule refuses are listed with
 * their reason, one journal entry per evaluation planned; a past day or an evaluator who is not a coordinator refuses
 * the whole request, naming the field, and writes nothing; recording the evaluation closes its plan; the attention list
 * no longer counts an evaluation planned to come. Through the service, the API and the page's form.
 */
class EvaluationPlanningIntegrationTest extends IntegrationTest {

	@Autowired
	EvaluationPlanning planning;

	@Autowired
	Evaluations evaluations;

	@Autowired
	VacataireFile files;

	@Autowired
	Accounts accounts;

	@Autowired
	Attention attention;


	@Autowired
	be.fwb.ead.sync.SyncLauncher launcher;

	@BeforeEach
	void coordinators() {
		// The catalogue, for the vacataires' assignments.
		syncedCatalogue();
		await(accounts.create("coord", "mot-de-passe-coord", Role.COORDINATOR, "Claire Coordination", null));
		await(accounts.create("eva", "mot-de-passe-eva", Role.COORDINATOR, "Éva Luation", null));
		await(accounts.create("relect", "mot-de-passe-relect", Role.REVIEWER, "Rémi Relecture", null));
	}

	@Test
	void theVacatairesDueArePlannedAndTheOthersListedWithTheirReasonOneJournalEntryEach() {
		long due = vacataire("Dû", VacataireStatus.ACTIF);
		long alsoDue = vacataire("Aussi dû", VacataireStatus.ACTIF);
		long suspended = vacataire("Candidat", VacataireStatus.CANDIDAT);
		long evaluated = vacataire("Évalué", VacataireStatus.ACTIF);
		long planned = vacataire("Planifié", VacataireStatus.ACTIF);
		evaluate(evaluated);
		await(planning.plan(List.of(planned), LocalDate.now(clock).plusDays(3), "eva", "coord"));

		EvaluationPlanning.Outcome outcome = await(planning.plan(List.of(due, alsoDue, suspended, evaluated, planned, 999_999L),
				nextWeek(), "eva", "coord"));

		assertThat(outcome.planned()).extracting(EvaluationPlanning.Planned::vacataireId).containsExactly(due, alsoDue);
		assertThat(outcome.evaluator()).isEqualTo("eva");
		assertThat(outcome.refused()).extracting(EvaluationPlanning.Refusal::vacataireId)
			.containsExactly(suspended, evaluated, planned, 999_999L);
		assertThat(outcome.refused()).extracting(EvaluationPlanning.Refusal::reason).satisfiesExactly(
				r -> assertThat(r).contains("pas actif"),
				r -> assertThat(r).startsWith("Évalué le").contains("prochaine évaluation est due le"),
				r -> assertThat(r).startsWith("Déjà planifiée le").contains("avec eva"),
				r -> assertThat(r).contains("Aucun vacataire"));
		assertThat(count("select count(*) from evaluation_plan where planned_on = '" + nextWeek() + "' and evaluator = 'eva'"))
			.isEqualTo(2);
		assertThat(count("select count(*) from change_log where entity = 'evaluation_plan' and action = 'planned' and author = 'coord'"))
			.as("une entrée au journal par évaluation planifiée").isEqualTo(3);
		assertThat(count("select count(*) from change_log where entity = 'evaluation_plan' and vacataire_id = " + due
				+ " and summary like 'Évaluation planifiée le % avec eva'")).isEqualTo(1);

		assertThat(await(evaluations.due().collectList())).filteredOn(d -> d.vacataireId() == due).singleElement()
			.satisfies(d -> {
				assertThat(d.plannedOn()).isEqualTo(nextWeek());
				assertThat(d.evaluator()).isEqualTo("eva");
			});
		List<Long> stillToDo = await(attention.kind(Attention.Kind.EVALUATION_DUE, be.fwb.ead.shared.Paging.of(0, 100)))
			.items().stream().map(Attention.Item::vacataireId).toList();
		assertThat(stillToDo).as("« À traiter » : une évaluation planifiée à venir est traitée").doesNotContain(due, alsoDue, planned);
	}

	@Test
	void aPastDayOrAnEvaluatorWhoIsNotACoordinatorRefusesTheWholeRequestNamingTheFieldAndWritesNothing() {
		long due = vacataire("Dû", VacataireStatus.ACTIF);
		refusedOn("plannedOn", planning.plan(List.of(due), LocalDate.now(clock).minusDays(1), "eva", "coord"));
		refusedOn("plannedOn", planning.plan(List.of(due), null, "eva", "coord"));
		refusedOn("plannedOn", planning.plan(List.of(due), LocalDate.now(clock).plusYears(2), "eva", "coord"));
		refusedOn("evaluator", planning.plan(List.of(due), nextWeek(), "personne", "coord"));
		refusedOn("evaluator", planning.plan(List.of(due), nextWeek(), "relect", "coord"));
		StepVerifier.create(planning.plan(List.of(), nextWeek(), "eva", "coord")).expectError(InvalidRequest.class).verify();
		assertThat(count("select count(*) from evaluation_plan")).isZero();
		assertThat(count("select count(*) from change_log where entity = 'evaluation_plan'")).isZero();

		EvaluationPlanning.Outcome mine = await(planning.plan(List.of(due), nextWeek(), " ", "coord"));
		assertThat(mine.evaluator()).as("sans évaluateur : l'auteur").isEqualTo("coord");
	}

	@Test
	void recordingTheEvaluationClosesItsPlanAndADayGoneByCanBePlannedAgain() {
		long due = vacataire("Dû", VacataireStatus.ACTIF);
		await(planning.plan(List.of(due), nextWeek(), "eva", "coord"));
		evaluate(due);
		assertThat(count("select count(*) from evaluation_plan where vacataire_id = " + due)).isZero();

		long missed = vacataire("Manqué", VacataireStatus.ACTIF);
		await(db.sql("insert into evaluation_plan (vacataire_id, planned_on, evaluator, planned_by, planned_at) "
				+ "values (:v, :on, 'eva', 'coord', :at)").bind("at", clock.instant()).bind("v", missed).bind("on", LocalDate.now(clock).minusDays(3)).then());
		assertThat(await(attention.kind(Attention.Kind.EVALUATION_DUE, be.fwb.ead.shared.Paging.of(0, 100))).items())
			.as("un jour passé sans évaluation revient à traiter").extracting(Attention.Item::vacataireId).contains(missed);
		assertThat(await(planning.plan(List.of(missed), nextWeek(), "coord", "coord")).planned()).hasSize(1);
		assertThat(count("select count(*) from evaluation_plan where vacataire_id = " + missed + " and planned_on = '" + nextWeek() + "'"))
			.isEqualTo(1);
	}

	@Test
	void theApiPlansAndNamesTheFieldItRefuses() {
		long due = vacataire("Dû", VacataireStatus.ACTIF);
		long evaluated = vacataire("Évalué", VacataireStatus.ACTIF);
		evaluate(evaluated);
		String token = apiToken("coord", "mot-de-passe-coord");
		web.post().uri("/api/evaluations/plans").headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("vacataireIds", List.of(due, evaluated), "plannedOn", nextWeek().toString(), "evaluator", "eva"))
			.exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.planned[0].vacataireId").isEqualTo(due)
			.jsonPath("$.refused[0].vacataireId").isEqualTo(evaluated)
			.jsonPath("$.refused[0].reason").value(r -> assertThat((String) r).startsWith("Évalué le"));
		web.post().uri("/api/evaluations/plans").headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("vacataireIds", List.of(due), "plannedOn", LocalDate.now(clock).minusDays(1).toString()))
			.exchange()
			.expectStatus().isBadRequest()
			.expectBody()
			.jsonPath("$.field").isEqualTo("plannedOn")
			.jsonPath("$.detail").isEqualTo("Le jour de l’évaluation ne peut être passé.");
	}

	@Test
	void thePagesFormPlansEveryoneDueOrGoesBackToTheFormWithTheRefusal() {
		long due = vacataire("Dû", VacataireStatus.ACTIF);
		WebSession session = signIn("coord", "mot-de-passe-coord");
		String page = web.get().uri("/evaluations/a-faire").cookie("SESSION", session.cookie()).accept(MediaType.TEXT_HTML)
			.exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
		assertThat(page).contains("id=\"planifier\"").contains("value=\"" + due + "\"");

		String refused = web.post().uri("/evaluations/planification").cookie("SESSION", session.cookie())
			.body(BodyInserters.fromFormData("_csrf", session.csrf()).with("vacataireId", "" + due)
				.with("plannedOn", LocalDate.now(clock).minusDays(1).toString()).with("evaluator", "eva"))
			.exchange().expectStatus().is3xxRedirection().returnResult(String.class).getResponseHeaders().getLocation().toString();
		assertThat(refused).isEqualTo("/evaluations/a-faire#planifier");
		assertThat(count("select count(*) from evaluation_plan")).isZero();

		String outcome = web.post().uri("/evaluations/planification").cookie("SESSION", session.cookie())
			.body(BodyInserters.fromFormData("_csrf", session.csrf()).with("scope", "due").with("back", "attention")
				.with("plannedOn", nextWeek().toString()))
			.exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
		assertThat(outcome).contains("id=\"planning-summary\"").contains("avec coord");
		assertThat(count("select count(*) from evaluation_plan where evaluator = 'coord' and vacataire_id = " + due)).isEqualTo(1);
	}

	/** A vacataire; never evaluated, they are due one when their first assignment began over a year ago (given here). */
	private long vacataire(String lastname, VacataireStatus status) {
		long id = await(files.create(new VacataireFile.Identity("Anne", lastname, null, null, null, null), status, "coord"));
		await(db.sql("""
				insert into assignment (vacataire_id, module_id, role, starts_on, ends_on, hours, coverage, created_by, created_at)
				values (:v, (select min(id) from module), 'TUTOR', :from, :to, 10, 'REQUIS', 'test', :now)""")
			.bind("v", id).bind("from", LocalDate.now(clock).minusMonths(13)).bind("to", LocalDate.now(clock).plusMonths(1))
			.bind("now", clock.instant()).then());
		return id;
	}

	private void evaluate(long vacataireId) {
		List<Evaluations.Score> scores = await(evaluations.grid().collectList()).stream()
			.map(c -> new Evaluations.Score(c.id(), 3, null)).toList();
		await(evaluations.record(vacataireId, LocalDate.now(clock), scores, null, "coord"));
	}

	private static void refusedOn(String field, reactor.core.publisher.Mono<?> action) {
		StepVerifier.create(action).expectErrorSatisfies(e -> assertThat(e).isInstanceOf(InvalidRequest.class)
			.extracting(x -> ((InvalidRequest) x).field()).isEqualTo(field)).verify();
	}

	private LocalDate nextWeek() {
		return LocalDate.now(clock).plusDays(7);
	}
}
