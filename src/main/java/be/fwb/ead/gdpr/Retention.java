package be.fwb.ead.gdpr;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import be.fwb.ead.shared.Counted;

/**
 * The retention rules: the people an owner's rule says are due (candidates not retained, whose decision is older than
 * {@link GdprSettings#unsuccessfulCandidatesRetention}), unless an owner holds them (they worked for the EAD), are
 * erased, each in their own transaction. Runs every night; the report goes to the journal.
 */
@Service
public class Retention {

	private static final Logger log = LoggerFactory.getLogger(Retention.class);

	private final List<PersonalDataProvider> providers;
	private final PersonalData data;
	private final GdprJournal journal;
	private final Period unsuccessfulCandidates;
	private final Clock clock;

	Retention(List<PersonalDataProvider> providers, PersonalData data, GdprJournal journal, GdprSettings settings, Clock clock) {
		this.providers = List.copyOf(providers);
		this.data = data;
		this.journal = journal;
		this.unsuccessfulCandidates = settings.unsuccessfulCandidatesRetention();
		this.clock = clock;
	}

	/** Applies the retention rules now, and says whom they erased. */
	public Mono<RetentionReport> apply(String author) {
		String reason = "Règle de conservation : candidat non retenu depuis plus de " + unsuccessfulCandidates;
		return due(LocalDate.now(clock))
			.concatMap(id -> data.anonymise(id, reason, author).thenReturn(id))
			.collectList()
			.flatMap(ids -> {
				RetentionReport report = new RetentionReport(Instant.now(clock), unsuccessfulCandidates, ids);
				return journal.retentionApplied(report, "Règle de conservation appliquée : " + Counted.of(ids.size(),
						"candidat non retenu anonymisé", "candidats non retenus anonymisés"), author).thenReturn(report);
			});
	}

	/** Who an owner says is due, less whom an owner holds, by id. */
	private Flux<Long> due(LocalDate today) {
		return Flux.fromIterable(providers).concatMap(p -> p.due(today)).collect(java.util.TreeSet<Long>::new, Set::add)
			.flatMapMany(due -> {
				List<Long> people = new ArrayList<>(due);
				return people.isEmpty() ? Flux.<Long>empty() : Flux.fromIterable(providers).concatMap(p -> p.holds(people)).collect(HashSet<Long>::new, Set::add)
					.flatMapMany(held -> Flux.fromIterable(people).filter(id -> !held.contains(id)));
			});
	}

	@Scheduled(cron = "${ead.gdpr.retention-cron:0 15 3 * * *}")
	void nightly() {
		apply("règle de conservation").subscribe(null, e -> log.warn("Règle de conservation non appliquée : {}", e.getMessage()));
	}
}
