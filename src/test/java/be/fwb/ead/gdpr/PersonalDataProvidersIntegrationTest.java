package be.fwb.ead.gdpr;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import be.fwb.ead.IntegrationTest;
import be.fwb.ead.audit.Change;
import be.fwb.ead.audit.ChangeLog;
import be.fwb.ead.evaluations.Evaluations;
import be.fwb.ead.security.Accounts;
import be.fwb.ead.security.Role;
import be.fwb.ead.vacataires.VacataireFile;
import be.fwb.ead.vacataires.VacataireStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The owners' parts as Spring assembles them: every module that holds personal data takes part, in its order; together
 * they export every table that carries a person's id, in the report's order; and an erasure is all or nothing — one
 * owner failing (or the erasure's own journal line) leaves every table as it was.
 */
class PersonalDataProvidersIntegrationTest extends IntegrationTest {

	@Autowired List<PersonalDataProvider> providers;
	@Autowired PersonalData data;
	@Autowired VacataireFile files;
	@Autowired Evaluations evaluations;
	@Autowired Accounts accounts;
	@Autowired ChangeLog changes;

	private long person;

	@BeforeEach
	void aCandidateWithDataInSeveralOwnersTables() {
		person = await(files.create(new VacataireFile.Identity("Irène", "Vandenbroucke", "irene.v@exemple.be", "IV-3", "+32 470 00 00 01",
				null), VacataireStatus.CANDIDAT, "coord"));
		await(files.setAvailability(person, "2026-2027", Map.of(1, 10, 2, 8), "coord"));
		List<Evaluations.Score> scores = await(evaluations.grid().map(c -> new Evaluations.Score(c.id(), 3, "Irène explique bien."))
			.collectList());
		await(evaluations.record(person, LocalDate.now(clock), scores, "Suivi attentif d'Irène Vandenbroucke.", "coord"));
		await(accounts.create("ivandenbroucke", "mot-de-passe-d-irene", Role.VACATAIRE, "Irène Vandenbroucke", person));
		await(changes.record("coord", Change.of("evaluation", 1, null, "read", "Lu pour Irène Vandenbroucke (irene.v@exemple.be)")));
	}

	@AfterEach
	void noFailureLeftBehind() {
		await(db.sql("drop trigger if exists gdpr_test_failure on account; drop trigger if exists gdpr_test_failure on change_log; "
				+ "drop function if exists gdpr_test_failure()").then());
	}

	@Test
	void everyOwnerOfPersonalDataTakesPartInItsOrderThePersonsRecordFirstAndTheJournalLast() {
		assertThat(providers).extracting(p -> p.getClass().getPackageName().replace("be.fwb.ead.", ""))
			.containsExactly("vacataires", "sync", "assignments", "evaluations", "training", "recruitment", "reviews", "titles", "security",
					"events", "audit");
		assertThat(data.kept()).containsOnlyKeys("contract_period", "module_role", "assignment", "change_log");
	}

	@Test
	void theOwnersTogetherExportEveryTableThatCarriesAPersonsIdByNameThenTheScores() {
		List<String> tables = await(db.sql("""
				select c.table_name from information_schema.columns c
				join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
				where c.table_schema = current_schema() and c.column_name = 'vacataire_id' and t.table_type = 'BASE TABLE'
				order by c.table_name""").map(r -> r.get("table_name", String.class)).all().collectList());
		List<String> expected = new ArrayList<>(tables);
		expected.add("event_publication"); // its events name the person in their JSON
		expected.sort(null);
		expected.addAll(List.of("evaluation_score", "candidacy_score"));

		Map<String, Object> export = await(data.export(person));

		@SuppressWarnings("unchecked")
		Map<String, Object> exported = (Map<String, Object>) export.get("data");
		assertThat(exported.keySet()).as("a new table with a vacataire_id needs its owner's PersonalDataProvider").containsExactlyElementsOf(expected);
		assertThat(export.get("vacataire").toString()).contains("irene.v@exemple.be");
	}

	@Test
	void anErasureDeletesTheDeliveredEventsThatNameThePersonAndEmptiesTheFreeTextOfThoseToDeliver() {
		await(files.changeStatus(person, VacataireStatus.NON_RETENU, "Irène Vandenbroucke n'a pas le titre requis", "coord"));
		awaitReactions();
		long other = await(files.create(new VacataireFile.Identity("Marc", "Dupont", "marc.d@exemple.be", "MD-1", null, null),
				VacataireStatus.CANDIDAT, "coord"));
		String waiting = """
				insert into event_publication (event_type, listener_id, payload, published_at, next_attempt_at, state)
				values ('be.fwb.ead.vacataires.VacataireStatusChanged', 'test.later', jsonb_build_object('vacataireId', %d, 'from',
				        'CANDIDAT', 'to', 'NON_RETENU', 'reason', 'Irène ne convient pas', 'author', 'coord', 'at', '2026-12-01T10:00:00Z'),
				        :now, :later, '%s')""";
		java.time.Instant now = clock.instant();
		java.time.Instant later = now.plus(java.time.Duration.ofDays(1));
		await(db.sql(waiting.formatted(person, "PUBLISHED")).bind("now", now).bind("later", later).then());
		await(db.sql(waiting.formatted(person, "FAILED")).bind("now", now).bind("later", later).then());
		await(db.sql(waiting.formatted(other, "PUBLISHED")).bind("now", now).bind("later", later).then());
		String naming = "from event_publication where payload @> jsonb_build_object('vacataireId', " + person + "::bigint)";
		assertThat(count("select count(*) " + naming + " and state = 'COMPLETED'")).isPositive();
		@SuppressWarnings("unchecked")
		List<Object> exported = (List<Object>) ((Map<String, Object>) await(data.export(person)).get("data")).get("event_publication");
		// One line per event, whatever the number of modules it was delivered to, in words.
		assertThat(exported).hasSize((int) count("select count(distinct (event_type, payload::text)) " + naming))
			.allSatisfy(e -> assertThat(e.toString()).contains("Changement de statut").doesNotContain("be.fwb.ead"));

		await(data.anonymise(person, "Demande de la personne", "coord"));

		assertThat(count("select count(*) " + naming + " and state = 'COMPLETED'")).isZero();
		assertThat(count("select count(*) " + naming + " and state <> 'COMPLETED' and payload->'reason' = 'null'::jsonb "
				+ "and payload->>'to' = 'NON_RETENU'")).isEqualTo(2);
		assertThat(count("select count(*) from event_publication where payload::text like '%Irène%'")).isOne();
	}

	@ParameterizedTest
	@ValueSource(strings = { "account", "change_log" })
	void anErasureThatFailsAnywhereLeavesEveryTableAsItWas(String failingTable) {
		// The security's part deletes the accounts late in the erasure; the erasure's own line in the journal is its very end.
		await(db.sql("""
				create function gdpr_test_failure() returns trigger language plpgsql as $$
				begin raise exception 'panne simulée'; end $$""").then());
		await(db.sql("create trigger gdpr_test_failure before delete or insert on " + failingTable
				+ " for each row execute function gdpr_test_failure()").then());
		String before = everything();

		StepVerifier.create(data.anonymise(person, "Demande de la personne", "coord"))
			.expectErrorSatisfies(e -> assertThat(e).hasStackTraceContaining("panne simulée"))
			.verify(java.time.Duration.ofMinutes(1));

		assertThat(everything()).isEqualTo(before);
		assertThat(count("select count(*) from vacataire where id = " + person + " and anonymised_at is null and lastname = 'Vandenbroucke'"))
			.isOne();
		assertThat(count("select count(*) from change_log where redacted_at is not null")).isZero();
	}

	/** Every row of every table the owners erase or rewrite, as text. */
	private String everything() {
		StringBuilder out = new StringBuilder();
		for (String table : List.of("vacataire", "availability", "evaluation", "evaluation_score", "account", "api_token", "change_log",
				"access_log", "login_attempt")) {
			out.append(table).append(": ").append(await(db.sql("select coalesce(string_agg(row_to_json(t)::text, ' | ' order by "
					+ "row_to_json(t)::text), '') from " + table + " t").map(r -> r.get(0, String.class)).one())).append('\n');
		}
		return out.toString();
	}
}
