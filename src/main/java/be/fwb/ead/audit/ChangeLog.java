package be.fwb.ead.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
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

	/**
	 * How many lines of the journal name the person: those about them, and every other where one of their identifiers
	 * appears (an erasure's preview).
	 */
	public Mono<Long> countNaming(long vacataireId, List<@Nullable String> identifiers, List<String> usernames) {
		Redaction redaction = new Redaction(identifiers, usernames, "");
		return linesNaming(vacataireId, redaction).collectList()
			.publishOn(Schedulers.boundedElastic())
			.map(lines -> lines.stream().filter(l -> l.names(redaction)).count());
	}

	/**
	 * An erasure's part of the journal: in every line naming the person, their identifiers become the pseudonym (summary,
	 * reason, author, before and after), and in the lines about them the identity fields and free text of the before and
	 * after values are emptied; who, when, what and on which record stay, and the line says when it was redacted. The
	 * journal is append-only otherwise: call this inside the erasure's transaction. Answers how many lines.
	 *
	 * @param identifiers the person's names, e-mails, usernames, ID numbers, phone (blank ones ignored)
	 * @param usernames their usernames, theirs alone: looked for in every line
	 * @param pseudonym what they become, {@code vacataire n° 12}
	 */
	public Mono<Long> pseudonymise(long vacataireId, List<@Nullable String> identifiers, List<String> usernames, String pseudonym) {
		Redaction redaction = new Redaction(identifiers, usernames, pseudonym);
		return linesNaming(vacataireId, redaction).collectList()
			// Parsing and rewriting JSON is work for a worker thread, not for the event loop.
			.publishOn(Schedulers.boundedElastic())
			.map(lines -> lines.stream().filter(l -> l.names(redaction)).toList())
			.flatMap(lines -> lines.isEmpty() ? Mono.just(0L) : rewrite(lines, redaction));
	}

	/** A text with the person's identifiers replaced by the pseudonym (the reason of an erasure, say). */
	public static String pseudonymised(String text, List<@Nullable String> identifiers, String pseudonym) {
		return java.util.Objects.requireNonNull(new Redaction(identifiers, pseudonym).text(text));
	}

	/** A line of the journal to pseudonymise. */
	private record Line(long id, String author, String summary, @Nullable String before, @Nullable String after,
			@Nullable String reason, boolean aboutThePerson) {

		/** About the person or written by them, or naming them (the database's search is a first sieve: not by whole words). */
		boolean names(Redaction redaction) {
			return aboutThePerson || redaction.names(summary, reason, before, after);
		}
	}

	private Flux<Line> linesNaming(long vacataireId, Redaction redaction) {
		return db.sql("""
				select id, author, summary, before::text as before, after::text as after, reason, vacataire_id
				from change_log
				where vacataire_id = :v or lower(author) = any(:authors) or summary ilike any(:p) or reason ilike any(:p)
				   or before::text ilike any(:p) or after::text ilike any(:p)
				order by id""")
			.bind("v", vacataireId)
			.bind("p", redaction.likePatterns().toArray(String[]::new))
			.bind("authors", redaction.authors().toArray(String[]::new))
			.map(r -> new Line(r.get("id", Long.class), r.get("author", String.class), r.get("summary", String.class),
					r.get("before", String.class), r.get("after", String.class), r.get("reason", String.class),
					// A line the person wrote is about them too: all of it is theirs to erase.
					Long.valueOf(vacataireId).equals(r.get("vacataire_id", Long.class))
							|| !redaction.author(r.get("author", String.class)).equals(r.get("author", String.class))))
			.all();
	}

	private Mono<Long> rewrite(List<Line> lines, Redaction redaction) {
		int n = lines.size();
		Long[] ids = new Long[n];
		String[] authors = new String[n];
		String[] summaries = new String[n];
		String[] befores = new String[n];
		String[] afters = new String[n];
		String[] reasons = new String[n];
		for (int i = 0; i < n; i++) {
			Line l = lines.get(i);
			ids[i] = l.id();
			authors[i] = redaction.author(l.author());
			summaries[i] = redaction.text(l.summary(), l.aboutThePerson());
			befores[i] = redaction.json(l.before(), l.aboutThePerson());
			afters[i] = redaction.json(l.after(), l.aboutThePerson());
			reasons[i] = redaction.text(l.reason(), l.aboutThePerson());
		}
		// The append-only trigger lets a line change only inside a transaction that says it is an erasure (V12_4).
		return db.sql("select set_config('ead.redaction', 'on', true)").then()
			.then(db.sql("""
					update change_log c set author = t.a, summary = t.s, before = t.b::jsonb, after = t.f::jsonb, reason = t.r,
					       redacted_at = :now
					from unnest(:ids::bigint[], :authors::text[], :summaries::text[], :befores::text[], :afters::text[],
					            :reasons::text[]) as t(i, a, s, b, f, r)
					where c.id = t.i""")
				.bind("now", Instant.now(clock))
				.bind("ids", ids)
				.bind("authors", authors)
				.bind("summaries", summaries)
				.bind("befores", befores)
				.bind("afters", afters)
				.bind("reasons", reasons)
				.fetch()
				.rowsUpdated())
			.flatMap(updated -> db.sql("select set_config('ead.redaction', 'off', true)").then().thenReturn(updated));
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
