package be.fwb.ead.ui;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import be.fwb.ead.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages link their style sheet, scripts and icon at addresses naming their content, which the browser may keep a
 * year; any other address of the same files is checked again each time (no stale style after a release).
 */
class AssetsIntegrationTest extends IntegrationTest {

	@Test
	void pagesLinkTheFilesByTheirContentAndOnlyThoseAddressesAreKept() throws Exception {
		String page = web.get().uri("/connexion").accept(MediaType.TEXT_HTML).exchange()
			.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
		String css = linked(page, "/css/ead.css");
		assertThat(css).isEqualTo("/css/ead.css?v=" + sha256Prefix("static/css/ead.css"));
		String js = linked(page, "/js/ead.js");
		assertThat(js).isEqualTo("/js/ead.js?v=" + sha256Prefix("static/js/ead.js"));
		String htmx = linked(page, "/webjars/htmx.org/dist/htmx.min.js");
		linked(page, "/img/favicon.svg");

		for (String kept : new String[] { css, js, htmx }) {
			web.get().uri(kept).exchange().expectStatus().isOk()
				.expectHeader().valueEquals("Cache-Control", "max-age=31536000, public, immutable")
				.expectHeader().doesNotExist("Pragma")
				.expectBody(byte[].class).value(body -> assertThat(body).isNotEmpty());
		}
		web.head().uri(css).exchange().expectStatus().isOk()
			.expectHeader().valueEquals("Cache-Control", "max-age=31536000, public, immutable");
		// A range that cannot be served is an error, not the file: never kept.
		web.get().uri(css).header("Range", "bytes=999999-").exchange().expectStatus().isEqualTo(416)
			.expectHeader().valueEquals("Cache-Control", "no-store");
		// The same file at another address: checked again by the browser each time.
		for (String checked : new String[] { "/css/ead.css", "/css/ead.css?v=0123456789abcdef", "/js/ead.js" }) {
			web.get().uri(checked).exchange().expectStatus().isOk().expectHeader().valueEquals("Cache-Control", "no-cache");
		}
		// The pages themselves are never kept.
		web.get().uri("/connexion").accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk()
			.expectHeader().valueEquals("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
	}

	/** The address the page links for the file, query included. */
	private static String linked(String page, String path) {
		Matcher m = Pattern.compile("(?:href|src)=\"(" + Pattern.quote(path) + "[^\"]*)\"").matcher(page);
		assertThat(m.find()).as("la page renvoie à " + path).isTrue();
		return m.group(1).replace("&amp;", "&");
	}

	private static String sha256Prefix(String location) throws IOException, java.security.NoSuchAlgorithmException {
		try (InputStream in = new ClassPathResource(location).getInputStream()) {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()), 0, 8);
		}
	}
}
