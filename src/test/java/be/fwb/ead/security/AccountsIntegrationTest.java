package be.fwb.ead.security;

import java.util.Map;

import be.fwb.ead.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/** Coordinators manage accounts: creation checked, disabling and new passwords revoke tokens, all in the audit trail. */
class AccountsIntegrationTest extends IntegrationTest {

	static final String STRONG = "une-phrase-de-passe-solide";

	@Autowired Accounts accounts;

	private String coordinator;

	@BeforeEach
	void coordinator() {
		await(accounts.create("coord", "mot-de-passe-coord", Role.COORDINATOR, "Coordination", null));
		coordinator = apiToken("coord", "mot-de-passe-coord");
	}

	@Test
	void aCoordinatorCreatesDisablesAndResetsAccountsAndTheTrailSaysSoWithoutPasswords() {
		String created = web.post().uri("/api/accounts").headers(h -> h.setBearerAuth(coordinator)).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("username", "Rita.Relecture", "password", STRONG, "role", "REVIEWER", "displayName", "Rita Relecture"))
			.exchange().expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody();
		assertThat(created).contains("\"username\":\"rita.relecture\"").doesNotContain(STRONG).doesNotContain("password");
		web.post().uri("/api/accounts").headers(h -> h.setBearerAuth(coordinator)).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("username", "rita.relecture", "password", STRONG, "role", "REVIEWER", "displayName", "Rita"))
			.exchange().expectStatus().isEqualTo(409);
		web.post().uri("/api/accounts").headers(h -> h.setBearerAuth(coordinator)).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("username", "court", "password", "court", "role", "REVIEWER", "displayName", "Court"))
			.exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.detail").isEqualTo("Un mot de passe a de 12 caractères à 72 octets (72 lettres sans accent).");
		web.post().uri("/api/accounts").headers(h -> h.setBearerAuth(coordinator)).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("username", "vac", "password", STRONG, "role", "VACATAIRE", "displayName", "Vac"))
			.exchange().expectStatus().isBadRequest();

		String rita = apiToken("rita.relecture", STRONG);
		web.get().uri("/api/accounts").headers(h -> h.setBearerAuth(rita)).exchange().expectStatus().isForbidden();
		web.get().uri("/api/modules").headers(h -> h.setBearerAuth(rita)).exchange().expectStatus().isOk();
		web.put().uri("/api/accounts/rita.relecture/enabled").headers(h -> h.setBearerAuth(coordinator)).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("enabled", false)).exchange().expectStatus().isOk().expectBody().jsonPath("$.enabled").isEqualTo(false);
		web.get().uri("/api/modules").headers(h -> h.setBearerAuth(rita)).exchange().expectStatus().isUnauthorized();
		web.post().uri("/api/auth/token").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("username", "rita.relecture",
				"password", STRONG)).exchange().expectStatus().isUnauthorized();
		web.put().uri("/api/accounts/rita.relecture/enabled").headers(h -> h.setBearerAuth(coordinator)).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("enabled", true)).exchange().expectStatus().isOk();
		String again = apiToken("rita.relecture", STRONG);

		web.put().uri("/api/accounts/rita.relecture/password").headers(h -> h.setBearerAuth(coordinator)).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("password", "nouvelle-phrase-de-passe")).exchange().expectStatus().isNoContent();
		web.get().uri("/api/modules").headers(h -> h.setBearerAuth(again)).exchange().expectStatus().isUnauthorized();
		web.post().uri("/api/auth/token").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("username", "rita.relecture",
				"password", STRONG)).exchange().expectStatus().isUnauthorized();
		apiToken("rita.relecture", "nouvelle-phrase-de-passe");

		web.put().uri("/api/accounts/coord/enabled").headers(h -> h.setBearerAuth(coordinator)).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("enabled", false)).exchange().expectStatus().isEqualTo(422);
		assertThat(count("select count(*) from change_log where entity = 'account'")).isEqualTo(4);
		assertThat(count("select count(*) from change_log where entity = 'account' and (coalesce(after::text, '') like '%phrase%' "
				+ "or summary like '%phrase%')")).isZero();
	}

	/** One account a vacataire: a second one for the same file is refused, naming the first. */
	@Test
	void aVacataireHasOneAccount(@org.springframework.beans.factory.annotation.Autowired be.fwb.ead.vacataires.VacataireFile files) {
		long v = await(files.create(new be.fwb.ead.vacataires.VacataireFile.Identity("Vic", "Vacataire", "vic.vacataire@ead.test", null,
				null, null), be.fwb.ead.vacataires.VacataireStatus.ACTIF, "coord"));
		web.post().uri("/api/accounts").headers(h -> h.setBearerAuth(coordinator)).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("username", "vic", "password", STRONG, "role", "VACATAIRE", "displayName", "Vic", "vacataireId", v))
			.exchange().expectStatus().isCreated();
		web.post().uri("/api/accounts").headers(h -> h.setBearerAuth(coordinator)).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("username", "vic.bis", "password", STRONG, "role", "VACATAIRE", "displayName", "Vic", "vacataireId", v))
			.exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.detail")
			.isEqualTo("La fiche n° " + v + " a déjà le compte « vic » ; changez son mot de passe plutôt que d’en créer un second.");
		assertThat(count("select count(*) from account where vacataire_id = " + v)).isEqualTo(1);
	}
}
