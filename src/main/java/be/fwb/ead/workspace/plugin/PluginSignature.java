package be.fwb.ead.workspace.plugin;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a plugin request, as the plugin computes it (docs/plugin.md, and the shared test vectors in
 * {@code moodle-plugin/eadtutors/tests/fixtures/signing_vectors.json}):
 *
 * <pre>
 * canonical = "EAD-HMAC-SHA256\n" + METHOD + "\n" + path?query + "\n" + timestamp + "\n" + nonce + "\n" + moodleUserId
 *             + "\n" + hex(sha256(body))
 * signature = hex(hmac_sha256(secret as UTF-8, canonical as UTF-8))
 * </pre>
 *
 * The path is the one under the service's base URL ({@code /api/plugin/workspace}), with its raw query when there is
 * one; hexadecimal is lowercase.
 */
public final class PluginSignature {

	public static final String SCHEME = "EAD-HMAC-SHA256";
	public static final String TIMESTAMP = "X-EAD-Timestamp";
	public static final String NONCE = "X-EAD-Nonce";
	public static final String USER = "X-EAD-User";
	public static final String SIGNATURE = "X-EAD-Signature";

	private PluginSignature() {
	}

	public static String canonical(String method, String pathAndQuery, String timestamp, String nonce, String userId,
			String bodySha256) {
		return String.join("\n", SCHEME, method.toUpperCase(java.util.Locale.ROOT), pathAndQuery, timestamp, nonce, userId,
				bodySha256);
	}

	public static String sign(String secret, String canonical) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException e) {
			throw new IllegalStateException("HMAC-SHA256 indisponible", e);
		}
	}

	public static String sha256(byte[] body) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 indisponible", e);
		}
	}

	/** Compares in constant time, so that the time taken says nothing of how much of a forged signature was right. */
	public static boolean same(String expected, String given) {
		return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.US_ASCII));
	}
}
