package be.fwb.ead.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.webjars.WebJarVersionLocator;
import reactor.core.publisher.Mono;

/**
 * The pages' style sheet, scripts and icon, at addresses that name their content ({@code /css/ead.css?v=…}, the
 * version a digest of the file read at start-up): the browser keeps them a year and asks for them again only when a
 * new release changes them. Before, every page load fetched all four again (Spring Security's {@code no-store} on
 * every answer). An address without the current version (an old page, a bookmark) is answered {@code no-cache}: the
 * browser checks it each time. Templates write {@code @{${#assets.url('/css/ead.css')}}} ({@link FormatsDialect}).
 */
@Component
class Assets implements WebFilter {

	/** The files every page links to, by address. */
	private static final List<String> PATHS = List.of("/css/ead.css", "/js/ead.js", "/img/favicon.svg",
			"/webjars/htmx.org/dist/htmx.min.js");

	private static final CacheControl VERSIONED = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

	private final Map<String, String> versions = new LinkedHashMap<>();

	Assets() {
		WebJarVersionLocator webJars = new WebJarVersionLocator();
		for (String path : PATHS) {
			String location = path.startsWith("/webjars/") ? webJarLocation(webJars, path) : "static" + path;
			versions.put(path, digest(location));
		}
	}

	/** The address of the file, with its version; an address that is not one of {@link #PATHS} unchanged. */
	public String url(String path) {
		String version = versions.get(path);
		return version == null ? path : path + "?v=" + version;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String path = exchange.getRequest().getPath().pathWithinApplication().value();
		String version = versions.get(path);
		HttpMethod method = exchange.getRequest().getMethod();
		if (version != null && (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method))) {
			boolean current = version.equals(exchange.getRequest().getQueryParams().getFirst("v"));
			// Set before the handler writes: Spring Security leaves a Cache-Control that is already there. An answer that
			// is not the file (a refused range, an error) is kept by nobody.
			exchange.getResponse().getHeaders().setCacheControl(current ? VERSIONED : CacheControl.noCache());
			exchange.getResponse().beforeCommit(() -> {
				var status = exchange.getResponse().getStatusCode();
				if (status != null && status.value() != 200 && status.value() != 206 && status.value() != 304) {
					exchange.getResponse().getHeaders().setCacheControl(CacheControl.noStore());
				}
				return Mono.empty();
			});
		}
		return chain.filter(exchange);
	}

	/**
	 * Where the WebJar keeps the file: {@code /webjars/htmx.org/dist/x.js} is
	 * {@code META-INF/resources/webjars/htmx.org/2.0.10/dist/x.js}.
	 */
	private static String webJarLocation(WebJarVersionLocator webJars, String path) {
		String[] parts = path.substring("/webjars/".length()).split("/", 2);
		@Nullable String full = webJars.fullPath(parts[0], parts[1]);
		if (full == null) {
			throw new IllegalStateException("WebJar introuvable pour " + path);
		}
		return full;
	}

	/** The first 16 hexadecimal digits of the file's SHA-256. */
	private static String digest(String location) {
		try (InputStream in = new ClassPathResource(location).getInputStream()) {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(in.readAllBytes());
			return HexFormat.of().formatHex(hash, 0, 8);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Fichier des pages illisible : " + location, e);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
