package be.fwb.ead.vacataires;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import be.fwb.ead.shared.PageOf;
import be.fwb.ead.shared.Paging;
import be.fwb.ead.shared.SearchText;
import be.fwb.ead.vacataires.Vacataire.ModuleRole;
import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Finds vacataires, one page at a time, sorted by last name without regard to accents. */
@Service
public class Vacataires {

	private static final String COLUMNS = """
			v.id, v.moodle_user_id, coalesce(v.firstname, v.moodle_firstname, '') as firstname,
			coalesce(v.lastname, v.moodle_lastname, '') as lastname, coalesce(v.email, v.moodle_email) as email,
			coalesce(v.idnumber, v.moodle_idnumber) as idnumber, v.status""";

	private final DatabaseClient db;

	Vacataires(DatabaseClient db) {
		this.db = db;
	}

	/**
	 * @param q words of the name, e-mail, username or id number; {@literal null} lists everyone
	 * @param withoutModule only vacataires who hold no role on a current module
	 */
	public Mono<PageOf<Vacataire>> search(@Nullable String q, boolean withoutModule, Paging paging) {
		String where = "(:pattern = '%%' or v.search_key like :pattern)" + (withoutModule ? """
				 and not exists (select 1 from module_role r join module m on m.id = r.module_id
				                 where r.vacataire_id = v.id and m.archived_at is null)""" : "");
		String pattern = SearchText.containsPattern(q);
		Mono<Long> total = db.sql("select count(*) as n from vacataire v where " + where)
			.bind("pattern", pattern)
			.map(r -> r.get("n", Long.class))
			.one();
		Mono<List<Vacataire>> items = db
			.sql("select " + COLUMNS + " from vacataire v where " + where + " order by v.sort_key, v.id limit :limit offset :offset")
			.bind("pattern", pattern)
			.bind("limit", paging.size())
			.bind("offset", paging.offset())
			.map(Vacataires::read)
			.all()
			.collectList()
			.flatMap(this::withModules);
		return Mono.zip(items, total).map(t -> new PageOf<>(t.getT1(), t.getT2(), paging.page(), paging.size()));
	}

	public Mono<Vacataire> find(long id) {
		return db.sql("select " + COLUMNS + " from vacataire v where v.id = :id")
			.bind("id", id)
			.map(Vacataires::read)
			.all()
			.collectList()
			.flatMap(this::withModules)
			.flatMap(list -> Mono.justOrEmpty(list.stream().findFirst()));
	}

	private Mono<List<Vacataire>> withModules(List<Vacataire> people) {
		if (people.isEmpty()) {
			return Mono.just(List.of());
		}
		return db.sql("""
				select r.vacataire_id, r.module_id, r.role, m.shortname, m.fullname, m.archived_at is not null as archived
				from module_role r join module m on m.id = r.module_id
				where r.vacataire_id = any(:ids::bigint[])
				order by m.sort_key, r.role""")
			.bind("ids", people.stream().map(Vacataire::id).toArray(Long[]::new))
			.map(r -> Map.entry(r.get("vacataire_id", Long.class), new ModuleRole(r.get("module_id", Long.class),
					r.get("role", String.class), r.get("shortname", String.class), r.get("fullname", String.class),
					r.get("archived", Boolean.class))))
			.all()
			.collectMultimap(Map.Entry::getKey, Map.Entry::getValue)
			.map(byPerson -> {
				List<Vacataire> out = new ArrayList<>(people.size());
				for (Vacataire v : people) {
					out.add(new Vacataire(v.id(), v.moodleUserId(), v.firstname(), v.lastname(), v.email(), v.idnumber(),
							v.status(), List.copyOf(byPerson.getOrDefault(v.id(), List.of()))));
				}
				return out;
			});
	}

	private static Vacataire read(Readable r) {
		return new Vacataire(r.get("id", Long.class), r.get("moodle_user_id", Long.class), r.get("firstname", String.class),
				r.get("lastname", String.class), r.get("email", String.class), r.get("idnumber", String.class),
				r.get("status", String.class), List.of());
	}
}
