package be.fwb.ead.gdpr;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * One owner's part of a person's personal data, in the shape of Moodle's privacy providers: every module that holds
 * personal data implements it, for its own tables only, in its own package (a Spring bean); {@link PersonalData} finds
 * them all and orchestrates the rights: the access report, the erasure (all the owners' parts in one transaction), the
 * retention rules. The GDPR module itself reads and writes no table.
 * <p>
 * The providers run in the order of their {@link org.springframework.core.annotation.Order @Order}: the person's own
 * record first (it says who the person is, or that there is none), the journal last (its pseudonymisation then follows
 * everything the others did).
 */
public interface PersonalDataProvider {

	/**
	 * The legal retention exceptions of this owner: table → what it keeps through an erasure and why (shown on the
	 * confirmation page and in the access report after the table's label, recorded with every erasure), a phrase that
	 * does not name the table again. Empty: it keeps nothing of the person.
	 */
	default Map<String, String> kept() {
		return Map.of();
	}

	/**
	 * How this owner names the person: identity fields, names, e-mails, usernames, for the confirmation page and the
	 * pseudonymisation of the journal. Empty when it names them nowhere. The owner of the person's own record answers
	 * {@link be.fwb.ead.shared.NotFound} when there is none.
	 */
	default Mono<Identity> identify(long personId) {
		return Mono.empty();
	}

	/** Why this owner refuses the person's erasure now, a sentence for people; empty when it does not. */
	default Mono<String> refusal(long personId) {
		return Mono.empty();
	}

	/** The person's data in this owner's tables: one section per table, with its rows, an empty table too. */
	Flux<Section> export(Person person);

	/** What {@link #erase} would do now, counted, without doing it. */
	Mono<Erased> preview(Person person);

	/**
	 * Erases the person's data from this owner's tables: deletes what has no reason to be kept, replaces the identity in
	 * what the law keeps ({@link #kept}). Runs inside the erasure's transaction: a failure anywhere undoes every owner's
	 * part. Refusals were checked before.
	 */
	Mono<Erased> erase(Person person);

	/** Retention: the people this owner's retention rules say are due for erasure on {@code today}. */
	default Flux<Long> due(LocalDate today) {
		return Flux.empty();
	}

	/**
	 * Retention: those of {@code people} this owner keeps from every retention rule, whatever their age (they worked for
	 * the EAD).
	 */
	default Flux<Long> holds(List<Long> people) {
		return Flux.empty();
	}

	/**
	 * The person as the owners together name them: assembled from every {@link #identify} before an export or an erasure.
	 *
	 * @param id the person's id (a vacataire or a candidate)
	 * @param name the name shown on the confirmation page
	 * @param identity the identity fields an erasure replaces: field → value today (empty ones left out)
	 * @param identifiers every way the person is written: names, « first last » and « last first », e-mails, phone, ID
	 *        numbers, usernames, display names
	 * @param usernames the usernames the person signs in (or signed in) with
	 */
	record Person(long id, String name, Map<String, String> identity, List<String> identifiers, List<String> usernames) {

		/** What the person's identifiers become where a line is kept: {@code vacataire n° 12}. */
		public String pseudonym() {
			return "vacataire n° " + id;
		}
	}

	/**
	 * An owner's part of {@link Person}.
	 *
	 * @param name the person's name, from the owner of their record; {@literal null} from the others
	 */
	record Identity(@Nullable String name, Map<String, String> identity, List<String> identifiers, List<String> usernames) {

		/** Ways the person is written, and usernames, from an owner that holds no identity fields. */
		public static Identity of(List<String> identifiers, List<String> usernames) {
			return new Identity(null, Map.of(), identifiers, usernames);
		}
	}

	/**
	 * A table of the person's data.
	 *
	 * @param kind where it goes in the report
	 * @param table the table's name (its label in the report is {@code gdpr.table.<name>})
	 * @param rows its rows, each a JSON object of its columns
	 */
	record Section(Kind kind, String table, List<JsonNode> rows) {

		/** Where a section goes in the report. */
		public enum Kind {
			/** The person's own record: one row, first, {@code vacataire} in the JSON. */
			PERSON,
			/** Rows that carry the person's id: listed by table name. */
			OWN,
			/** Rows reached through other rows of the person (the scores of their evaluations): after, in the providers' order. */
			LINKED
		}
	}

	/**
	 * What an erasure did (or would do) in an owner's tables.
	 *
	 * @param deleted table → rows deleted
	 * @param journalLines the lines of the journal pseudonymised
	 */
	record Erased(Map<String, Long> deleted, long journalLines) {

		/** Nothing: an owner that only keeps. */
		public static final Erased NOTHING = new Erased(Map.of(), 0);

		/** Rows deleted, in the order of the map. */
		public static Erased deleted(Map<String, Long> deleted) {
			return new Erased(deleted, 0);
		}
	}
}
