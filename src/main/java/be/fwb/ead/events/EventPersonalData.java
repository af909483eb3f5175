package be.fwb.ead.events;

import java.util.Map;

import be.fwb.ead.gdpr.PersonalDataProvider;
import be.fwb.ead.gdpr.PersonalRows;
import org.springframework.core.annotation.Order;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static be.fwb.ead.gdpr.PersonalDataProvider.Section.Kind.OWN;

/**
 * The event publication registry's part of a person's data: the publications whose event names them (its
 * {@code vacataireId}, as {@link be.fwb.ead.vacataires.VacataireStatusChanged} does), kept until delivered and then a
 * few days. An erasure deletes those delivered; those still to deliver (waiting, or given up until an operator acts)
 * stay deliverable, with the free text of their event (the reason a coordinator wrote) emptied.
 */
@Component
@Order(95)
class EventPersonalData implements PersonalDataProvider {

	/** The publications whose event names the person. */
	private static final String NAMES_THEM = "payload @> jsonb_build_object('vacataireId', :v::bigint)";

	/** The events' fields that hold free text, emptied in the publications an erasure keeps. */
	static final String[] FREE_TEXT = { "reason" };

	private final DatabaseClient db;

	EventPersonalData(DatabaseClient db) {
		this.db = db;
	}

	@Override
	public Flux<Section> export(Person person) {
		// One line per event (not per module it was delivered to), in words: what changed, by whom, why, and whether every
		// module has received it.
		return PersonalRows.read(db, OWN, "event_publication", """
				select json_build_object('at', min(published_at),
				       'event', case when event_type like '%.VacataireStatusChanged' then 'Changement de statut' else 'Autre événement' end,
				       'previous_status', payload ->> 'from', 'status', payload ->> 'to', 'author', payload ->> 'author',
				       'reason', payload ->> 'reason', 'delivered', bool_and(state = 'COMPLETED'))::text as j
				from event_publication where""" + " " + NAMES_THEM + " group by event_type, payload order by min(published_at)", person.id())
			.flux();
	}

	@Override
	public Mono<Erased> preview(Person person) {
		return PersonalRows.count(db, "select count(*) from event_publication where state = 'COMPLETED' and " + NAMES_THEM, person.id())
			.map(EventPersonalData::erased);
	}

	@Override
	public Mono<Erased> erase(Person person) {
		return PersonalRows.change(db, "delete from event_publication where state = 'COMPLETED' and " + NAMES_THEM, person.id())
			.flatMap(deleted -> db.sql("""
					update event_publication
					set payload = payload || coalesce((select jsonb_object_agg(f, 'null'::jsonb) from unnest(:fields::text[]) f
					                                   where jsonb_exists(payload, f)), '{}'::jsonb)
					where state <> 'COMPLETED' and """ + " " + NAMES_THEM)
				.bind("v", person.id())
				.bind("fields", FREE_TEXT)
				.fetch()
				.rowsUpdated()
				.thenReturn(erased(deleted)));
	}

	private static Erased erased(long deleted) {
		return Erased.deleted(Map.of("event_publication", deleted));
	}
}
