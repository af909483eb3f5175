package be.fwb.ead.workspace.plugin;

import java.util.Map;

import be.fwb.ead.evaluations.Evaluations;
import be.fwb.ead.vacataires.Vacataire;
import be.fwb.ead.workspace.Workspaces;
import be.fwb.ead.workspace.plugin.PluginAuthentication.MoodleUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * What the Moodle plugin asks for a vacataire, identified by the Moodle user id its signature covers: never anyone
 * else's data.
 */
@RestController
@Tag(name = "Plugin Moodle", description = "Requêtes signées HMAC-SHA256 par le plugin local_eadtutors (voir docs/plugin.md) : "
		+ "l’espace EAD d’un vacataire identifié par son id d’utilisateur Moodle.")
class PluginController {

	private final Workspaces workspaces;

	PluginController(Workspaces workspaces) {
		this.workspaces = workspaces;
	}

	record Comment(@Nullable String comment) {
	}

	record AnswerText(@Nullable String text) {
	}

	@GetMapping("/api/plugin/workspace")
	@Operation(summary = "L’espace EAD du vacataire : affectations, formations, évaluations, constats de revue sur ses modules. "
			+ "404 quand l’utilisateur Moodle n’est pas un vacataire.")
	Mono<Workspaces.Workspace> workspace(@AuthenticationPrincipal MoodleUser user) {
		return workspaces.of(user.id(), "plugin Moodle");
	}

	@PostMapping("/api/plugin/evaluations/{id}/acknowledgement")
	@Operation(summary = "Le vacataire prend connaissance d’une de ses évaluations, une fois, avec un commentaire facultatif.")
	Mono<Evaluations.Evaluation> acknowledge(@PathVariable long id, @RequestBody(required = false) @Nullable Comment comment,
			@AuthenticationPrincipal MoodleUser user) {
		return me(user).flatMap(me -> workspaces.acknowledge(me, id, comment == null ? null : comment.comment()));
	}

	@PostMapping("/api/plugin/findings/{id}/answers")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Le vacataire répond à un constat de revue sur un de ses modules, tant que la revue est ouverte.")
	Mono<Map<String, Long>> answer(@PathVariable long id, @RequestBody(required = false) @Nullable AnswerText answer,
			@AuthenticationPrincipal MoodleUser user) {
		return me(user).flatMap(me -> workspaces.answer(me, id, answer == null ? null : answer.text())).map(a -> Map.of("id", a));
	}

	private Mono<Long> me(MoodleUser user) {
		return workspaces.ofMoodleUser(user.id()).map(Vacataire::id);
	}
}
