package be.fwb.ead.workspace.plugin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The service signs exactly as the plugin does: the shared vectors, also read by the plugin's PHP tests. */
class PluginSignatureUnitTest {

	static final Path VECTORS = Path.of("moodle-plugin/eadtutors/tests/fixtures/signing_vectors.json");

	@Test
	void theSharedVectorsGiveTheSameCanonicalStringsBodyHashesAndSignatures() throws IOException {
		JsonNode vectors = JsonMapper.builder().build().readTree(Files.readString(VECTORS)).get("vectors");
		assertThat(vectors.size()).isGreaterThanOrEqualTo(4);
		for (JsonNode v : vectors) {
			String body = v.get("body").asString();
			String hash = PluginSignature.sha256(body.getBytes(StandardCharsets.UTF_8));
			assertThat(hash).as(v.get("name").asString()).isEqualTo(v.get("bodysha256").asString());
			String canonical = PluginSignature.canonical(v.get("method").asString(), v.get("path").asString(),
					v.get("timestamp").asString(), v.get("nonce").asString(), v.get("userid").asString(), hash);
			assertThat(canonical).as(v.get("name").asString()).isEqualTo(v.get("canonical").asString());
			assertThat(PluginSignature.sign(v.get("secret").asString(), canonical)).as(v.get("name").asString())
				.isEqualTo(v.get("signature").asString());
		}
	}

	@Test
	void signaturesAreComparedWhole() {
		assertThat(PluginSignature.same("abcd", "abcd")).isTrue();
		assertThat(PluginSignature.same("abcd", "abce")).isFalse();
		assertThat(PluginSignature.same("abcd", "abc")).isFalse();
	}
}
