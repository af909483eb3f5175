package be.fwb.ead.gdpr;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import be.fwb.ead.gdpr.PersonalDataProvider.Erased;
import be.fwb.ead.gdpr.PersonalDataProvider.Identity;
import be.fwb.ead.gdpr.PersonalDataProvider.Person;
import be.fwb.ead.gdpr.PersonalDataProvider.Section;
import be.fwb.ead.shared.InvalidRequest;
import be.fwb.ead.shared.NotFound;
import be.fwb.ead.shared.Refused;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * One person's data, exported whole or erased by anonymisation: the orchestration of every owner's
 * {@link PersonalDataProvider}. The module owning each table reads and erases its own rows; this class assembles the
 * access report, says what an erasure will do, and runs it in one transaction (all the owners' parts, or none).
 * <p>
 * Erasure replaces the identity (names, e-mail, phone, ID numbers, the Moodle identity), deletes what has no reason to
 * be kept, pseudonymises the journal, and keeps, without the identity, what the law requires: each owner lists its
 * retention exceptions ({@link #kept}).
 */
@Service
public class PersonalData {

	/**
	 * The text columns ({@code table.column}) that still hold the person's name or e-mail after an erasure, and why:
	 * none. What the law keeps is kept without the identity, and the journal's lines are pseudonymised.
	 * {@code ErasureIntegrationTest} searches every text column of the schema for it.
	 */
	public static final Map<String, String> IDENTITY_KEPT = Map.of();

	/** Who answers for the data, in the report. */
	static final String CONTROLLER = "Fédération Wallonie-Bruxelles, service de l’enseignement à distance (EAD)";

	/**
	 * The outcome of an erasure.
	 *
	 * @param deleted table → rows deleted
	 * @param redactedJournalLines the lines of the journal whose name, e-mail and free text were pseudonymised
	 * @param kept table → why it is kept (without the identity)
	 */
	public record Erasure(long vacataireId, Map<String, Long> deleted, long redactedJournalLines, Map<String, String> kept) {
	}

	/**
	 * What an erasure would do, for the confirmation page: what goes, what stays, or why it is refused now.
	 *
	 * @param name the person's name as shown today
	 * @param identity the identity fields that will be replaced: field → value today (empty ones left out)
	 * @param toDelete table → rows that will be deleted (tables with none left out)
	 * @param journalLines the lines of the journal that will be pseudonymised
	 * @param kept table → why it is kept (without the identity)
	 * @param refusal why the erasure is refused now, or {@literal null}
	 */
	public record Preview(long vacataireId, String name, Map<String, String> identity, Map<String, Long> toDelete,
			long journalLines, Map<String, String> kept, @Nullable String refusal) {
	}

	private final List<PersonalDataProvider> providers;
	private final GdprJournal journal;
	private final Clock clock;
	/** The tables' names in words, for the journal's line (written in French, as the journal is). */
	private final org.springframework.context.MessageSource messages;

	/** @param providers every owner's part, in their {@code @Order} */
	PersonalData(List<PersonalDataProvider> providers, GdprJournal journal, Clock clock,
			org.springframework.context.MessageSource messages) {
		this.messages = messages;
		this.providers = List.copyOf(providers);
		this.journal = journal;
		this.clock = clock;
	}

	/**
	 * Everything the service holds about the person: {@code exportedAt}, {@code controller}, {@code vacataire} (their
	 * record) and {@code data}, table → rows (each a JSON object): the tables that carry the person's id by name, then
	 * the rows reached through them.
	 */
	public Mono<Map<String, Object>> export(long vacataireId) {
		return person(vacataireId).flatMap(person -> Flux.fromIterable(providers).concatMap(p -> p.export(person)).collectList())
			.map(sections -> {
				Map<String, Object> out = new LinkedHashMap<>();
				out.put("exportedAt", Instant.now(clock));
				out.put("controller", CONTROLLER);
				out.put("vacataire", record(sections, vacataireId));
				out.put("data", data(sections));
				return out;
			});
	}

	/** The legal retention exceptions of every owner: table → why it is kept, without the identity. */
	public Map<String, String> kept() {
		Map<String, String> kept = new LinkedHashMap<>();
		providers.forEach(p -> kept.putAll(p.kept()));
		return kept;
	}

	/** What an erasure of the person would delete, pseudonymise and keep, or why it is refused now. */
	public Mono<Preview> preview(long vacataireId) {
		return person(vacataireId).flatMap(person -> refusal(vacataireId).map(Optional::of).defaultIfEmpty(Optional.empty())
			.flatMap(refusal -> Flux.fromIterable(providers).concatMap(p -> p.preview(person)).collectList()
				.map(parts -> preview(person, sum(parts), refusal.orElse(null)))));
	}

	private Preview preview(Person person, Erased all, @Nullable String refusal) {
		Map<String, Long> toDelete = new LinkedHashMap<>();
		all.deleted().forEach((table, n) -> {
			if (n > 0) {
				toDelete.put(table, n);
			}
		});
		return new Preview(person.id(), person.name(), person.identity(), toDelete, all.journalLines(), kept(), refusal);
	}

	/**
	 * Erases the person by anonymisation, in one transaction: every owner erases its part (the rows with no reason to be
	 * kept deleted, the identity replaced, the journal pseudonymised), then the erasure is recorded; a failure anywhere
	 * leaves everything as it was. Refused while an owner refuses (a role in a current module, a current assignment: the
	 * identity would come back from Moodle, or is needed for the work under way).
	 */
	@Transactional
	public Mono<Erasure> anonymise(long vacataireId, @Nullable String reason, String author) {
		if (reason == null || reason.isBlank()) {
			return Mono.error(InvalidRequest.ofField("reason", "Un effacement se motive : la demande de la personne, ou la règle de conservation."));
		}
		return person(vacataireId).flatMap(person -> refusal(vacataireId)
			.<Erasure>flatMap(refusal -> Mono.error(new Refused(refusal)))
			.switchIfEmpty(Mono.defer(() -> Flux.fromIterable(providers).concatMap(p -> p.erase(person)).collectList()
				.flatMap(parts -> {
					Erased all = sum(parts);
					Map<String, String> kept = kept();
					Erasure erasure = new Erasure(vacataireId, all.deleted(), all.journalLines(), kept);
					String summary = "Données personnelles effacées (anonymisation) ; journal pseudonymisé (" + all.journalLines()
							+ (all.journalLines() == 1 ? " ligne" : " lignes") + ") ; conservés : " + String.join(", ", kept.keySet().stream()
								.map(t -> messages.getMessage("gdpr.table." + t, null, t, java.util.Locale.FRENCH)).toList());
					return journal.erased(person, erasure, summary, reason.trim(), author).thenReturn(erasure);
				}))));
	}

	/** The person as the owners together name them; {@link NotFound} from the owner of their record when there is none. */
	private Mono<Person> person(long vacataireId) {
		return Flux.fromIterable(providers).concatMap(p -> p.identify(vacataireId)).collectList().map(parts -> {
			String name = null;
			Map<String, String> identity = new LinkedHashMap<>();
			List<String> identifiers = new ArrayList<>();
			List<String> usernames = new ArrayList<>();
			for (Identity part : parts) {
				name = name == null ? part.name() : name;
				identity.putAll(part.identity());
				identifiers.addAll(part.identifiers());
				usernames.addAll(part.usernames());
			}
			if (name == null) {
				throw new NotFound("Aucun vacataire n’a l’identifiant " + vacataireId + ".");
			}
			return new Person(vacataireId, name, identity, identifiers, usernames);
		});
	}

	/** The first owner's refusal, in the providers' order. */
	private Mono<String> refusal(long vacataireId) {
		return Flux.fromIterable(providers).concatMap(p -> p.refusal(vacataireId)).next();
	}

	private static JsonNode record(List<Section> sections, long vacataireId) {
		return sections.stream()
			.filter(s -> s.kind() == Section.Kind.PERSON && !s.rows().isEmpty())
			.map(s -> s.rows().get(0))
			.findFirst()
			.orElseThrow(() -> new NotFound("Aucun vacataire n’a l’identifiant " + vacataireId + "."));
	}

	/** The tables that carry the person's id, by name; then the rows reached through them, in the providers' order. */
	private static Map<String, Object> data(List<Section> sections) {
		Map<String, Object> data = new LinkedHashMap<>();
		sections.stream()
			.filter(s -> s.kind() == Section.Kind.OWN)
			.sorted(java.util.Comparator.comparing(Section::table))
			.forEach(s -> data.put(s.table(), s.rows()));
		sections.stream().filter(s -> s.kind() == Section.Kind.LINKED).forEach(s -> data.put(s.table(), s.rows()));
		return data;
	}

	private static Erased sum(List<Erased> parts) {
		Map<String, Long> deleted = new LinkedHashMap<>();
		long lines = 0;
		for (Erased part : parts) {
			deleted.putAll(part.deleted());
			lines += part.journalLines();
		}
		return new Erased(deleted, lines);
	}
}
