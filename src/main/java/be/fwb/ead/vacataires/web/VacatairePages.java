package be.fwb.ead.vacataires.web;

import java.util.List;

import java.time.Clock;
import java.time.LocalDate;

import be.fwb.ead.shared.DisplaySettings;
import be.fwb.ead.shared.InvalidRequest;
import be.fwb.ead.shared.NotFound;
import be.fwb.ead.shared.TableExport;
import be.fwb.ead.shared.TableExport.Column;
import be.fwb.ead.ui.Flash;
import be.fwb.ead.ui.PageController;
import be.fwb.ead.ui.Pages;
import be.fwb.ead.ui.Texts;
import be.fwb.ead.vacataires.Vacataire;
import be.fwb.ead.vacataires.VacataireFile;
import be.fwb.ead.vacataires.VacataireFilter;
import be.fwb.ead.vacataires.VacataireStatus;
import be.fwb.ead.vacataires.Vacataires;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The vacataires' screens: the list with its filters and exports, and a vacataire's page. */
@PageController
@RequestMapping("/vacataires")
class VacatairePages {

	private final Vacataires vacataires;
	private final VacataireFile files;
	private final MessageSource messages;
	private final DisplaySettings display;
	private final Clock clock;

	VacatairePages(Vacataires vacataires, VacataireFile files, MessageSource messages, DisplaySettings display, Clock clock) {
		this.vacataires = vacataires;
		this.files = files;
		this.messages = messages;
		this.display = display;
		this.clock = clock;
	}

	@GetMapping
	String list(@ModelAttribute("query") VacataireQuery query,
			@RequestHeader(value = "HX-Target", required = false) @Nullable String target, ServerWebExchange exchange,
			Model model) {
		model.addAttribute("vacataires", Pages.clamped(query.paging(), p -> vacataires.search(query.filter(), p)));
		model.addAttribute("statuses", VacataireFilter.STATUSES);
		exchange.getResponse().getHeaders().add(HttpHeaders.VARY, "HX-Target");
		return "resultats".equals(target) ? "vacataires/list :: results" : "vacataires/list";
	}

	/** A vacataire's page; coordinators also get the file's forms, contracts and timeline. */
	@GetMapping("/{id}")
	String one(@PathVariable long id, @RequestParam(required = false) @Nullable Long module,
			@RequestParam(required = false) @Nullable String role, Authentication who, Model model) {
		// The form of a new assignment opens on this module and role (after a refusal): its section is told so.
		model.addAttribute("assignmentPrefill", module == null ? "" : new be.fwb.ead.ui.QueryString().add("module", module)
			.add("role", "AUTHOR".equals(role) ? role : null).toString());
		Mono<Vacataire> vacataire = vacataires.find(id)
			.switchIfEmpty(Mono.error(new NotFound("Aucun vacataire n’a l’identifiant " + id + ".")))
			.cache();
		model.addAttribute("vacataire", vacataire);
		if (coordinator(who)) {
			// Once erased, the file is closed: no status, identity, contract nor availability form (what stays is listed on
			// the personal data page).
			Mono<java.time.Instant> erasedAt = files.erasedAt(id).cache();
			Mono<Boolean> erased = erasedAt.hasElement();
			model.addAttribute("erasedAt", erasedAt);
			model.addAttribute("erased", erased);
			model.addAttribute("nextStatuses", erased.zipWith(vacataire, (e, v) -> e ? List.<String>of()
					: VacataireStatus.valueOf(v.status()).next().stream().map(Enum::name).toList()));
			model.addAttribute("file", erased.flatMap(e -> e ? Mono.empty() : files.identity(id)));
			model.addAttribute("contracts", files.contracts(id).collectList());
			model.addAttribute("availability", files.availability(id).collectList());
			model.addAttribute("schoolYear", schoolYear(LocalDate.now(clock)));
			model.addAttribute("timeline", files.timeline(id).collectList());
		}
		return "vacataires/detail";
	}

	/** The status form: the next status and, for suspending, leaving or not retaining, the reason. */
	record StatusForm(@Nullable String status, @Nullable String reason) {
	}

	@PostMapping("/{id}/statut")
	Mono<String> changeStatus(@PathVariable long id, @ModelAttribute StatusForm form, Authentication who,
			ServerWebExchange exchange) {
		return Flash.outcome(exchange, Mono.defer(() -> files.changeStatus(id, VacataireStatus.of(form.status()), form.reason(),
				who.getName())), "flash.statusChanged").thenReturn("redirect:/vacataires/" + id);
	}

	/** The identity form: what the coordinator enters; an empty field falls back to Moodle's value. */
	record IdentityForm(@Nullable String firstname, @Nullable String lastname, @Nullable String email,
			@Nullable String idnumber, @Nullable String phone, @Nullable Integer workloadCapHours) {
	}

	@PostMapping("/{id}/fiche")
	Mono<String> updateIdentity(@PathVariable long id, @ModelAttribute IdentityForm f, Authentication who,
			ServerWebExchange exchange) {
		return Flash.outcome(exchange, Mono.defer(() -> files.update(id, new VacataireFile.Identity(f.firstname(), f.lastname(),
				f.email(), f.idnumber(), f.phone(), f.workloadCapHours()), who.getName())), "flash.saved")
			.thenReturn("redirect:/vacataires/" + id);
	}

	record ContractForm(@Nullable LocalDate startsOn, @Nullable LocalDate endsOn, @Nullable String reference) {
	}

	@PostMapping("/{id}/contrats")
	Mono<String> addContract(@PathVariable long id, @ModelAttribute ContractForm f, Authentication who,
			ServerWebExchange exchange) {
		return Flash.outcome(exchange, Mono.defer(() -> f.startsOn() == null || f.endsOn() == null
				? Mono.error(InvalidRequest.ofField(f.startsOn() == null ? "startsOn" : "endsOn",
						"Les dates de début et de fin du contrat sont obligatoires."))
				: files.addContract(id, f.startsOn(), f.endsOn(), f.reference(), who.getName())), "flash.saved")
			.thenReturn("redirect:/vacataires/" + id + "#contrats");
	}

	record AvailabilityForm(@Nullable String schoolYear, @Nullable Integer term1, @Nullable Integer term2,
			@Nullable Integer term3) {
	}

	@PostMapping("/{id}/disponibilites")
	Mono<String> setAvailability(@PathVariable long id, @ModelAttribute AvailabilityForm f, Authentication who,
			ServerWebExchange exchange) {
		java.util.Map<Integer, Integer> hours = new java.util.TreeMap<>();
		if (f.term1() != null) {
			hours.put(1, f.term1());
		}
		if (f.term2() != null) {
			hours.put(2, f.term2());
		}
		if (f.term3() != null) {
			hours.put(3, f.term3());
		}
		return Flash.outcome(exchange, Mono.defer(() -> files.setAvailability(id, f.schoolYear() == null ? "" : f.schoolYear().trim(),
				hours, who.getName())), "flash.saved").thenReturn("redirect:/vacataires/" + id + "#disponibilites");
	}

	/** The school year of a day: 2026-2027 from 1 September 2026 to 31 August 2027. */
	static String schoolYear(LocalDate day) {
		int start = day.getMonthValue() >= 9 ? day.getYear() : day.getYear() - 1;
		return start + "-" + (start + 1);
	}

	/** A vacataire entered by hand (before having a Moodle account). */
	@PostMapping
	Mono<String> create(@ModelAttribute IdentityForm f, Authentication who, ServerWebExchange exchange) {
		return files.create(new VacataireFile.Identity(f.firstname(), f.lastname(), f.email(), f.idnumber(), f.phone(),
				f.workloadCapHours()), VacataireStatus.ACTIF, who.getName())
			.flatMap(id -> Flash.outcome(exchange, Mono.empty(), "flash.saved").thenReturn("redirect:/vacataires/" + id))
			.onErrorResume(e -> e instanceof InvalidRequest, e -> Flash.outcome(exchange, Mono.error(e), "flash.saved")
				.thenReturn("redirect:/vacataires"));
	}

	static boolean coordinator(Authentication who) {
		return who.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_COORDINATOR"));
	}

	@GetMapping("/export.csv")
	ResponseEntity<Flux<DataBuffer>> csv(@ModelAttribute VacataireQuery query, ServerWebExchange exchange) {
		return export(Texts.of(messages, exchange)).csvDownload("vacataires", vacataires.stream(query.filter()),
				exchange.getResponse().bufferFactory());
	}

	@GetMapping("/export.xlsx")
	Mono<ResponseEntity<byte[]>> xlsx(@ModelAttribute VacataireQuery query, ServerWebExchange exchange) {
		Texts t = Texts.of(messages, exchange);
		return export(t).xlsxDownload("vacataires", t.get("nav.vacataires"), vacataires.stream(query.filter()));
	}

	private TableExport<Vacataire> export(Texts t) {
		return new TableExport<>(List.of(
				new Column<Vacataire>(t.get("vacataire.lastname"), Vacataire::lastname),
				new Column<Vacataire>(t.get("vacataire.firstname"), Vacataire::firstname),
				new Column<Vacataire>(t.get("vacataire.email"), Vacataire::email),
				new Column<Vacataire>(t.get("vacataire.idnumber"), Vacataire::idnumber),
				new Column<Vacataire>(t.get("vacataire.status"), v -> t.get("status." + v.status())),
				new Column<Vacataire>(t.get("vacataire.authored"), v -> modules(v, "AUTHOR")),
				new Column<Vacataire>(t.get("vacataire.tutored"), v -> modules(v, "TUTOR")),
				new Column<Vacataire>(t.get("vacataire.moodleLink"), Vacataire::moodleUrl)), display.zone());
	}

	/** The short names of the current modules where the vacataire holds the role. */
	private static String modules(Vacataire v, String role) {
		return String.join(", ", v.modules().stream()
			.filter(m -> m.role().equals(role) && !m.archived())
			.map(Vacataire.ModuleRole::shortname)
			.toList());
	}


}
