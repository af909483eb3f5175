package be.fwb.ead.gdpr;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import be.fwb.ead.gdpr.PersonalDataProvider.Erased;
import be.fwb.ead.gdpr.PersonalDataProvider.Identity;
import be.fwb.ead.gdpr.PersonalDataProvider.Person;
import be.fwb.ead.gdpr.PersonalDataProvider.Section;
import be.fwb.ead.shared.InvalidRequest;
import be.fwb.ead.shared.NotFound;
import be.fwb.ead.shared.Refused;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The orchestration of the owners' parts, built with {@code new} and owners that say what they were asked: every owner
 * takes part, in its order, in the report, the confirmation page, the erasure and the retention rules.
 */
class PersonalDataUnitTest {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneId.of("Europe/Brussels"));
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final List<String> calls = new ArrayList<>();
	private final List<String> journal = new ArrayList<>();

	/** The person's record and their file, in a table after the others' by name. */
	private final Owner record = new Owner("record")
		.naming(new Identity("Zoé Lefèvre", ordered("firstname", "Zoé", "lastname", "Lefèvre"), List.of("Zoé", "Lefèvre"),
				List.of("zlefevre")))
		.holding(section(Section.Kind.PERSON, "vacataire", "{\"id\":7,\"firstname\":\"Zoé\"}"),
				section(Section.Kind.OWN, "zz_file", "{\"note\":1}"))
		.keeping("zz_file", "pièces : obligation légale")
		.deleting("availability", 2);
	/** An owner with a table reached through another (its scores), and nothing to delete now. */
	private final Owner scores = new Owner("scores")
		.holding(section(Section.Kind.OWN, "evaluation", "{\"id\":1}"), section(Section.Kind.LINKED, "evaluation_score", "{\"score\":3}"))
		.deleting("evaluation", 0);
	/** The accounts: other names for the person. */
	private final Owner accounts = new Owner("accounts")
		.naming(Identity.of(List.of("zlefevre", "Zoé L."), List.of("zlefevre")))
		.holding(section(Section.Kind.OWN, "account", "{\"username\":\"zlefevre\"}"), section(Section.Kind.LINKED, "api_token", "{}"))
		.deleting("account", 1);
	/** The journal: kept, pseudonymised. */
	private final Owner log = new Owner("journal")
		.holding(section(Section.Kind.OWN, "change_log", "{\"id\":9}"))
		.keeping("change_log", "preuve")
		.pseudonymising(5);

	private PersonalData data(Owner... owners) {
		return new PersonalData(List.of(owners), new Journal(), CLOCK, new org.springframework.context.support.StaticMessageSource());
	}

	@Test
	void theReportPutsThePersonsRecordFirstThenTheirTablesByNameThenTheRowsReachedThroughThemInTheOwnersOrder() {
		Map<String, Object> export = await(data(record, scores, accounts, log).export(7));

		assertThat(export).containsOnlyKeys("exportedAt", "controller", "vacataire", "data");
		assertThat(export.get("exportedAt")).isEqualTo(CLOCK.instant());
		assertThat(export.get("vacataire").toString()).isEqualTo("{\"id\":7,\"firstname\":\"Zoé\"}");
		@SuppressWarnings("unchecked")
		Map<String, Object> tables = (Map<String, Object>) export.get("data");
		assertThat(tables.keySet()).containsExactly("account", "change_log", "evaluation", "zz_file", "evaluation_score", "api_token");
		assertThat(calls).containsExactly("record identify", "scores identify", "accounts identify", "journal identify",
				"record export", "scores export", "accounts export", "journal export");
	}

	@Test
	void theConfirmationSaysWhatEveryOwnerWillDeleteAndKeepTheFirstRefusalAndTheJournalLines() {
		accounts.refusing("Une affectation en cours.");
		log.refusing("Jamais affichée : une autre la précède.");

		PersonalData.Preview preview = await(data(record, scores, accounts, log).preview(7));

		assertThat(preview.name()).isEqualTo("Zoé Lefèvre");
		assertThat(preview.identity()).containsExactly(Map.entry("firstname", "Zoé"), Map.entry("lastname", "Lefèvre"));
		assertThat(preview.toDelete()).as("tables with nothing to delete left out").containsExactly(Map.entry("availability", 2L),
				Map.entry("account", 1L));
		assertThat(preview.journalLines()).isEqualTo(5);
		assertThat(preview.kept()).containsExactly(Map.entry("zz_file", "pièces : obligation légale"), Map.entry("change_log", "preuve"));
		assertThat(preview.refusal()).isEqualTo("Une affectation en cours.");
		assertThat(calls).noneMatch(c -> c.endsWith(" erase"));
	}

	@Test
	void anErasureAsksEveryOwnerInItsOrderWithThePersonAsTheyAllNameThemThenRecordsItOnce() {
		PersonalData.Erasure erasure = await(data(record, scores, accounts, log).anonymise(7, " Demande du 2/12 ", "coord"));

		assertThat(calls).filteredOn(c -> c.endsWith(" erase")).containsExactly("record erase", "scores erase", "accounts erase",
				"journal erase");
		Person person = record.erased.get(0);
		assertThat(List.of(scores.erased.get(0), accounts.erased.get(0), log.erased.get(0))).allMatch(person::equals);
		assertThat(person.identifiers()).containsExactly("Zoé", "Lefèvre", "zlefevre", "Zoé L.");
		assertThat(person.usernames()).containsExactly("zlefevre", "zlefevre");
		assertThat(person.pseudonym()).isEqualTo("vacataire n° 7");
		assertThat(erasure.deleted()).containsExactly(Map.entry("availability", 2L), Map.entry("evaluation", 0L), Map.entry("account", 1L));
		assertThat(erasure.redactedJournalLines()).isEqualTo(5);
		assertThat(erasure.kept()).containsOnlyKeys("zz_file", "change_log");
		assertThat(journal).containsExactly("erased 7 by coord because « Demande du 2/12 » : Données personnelles effacées "
				+ "(anonymisation) ; journal pseudonymisé (5 lignes) ; conservés : zz_file, change_log");
	}

	@Test
	void anErasureRefusedByOneOwnerOrWithoutAReasonErasesNothing() {
		scores.refusing("La personne a encore un rôle dans un module courant de Moodle.");
		StepVerifier.create(data(record, scores, accounts, log).anonymise(7, "Demande", "coord"))
			.expectErrorSatisfies(e -> assertThat(e).isInstanceOf(Refused.class).hasMessageContaining("module courant"))
			.verify();
		StepVerifier.create(data(record, scores, accounts, log).anonymise(7, " ", "coord"))
			.expectError(InvalidRequest.class)
			.verify();
		assertThat(calls).noneMatch(c -> c.endsWith(" erase"));
		assertThat(journal).isEmpty();
	}

	@Test
	void aPersonNoOwnerNamesIsNotFound() {
		StepVerifier.create(data(scores, accounts, log).export(7)).expectError(NotFound.class).verify();
		StepVerifier.create(data(scores, log).preview(7)).expectError(NotFound.class).verify();
	}

	@Test
	void theRetentionRulesEraseWhomAnOwnerSaysIsDueUnlessAnotherHoldsThemAndReportIt() {
		record.due(List.of(12L, 3L, 8L));
		scores.due(List.of(3L));
		accounts.keepingBack(List.of(8L));
		PersonalData data = data(record, scores, accounts, log);
		Retention retention = new Retention(List.of(record, scores, accounts, log), data, new Journal(),
				new GdprSettings(java.time.Period.ofYears(1)), CLOCK);

		RetentionReport report = await(retention.apply("règle de conservation"));

		assertThat(report.anonymised()).containsExactly(3L, 12L);
		assertThat(report.after()).isEqualTo(java.time.Period.ofYears(1));
		assertThat(record.dueOn).containsExactly(LocalDate.of(2026, 12, 2));
		assertThat(accounts.asked).containsExactly(List.of(3L, 8L, 12L));
		assertThat(journal).hasSize(3).last().isEqualTo("retention [3, 12] : Règle de conservation appliquée : 2 candidats "
				+ "non retenus anonymisés");
		assertThat(journal.get(0)).contains("because « Règle de conservation : candidat non retenu depuis plus de P1Y »");
	}

	/** Identity fields in the order given (the confirmation page shows them so). */
	private static Map<String, String> ordered(String... keysAndValues) {
		Map<String, String> out = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			out.put(keysAndValues[i], keysAndValues[i + 1]);
		}
		return out;
	}

	private static Section section(Section.Kind kind, String table, String... rows) {
		return new Section(kind, table, java.util.Arrays.stream(rows).map(JSON::readTree).toList());
	}

	/** The value of a publisher that completes, through StepVerifier. */
	private static <T> T await(Mono<T> mono) {
		java.util.concurrent.atomic.AtomicReference<T> value = new java.util.concurrent.atomic.AtomicReference<>();
		StepVerifier.create(mono).consumeNextWith(value::set).verifyComplete();
		return value.get();
	}

	/** An owner that says what it was asked. */
	private final class Owner implements PersonalDataProvider {

		private final String name;
		private @Nullable Identity identity;
		private final List<Section> sections = new ArrayList<>();
		private final Map<String, String> kept = new LinkedHashMap<>();
		private final Map<String, Long> deleted = new LinkedHashMap<>();
		private long journalLines;
		private @Nullable String refusal;
		private List<Long> due = List.of();
		private List<Long> held = List.of();
		final List<Person> erased = new ArrayList<>();
		final List<LocalDate> dueOn = new ArrayList<>();
		final List<List<Long>> asked = new ArrayList<>();

		Owner(String name) {
			this.name = name;
		}

		Owner naming(Identity identity) {
			this.identity = identity;
			return this;
		}

		Owner holding(Section... sections) {
			this.sections.addAll(List.of(sections));
			return this;
		}

		Owner keeping(String table, String why) {
			kept.put(table, why);
			return this;
		}

		Owner deleting(String table, long rows) {
			deleted.put(table, rows);
			return this;
		}

		Owner pseudonymising(long lines) {
			journalLines = lines;
			return this;
		}

		void refusing(String why) {
			refusal = why;
		}

		void due(List<Long> people) {
			due = people;
		}

		void keepingBack(List<Long> people) {
			held = people;
		}

		@Override
		public Map<String, String> kept() {
			return kept;
		}

		@Override
		public Mono<Identity> identify(long personId) {
			calls.add(name + " identify");
			return Mono.justOrEmpty(identity);
		}

		@Override
		public Mono<String> refusal(long personId) {
			return Mono.justOrEmpty(refusal);
		}

		@Override
		public Flux<Section> export(Person person) {
			calls.add(name + " export");
			return Flux.fromIterable(sections);
		}

		@Override
		public Mono<Erased> preview(Person person) {
			calls.add(name + " preview");
			return Mono.just(new Erased(deleted, journalLines));
		}

		@Override
		public Mono<Erased> erase(Person person) {
			calls.add(name + " erase");
			erased.add(person);
			return Mono.just(new Erased(deleted, journalLines));
		}

		@Override
		public Flux<Long> due(LocalDate today) {
			dueOn.add(today);
			return Flux.fromIterable(due);
		}

		@Override
		public Flux<Long> holds(List<Long> people) {
			asked.add(people);
			return Flux.fromIterable(held).filter(people::contains);
		}
	}

	/** The journal, as lines of text. */
	private final class Journal implements GdprJournal {

		@Override
		public Mono<Void> erased(Person person, PersonalData.Erasure erasure, String summary, String reason, String author) {
			return Mono.fromRunnable(() -> journal.add("erased " + person.id() + " by " + author + " because « " + reason + " » : " + summary));
		}

		@Override
		public Mono<Void> retentionApplied(RetentionReport report, String summary, String author) {
			return Mono.fromRunnable(() -> journal.add("retention " + report.anonymised() + " : " + summary));
		}
	}
}
