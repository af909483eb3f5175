package be.fwb.ead.audit;

import java.time.Clock;
import java.time.Instant;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Records changes and reads them back. Call {@link #record} inside the transaction of the change it records. */
@Component
public class ChangeLog {

	/** A recorded change, as the timeline shows it. {@code before} and {@code after} are JSON text. */
	public record Entry(long id, Instant at, String author, String entity, long entityId, @Nullable Long vacataireId,
			String action, String summary, @Nullable String before, @Nullable String after, @Nullable String reason) {
	}

	private static final String COLUMNS = "id, at, author, entity, entity_id, vacataire_id, action, summary, "
			+ "before::text as before, after::text as after, reason";

	private final DatabaseClient db;
	private final JsonMapper json = JsonMapper.builder().findAndAddModules().build();
	private final Clock clock;

	ChangeLog(DatabaseClient db, Clock clock) {
		this.db = db;
		this.clock = clock;
	}

	public Mono<Void> record(String author, Change change) {
		var spec = db.sql("insert into change_log (at, author, entity, entity_id, vacataire_id, action, summary, before, "
				+ "after, reason) values (:at, :author, :entity, :entityId, :vacataireId, :action, :summary, "
				+ ":before::jsonb, :after::jsonb, :reason)")
			.bind("at", Instant.now(clock))
			.bind("author", author)
			.bind("entity", change.entity())
			.bind("entityId", change.entityId())
			.bind("action", change.action())
			.bind("summary", change.summary());
		spec = bindNullable(spec, "vacataireId", change.vacataireId(), Long.class);
		spec = bindNullable(spec, "before", change.before() == null ? null : json.writeValueAsString(change.before()),
				String.class);
		spec = bindNullable(spec, "after", change.after() == null ? null : json.writeValueAsString(change.after()),
				String.class);
		spec = bindNullable(spec, "reason", change.reason(), String.class);
		return spec.then();
	}

	/** Records many changes at once, in one statement (a sync's), all at the same moment. */
	public Mono<Void> recordAll(String author, java.util.List<Change> changes) {
		if (changes.isEmpty()) {
			return Mono.empty();
		}
		int n = changes.size();
		String[] entities = new String[n];
		Long[] ids = new Long[n];
		Long[] vacataires = new Long[n];
		String[] actions = new String[n];
		String[] summaries = new String[n];
		String[] befores = new String[n];
		String[] afters = new String[n];
		String[] reasons = new String[n];
		for (int i = 0; i < n; i++) {
			Change c = changes.get(i);
			entities[i] = c.entity();
			ids[i] = c.entityId();
			vacataires[i] = c.vacataireId();
			actions[i] = c.action();
			summaries[i] = c.summary();
			befores[i] = c.before() == null ? null : json.writeValueAsString(c.before());
			afters[i] = c.after() == null ? null : json.writeValueAsString(c.after());
			reasons[i] = c.reason();
		}
		return db.sql("""
				insert into change_log (at, author, entity, entity_id, vacataire_id, action, summary, before, after, reason)
				select :at, :author, e, i, v, a, s, b::jsonb, f::jsonb, w
				from unnest(:entities::text[], :ids::bigint[], :vacataires::bigint[], :actions::text[], :summaries::text[],
				            :befores::text[], :afters::text[], :reasons::text[]) as t(e, i, v, a, s, b, f, w)""")
			.bind("at", Instant.now(clock))
			.bind("author", author)
			.bind("entities", entities)
			.bind("ids", ids)
			.bind("vacataires", vacataires)
			.bind("actions", actions)
			.bind("summaries", summaries)
			.bind("befores", befores)
			.bind("afters", afters)
			.bind("reasons", reasons)
			.then();
	}

	/** Everything that happened to a vacataire, the most recent first. */
	public Flux<Entry> timeline(long vacataireId, int limit) {
		return db.sql("select " + COLUMNS + " from change_log where vacataire_id = :v order by at desc, id desc limit :limit")
			.bind("v", vacataireId)
			.bind("limit", limit)
			.map(ChangeLog::entry)
			.all();
	}

	/** The history of one record, the oldest first. */
	public Flux<Entry> history(String entity, long entityId) {
		return db.sql("select " + COLUMNS + " from change_log where entity = :e and entity_id = :id order by at, id")
			.bind("e", entity)
			.bind("id", entityId)
			.map(ChangeLog::entry)
			.all();
	}

	private static <T> DatabaseClient.GenericExecuteSpec bindNullable(DatabaseClient.GenericExecuteSpec spec, String name,
			@Nullable T value, Class<T> type) {
		return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
	}

	/** A change_log row (selected with the columns of {@link #timeline}) as an entry. */
	public static Entry entry(Readable r) {
		return new Entry(r.get("id", Long.class), r.get("at", Instant.class), r.get("author", String.class),
				r.get("entity", String.class), r.get("entity_id", Long.class), r.get("vacataire_id", Long.class),
				r.get("action", String.class), r.get("summary", String.class), r.get("before", String.class),
				r.get("after", String.class), r.get("reason", String.class));
	}
}
