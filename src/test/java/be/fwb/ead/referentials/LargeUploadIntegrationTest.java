package be.fwb.ead.referentials;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import be.fwb.ead.IntegrationTest;
import be.fwb.ead.security.Accounts;
import be.fwb.ead.security.Role;
import be.fwb.ead.shared.LargeXlsx;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 900,000-cell XLSX uploaded to the référentiel import of the pages (issue 15, finding 4) is refused within
 * seconds with a French message, nothing is imported, and the upload leaves nothing in the uploads folder.
 */
class LargeUploadIntegrationTest extends IntegrationTest {

	@Autowired Accounts accounts;

	@Test
	void theNineHundredThousandCellFileIsRefusedInFrenchAndLeavesNoTemporaryFile() throws Exception {
		await(accounts.create("coord", "mot-de-passe-coord", Role.COORDINATOR, "Coordination", null));
		WebSession session = signIn("coord", "mot-de-passe-coord");
		Path file = LargeXlsx.file();
		MultipartBodyBuilder body = new MultipartBodyBuilder();
		body.part("_csrf", session.csrf());
		body.part("file", new FileSystemResource(file)).contentType(MediaType.APPLICATION_OCTET_STREAM).filename("referentiel.xlsx");

		long start = System.nanoTime();
		// The machine that runs the tests may be loaded: the time is measured and printed, the bound is generous.
		web.mutate().responseTimeout(java.time.Duration.ofMinutes(3)).build().post().uri("/analyse/import").cookie("SESSION", session.cookie()).header("X-CSRF-TOKEN", session.csrf())
			.body(BodyInserters.fromMultipartData(body.build()))
			.exchange().expectStatus().is3xxRedirection().expectHeader().location("/analyse");
		long millis = (System.nanoTime() - start) / 1_000_000;
		String page = web.get().uri("/analyse").cookie("SESSION", session.cookie()).accept(MediaType.TEXT_HTML).exchange()
			.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
		System.out.println("Fichier de 900 000 cellules refusé en " + millis + " ms");
		assertThat(page).contains("Le fichier compte plus de 50000 lignes ; au plus 50000.");
		assertThat(count("select count(*) from referential")).isZero();
		assertThat(leftovers()).as("files left in the uploads folder").isEmpty();
	}

	@org.springframework.beans.factory.annotation.Value("${ead.uploads.directory}")
	Path uploads;

	private java.util.List<Path> leftovers() throws java.io.IOException {
		Path folder = uploads;
		if (!Files.exists(folder)) {
			return java.util.List.of();
		}
		try (Stream<Path> files = Files.walk(folder)) {
			return files.filter(Files::isRegularFile).toList();
		}
	}
}
