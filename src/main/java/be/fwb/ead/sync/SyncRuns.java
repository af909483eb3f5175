package be.fwb.ead.sync;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import be.fwb.ead.shared.PageOf;
import be.fwb.ead.shared.Paging;
import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The record of sync runs. */
@Component
public class SyncRuns {

	private static final String COLUMNS = "id, mode, status, started_at, finished_at, moodle_calls, counts::text as counts, "
			+ "warnings::text as warnings, error, triggered_by";

	private final DatabaseClient db;
	private final JsonMapper json = JsonMapper.builder().build();

	SyncRuns(DatabaseClient db) {
		this.db = db;
	}

	public Mono<SyncRun> find(long id) {
		return db.sql("select " + COLUMNS + " from sync_run where id = :id").bind("id", id).map(this::read).one();
	}

	/** The most recent runs first. */
	public Flux<SyncRun> latest(int limit) {
		return db.sql("select " + COLUMNS + " from sync_run order by started_at desc, id desc limit :limit")
			.bind("limit", limit)
			.map(this::read)
			.all();
	}

	/** One page of the history, the most recent runs first, with the total number of runs. */
	public Mono<PageOf<SyncRun>> page(Paging paging) {
		Mono<List<SyncRun>> items = db
			.sql("select " + COLUMNS + " from sync_run order by started_at desc, id desc limit :limit offset :offset")
			.bind("limit", paging.size())
			.bind("offset", paging.offset())
			.map(this::read)
			.all()
			.collectList();
		Mono<Long> total = db.sql("select count(*) as n from sync_run").map(r -> r.get("n", Long.class)).one();
		return Mono.zip(items, total).map(t -> new PageOf<>(t.getT1(), t.getT2(), paging.page(), paging.size()));
	}

	Mono<SyncRun> create(SyncMode mode, String triggeredBy, Instant now) {
		return db.sql("insert into sync_run (mode, status, started_at, triggered_by) values (:mode, 'RUNNING', :now, :by) "
				+ "returning " + COLUMNS)
			.bind("mode", mode.name())
			.bind("now", now)
			.bind("by", triggeredBy)
			.map(this::read)
			.one();
	}

	/** Called while holding the sync lock: a run still RUNNING then was killed with its instance. */
	Mono<Long> failInterrupted(Instant now) {
		return db.sql("update sync_run set status = 'FAILED', finished_at = :now, error = :error where status = 'RUNNING'")
			.bind("now", now)
			.bind("error", "Synchronisation interrompue (arrêt du service pendant la synchronisation) ; "
					+ "aucune donnée partielle n’a été enregistrée.")
			.fetch()
			.rowsUpdated();
	}

	Mono<SyncRun> succeed(long id, Map<String, Map<String, Integer>> counts, List<String> warnings, int calls,
			Instant now) {
		return finish(id, SyncStatus.SUCCEEDED, counts, warnings, calls, null, now);
	}

	Mono<SyncRun> fail(long id, String error, int calls, Instant now) {
		return finish(id, SyncStatus.FAILED, Map.of(), List.of(), calls, error, now);
	}

	private Mono<SyncRun> finish(long id, SyncStatus status, Map<String, Map<String, Integer>> counts,
			List<String> warnings, int calls, @Nullable String error, Instant now) {
		var spec = db.sql("update sync_run set status = :status, finished_at = :now, moodle_calls = :calls, "
				+ "counts = :counts::jsonb, warnings = :warnings::jsonb, error = :error where id = :id returning " + COLUMNS)
			.bind("status", status.name())
			.bind("now", now)
			.bind("calls", calls)
			.bind("counts", json.writeValueAsString(counts))
			.bind("warnings", json.writeValueAsString(warnings))
			.bind("id", id);
		return (error == null ? spec.bindNull("error", String.class) : spec.bind("error", error)).map(this::read).one();
	}

	private SyncRun read(Readable r) {
		return new SyncRun(r.get("id", Long.class), SyncMode.valueOf(r.get("mode", String.class)),
				SyncStatus.valueOf(r.get("status", String.class)), r.get("started_at", Instant.class),
				r.get("finished_at", Instant.class), r.get("moodle_calls", Integer.class),
				json.readValue(r.get("counts", String.class), new TypeReference<Map<String, Map<String, Integer>>>() {
				}), json.readValue(r.get("warnings", String.class), new TypeReference<List<String>>() {
				}), r.get("error", String.class), r.get("triggered_by", String.class));
	}
}
