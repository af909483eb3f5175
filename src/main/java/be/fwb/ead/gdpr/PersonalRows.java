package be.fwb.ead.gdpr;

import be.fwb.ead.gdpr.PersonalDataProvider.Section;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every {@link PersonalDataProvider} does with its own SQL: read a table's rows of the person as JSON, count them,
 * delete them. Each statement binds the person's id as {@code :v}; the owner writes it, naming its own tables.
 */
public final class PersonalRows {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private PersonalRows() {
	}

	/**
	 * A section of the report, read by a query that answers one JSON object per row in the column {@code j}
	 * ({@code select row_to_json(t)::text as j from … t where vacataire_id = :v}).
	 */
	public static Mono<Section> read(DatabaseClient db, Section.Kind kind, String table, String sql, long personId) {
		return db.sql(sql)
			.bind("v", personId)
			.map(r -> JSON.readTree(r.get("j", String.class)))
			.all()
			.collectList()
			.map(rows -> new Section(kind, table, rows));
	}

	/** A count ({@code select count(*) …}) of the person's rows. */
	public static Mono<Long> count(DatabaseClient db, String sql, long personId) {
		return db.sql(sql).bind("v", personId).map(r -> r.get(0, Long.class)).one();
	}

	/** A statement ({@code delete …}, {@code update …}) on the person's rows: how many it changed. */
	public static Mono<Long> change(DatabaseClient db, String sql, long personId) {
		return db.sql(sql).bind("v", personId).fetch().rowsUpdated();
	}
}
