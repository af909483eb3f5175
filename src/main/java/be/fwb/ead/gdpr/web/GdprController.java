package be.fwb.ead.gdpr.web;

import java.util.Map;

import be.fwb.ead.gdpr.PersonalData;
import be.fwb.ead.gdpr.Retention;
import be.fwb.ead.gdpr.RetentionReport;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The GDPR rights (coordinators): a person's data exported, their erasure, the retention rule run now. */
@RestController
@Tag(name = "RGPD", description = "Export de toutes les données d’une personne, effacement par anonymisation, règle de conservation.")
class GdprController {

	private final PersonalData data;
	private final Retention retention;

	GdprController(PersonalData data, Retention retention) {
		this.data = data;
		this.retention = retention;
	}

	record Reason(@Nullable String reason) {
	}

	/** Everything the service holds about a vacataire or candidate, as a JSON file. */
	@GetMapping("/api/vacataires/{id}/personal-data")
	Mono<ResponseEntity<Map<String, Object>>> export(@PathVariable long id) {
		return data.export(id).map(d -> download(id, d));
	}

	/** The export as a JSON file to download (the API's and the page's). */
	static ResponseEntity<Map<String, Object>> download(long id, Map<String, Object> export) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename("donnees-personnelles-vacataire-" + id + ".json").build().toString())
			.body(export);
	}

	/** What an erasure would delete, pseudonymise in the journal and keep, or why it is refused now. */
	@GetMapping("/api/vacataires/{id}/anonymisation")
	Mono<PersonalData.Preview> preview(@PathVariable long id) {
		return data.preview(id);
	}

	/** Erases a vacataire or candidate by anonymisation, keeping what the law requires (listed in the answer). */
	@PostMapping("/api/vacataires/{id}/anonymisation")
	Mono<PersonalData.Erasure> anonymise(@PathVariable long id, @RequestBody(required = false) @Nullable Reason reason,
			Authentication who) {
		return data.anonymise(id, reason == null ? null : reason.reason(), who.getName());
	}

	/** Applies the retention rules now (they also run every night), and says what they did. */
	@PostMapping("/api/gdpr/retention")
	Mono<RetentionReport> retention(Authentication who) {
		return retention.apply(who.getName());
	}
}
