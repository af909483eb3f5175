package be.fwb.ead.recruitment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import be.fwb.ead.gdpr.GdprSettings;
import be.fwb.ead.gdpr.PersonalDataProvider;
import be.fwb.ead.gdpr.PersonalRows;
import be.fwb.ead.shared.DisplaySettings;
import be.fwb.ead.vacataires.VacataireFile;
import be.fwb.ead.vacataires.VacataireFile.NotRetained;
import org.springframework.core.annotation.Order;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static be.fwb.ead.gdpr.PersonalDataProvider.Section.Kind.LINKED;
import static be.fwb.ead.gdpr.PersonalDataProvider.Section.Kind.OWN;

/**
 * The recruitment's part of a person's data: their candidacies and the scores of each, deleted by an erasure; and its
 * retention rule: a candidate not retained is due for erasure once the decision (or, without one, their file's last
 * change) is older than {@link GdprSettings#unsuccessfulCandidatesRetention}.
 */
@Component
@Order(60)
class CandidacyPersonalData implements PersonalDataProvider {

	private final DatabaseClient db;
	private final VacataireFile files;
	private final GdprSettings settings;
	private final DisplaySettings display;

	CandidacyPersonalData(DatabaseClient db, VacataireFile files, GdprSettings settings, DisplaySettings display) {
		this.db = db;
		this.files = files;
		this.settings = settings;
		this.display = display;
	}

	@Override
	public Flux<Section> export(Person person) {
		return Flux.concat(
				PersonalRows.read(db, OWN, "candidacy", "select row_to_json(t)::text as j from candidacy t where vacataire_id = :v",
						person.id()),
				PersonalRows.read(db, LINKED, "candidacy_score", """
						select row_to_json(t)::text as j from candidacy_score t join candidacy c on c.id = t.candidacy_id
						where c.vacataire_id = :v""", person.id()));
	}

	@Override
	public Mono<Erased> preview(Person person) {
		return PersonalRows.count(db, """
				select count(*) from candidacy_score where candidacy_id in (select id from candidacy where vacataire_id = :v)""",
				person.id())
			.zipWhen(scores -> PersonalRows.count(db, "select count(*) from candidacy where vacataire_id = :v", person.id()),
					CandidacyPersonalData::erased);
	}

	@Override
	public Mono<Erased> erase(Person person) {
		return PersonalRows.change(db, """
				delete from candidacy_score where candidacy_id in (select id from candidacy where vacataire_id = :v)""", person.id())
			.zipWhen(scores -> PersonalRows.change(db, "delete from candidacy where vacataire_id = :v", person.id()),
					CandidacyPersonalData::erased);
	}

	private static Erased erased(long scores, long candidacies) {
		Map<String, Long> deleted = new LinkedHashMap<>();
		deleted.put("candidacy_score", scores);
		deleted.put("candidacy", candidacies);
		return Erased.deleted(deleted);
	}

	@Override
	public Flux<Long> due(LocalDate today) {
		Instant before = today.minus(settings.unsuccessfulCandidatesRetention()).atStartOfDay(display.zone()).toInstant();
		return files.notRetained().collectList().flatMapMany(people -> people.isEmpty() ? Flux.empty()
				: lastDecisions(people).flatMapMany(decided -> Flux.fromIterable(people)
					.filter(p -> decided.getOrDefault(p.id(), p.since()).isBefore(before))
					.map(NotRetained::id)));
	}

	/** The last decision on each person's candidacies, for those with one. */
	private Mono<Map<Long, Instant>> lastDecisions(List<NotRetained> people) {
		return db.sql("""
				select vacataire_id, max(decided_at) as decided_at from candidacy
				where vacataire_id = any(:people) and decided_at is not null group by vacataire_id""")
			.bind("people", people.stream().map(NotRetained::id).toArray(Long[]::new))
			.map(r -> Map.entry(r.get("vacataire_id", Long.class), r.get("decided_at", Instant.class)))
			.all()
			.collect(HashMap::new, (m, e) -> m.put(e.getKey(), e.getValue()));
	}
}
