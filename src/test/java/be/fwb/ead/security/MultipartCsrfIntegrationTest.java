package be.fwb.ead.security;

import java.nio.charset.StandardCharsets;

import be.fwb.ead.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An upload form sends its CSRF token as a browser does: the hidden {@code _csrf} field inside the multipart body, no
 * header. It was refused with a bare « Access Denied » (issue 16); the browser test {@code EveryFormInTheBrowser}
 * submits the three upload forms from Chromium.
 */
class MultipartCsrfIntegrationTest extends IntegrationTest {

	@Autowired
	Accounts accounts;

	@BeforeEach
	void coordinator() {
		await(accounts.create("coord", "mot-de-passe-coord", Role.COORDINATOR, "Claire Coordination", null));
	}

	@Test
	void anUploadFormsTokenInTheMultipartBodyIsAccepted() {
		WebSession session = signIn("coord", "mot-de-passe-coord");
		String page = web.post().uri("/vacataires/import").cookie("SESSION", session.cookie())
			.accept(MediaType.TEXT_HTML)
			.body(BodyInserters.fromMultipartData(upload(session.csrf())))
			.exchange()
			.expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(page).contains("Renard");
	}

	@Test
	void anUploadWithoutItsTokenIsStillRefused() {
		WebSession session = signIn("coord", "mot-de-passe-coord");
		web.post().uri("/vacataires/import").cookie("SESSION", session.cookie())
			.accept(MediaType.TEXT_HTML)
			.body(BodyInserters.fromMultipartData(upload("pas-le-bon-jeton")))
			.exchange()
			.expectStatus().isForbidden();
		assertThat(count("select count(*) from vacataire")).isZero();
	}

	private static org.springframework.util.MultiValueMap<String, org.springframework.http.HttpEntity<?>> upload(String csrf) {
		MultipartBodyBuilder body = new MultipartBodyBuilder();
		body.part("_csrf", csrf);
		body.part("dryRun", "true");
		body.part("file", new ByteArrayResource("Nom;Prénom;Courriel;Matricule\r\nRenard;François;francois.renard@ead.test;MAT-1\r\n"
			.getBytes(StandardCharsets.UTF_8)) {
			@Override
			public String getFilename() {
				return "vacataires.csv";
			}
		}).contentType(MediaType.parseMediaType("text/csv"));
		return body.build();
	}
}
