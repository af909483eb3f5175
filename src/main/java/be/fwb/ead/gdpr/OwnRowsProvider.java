package be.fwb.ead.gdpr;

import java.util.Map;

import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An owner's part of a person's data held in one table of its own, keyed by {@code vacataire_id}: its rows exported,
 * counted and deleted by an erasure. The owner names the table (a constant of its own, never a user's input) and
 * gives the provider its {@code @Component} and {@code @Order}.
 */
public abstract class OwnRowsProvider implements PersonalDataProvider {

	private final DatabaseClient db;
	private final String table;

	protected OwnRowsProvider(DatabaseClient db, String table) {
		this.db = db;
		this.table = table;
	}

	@Override
	public Flux<Section> export(Person person) {
		return PersonalRows.read(db, Section.Kind.OWN, table,
				"select row_to_json(t)::text as j from " + table + " t where vacataire_id = :v", person.id()).flux();
	}

	@Override
	public Mono<Erased> preview(Person person) {
		return PersonalRows.count(db, "select count(*) from " + table + " where vacataire_id = :v", person.id())
			.map(n -> Erased.deleted(Map.of(table, n)));
	}

	@Override
	public Mono<Erased> erase(Person person) {
		return PersonalRows.change(db, "delete from " + table + " where vacataire_id = :v", person.id())
			.map(n -> Erased.deleted(Map.of(table, n)));
	}
}
