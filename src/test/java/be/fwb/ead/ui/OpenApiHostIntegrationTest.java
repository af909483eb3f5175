package be.fwb.ead.ui;

import be.fwb.ead.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI description's server and Swagger's OAuth2 return address never come from the Host header (issue 15, finding 8). */
class OpenApiHostIntegrationTest extends IntegrationTest {

	@Test
	void aForgedHostHeaderShowsNowhereInTheDescription() {
		// Generating the description the first time is slow on a loaded machine.
		var web = this.web.mutate().responseTimeout(java.time.Duration.ofMinutes(2)).build();
		String docs = web.get().uri("/v3/api-docs").header("Host", "attaquant.example").exchange()
			.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
		String config = web.get().uri("/v3/api-docs/swagger-config").header("Host", "attaquant.example").exchange()
			.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();

		assertThat(docs).doesNotContain("attaquant").contains("\"servers\":[{\"url\":\"http://localhost:");
		assertThat(config).doesNotContain("attaquant").contains("/swagger-ui/oauth2-redirect.html");
	}
}
