package be.fwb.ead.workspace.plugin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import be.fwb.ead.ui.ProblemResponses;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Authenticates the Moodle plugin's requests: the four headers present and well formed, the timestamp within the
 * window, the signature right (over the method, path, timestamp, nonce, Moodle user id and body), and the nonce never
 * seen before. The body is read once (at most {@value #MAX_BODY} bytes) and handed on unchanged. The request then
 * speaks for the Moodle user named, with the role PLUGIN; every refusal is a 401 problem detail that says why.
 */
public class PluginAuthentication implements WebFilter {

	static final int MAX_BODY = 64 * 1024;
	private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{16,64}");
	private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");
	/** Seconds since 1970: 12 digits reach the year 33658, and never overflow an {@link Instant}. */
	private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{1,12}");

	/** Who a verified plugin request speaks for: a Moodle user. */
	public record MoodleUser(long id) {
	}

	private final PluginSettings settings;
	private final Nonces nonces;
	private final Clock clock;

	PluginAuthentication(PluginSettings settings, Nonces nonces, Clock clock) {
		this.settings = settings;
		this.nonces = nonces;
		this.clock = clock;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!settings.enabled()) {
			return ProblemResponses.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "API du plugin désactivée",
					"L’API du plugin Moodle est désactivée : aucun secret partagé n’est configuré (EAD_PLUGIN_SECRET).");
		}
		ServerHttpRequest request = exchange.getRequest();
		String timestamp = request.getHeaders().getFirst(PluginSignature.TIMESTAMP);
		String nonce = request.getHeaders().getFirst(PluginSignature.NONCE);
		String user = request.getHeaders().getFirst(PluginSignature.USER);
		String signature = request.getHeaders().getFirst(PluginSignature.SIGNATURE);
		if (timestamp == null || nonce == null || user == null || signature == null) {
			return refuse(exchange, "Requête du plugin non signée : les en-têtes " + String.join(", ", PluginSignature.TIMESTAMP,
					PluginSignature.NONCE, PluginSignature.USER, PluginSignature.SIGNATURE) + " sont requis.");
		}
		if (!TIMESTAMP.matcher(timestamp).matches() || !DIGITS.matcher(user).matches() || !NONCE.matcher(nonce).matches()) {
			return refuse(exchange, "Requête du plugin mal formée : horodatage et utilisateur en chiffres, nonce de 16 à 64 "
					+ "caractères [A-Za-z0-9_-].");
		}
		Instant now = clock.instant();
		if (!inWindow(Long.parseLong(timestamp), now, settings.window())) {
			long skew = Math.abs(Duration.between(Instant.ofEpochSecond(Long.parseLong(timestamp)), now).toSeconds());
			return refuse(exchange, "Requête expirée : son horodatage s’écarte de " + skew + " s de l’heure du service (au plus "
					+ settings.window().toSeconds() + " s). Vérifiez l’horloge du serveur Moodle.");
		}
		return DataBufferUtils.join(request.getBody(), MAX_BODY)
			.map(PluginAuthentication::bytes)
			.defaultIfEmpty(new byte[0])
			.flatMap(body -> {
				String path = request.getPath().pathWithinApplication().value()
						+ (request.getURI().getRawQuery() == null ? "" : "?" + request.getURI().getRawQuery());
				String expected = PluginSignature.sign(settings.secret(), PluginSignature.canonical(request.getMethod().name(), path,
						timestamp, nonce, user, PluginSignature.sha256(body)));
				if (!PluginSignature.same(expected, signature.toLowerCase(java.util.Locale.ROOT))) {
					return refuse(exchange, "Signature invalide : la requête a été modifiée en route, ou le secret partagé du plugin "
							+ "diffère de celui du service.");
				}
				return nonces.firstUse(nonce, now).flatMap(first -> {
					if (!first) {
						return refuse(exchange, "Requête rejouée : ce nonce a déjà servi. Chaque requête du plugin en tire un nouveau.");
					}
					var authentication = UsernamePasswordAuthenticationToken.authenticated(new MoodleUser(Long.parseLong(user)), null,
							List.of(new SimpleGrantedAuthority("ROLE_PLUGIN")));
					return chain.filter(exchange.mutate().request(withBody(request, body)).build())
						.contextWrite(ReactiveSecurityContextHolder.withAuthentication(authentication));
				});
			})
			.onErrorResume(DataBufferLimitException.class, e -> ProblemResponses.write(exchange, HttpStatus.CONTENT_TOO_LARGE,
					"Requête trop grande", "Le corps d’une requête du plugin fait au plus " + MAX_BODY / 1024 + " Kio."));
	}

	/**
	 * Whether a request stamped {@code stampSeconds} may be accepted at {@code now}: within the window, to the
	 * millisecond (rounding the gap down to whole seconds accepted a request just past the window, whose nonce could
	 * already be forgotten).
	 */
	static boolean inWindow(long stampSeconds, Instant now, Duration window) {
		long gap = Math.abs(now.toEpochMilli() - stampSeconds * 1000);
		return gap <= window.toMillis();
	}

	private static byte[] bytes(DataBuffer buffer) {
		byte[] out = new byte[buffer.readableByteCount()];
		buffer.read(out);
		DataBufferUtils.release(buffer);
		return out;
	}

	/** The request with its body, already read, given again to whoever reads it next. */
	private static ServerHttpRequest withBody(ServerHttpRequest request, byte[] body) {
		return new ServerHttpRequestDecorator(request) {
			@Override
			public Flux<DataBuffer> getBody() {
				return body.length == 0 ? Flux.empty()
						: Flux.defer(() -> Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body)));
			}
		};
	}

	private static Mono<Void> refuse(ServerWebExchange exchange, String why) {
		exchange.getResponse().getHeaders().set("WWW-Authenticate", PluginSignature.SCHEME);
		return ProblemResponses.write(exchange, HttpStatus.UNAUTHORIZED, "Requête du plugin refusée", why);
	}
}
