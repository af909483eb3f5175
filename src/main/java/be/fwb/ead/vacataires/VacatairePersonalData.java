package be.fwb.ead.vacataires;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import be.fwb.ead.gdpr.PersonalDataProvider;
import be.fwb.ead.gdpr.PersonalRows;
import be.fwb.ead.shared.NotFound;
import org.springframework.core.annotation.Order;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static be.fwb.ead.gdpr.PersonalDataProvider.Section.Kind.OWN;
import static be.fwb.ead.gdpr.PersonalDataProvider.Section.Kind.PERSON;

/**
 * The vacataires' part of a person's data: their record (who they are, or {@link NotFound}), availability and contract
 * periods. An erasure replaces the identity (names, e-mail, phone, ID numbers, the Moodle identity), deletes the
 * availability and keeps the contract periods (payroll). First of the owners: it says who the person is.
 */
@Component
@Order(10)
class VacatairePersonalData implements PersonalDataProvider {

	/** The identity fields an erasure replaces, in the order the confirmation page shows them. */
	private static final List<String> IDENTITY = List.of("firstname", "lastname", "email", "phone", "idnumber", "moodle_username",
			"moodle_firstname", "moodle_lastname", "moodle_email", "moodle_idnumber");

	private final DatabaseClient db;
	private final Clock clock;

	VacatairePersonalData(DatabaseClient db, Clock clock) {
		this.db = db;
		this.clock = clock;
	}

	@Override
	public Map<String, String> kept() {
		return Map.of("contract_period", "obligations comptables et de paie (conservation légale), sans l’identité");
	}

	@Override
	public Mono<Identity> identify(long personId) {
		return db.sql("""
				select firstname, lastname, email, phone, idnumber, moodle_username, moodle_firstname, moodle_lastname, moodle_email,
				       moodle_idnumber
				from vacataire where id = :v""")
			.bind("v", personId)
			.fetch()
			.one()
			.switchIfEmpty(Mono.error(new NotFound("Aucun vacataire n’a l’identifiant " + personId + ".")))
			.map(VacatairePersonalData::identity);
	}

	private static Identity identity(Map<String, Object> row) {
		Map<String, String> identity = new LinkedHashMap<>();
		IDENTITY.forEach(c -> {
			if (row.get(c) instanceof String value && !value.isBlank()) {
				identity.put(c, value);
			}
		});
		List<String> identifiers = new ArrayList<>(identity.values());
		identifiers.addAll(bothWays(identity, "firstname", "lastname"));
		identifiers.addAll(bothWays(identity, "moodle_firstname", "moodle_lastname"));
		List<String> usernames = identity.containsKey("moodle_username") ? List.of(identity.get("moodle_username")) : List.of();
		// The name as the pages show it: what a coordinator entered, else what Moodle gave (vacataire_name's rule).
		String name = (either(row, "firstname", "moodle_firstname") + " " + either(row, "lastname", "moodle_lastname")).trim();
		return new Identity(name, identity, identifiers, usernames);
	}

	private static String either(Map<String, Object> row, String entered, String fromMoodle) {
		return row.get(entered) instanceof String s && !s.isBlank() ? s
				: row.get(fromMoodle) instanceof String m ? m : "";
	}

	/** « First Last » and « Last First », the ways a name is written in a sentence. */
	private static List<String> bothWays(Map<String, String> identity, String first, String last) {
		String f = identity.get(first);
		String l = identity.get(last);
		return f == null || l == null ? List.of() : List.of(f + " " + l, l + " " + f);
	}

	@Override
	public Mono<String> refusal(long personId) {
		return PersonalRows.count(db, "select count(*) from vacataire where id = :v and anonymised_at is not null", personId)
			.filter(n -> n > 0)
			.map(n -> "Ce vacataire est déjà anonymisé.");
	}

	@Override
	public Flux<Section> export(Person person) {
		return Flux.concat(
				PersonalRows.read(db, PERSON, "vacataire", "select row_to_json(t)::text as j from vacataire t where id = :v", person.id()),
				PersonalRows.read(db, OWN, "availability", "select row_to_json(t)::text as j from availability t where vacataire_id = :v",
						person.id()),
				PersonalRows.read(db, OWN, "contract_period",
						"select row_to_json(t)::text as j from contract_period t where vacataire_id = :v", person.id()));
	}

	@Override
	public Mono<Erased> preview(Person person) {
		return PersonalRows.count(db, "select count(*) from availability where vacataire_id = :v", person.id())
			.map(n -> Erased.deleted(Map.of("availability", n)));
	}

	@Override
	public Mono<Erased> erase(Person person) {
		return PersonalRows.change(db, "delete from availability where vacataire_id = :v", person.id())
			.flatMap(n -> db.sql("""
					update vacataire set firstname = :firstname, lastname = :lastname,
					       status = case when status in ('CANDIDAT', 'NON_RETENU') then 'NON_RETENU' else 'SORTI' end, email = null, phone = null, idnumber = null,
					       moodle_user_id = null, moodle_username = null, moodle_firstname = null, moodle_lastname = null,
					       moodle_email = null, moodle_idnumber = null, search_key = 'anonymise ' || id,
					       sort_key = 'zz anonymise ' || lpad(id::text, 10, '0'), anonymised_at = :now, updated_at = :now
					where id = :v""").bind("v", person.id()).bind("now", Instant.now(clock))
				.bind("firstname", Vacataire.ERASED_FIRSTNAME).bind("lastname", Vacataire.erasedLastname(person.id())).then()
				.thenReturn(Erased.deleted(Map.of("availability", n))));
	}
}
