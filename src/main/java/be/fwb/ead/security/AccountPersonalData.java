package be.fwb.ead.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import be.fwb.ead.gdpr.PersonalDataProvider;
import be.fwb.ead.gdpr.PersonalRows;
import org.springframework.core.annotation.Order;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The security's part of a person's data: their accounts (never the password hash), their tokens, the failed sign-ins
 * under their usernames (their Moodle username too). An erasure deletes them all; the usernames and display names are
 * among the identifiers the journal's pseudonymisation looks for.
 */
@Component
@Order(90)
class AccountPersonalData implements PersonalDataProvider {

	private final DatabaseClient db;
	private final LoginThrottle loginFailures;

	AccountPersonalData(DatabaseClient db, LoginThrottle loginFailures) {
		this.db = db;
		this.loginFailures = loginFailures;
	}

	@Override
	public Mono<Identity> identify(long personId) {
		return db.sql("select username, display_name from account where vacataire_id = :v")
			.bind("v", personId)
			.map(r -> List.of(r.get("username", String.class), r.get("display_name", String.class)))
			.all()
			.collectList()
			.filter(accounts -> !accounts.isEmpty())
			.map(accounts -> {
				List<String> identifiers = new ArrayList<>();
				List<String> usernames = new ArrayList<>();
				accounts.forEach(a -> {
					usernames.add(a.get(0));
					identifiers.addAll(a);
				});
				return Identity.of(identifiers, usernames);
			});
	}

	@Override
	public Flux<Section> export(Person person) {
		return PersonalRows.read(db, Section.Kind.OWN, "account", """
				select row_to_json(t)::text as j from (select id, username, role, display_name, enabled, created_at
				from account where vacataire_id = :v) t""", person.id()).flux();
	}

	@Override
	public Mono<Erased> preview(Person person) {
		return PersonalRows.count(db, "select count(*) from api_token where account_id in (select id from account where vacataire_id = :v)",
				person.id())
			.zipWhen(tokens -> PersonalRows.count(db, "select count(*) from account where vacataire_id = :v", person.id()),
					AccountPersonalData::erased);
	}

	@Override
	public Mono<Erased> erase(Person person) {
		return PersonalRows.change(db, "delete from api_token where account_id in (select id from account where vacataire_id = :v)",
				person.id())
			.zipWhen(tokens -> PersonalRows.change(db, "delete from account where vacataire_id = :v", person.id()),
					AccountPersonalData::erased)
			.flatMap(erased -> loginFailures.forget(person.usernames()).thenReturn(erased));
	}

	private static Erased erased(long tokens, long accounts) {
		Map<String, Long> deleted = new LinkedHashMap<>();
		deleted.put("api_token", tokens);
		deleted.put("account", accounts);
		return Erased.deleted(deleted);
	}
}
