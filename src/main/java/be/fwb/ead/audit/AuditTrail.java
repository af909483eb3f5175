package be.fwb.ead.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import be.fwb.ead.shared.Days;
import be.fwb.ead.shared.DisplaySettings;
import be.fwb.ead.shared.InvalidRequest;
import be.fwb.ead.shared.PageOf;
import be.fwb.ead.shared.Paging;
import be.fwb.ead.shared.SearchText;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Searching the audit trail: the changes (by people and by the sync) and the reads of personal files, by who, what,
 * whose file, when and words of the summary; the latest first.
 */
@Service
public class AuditTrail {

	/**
	 * What to look for; every field optional. {@code to} is inclusive. {@code person}: whose file, as people know them —
	 * their number, their matricule, or words of their name.
	 */
	public record Filter(@Nullable String author, @Nullable String entity, @Nullable Long vacataireId, @Nullable String person,
			@Nullable LocalDate from, @Nullable LocalDate to, @Nullable String text) {

		/** A period that ends before it begins holds no line: said, not answered with an empty list. */
		public Filter {
			if (from != null && to != null && to.isBefore(from)) {
				throw InvalidRequest.ofField("au", "La période finit le " + Days.text(to) + ", avant de commencer le " + Days.text(from)
						+ " : aucune ligne ne peut s’y trouver. Échangez les deux dates.");
			}
		}

		public Filter(@Nullable String author, @Nullable String entity, @Nullable Long vacataireId, @Nullable LocalDate from,
				@Nullable LocalDate to, @Nullable String text) {
			this(author, entity, vacataireId, null, from, to, text);
		}
	}

	/**
	 * A read of a personal file.
	 *
	 * @param reader the account that read, or {@code vacataire:<id>} for the person themself
	 * @param vacataireName whose file, as their name reads today (the published view {@code vacataire_name})
	 * @param via how: {@code page …}, {@code API GET …} or {@code plugin Moodle}
	 * @param lastAt the last of {@code times} reads, each within 15 minutes of the one before; {@literal null} for one
	 * @param times how many reads the line counts (the same reader, person, data and way, {@code at} to {@code lastAt})
	 */
	public record Read(long id, Instant at, String reader, long vacataireId, String vacataireName, String what, String via,
			@Nullable Instant lastAt, int times) {

		/** Whether the person read their own file. */
		public boolean byThePerson() {
			return reader.startsWith("vacataire:");
		}

		/**
		 * How the file was read, from {@link #via}: {@code page}, {@code plugin}, {@code me} (their own API), {@code api},
		 * or {@code other}; the journal's page says each in words ({@code audit.via.<channel>}).
		 */
		public String channel() {
			return via.startsWith("page ") ? "page" : via.equals("plugin Moodle") ? "plugin"
					: via.startsWith("API GET /api/me/") ? "me" : via.startsWith("API ") ? "api" : "other";
		}
	}

	private final DatabaseClient db;
	private final ZoneId zone;

	AuditTrail(DatabaseClient db, DisplaySettings display) {
		this.db = db;
		this.zone = display.zone();
	}

	public Mono<PageOf<ChangeLog.Entry>> changes(Filter filter, Paging paging) {
		Map<String, Object> binds = new HashMap<>();
		String where = where(filter, binds, "author", true);
		Mono<Long> total = bind(db.sql("select count(*) as n from change_log where " + where), binds)
			.map(r -> r.get("n", Long.class)).one();
		Mono<List<ChangeLog.Entry>> items = bind(db.sql("select id, at, author, entity, entity_id, vacataire_id, action, summary, "
				+ "before::text as before, after::text as after, reason from change_log where " + where
				+ " order by at desc, id desc limit :limit offset :offset"), binds)
			.bind("limit", paging.size())
			.bind("offset", paging.offset())
			.map(ChangeLog::entry)
			.all()
			.collectList();
		return Mono.zip(items, total, (i, t) -> new PageOf<>(i, t, paging.page(), paging.size()));
	}

	/**
	 * Every change that matches, read in chunks of {@link Paging#MAX_SIZE} after the last one read (for exports): no count
	 * and no offset, so the whole journal reads in time proportional to its size.
	 */
	public Flux<ChangeLog.Entry> allChanges(Filter filter) {
		return chunkAfter(filter, null)
			.expand(chunk -> chunk.size() < Paging.MAX_SIZE ? Mono.empty() : chunkAfter(filter, chunk.get(chunk.size() - 1)))
			.concatMapIterable(chunk -> chunk);
	}

	private Mono<List<ChangeLog.Entry>> chunkAfter(Filter filter, ChangeLog.@Nullable Entry last) {
		Map<String, Object> binds = new HashMap<>();
		String where = where(filter, binds, "author", true);
		if (last != null) {
			where += " and (at, id) < (:lastAt, :lastId)";
			binds.put("lastAt", last.at());
			binds.put("lastId", last.id());
		}
		return bind(db.sql("select id, at, author, entity, entity_id, vacataire_id, action, summary, before::text as before, "
				+ "after::text as after, reason from change_log where " + where + " order by at desc, id desc limit :limit"), binds)
			.bind("limit", Paging.MAX_SIZE)
			.map(ChangeLog::entry)
			.all()
			.collectList();
	}

	public Mono<PageOf<Read>> reads(Filter filter, Paging paging) {
		Map<String, Object> binds = new HashMap<>();
		String where = where(filter, binds, "reader", false);
		Mono<Long> total = bind(db.sql("select count(*) as n from access_log where " + where), binds)
			.map(r -> r.get("n", Long.class)).one();
		Mono<List<Read>> items = bind(db.sql("select id, at, reader, vacataire_id, what, via, last_at, times, "
				+ "(select v.name from vacataire_name v where v.id = access_log.vacataire_id) as vacataire_name "
				+ "from access_log where " + where
				+ " order by at desc, id desc limit :limit offset :offset"), binds)
			.bind("limit", paging.size())
			.bind("offset", paging.offset())
			.map(r -> new Read(r.get("id", Long.class), r.get("at", Instant.class), r.get("reader", String.class),
					r.get("vacataire_id", Long.class), java.util.Objects.requireNonNullElse(r.get("vacataire_name", String.class), ""),
					r.get("what", String.class), r.get("via", String.class), r.get("last_at", Instant.class),
					java.util.Objects.requireNonNull(r.get("times", Integer.class))))
			.all()
			.collectList();
		return Mono.zip(items, total, (i, t) -> new PageOf<>(i, t, paging.page(), paging.size()));
	}

	private String where(Filter f, Map<String, Object> binds, String authorColumn, boolean changes) {
		StringBuilder where = new StringBuilder("true");
		if (f.author() != null && !f.author().isBlank()) {
			where.append(" and ").append(authorColumn).append(" ilike :author");
			binds.put("author", "%" + like(f.author().trim()) + "%");
		}
		if (changes && f.entity() != null && !f.entity().isBlank()) {
			where.append(" and entity = :entity");
			binds.put("entity", f.entity().trim());
		}
		if (f.vacataireId() != null) {
			where.append(" and vacataire_id = :vacataire");
			binds.put("vacataire", f.vacataireId());
		}
		if (f.person() != null && !f.person().isBlank()) {
			String person = f.person().trim();
			if (person.matches("\\d{1,18}")) {
				where.append(" and vacataire_id = :personId");
				binds.put("personId", Long.parseLong(person));
			}
			else {
				where.append(" and vacataire_id in (select v.id from vacataire_name v where lower(v.idnumber) = lower(:person)"
						+ " or v.search_key like all(:personKey))");
				binds.put("person", person);
				binds.put("personKey", SearchText.containsPatterns(person));
			}
		}
		if (f.from() != null) {
			where.append(" and at >= :from");
			binds.put("from", f.from().atStartOfDay(zone).toInstant());
		}
		if (f.to() != null) {
			where.append(" and at < :to");
			binds.put("to", f.to().plusDays(1).atStartOfDay(zone).toInstant());
		}
		if (f.text() != null && !f.text().isBlank()) {
			// Every word, in any order, without regard to case or accents: in the summary or the reason given.
			where.append(changes ? " and search_fold(summary || ' ' || coalesce(reason, '')) like all(:text)"
					: " and search_fold(what || ' ' || via) like all(:text)");
			binds.put("text", SearchText.containsPatterns(f.text()));
		}
		return where.toString();
	}

	private static String like(String s) {
		return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private static DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec, Map<String, Object> binds) {
		return spec.bindValues(binds);
	}
}
