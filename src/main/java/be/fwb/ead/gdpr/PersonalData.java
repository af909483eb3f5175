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
 * The export reads every table that has a {@code vacataire_id} column (found in the database's catalogue, so a new
 * table is never forgotten), with the scores of their evaluations and candidacies; an account's password hash is left
 * out. Anonymisation replaces the identity (names, e-mail, phone, ID numbers, the Moodle identity), deletes what has no
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

	/** Tables emptied of the person's rows, in an order the foreign keys allow. */
	private static final List<String> ERASED = List.of("evaluation_score", "evaluation", "availability", "training_registration",
			"candidacy_score", "candidacy", "finding_answer", "access_log", "reconciliation_ack", "vacataire_title", "api_token",
			"account");

	/** The outcome of an erasure. */
	public record Erasure(long vacataireId, Map<String, Long> deleted, Map<String, String> kept) {
	}

	/** A run of the retention job. */
	public record RetentionReport(Instant at, Period after, List<Long> anonymised) {
	}

	private final DatabaseClient db;
	private final ChangeLog changes;
	private final TransactionalOperator transaction;
	private final ZoneId zone;
	private final Period unsuccessfulCandidates;
	private final JsonMapper json = JsonMapper.builder().build();

	PersonalData(DatabaseClient db, ChangeLog changes, TransactionalOperator transaction, DisplaySettings display,
			@Value("${ead.gdpr.unsuccessful-candidates-retention:P1Y}") Period unsuccessfulCandidates) {
		this.db = db;
		this.changes = changes;
		this.transaction = transaction;
		this.zone = display.zone();
		this.unsuccessfulCandidates = unsuccessfulCandidates;
	}

	/** Everything the service holds about the person: table → rows (each a JSON object). */
	public Mono<Map<String, Object>> export(long vacataireId) {
		Mono<List<String>> tables = db.sql("""
				select table_name from information_schema.columns
				where table_schema = current_schema() and column_name = 'vacataire_id' order by table_name""")
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

	/**
	 * Erases the person by anonymisation, in one transaction. Refused while they hold a role in a current module or a
	 * current assignment (their identity would come back from Moodle, or is needed for the work under way).
	 */
	public Mono<Erasure> anonymise(long vacataireId, @Nullable String reason, String author) {
		if (reason == null || reason.isBlank()) {
			return Mono.error(new InvalidRequest("Un effacement se motive : la demande de la personne, ou la règle de conservation."));
		}
		return db.sql("""
				select v.id,
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
			.flatMap(row -> {
				if (Boolean.TRUE.equals(row.get("done"))) {
					return Mono.error(new Refused("Ce vacataire est déjà anonymisé."));
				}
				if (Boolean.TRUE.equals(row.get("in_moodle"))) {
					return Mono.error(new Refused("La personne a encore un rôle dans un module courant de Moodle : retirez-l'y d'abord, "
							+ "sinon la synchronisation la ferait revenir."));
				}
				if (Boolean.TRUE.equals(row.get("assigned"))) {
					return Mono.error(new Refused("La personne a une affectation en cours : terminez-la d'abord."));
				}
				Map<String, Long> deleted = new LinkedHashMap<>();
				return Flux.fromIterable(ERASED).concatMap(table -> delete(table, vacataireId).doOnNext(n -> deleted.put(table, n)))
					.then(db.sql("""
							update vacataire set firstname = 'Anonymisé', lastname = 'n° ' || id, email = null, phone = null, idnumber = null,
							       moodle_user_id = null, moodle_username = null, moodle_firstname = null, moodle_lastname = null,
							       moodle_email = null, moodle_idnumber = null, search_key = 'anonymise ' || id,
							       sort_key = 'zz anonymise ' || lpad(id::text, 10, '0'), anonymised_at = :now, updated_at = :now
							where id = :v""").bind("v", vacataireId).bind("now", Instant.now()).then())
					.then(Mono.defer(() -> changes.record(author, Change.of("vacataire", vacataireId, vacataireId, "anonymised",
							"Données personnelles effacées (anonymisation) ; conservés : " + String.join(", ", KEPT.keySet()))
						.withStates(null, Map.of("deleted", deleted, "kept", KEPT)).because(reason.trim()))))
					.then(Mono.fromSupplier(() -> new Erasure(vacataireId, Map.copyOf(deleted), KEPT)));
			})
			.as(transaction::transactional);
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
