package be.fwb.ead.recruitment.web;

import java.time.LocalDate;
import java.util.List;

import be.fwb.ead.recruitment.Recruitment;
import be.fwb.ead.vacataires.VacataireFile;
import org.jspecify.annotations.Nullable;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Recruitment campaigns, candidacies, scores and decisions (coordinators). */
@RestController
@Tag(name = "Recrutement", description = "Campagnes, candidatures, notes et décisions (coordination).")
@RequestMapping("/api/recruitment")
class RecruitmentController {

	private final Recruitment recruitment;

	RecruitmentController(Recruitment recruitment) {
		this.recruitment = recruitment;
	}

	record NewCampaign(@Nullable String name, @Nullable LocalDate opensOn, @Nullable LocalDate closesOn,
			@Nullable List<Recruitment.Need> needs) {
	}

	record NewCandidacy(@Nullable String firstname, @Nullable String lastname, @Nullable String email,
			@Nullable String phone, @Nullable List<Recruitment.Document> documents) {
	}

	record Scores(@Nullable List<Recruitment.Score> scores) {
	}

	record Decision(boolean retain, @Nullable String reason) {
	}

	@GetMapping("/campaigns")
	Mono<List<Recruitment.Campaign>> campaigns() {
		return recruitment.campaigns().collectList();
	}

	@PostMapping("/campaigns")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<Recruitment.Campaign> open(@RequestBody NewCampaign c, Authentication who) {
		return recruitment.open(c.name(), c.opensOn(), c.closesOn(), c.needs() == null ? List.of() : c.needs(), who.getName())
			.flatMap(recruitment::campaign);
	}

	@GetMapping("/campaigns/{id}")
	Mono<Recruitment.Campaign> campaign(@PathVariable long id) {
		return recruitment.campaign(id);
	}

	@GetMapping("/campaigns/{id}/candidacies")
	Mono<List<Recruitment.Candidacy>> candidacies(@PathVariable long id) {
		return recruitment.candidacies(id).collectList();
	}

	@PostMapping("/campaigns/{id}/candidacies")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<Recruitment.Candidacy> apply(@PathVariable long id, @RequestBody NewCandidacy c, Authentication who) {
		return recruitment.apply(id, new VacataireFile.Identity(c.firstname(), c.lastname(), c.email(), null, c.phone(), null),
				c.documents() == null ? List.of() : c.documents(), who.getName()).flatMap(recruitment::candidacy);
	}

	@GetMapping("/grid")
	Mono<List<be.fwb.ead.grids.CriteriaGrid.Criterion>> grid() {
		return recruitment.grid().collectList();
	}

	/** Replaces the recruitment grid; criteria left out are deactivated, past scores keep theirs. */
	@PutMapping("/grid")
	Mono<java.util.List<be.fwb.ead.grids.CriteriaGrid.Criterion>> configure(@RequestBody java.util.List<be.fwb.ead.grids.CriteriaGrid.Definition> grid,
			Authentication who) {
		return recruitment.configure(grid, who.getName());
	}

	@GetMapping("/candidacies/{id}")
	Mono<Recruitment.Candidacy> candidacy(@PathVariable long id) {
		return recruitment.candidacy(id);
	}

	/** The signed-in evaluator's scores for every criterion, each justified. */
	@PutMapping("/candidacies/{id}/scores")
	Mono<Recruitment.Candidacy> score(@PathVariable long id, @RequestBody Scores s, Authentication who) {
		return recruitment.score(id, s.scores() == null ? List.of() : s.scores(), who.getName()).then(recruitment.candidacy(id));
	}

	@PostMapping("/candidacies/{id}/decision")
	Mono<Recruitment.Candidacy> decide(@PathVariable long id, @RequestBody Decision d, Authentication who) {
		return recruitment.decide(id, d.retain(), d.reason(), who.getName());
	}
}
