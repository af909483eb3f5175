package be.fwb.ead.gdpr;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import be.fwb.ead.audit.Change;
import be.fwb.ead.audit.ChangeLog;
import be.fwb.ead.security.LoginThrottle;
import be.fwb.ead.shared.DisplaySettings;
import be.fwb.ead.shared.InvalidRequest;
import be.fwb.ead.shared.NotFound;
import be.fwb.ead.shared.Refused;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One person's data: exported whole, or erased by anonymisation.
 * <p>
 * The export reads every table (not the views: they show the tables' rows again) that has a {@code vacataire_id}
 * column (found in the database's catalogue, so a new table is never forgotten), with the scores of their evaluations
 * and candidacies; an account's password hash is left out. Anonymisation replaces the identity (names, e-mail, phone,
 * ID numbers, the Moodle identity), deletes what has no
 * reason to be kept (availability, evaluations, training registrations, candidacies and their scores, answers to
 * review findings, reads of their file, accounts), and keeps, anonymised, what the law requires: assignments and
 * contract periods (payroll and accounting), and the audit trail (proof of who decided what).
 */
@Service
public class PersonalData {

	/** What anonymisation keeps, and why: recorded with every erasure. */
	public static final Map<String, String> KEPT = Map.of(
			"assignment", "affectations : obligations comptables et de paie (conservation légale), sans l'identité",
			"contract_period", "périodes de contrat : obligations comptables et de paie (conservation légale), sans l'identité",
			"change_log", "journal d'audit : preuve de qui a décidé quoi (intérêt légitime, obligation de preuve), en ajout seul",
			"module_role", "rôles Moodle : repris de Moodle tant que la personne y garde un rôle (refusé dans ce cas)");

	/**
	 * The text columns ({@code table.column}) that still hold the person's name or e-mail after an erasure, and why:
	 * none. What the law keeps (above) is kept without the identity, and the journal's lines are pseudonymised.
	 * {@code ErasureIntegrationTest} searches every text column of the schema for it.
	 */
	public static final Map<String, String> IDENTITY_KEPT = Map.of();

	/** Tables emptied of the person's rows, in an order the foreign keys allow. */
	private static final List<String> ERASED = List.of("evaluation_score", "evaluation", "availability", "training_registration",
			"candidacy_score", "candidacy", "finding_answer", "access_log", "reconciliation_ack", "vacataire_title", "api_token",
			"account");

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

	/** A run of the retention job. */
	public record RetentionReport(Instant at, Period after, List<Long> anonymised) {
	}

	private final DatabaseClient db;
	private final ChangeLog changes;
	private final LoginThrottle loginFailures;
	private final TransactionalOperator transaction;
	private final ZoneId zone;
	private final Period unsuccessfulCandidates;
	private final JsonMapper json = JsonMapper.builder().build();

	PersonalData(DatabaseClient db, ChangeLog changes, LoginThrottle loginFailures, TransactionalOperator transaction,
			DisplaySettings display, @Value("${ead.gdpr.unsuccessful-candidates-retention:P1Y}") Period unsuccessfulCandidates) {
		this.db = db;
		this.changes = changes;
		this.loginFailures = loginFailures;
		this.transaction = transaction;
		this.zone = display.zone();
		this.unsuccessfulCandidates = unsuccessfulCandidates;
	}

	/** Everything the service holds about the person: table → rows (each a JSON object). */
	public Mono<Map<String, Object>> export(long vacataireId) {
		Mono<List<String>> tables = db.sql("""
				select c.table_name from information_schema.columns c
				join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
				where c.table_schema = current_schema() and c.column_name = 'vacataire_id' and t.table_type = 'BASE TABLE'
				order by c.table_name""")
			.map(r -> r.get("table_name", String.class))
			.all()
			.collectList();
		Mono<JsonNode> person = rows("select row_to_json(t)::text as j from vacataire t where id = :v", vacataireId)
			.next()
			.switchIfEmpty(Mono.error(new NotFound("Aucun vacataire n'a l'identifiant " + vacataireId + ".")));
		return person.flatMap(p -> tables.flatMapMany(Flux::fromIterable).concatMap(table -> {
			String select = switch (table) {
				case "account" -> "select row_to_json(t)::text as j from (select id, username, role, display_name, enabled, created_at "
						+ "from account where vacataire_id = :v) t";
				default -> "select row_to_json(t)::text as j from " + table + " t where vacataire_id = :v";
			};
			return rows(select, vacataireId).collectList().map(list -> Map.entry(table, (Object) list));
		}).concatWith(Flux.concat(
				rows("select row_to_json(t)::text as j from evaluation_score t join evaluation e on e.id = t.evaluation_id "
						+ "where e.vacataire_id = :v", vacataireId).collectList().map(l -> Map.entry("evaluation_score", (Object) l)),
				rows("select row_to_json(t)::text as j from candidacy_score t join candidacy c on c.id = t.candidacy_id "
						+ "where c.vacataire_id = :v", vacataireId).collectList().map(l -> Map.entry("candidacy_score", (Object) l))))
			.collect(LinkedHashMap<String, Object>::new, (m, e) -> m.put(e.getKey(), e.getValue()))
			.map(data -> {
				Map<String, Object> out = new LinkedHashMap<>();
				out.put("exportedAt", Instant.now());
				out.put("controller", "Fédération Wallonie-Bruxelles, service de l'enseignement à distance (EAD)");
				out.put("vacataire", p);
				out.put("data", data);
				return out;
			}));
	}

	private Flux<JsonNode> rows(String sql, long vacataireId) {
		return db.sql(sql).bind("v", vacataireId).map(r -> json.readTree(r.get("j", String.class))).all();
	}

	/** What an erasure of the person would delete, pseudonymise and keep, or why it is refused now. */
	public Mono<Preview> preview(long vacataireId) {
		return state(vacataireId).flatMap(state -> {
			Map<String, Long> toDelete = new LinkedHashMap<>();
			return Flux.fromIterable(ERASED)
				.concatMap(table -> db.sql(countSql(table)).bind("v", vacataireId).map(r -> r.get(0, Long.class)).one()
					.doOnNext(n -> {
						if (n > 0) {
							toDelete.put(table, n);
						}
					}))
				.then(changes.countNaming(vacataireId, state.identifiers()))
				.map(lines -> new Preview(vacataireId, state.name(), state.identity(), toDelete, lines, KEPT, state.refusal()));
		});
	}

	/**
	 * Erases the person by anonymisation, in one transaction: the rows with no reason to be kept deleted, the identity
	 * replaced, and the person's name, e-mail and free text pseudonymised in the journal (its summaries, before and
	 * after values, reasons and authors). Refused while they hold a role in a current module or a current assignment
	 * (their identity would come back from Moodle, or is needed for the work under way).
	 */
	public Mono<Erasure> anonymise(long vacataireId, @Nullable String reason, String author) {
		if (reason == null || reason.isBlank()) {
			return Mono.error(new InvalidRequest("Un effacement se motive : la demande de la personne, ou la règle de conservation."));
		}
		return state(vacataireId).flatMap(state -> {
			if (state.refusal() != null) {
				return Mono.error(new Refused(state.refusal()));
			}
			Map<String, Long> deleted = new LinkedHashMap<>();
			return Flux.fromIterable(ERASED).concatMap(table -> delete(table, vacataireId).doOnNext(n -> deleted.put(table, n)))
				.then(loginFailures.forget(state.usernames()))
				.then(db.sql("""
						update vacataire set firstname = 'Anonymisé', lastname = 'n° ' || id, email = null, phone = null, idnumber = null,
						       moodle_user_id = null, moodle_username = null, moodle_firstname = null, moodle_lastname = null,
						       moodle_email = null, moodle_idnumber = null, search_key = 'anonymise ' || id,
						       sort_key = 'zz anonymise ' || lpad(id::text, 10, '0'), anonymised_at = :now, updated_at = :now
						where id = :v""").bind("v", vacataireId).bind("now", Instant.now()).then())
				.then(changes.pseudonymise(vacataireId, state.identifiers(), pseudonym(vacataireId)))
				.flatMap(lines -> changes.record(author, Change.of("vacataire", vacataireId, vacataireId, "anonymised",
						"Données personnelles effacées (anonymisation) ; journal pseudonymisé (" + lines + " ligne(s)) ; conservés : "
								+ String.join(", ", KEPT.keySet()))
					.withStates(null, Map.of("deleted", deleted, "redactedJournalLines", lines, "kept", KEPT))
					.because(ChangeLog.pseudonymised(reason.trim(), state.identifiers(), pseudonym(vacataireId))))
					.thenReturn(new Erasure(vacataireId, Map.copyOf(deleted), lines, KEPT)));
		}).as(transaction::transactional);
	}

	/** The person as the erasure needs them: their identifiers, and why it would be refused now. */
	private record State(long id, String name, Map<String, String> identity, List<String> identifiers, List<String> usernames,
			@Nullable String refusal) {
	}

	private static final List<String> IDENTITY = List.of("firstname", "lastname", "email", "phone", "idnumber", "moodle_username",
			"moodle_firstname", "moodle_lastname", "moodle_email", "moodle_idnumber");

	private Mono<State> state(long vacataireId) {
		Mono<List<String[]>> accounts = db.sql("select username, display_name from account where vacataire_id = :v")
			.bind("v", vacataireId)
			.map(r -> new String[] { r.get("username", String.class), r.get("display_name", String.class) })
			.all()
			.collectList();
		return db.sql("""
				select v.id, v.firstname, v.lastname, v.email, v.phone, v.idnumber, v.moodle_username, v.moodle_firstname,
				       v.moodle_lastname, v.moodle_email, v.moodle_idnumber,
				       exists (select 1 from module_role r join module m on m.id = r.module_id
				               where r.vacataire_id = v.id and m.archived_at is null) as in_moodle,
				       exists (select 1 from assignment a where a.vacataire_id = v.id and a.ends_on >= :today) as assigned,
				       v.anonymised_at is not null as done
				from vacataire v where v.id = :v""")
			.bind("v", vacataireId)
			.bind("today", LocalDate.now(zone))
			.fetch()
			.one()
			.switchIfEmpty(Mono.error(new NotFound("Aucun vacataire n'a l'identifiant " + vacataireId + ".")))
			.zipWith(accounts, (row, list) -> {
				Map<String, String> identity = new LinkedHashMap<>();
				IDENTITY.forEach(c -> {
					if (row.get(c) instanceof String value && !value.isBlank()) {
						identity.put(c, value);
					}
				});
				List<String> identifiers = new java.util.ArrayList<>(identity.values());
				List<String> usernames = new java.util.ArrayList<>();
				name(identity, "firstname", "lastname").ifPresent(identifiers::addAll);
				name(identity, "moodle_firstname", "moodle_lastname").ifPresent(identifiers::addAll);
				for (String[] account : list) {
					usernames.add(account[0]);
					identifiers.add(account[0]);
					if (account[1] != null) {
						identifiers.add(account[1]);
					}
				}
				if (identity.containsKey("moodle_username")) {
					usernames.add(identity.get("moodle_username"));
				}
				String name = (String.valueOf(row.get("firstname")) + " " + String.valueOf(row.get("lastname"))).replace("null", "").trim();
				return new State(vacataireId, name, identity, identifiers, usernames, refusal(row));
			});
	}

	/** "First Last" and "Last First", the ways a name is written in a sentence. */
	private static java.util.Optional<List<String>> name(Map<String, String> identity, String first, String last) {
		String f = identity.get(first);
		String l = identity.get(last);
		return f == null || l == null ? java.util.Optional.empty() : java.util.Optional.of(List.of(f + " " + l, l + " " + f));
	}

	private static @Nullable String refusal(Map<String, Object> row) {
		if (Boolean.TRUE.equals(row.get("done"))) {
			return "Ce vacataire est déjà anonymisé.";
		}
		if (Boolean.TRUE.equals(row.get("in_moodle"))) {
			return "La personne a encore un rôle dans un module courant de Moodle : retirez-l'y d'abord, "
					+ "sinon la synchronisation la ferait revenir.";
		}
		if (Boolean.TRUE.equals(row.get("assigned"))) {
			return "La personne a une affectation en cours ou à venir : terminez-la d'abord, ou annulez-la si elle n'a pas commencé.";
		}
		return null;
	}

	private static String pseudonym(long vacataireId) {
		return "vacataire n° " + vacataireId;
	}

	private static String countSql(String table) {
		return switch (table) {
			case "evaluation_score" -> "select count(*) from evaluation_score where evaluation_id in (select id from evaluation where vacataire_id = :v)";
			case "candidacy_score" -> "select count(*) from candidacy_score where candidacy_id in (select id from candidacy where vacataire_id = :v)";
			case "api_token" -> "select count(*) from api_token where account_id in (select id from account where vacataire_id = :v)";
			default -> "select count(*) from " + table + " where vacataire_id = :v";
		};
	}

	private Mono<Long> delete(String table, long vacataireId) {
		String sql = switch (table) {
			case "evaluation_score" -> "delete from evaluation_score where evaluation_id in (select id from evaluation where vacataire_id = :v)";
			case "candidacy_score" -> "delete from candidacy_score where candidacy_id in (select id from candidacy where vacataire_id = :v)";
			case "api_token" -> "delete from api_token where account_id in (select id from account where vacataire_id = :v)";
			default -> "delete from " + table + " where vacataire_id = :v";
		};
		return db.sql(sql).bind("v", vacataireId).fetch().rowsUpdated();
	}

	/**
	 * The retention rule: candidates not retained, whose decision is older than the configured period and who never
	 * worked for the EAD, are anonymised. Runs every night; the report goes to the audit trail.
	 */
	public Mono<RetentionReport> applyRetention(String author) {
		Instant before = LocalDate.now(zone).minus(unsuccessfulCandidates).atStartOfDay(zone).toInstant();
		return db.sql("""
				select v.id from vacataire v
				where v.status = 'NON_RETENU' and v.anonymised_at is null
				  and not exists (select 1 from assignment a where a.vacataire_id = v.id)
				  and not exists (select 1 from module_role r where r.vacataire_id = v.id)
				  and coalesce((select max(c.decided_at) from candidacy c where c.vacataire_id = v.id), v.updated_at) < :before
				order by v.id""")
			.bind("before", before)
			.map(r -> r.get("id", Long.class))
			.all()
			.concatMap(id -> anonymise(id, "Règle de conservation : candidat non retenu depuis plus de " + unsuccessfulCandidates, author)
				.thenReturn(id))
			.collectList()
			.flatMap(ids -> changes.record(author, Change.of("gdpr_retention", 0, null, "applied", "Règle de conservation appliquée : "
					+ ids.size() + " candidat(s) non retenu(s) anonymisé(s)").withStates(null, Map.of("anonymised", ids,
							"after", unsuccessfulCandidates.toString())))
				.thenReturn(new RetentionReport(Instant.now(), unsuccessfulCandidates, ids)));
	}

	@Scheduled(cron = "${ead.gdpr.retention-cron:0 15 3 * * *}")
	void nightly() {
		applyRetention("règle de conservation").subscribe(null,
				e -> org.slf4j.LoggerFactory.getLogger(PersonalData.class).warn("Règle de conservation non appliquée : {}", e.getMessage()));
	}
}
