package be.fwb.ead.ui;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import be.fwb.ead.shared.Counted;

/** Writes an RFC 9457 problem detail straight to a response, for errors raised before any controller runs. */
public final class ProblemResponses {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ProblemResponses() {
	}

	public static ProblemDetail problem(HttpStatus status, String title, String detail, String instance) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		problem.setInstance(URI.create(instance));
		return problem;
	}

	/**
	 * The answer to a file import: its report when every line is right, else a 422 problem listing the wrong lines
	 * (nothing was written).
	 */
	public static org.springframework.http.ResponseEntity<Object> importReport(Object report, java.util.List<?> wrongLines,
			String instance) {
		if (wrongLines.isEmpty()) {
			return org.springframework.http.ResponseEntity.ok(report);
		}
		ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "Import refusé",
				Counted.of(wrongLines.size(), "ligne", "lignes") + " à corriger ; rien n’a été importé.", instance);
		problem.setProperty("lines", wrongLines);
		return org.springframework.http.ResponseEntity.unprocessableContent().body(problem);
	}

	public static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String title, String detail) {
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted()) {
			return Mono.empty();
		}
		response.setStatusCode(status);
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", title);
		problem.put("status", status.value());
		problem.put("detail", detail);
		problem.put("instance", exchange.getRequest().getPath().value());
		byte[] body = JSON.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
	}
}
