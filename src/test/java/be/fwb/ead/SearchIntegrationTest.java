package be.fwb.ead;

import java.util.List;

import be.fwb.ead.security.Accounts;
import be.fwb.ead.security.Role;
import be.fwb.ead.shared.SearchText;
import be.fwb.ead.vacataires.VacataireFile;
import be.fwb.ead.vacataires.VacataireFile.Identity;
import be.fwb.ead.vacataires.VacataireStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A search finds its words in any order, whatever their case and accents, as a person types them: a name as the lists
 * write it (« Ottignies, Jean-Hugues »), a module's title without its accents or apostrophe, a reason given in the journal
 * (found missing by a newcomer: « Pénurie » found nothing in the journal, « stoechiometrie » nothing there either).
 */
class SearchIntegrationTest extends IntegrationTest {

	@Autowired Accounts accounts;
	@Autowired VacataireFile files;

	private String token;

	@BeforeEach
	void catalogueAndCoordinator() {
		syncedCatalogue();
		await(accounts.create("coord", "mot-de-passe-coord", Role.COORDINATOR, "Coordination", null));
		token = apiToken("coord", "mot-de-passe-coord");
	}

	@Test
	void theDatabasesFoldIsJavas() {
		for (String text : List.of("Stœchiométrie 2e  secondaire", "CRÈVECŒUR Ça va", "Zoë Façade ÆSIR Straße",
				"Préparation à l’épreuve – Révisions guidées", "Ĳssel Šťastný Ğüneş Ørsted")) {
			String folded = await(db.sql("select search_fold(:t)").bind("t", text).map((r, m) -> r.get(0, String.class)).one());
			assertThat(folded).as(text).isEqualTo(SearchText.key(text));
		}
	}

	@Test
	void aVacataireIsFoundByTheirNameAsTheListWritesIt() {
		long id = await(files.create(new Identity("Jean-Hugues", "Ottignies", "jh.ottignies@ead.test", "MAT-42", null, null),
				VacataireStatus.ACTIF, "coord"));
		for (String q : List.of("Ottignies, Jean-Hugues", "jean hugues ottignies", "OTTIGNIES jean-hugues", "mat-42 ottignies")) {
			web.get().uri("/api/vacataires?q={q}", q).headers(h -> h.setBearerAuth(token)).exchange()
				.expectStatus().isOk().expectBody()
				.jsonPath("$.total").isEqualTo(1).jsonPath("$.items[0].id").isEqualTo(id);
		}
		web.get().uri("/api/vacataires?q={q}", "Ottignies Jean-Pierre").headers(h -> h.setBearerAuth(token)).exchange()
			.expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(0);
	}

	@Test
	void aModuleIsFoundByTheWordsOfItsTitleInAnyOrderWithoutAccentsNorApostrophes() {
		String title = await(db.sql("select fullname from module where fullname like '%l''%' and fullname ~ '[éèà]' order by id limit 1")
			.map((r, m) -> r.get(0, String.class)).one());
		long expected = count("select count(*) from module where archived_at is null and fullname = '" + title.replace("'", "''") + "'");
		// Its words without accents or apostrophe, the last first.
		List<String> words = List.of(SearchText.key(title).split("[\\s'’–-]+"));
		String q = words.get(words.size() - 1) + " " + String.join(" ", words.subList(0, words.size() - 1));
		web.get().uri("/api/modules?q={q}&size=100", q).headers(h -> h.setBearerAuth(token)).exchange()
			.expectStatus().isOk().expectBody()
			.jsonPath("$.total").value(t -> assertThat(((Number) t).longValue()).as(q).isGreaterThanOrEqualTo(expected))
			.jsonPath("$.items[*].fullname").value(names -> assertThat(names).as(q).asInstanceOf(InstanceOfAssertFactories.LIST).contains(title));
	}

	@Test
	void theJournalIsSearchedInItsReasonsTooWithoutAccents() {
		long id = await(files.create(new Identity("Basile", "Départ", null, null, null, null), VacataireStatus.ACTIF, "coord"));
		await(files.changeStatus(id, VacataireStatus.SUSPENDU, "Pénurie de places en stœchiométrie", "coord"));
		for (String q : List.of("penurie", "STOECHIOMETRIE places", "Pénurie")) {
			web.get().uri("/api/audit/changes?q={q}", q).headers(h -> h.setBearerAuth(token)).exchange()
				.expectStatus().isOk().expectBody()
				.jsonPath("$.total").isEqualTo(1).jsonPath("$.items[0].reason").isEqualTo("Pénurie de places en stœchiométrie");
		}
		// The summary, accents or not.
		web.get().uri("/api/audit/changes?q={q}", "suspendu actif").headers(h -> h.setBearerAuth(token)).exchange()
			.expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(1);
	}
}
