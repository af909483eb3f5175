package be.fwb.ead.training.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import be.fwb.ead.shared.DisplaySettings;
import be.fwb.ead.shared.InvalidRequest;
import be.fwb.ead.shared.TableExport;
import be.fwb.ead.shared.TableExport.Column;
import be.fwb.ead.training.Training;
import be.fwb.ead.ui.Flash;
import be.fwb.ead.ui.FormInput;
import be.fwb.ead.ui.PageController;
import be.fwb.ead.ui.Texts;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The training screens: sessions, a session's registrations and attendance, a vacataire's trainings. */
@PageController
class TrainingPages {

	private static final int SHOWN = 100;

	private final Training training;
	private final DisplaySettings display;
	private final MessageSource messages;
	private final Clock clock;

	TrainingPages(Training training, DisplaySettings display, MessageSource messages, Clock clock) {
		this.training = training;
		this.display = display;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/formations")
	String sessions(Model model) {
		model.addAttribute("sessions", training.sessions().collectList());
		model.addAttribute("requirements", training.requirements().collectList());
		// The first lines only: the attention list and the vacataires' pages show the rest.
		// As the attention list: someone registered for a session to come is no longer waiting for one.
		Mono<List<Training.Overdue>> overdue = training.awaitingSession().collectList().cache();
		model.addAttribute("overdue", overdue.map(all -> all.size() > SHOWN ? all.subList(0, SHOWN) : all));
		model.addAttribute("overdueTotal", overdue.map(List::size));
		model.addAttribute("topics", Training.TOPICS);
		return "training/sessions";
	}

	/** Check boxes named {@code ROLE:KIND:TOPIC}, one per requirement kept. */
	@PostMapping("/formations/exigences")
	Mono<String> require(Authentication who, ServerWebExchange exchange) {
		return Flash.outcome(exchange, exchange.getFormData().flatMap(form -> training.require(form.keySet().stream()
			.filter(k -> k.matches("(AUTHOR|TUTOR):(INITIAL|CONTINUING):[A-Z]+"))
			.map(k -> k.split(":"))
			.map(p -> new Training.Requirement(p[0], p[1], p[2]))
			.toList(), who.getName())), "flash.saved").thenReturn("redirect:/formations#exigences");
	}

	record SessionForm(@Nullable String kind, @Nullable String topic, @Nullable String title, @Nullable LocalDateTime startsAt,
			@Nullable Integer durationMinutes, @Nullable String mode, @Nullable String location, @Nullable Integer capacity) {
	}

	@PostMapping("/formations")
	Mono<String> plan(@ModelAttribute SessionForm f, Authentication who, ServerWebExchange exchange) {
		// A session already over (last year's, for the history) leads to its page, where who followed it is recorded.
		boolean over = f.startsAt() != null && f.durationMinutes() != null
				&& f.startsAt().atZone(display.zone()).toInstant().plus(Duration.ofMinutes(f.durationMinutes())).isBefore(Instant.now(clock));
		java.util.concurrent.atomic.AtomicLong planned = new java.util.concurrent.atomic.AtomicLong();
		return Flash.outcome(exchange, Mono.defer(() -> f.startsAt() == null || f.durationMinutes() == null || f.capacity() == null
				? Mono.error(InvalidRequest.ofField(f.startsAt() == null ? "startsAt" : f.durationMinutes() == null ? "durationMinutes" : "capacity",
						"La date, la durée et la capacité de la session sont obligatoires."))
				: training.plan(new Training.NewSession(f.kind(), f.topic(), f.title(), f.startsAt().atZone(display.zone()).toInstant(),
						f.durationMinutes(), f.mode(), f.location(), f.capacity()), who.getName()).doOnNext(planned::set)),
				over ? "flash.pastSessionPlanned" : "flash.saved")
			.map(saved -> saved && over ? "redirect:/formations/" + planned.get() + "#missing" : "redirect:/formations");
	}

	@GetMapping("/formations/{id}")
	String session(@PathVariable long id, Model model) {
		Instant now = Instant.now(clock);
		Mono<Training.Session> session = training.session(id).cache();
		model.addAttribute("trainingSession", session);
		model.addAttribute("registrations", training.registrations(id).collectList());
		Mono<Boolean> required = training.isRequired(id).cache();
		model.addAttribute("required", required);
		model.addAttribute("missing", required.flatMap(r -> (r ? training.missingFor(id) : training.notYetFollowed(id)).collectList()));
		model.addAttribute("begun", session.map(s -> !s.startsAt().isAfter(now)));
		model.addAttribute("over", session.map(s -> s.startsAt().plus(Duration.ofMinutes(s.durationMinutes())).isBefore(now)));
		return "training/session";
	}

	/** Registers the vacataires ticked on the session's page ({@code vacataireId}, repeated), all or none. */
	@PostMapping("/formations/{id}/inscriptions")
	Mono<String> registerAll(@PathVariable long id, Authentication who, ServerWebExchange exchange) {
		return Flash.outcome(exchange, exchange.getFormData().flatMap(form -> {
			List<Long> ids = form.getOrDefault("vacataireId", List.of()).stream()
				.filter(v -> v.matches("\\d{1,18}"))
				.map(Long::valueOf)
				.toList();
			return training.registerAll(id, ids, who.getName());
		}), "flash.registeredAll").thenReturn("redirect:/formations/" + id);
	}

	/** Changes the session's number of seats (never below its registrations). */
	@PostMapping("/formations/{id}/places")
	Mono<String> seats(@PathVariable long id, Authentication who, ServerWebExchange exchange) {
		return Flash.outcome(exchange, exchange.getFormData()
			.flatMap(form -> training.changeCapacity(id, FormInput.number(form, "capacity"), who.getName())), "flash.seatsSaved")
			.thenReturn("redirect:/formations/" + id);
	}

	/** Withdraws a registration to a session not yet begun. */
	@PostMapping("/formations/{id}/inscriptions/{vacataireId}/retrait")
	Mono<String> unregister(@PathVariable long id, @PathVariable long vacataireId, Authentication who, ServerWebExchange exchange) {
		return Flash.outcome(exchange, training.unregister(id, vacataireId, who.getName()), "flash.unregistered")
			.thenReturn("redirect:/formations/" + id);
	}

	/** Records that the vacataires ticked on a past session's page attended and completed it. */
	@PostMapping("/formations/{id}/historique")
	Mono<String> recordCompleted(@PathVariable long id, Authentication who, ServerWebExchange exchange) {
		return Flash.outcome(exchange, exchange.getFormData().flatMap(form -> training.recordCompleted(id,
				form.getOrDefault("vacataireId", List.of()).stream().filter(v -> v.matches("\\d{1,18}")).map(Long::valueOf).toList(),
				who.getName())), "flash.saved").thenReturn("redirect:/formations/" + id);
	}

	/** Records, from a vacataire's page, that they attended and completed a past session. */
	@PostMapping("/formations/historique")
	Mono<String> recordCompletedOne(@ModelAttribute RegistrationForm f, Authentication who, ServerWebExchange exchange) {
		String back = f.vacataireId() != null ? "redirect:/vacataires/" + f.vacataireId() + "#formations" : "redirect:/formations";
		return Flash.outcome(exchange, Mono.defer(() -> f.vacataireId() == null || f.sessionId() == null
				? Mono.error(InvalidRequest.ofField("sessionId", "Choisissez une session passée."))
				: training.recordCompleted(f.sessionId(), List.of(f.vacataireId()), who.getName())), "flash.saved").thenReturn(back);
	}

	/** One outcome for the whole session: {@code completed}, {@code attended} or {@code absent}. */
	@PostMapping("/formations/{id}/presences")
	Mono<String> attendanceAll(@PathVariable long id, @ModelAttribute AttendanceForm f, Authentication who,
			ServerWebExchange exchange) {
		boolean completed = "completed".equals(f.outcome());
		boolean attended = completed || "attended".equals(f.outcome());
		return Flash.outcome(exchange, Mono.defer(() -> f.outcome() == null || !List.of("completed", "attended", "absent").contains(f.outcome())
				? Mono.error(InvalidRequest.ofField("outcome", "Choisissez la présence à enregistrer pour toute la session."))
				: training.recordAttendanceAll(id, attended, completed, who.getName())), "flash.saved")
			.thenReturn("redirect:/formations/" + id);
	}

	record RegistrationForm(@Nullable Long vacataireId, @Nullable Long sessionId, @Nullable String back) {
	}

	/** Registers a vacataire, from the session's page or from the vacataire's. */
	@PostMapping("/formations/inscriptions")
	Mono<String> register(@ModelAttribute RegistrationForm f, Authentication who, ServerWebExchange exchange) {
		String back = "vacataire".equals(f.back()) && f.vacataireId() != null ? "redirect:/vacataires/" + f.vacataireId() + "#formations"
				: "redirect:/formations/" + f.sessionId();
		return Flash.outcome(exchange, Mono.defer(() -> f.vacataireId() == null || f.sessionId() == null
				? Mono.error(new InvalidRequest("Choisissez une session et un vacataire."))
				: training.register(f.sessionId(), f.vacataireId(), who.getName())), "flash.registered").thenReturn(back);
	}

	record AttendanceForm(@Nullable String outcome) {
	}

	/** {@code completed}, {@code attended} (not completed) or {@code absent}. */
	@PostMapping("/formations/{id}/presences/{vacataireId}")
	Mono<String> attendance(@PathVariable long id, @PathVariable long vacataireId, @ModelAttribute AttendanceForm f,
			Authentication who, ServerWebExchange exchange) {
		boolean completed = "completed".equals(f.outcome());
		boolean attended = completed || "attended".equals(f.outcome());
		return Flash.outcome(exchange, training.recordAttendance(id, vacataireId, attended, completed, who.getName()), "flash.saved")
			.thenReturn("redirect:/formations/" + id);
	}

	@GetMapping("/formations/export.csv")
	ResponseEntity<Flux<DataBuffer>> csv(ServerWebExchange exchange) {
		return export(Texts.of(messages, exchange)).csvDownload("formations", training.allRegistrations(), exchange.getResponse().bufferFactory());
	}

	@GetMapping("/formations/export.xlsx")
	Mono<ResponseEntity<byte[]>> xlsx(ServerWebExchange exchange) {
		Texts t = Texts.of(messages, exchange);
		return export(t).xlsxDownload("formations", t.get("training.title"),
				training.allRegistrations());
	}

	private TableExport<Training.Registration> export(Texts t) {
		return new TableExport<>(List.of(
				new Column<Training.Registration>(t.get("vacataire.name"), Training.Registration::vacataireName),
				new Column<Training.Registration>(t.get("training.session"), Training.Registration::title),
				new Column<Training.Registration>(t.get("training.kindLabel"), r -> t.get("training.kind." + r.kind())),
				new Column<Training.Registration>(t.get("training.topic"), r -> t.get("training.topic." + r.topic())),
				new Column<Training.Registration>(t.get("common.date"), Training.Registration::startsAt),
				new Column<Training.Registration>(t.get("training.outcome"), r -> t.get(r.completedAt() != null ? "training.completed"
						: r.attended() == null ? "training.registered" : r.attended() ? "training.attended" : "training.absent")),
				new Column<Training.Registration>(t.get("training.completedAt"), Training.Registration::completedAt)),
				display.zone());
	}



	/** A vacataire's trainings: the section of their page (htmx), or a page of its own. */
	@GetMapping("/vacataires/{id}/formations")
	String ofVacataire(@PathVariable long id, @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx,
			Model model) {
		model.addAttribute("vacataireId", id);
		Mono<List<Training.Registration>> registrations = training.ofVacataire(id).collectList().cache();
		model.addAttribute("registrations", registrations);
		// What each role the vacataire holds still requires (conception, tutoring): a fault to mend. For someone holding
		// none yet, what tutoring would require: to plan, not a fault.
		Mono<Training.Preparation> preparation = training.rolesToPrepare(id).cache();
		// Someone who left is registered nowhere (the service refuses it): no form to offer.
		model.addAttribute("gone", training.gone(id));
		model.addAttribute("rolesHeld", preparation.map(Training.Preparation::held));
		model.addAttribute("missing", preparation.flatMap(p -> training.missing(id, p.roles())
			.collect(java.util.stream.Collectors.groupingBy(Training.Requirement::role, java.util.TreeMap::new,
					java.util.stream.Collectors.toList()))));
		// Sessions where the vacataire is not registered yet: those not over to register to, those over to record as followed
		// (the history of someone who holds no role yet, whom a past session's page does not list).
		Instant now = Instant.now(clock);
		Mono<Map<Boolean, List<Training.Session>>> open = registrations
			.map(held -> held.stream().map(Training.Registration::sessionId).collect(java.util.stream.Collectors.toSet()))
			.flatMap(held -> training.sessions().filter(s -> !held.contains(s.id()))
				.collect(java.util.stream.Collectors.partitioningBy(s -> s.startsAt().plus(Duration.ofMinutes(s.durationMinutes())).isAfter(now))))
			.cache();
		// To register to: the soonest first, but an initial training they completed (followed once); followed already:
		// the latest first.
		Mono<java.util.Set<String>> initialDone = registrations.map(held -> held.stream()
			.filter(r -> r.completedAt() != null && "INITIAL".equals(r.kind())).map(r -> r.kind() + ":" + r.topic())
			.collect(java.util.stream.Collectors.toSet()));
		model.addAttribute("sessions", Mono.zip(open, initialDone).map(t -> t.getT1().get(true).stream()
			.filter(s -> !t.getT2().contains(s.kind() + ":" + s.topic()))
			.sorted(java.util.Comparator.comparing(Training.Session::startsAt)).toList()));
		model.addAttribute("pastSessions", open.map(m -> m.get(false)));
		return htmx != null ? "training/vacataire :: section" : "training/vacataire";
	}
}
