package be.fwb.ead.vacataires;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import be.fwb.ead.audit.Change;
import be.fwb.ead.audit.ChangeLog;
import be.fwb.ead.events.Events;
import be.fwb.ead.shared.InputLimits;
import be.fwb.ead.shared.InvalidRequest;
import be.fwb.ead.shared.NotFound;
import be.fwb.ead.shared.Refused;
import be.fwb.ead.shared.SearchText;
import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The file of a vacataire as coordinators keep it: identity entered by hand (it wins over Moodle's), status with
 * guarded transitions, contract periods and availability. Every change is recorded in the change log, in the same
 * transaction.
 */
@Service
public class VacataireFile {

	/** What a coordinator enters; {@literal null} leaves a field as it is (or to Moodle's value). */
	public record Identity(@Nullable String firstname, @Nullable String lastname, @Nullable String email,
			@Nullable String idnumber, @Nullable String phone, @Nullable Integer workloadCapHours) {
	}

	public record ContractPeriod(long id, LocalDate startsOn, LocalDate endsOn, @Nullable String reference) {
	}

	public record Availability(String schoolYear, int term, int hours) {
	}

	private final DatabaseClient db;
	private final ChangeLog changes;
	private final Clock clock;
	private final Events events;

	VacataireFile(DatabaseClient db, ChangeLog changes, Clock clock, Events events) {
		this.db = db;
		this.changes = changes;
		this.clock = clock;
		this.events = events;
	}

	/** A vacataire entered before having a Moodle account; the sync links them later by idnumber or e-mail. */
	@Transactional
	public Mono<Long> create(Identity identity, VacataireStatus status, String author) {
		if (blank(identity.lastname()) || blank(identity.firstname())) {
			return Mono.error(InvalidRequest.ofField(blank(identity.lastname()) ? "lastname" : "firstname",
					"Le nom et le prénom sont obligatoires."));
		}
		if (status != VacataireStatus.CANDIDAT && status != VacataireStatus.RETENU && status != VacataireStatus.ACTIF) {
			return Mono.error(new InvalidRequest("Un vacataire est créé candidat, retenu ou actif."));
		}
		Identity clean = clean(identity);
		Instant now = Instant.now(clock);
		var spec = db.sql("""
				insert into vacataire (firstname, lastname, email, idnumber, phone, workload_cap_hours, status, search_key,
				                       sort_key, created_at, updated_at)
				values (:firstname, :lastname, :email, :idnumber, :phone, :cap, :status, :searchKey, :sortKey, :now, :now)
				returning id""")
			.bind("status", status.name())
			.bind("searchKey", SearchText.key(clean.firstname(), clean.lastname(), clean.email(), clean.idnumber()))
			.bind("sortKey", SearchText.key(clean.lastname(), clean.firstname()))
			.bind("now", now);
		return refuseTaken(null, clean, null)
			.then(bindIdentity(spec, clean).map(r -> r.get("id", Long.class)).one())
			.flatMap(id -> changes.record(author, Change.of("vacataire", id, id, "created",
					"Fiche créée (" + status.label() + ") : " + clean.firstname() + " " + clean.lastname())
				.withStates(null, clean)).thenReturn(id));
	}

	/**
	 * Updates what a coordinator entered; Moodle's values stay in their own columns and come back if cleared. Nothing is
	 * written nor journaled when nothing changed.
	 */
	@Transactional
	public Mono<Void> update(long id, Identity identity, String author) {
		Identity clean = clean(identity);
		return current(id).flatMap(before -> {
			if (before.identity().equals(clean)) {
				return Mono.empty();
			}
			var spec = db.sql("""
					update vacataire set firstname = :firstname, lastname = :lastname, email = :email, idnumber = :idnumber,
					       phone = :phone, workload_cap_hours = :cap,
					       search_key = :searchKey, sort_key = :sortKey, updated_at = :now
					where id = :id""")
				.bind("id", id)
				.bind("searchKey", SearchText.key(or(clean.firstname(), before.moodleFirstname()),
						or(clean.lastname(), before.moodleLastname()), or(clean.email(), before.moodleEmail()),
						before.moodleUsername(), or(clean.idnumber(), before.moodleIdnumber())))
				.bind("sortKey", SearchText.key(or(clean.lastname(), before.moodleLastname()),
						or(clean.firstname(), before.moodleFirstname())))
				.bind("now", Instant.now(clock));
			return refuseTaken(id, clean, before.identity())
				.then(bindIdentity(spec, clean).then())
				.then(changes.record(author, Change.of("vacataire", id, id, "updated", "Fiche modifiée : " + diff(before.identity(), clean))
					.withStates(before.identity(), clean)));
		});
	}

	/**
	 * Refuses a matricule or an e-mail another vacataire already has (what a coordinator entered or what Moodle gave):
	 * the sync, the accounts and the imports find a person by them, and two people with one matricule could then no
	 * longer be told apart. Only a value being entered or changed is checked: a file saved again as it was, with an
	 * older duplicate, is not refused for it.
	 */
	private Mono<Void> refuseTaken(@Nullable Long self, Identity clean, @Nullable Identity before) {
		String idnumber = before != null && Objects.equals(before.idnumber(), clean.idnumber()) ? null : clean.idnumber();
		String email = before != null && Objects.equals(before.email(), clean.email()) ? null : clean.email();
		if (idnumber == null && email == null) {
			return Mono.empty();
		}
		var spec = db.sql("""
				select n.id, n.name, coalesce(lower(n.idnumber) = lower(:idnumber), false) as same_idnumber
				from vacataire_name n join vacataire_status s on s.id = n.id
				where n.id <> :self and not s.erased
				  and (lower(n.idnumber) = lower(:idnumber) or lower(n.email) = lower(:email))
				order by n.id limit 1""")
			.bind("self", self == null ? -1L : self);
		spec = idnumber == null ? spec.bindNull("idnumber", String.class) : spec.bind("idnumber", idnumber);
		spec = email == null ? spec.bindNull("email", String.class) : spec.bind("email", email);
		return spec.map(r -> {
			String who = r.get("name", String.class) + " (fiche n° " + r.get("id", Long.class) + ")";
			return Boolean.TRUE.equals(r.get("same_idnumber", Boolean.class))
					? InvalidRequest.ofField("idnumber", "Le matricule « " + idnumber + " » est déjà celui de " + who + ".")
					: InvalidRequest.ofField("email", "Le courriel « " + email + " » est déjà celui de " + who + ".");
		}).one().flatMap(Mono::error);
	}

	/**
	 * Moves the vacataire to {@code target} if the lifecycle allows it; the reason is kept in the timeline. Publishes
	 * {@link VacataireStatusChanged}.
	 */
	@Transactional
	public Mono<VacataireStatus> changeStatus(long id, VacataireStatus target, @Nullable String reason, String author) {
		return current(id).flatMap(before -> {
			VacataireStatus from = before.status();
			if (!from.canBecome(target)) {
				return Mono.error(new Refused("Passage de « " + from.label() + " » à « " + target.label()
						+ " » impossible. Depuis « " + from.label() + " » : "
						+ (from.next().isEmpty() ? "aucun changement possible"
								: String.join(", ", from.next().stream().map(VacataireStatus::label).toList()))
						+ "."));
			}
			if (target.needsReason() && blank(reason)) {
				return Mono.error(InvalidRequest.ofField("reason", "Indiquez la raison du passage à « " + target.label() + " »."));
			}
			Instant now = Instant.now(clock);
			String why = blank(reason) ? null : reason.trim();
			return db.sql("update vacataire set status = :status, updated_at = :now where id = :id")
				.bind("status", target.name())
				.bind("now", now)
				.bind("id", id)
				.then()
				.then(changes.record(author, Change.of("vacataire", id, id, "status",
						"Statut : " + from.label() + " → " + target.label())
					.withStates(Map.of("status", from.name()), Map.of("status", target.name()))
					.because(why)))
				.then(events.publish(new VacataireStatusChanged(id, from, target, why, author, now)))
				.thenReturn(target);
		});
	}

	@Transactional
	public Mono<Long> addContract(long id, LocalDate startsOn, LocalDate endsOn, @Nullable String reference, String author) {
		if (endsOn.isBefore(startsOn)) {
			return Mono.error(InvalidRequest.ofField("endsOn", "La fin du contrat (" + be.fwb.ead.shared.Days.text(endsOn)
					+ ") précède son début (" + be.fwb.ead.shared.Days.text(startsOn) + ")."));
		}
		return current(id).then(nullable(db.sql("""
				insert into contract_period (vacataire_id, starts_on, ends_on, reference) values (:v, :s, :e, :r)
				returning id""")
			.bind("v", id)
			.bind("s", startsOn)
			.bind("e", endsOn), "r", trim(reference))
			.map(r -> r.get("id", Long.class))
			.one())
			.flatMap(contract -> changes.record(author, Change.of("contract", contract, id, "created",
					"Contrat du " + be.fwb.ead.shared.Days.text(startsOn) + " au " + be.fwb.ead.shared.Days.text(endsOn) + (blank(reference) ? "" : " (" + reference.trim() + ")"))
				.withStates(null, new ContractPeriod(contract, startsOn, endsOn, reference))).thenReturn(contract));
	}

	public Flux<ContractPeriod> contracts(long id) {
		return db.sql("select id, starts_on, ends_on, reference from contract_period where vacataire_id = :v order by starts_on desc")
			.bind("v", id)
			.map(r -> new ContractPeriod(r.get("id", Long.class), r.get("starts_on", LocalDate.class),
					r.get("ends_on", LocalDate.class), r.get("reference", String.class)))
			.all();
	}

	/** Sets the hours available for each term of a school year ({@code 2026-2027}); a term left out keeps its value. */
	@Transactional
	public Mono<Void> setAvailability(long id, String schoolYear, Map<Integer, Integer> hoursByTerm, String author) {
		if (!schoolYear.matches("\\d{4}-\\d{4}")
				|| Integer.parseInt(schoolYear.substring(5)) != Integer.parseInt(schoolYear.substring(0, 4)) + 1) {
			return Mono.error(InvalidRequest.ofField("schoolYear", "Année scolaire invalide : « " + schoolYear + " » (attendu : 2026-2027)."));
		}
		for (Map.Entry<Integer, Integer> e : hoursByTerm.entrySet()) {
			if (e.getKey() < 1 || e.getKey() > 3 || e.getValue() == null || e.getValue() < 0 || e.getValue() > 1000) {
				return Mono.error(new InvalidRequest("Disponibilité invalide : trimestre de 1 à 3, de 0 à 1000 heures."));
			}
		}
		return current(id).thenMany(Flux.fromIterable(hoursByTerm.entrySet())
			.concatMap(e -> db.sql("""
					insert into availability (vacataire_id, school_year, term, hours) values (:v, :y, :t, :h)
					on conflict (vacataire_id, school_year, term) do update set hours = excluded.hours""")
				.bind("v", id)
				.bind("y", schoolYear)
				.bind("t", e.getKey())
				.bind("h", e.getValue())
				.then()))
			.then(changes.record(author, Change.of("availability", id, id, "updated",
					"Disponibilité " + schoolYear + " : " + hoursByTerm.entrySet().stream()
						.map(e -> "T" + e.getKey() + " " + e.getValue() + " h").toList())
				.withStates(null, availabilityState(schoolYear, hoursByTerm))));
	}

	/** What the journal keeps of an availability: the school year, then each term's hours under a key of its own. */
	private static Map<String, Object> availabilityState(String schoolYear, Map<Integer, Integer> hoursByTerm) {
		Map<String, Object> state = new java.util.LinkedHashMap<>();
		state.put("schoolYear", schoolYear);
		new java.util.TreeMap<>(hoursByTerm).forEach((term, hours) -> state.put("term" + term + "Hours", hours));
		return state;
	}

	public Flux<Availability> availability(long id) {
		return db.sql("select school_year, term, hours from availability where vacataire_id = :v order by school_year desc, term")
			.bind("v", id)
			.map(r -> new Availability(r.get("school_year", String.class), r.get("term", Integer.class),
					r.get("hours", Integer.class)))
			.all();
	}

	/** What coordinators entered (not Moodle's values), to fill the file's form. */
	public Mono<Identity> identity(long id) {
		return db.sql("select firstname, lastname, email, idnumber, phone, workload_cap_hours from vacataire where id = :id")
			.bind("id", id)
			.map(r -> new Identity(r.get("firstname", String.class), r.get("lastname", String.class), r.get("email", String.class),
					r.get("idnumber", String.class), r.get("phone", String.class), r.get("workload_cap_hours", Integer.class)))
			.one();
	}

	/** When the person's data were erased (GDPR anonymisation); empty when they were not. */
	public Mono<Instant> erasedAt(long id) {
		return db.sql("select anonymised_at from vacataire where id = :id and anonymised_at is not null")
			.bind("id", id)
			.map(r -> r.get("anonymised_at", Instant.class))
			.one();
	}

	/** A candidate not retained, not erased, and when their file last changed (their status, usually). */
	public record NotRetained(long id, Instant since) {
	}

	/** The candidates not retained and not erased, by id: those a retention rule may erase. */
	public Flux<NotRetained> notRetained() {
		return db.sql("select id, updated_at from vacataire where status = 'NON_RETENU' and anonymised_at is null order by id")
			.map(r -> new NotRetained(r.get("id", Long.class), r.get("updated_at", Instant.class)))
			.all();
	}

	public Flux<ChangeLog.Entry> timeline(long id) {
		return changes.timeline(id, 200);
	}

	/** The row as stored, locked until the end of the transaction (one change at a time per vacataire). */
	private record Stored(VacataireStatus status, Identity identity, @Nullable String moodleFirstname,
			@Nullable String moodleLastname, @Nullable String moodleEmail, @Nullable String moodleIdnumber,
			@Nullable String moodleUsername) {

		static Stored read(Readable r) {
			return new Stored(VacataireStatus.valueOf(r.get("status", String.class)),
					new Identity(r.get("firstname", String.class), r.get("lastname", String.class),
							r.get("email", String.class), r.get("idnumber", String.class), r.get("phone", String.class),
							r.get("workload_cap_hours", Integer.class)),
					r.get("moodle_firstname", String.class), r.get("moodle_lastname", String.class),
					r.get("moodle_email", String.class), r.get("moodle_idnumber", String.class),
					r.get("moodle_username", String.class));
		}
	}

	private Mono<Stored> current(long id) {
		return db.sql("""
				select status, firstname, lastname, email, idnumber, phone, workload_cap_hours, moodle_firstname,
				       moodle_lastname, moodle_email, moodle_idnumber, moodle_username, anonymised_at is not null as erased
				from vacataire where id = :id for update""")
			.bind("id", id)
			.map(r -> Map.entry(Boolean.TRUE.equals(r.get("erased", Boolean.class)), Stored.read(r)))
			.one()
			.switchIfEmpty(Mono.error(new NotFound("Aucun vacataire n’a l’identifiant " + id + ".")))
			// An erased person's file is closed: nothing is added to it nor changed in it.
			.flatMap(row -> row.getKey() ? Mono.error(new Refused("Les données personnelles de cette personne ont été effacées : "
					+ "son dossier est clos et ne se modifie plus.")) : Mono.just(row.getValue()));
	}

	private static DatabaseClient.GenericExecuteSpec bindIdentity(DatabaseClient.GenericExecuteSpec spec, Identity i) {
		spec = nullable(spec, "firstname", i.firstname());
		spec = nullable(spec, "lastname", i.lastname());
		spec = nullable(spec, "email", i.email());
		spec = nullable(spec, "idnumber", i.idnumber());
		spec = nullable(spec, "phone", i.phone());
		return i.workloadCapHours() == null ? spec.bindNull("cap", Integer.class) : spec.bind("cap", i.workloadCapHours());
	}

	private static DatabaseClient.GenericExecuteSpec nullable(DatabaseClient.GenericExecuteSpec spec, String name,
			@Nullable String value) {
		return value == null ? spec.bindNull(name, String.class) : spec.bind(name, value);
	}

	private static Identity clean(Identity i) {
		String email = trim(i.email());
		// Bounded first, then checked in linear time (a backtracking expression took seconds on a long address).
		InputLimits.text("email", email);
		InputLimits.text("firstname", i.firstname());
		InputLimits.text("lastname", i.lastname());
		InputLimits.text("idnumber", i.idnumber());
		InputLimits.text("phone", i.phone());
		if (email != null && !InputLimits.isEmail(email)) {
			throw InvalidRequest.ofField("email", "Adresse de courriel invalide : « " + email + " ».");
		}
		String phone = trim(i.phone());
		if (phone != null && !InputLimits.isPhone(phone)) {
			throw InvalidRequest.ofField("phone", "Numéro de téléphone invalide : « " + phone
					+ " » (de 6 à 20 chiffres, avec espaces, +, -, ., / ou parenthèses seulement).");
		}
		if (i.workloadCapHours() != null && (i.workloadCapHours() < 1 || i.workloadCapHours() > 2000)) {
			throw InvalidRequest.ofField("workloadCapHours", "Le plafond d’heures doit être compris entre 1 et 2000.");
		}
		return new Identity(trim(i.firstname()), trim(i.lastname()), email == null ? null : email.toLowerCase(java.util.Locale.ROOT),
				trim(i.idnumber()), trim(i.phone()), i.workloadCapHours());
	}

	private static String diff(Identity before, Identity after) {
		Map<String, String> changed = new LinkedHashMap<>();
		compare(changed, "prénom", before.firstname(), after.firstname());
		compare(changed, "nom", before.lastname(), after.lastname());
		compare(changed, "courriel", before.email(), after.email());
		compare(changed, "matricule", before.idnumber(), after.idnumber());
		compare(changed, "téléphone", before.phone(), after.phone());
		compare(changed, "plafond d’heures", before.workloadCapHours(), after.workloadCapHours());
		return changed.isEmpty() ? "aucun changement" : String.join(", ", changed.keySet());
	}

	private static void compare(Map<String, String> changed, String field, @Nullable Object a, @Nullable Object b) {
		if (!java.util.Objects.equals(a, b)) {
			changed.put(field, String.valueOf(b));
		}
	}

	private static @Nullable String trim(@Nullable String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}

	private static boolean blank(@Nullable String s) {
		return s == null || s.isBlank();
	}

	private static @Nullable String or(@Nullable String a, @Nullable String b) {
		return a != null ? a : b;
	}

}
