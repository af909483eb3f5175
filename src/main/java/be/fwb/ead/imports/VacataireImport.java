package be.fwb.ead.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import be.fwb.ead.shared.InvalidRequest;
import be.fwb.ead.shared.InputLimits;
import be.fwb.ead.shared.SearchText;
import be.fwb.ead.shared.SpreadsheetReader;
import be.fwb.ead.shared.SpreadsheetReader.Line;
import be.fwb.ead.titles.Titles;
import be.fwb.ead.vacataires.VacataireFile;
import be.fwb.ead.vacataires.VacataireFile.Identity;
import be.fwb.ead.vacataires.VacataireStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Imports vacataires and their titles. Columns are found by their header, without regard to case or accents: Nom and
 * Prénom (required), Courriel, Matricule, Téléphone, Statut (candidat, retenu or actif; actif when empty), Plafond
 * (hours per school year), Titres (codes separated by commas). A line whose Matricule or Courriel matches a vacataire
 * updates them (only the filled cells); the others create one. Every line is checked first; one error and nothing is
 * written. The writes happen in one transaction.
 */
@Service
public class VacataireImport {

	public enum Action {
		CREATE, UPDATE
	}

	public record LineReport(int line, String name, @Nullable Action action, List<String> errors) {
	}

	/**
	 * @param applied whether the file was written (no error, not a dry run)
	 */
	public record Report(boolean applied, int created, int updated, int titlesGranted, List<String> ignoredColumns,
			List<LineReport> lines) {

		public boolean hasErrors() {
			return lines.stream().anyMatch(l -> !l.errors().isEmpty());
		}

		public List<LineReport> errors() {
			return lines.stream().filter(l -> !l.errors().isEmpty()).toList();
		}
	}

	/** The most lines a file may hold. */
	public static final int MAX_LINES = 5_000;

	private static final Map<String, String> COLUMNS = Map.ofEntries(Map.entry("nom", "lastname"),
			Map.entry("prenom", "firstname"), Map.entry("courriel", "email"), Map.entry("email", "email"),
			Map.entry("e-mail", "email"), Map.entry("matricule", "idnumber"), Map.entry("telephone", "phone"),
			Map.entry("statut", "status"), Map.entry("plafond", "cap"), Map.entry("titres", "titles"),
			Map.entry("titre", "titles"));

	private record Parsed(LineReport report, @Nullable Long existingId, Identity identity, VacataireStatus status,
			List<Long> titleIds) {
	}

	private final DatabaseClient db;
	private final VacataireFile files;
	private final Titles titles;
	/**
	 * Programmatic, not {@code @Transactional}: the file is read and checked before the transaction opens, so that no
	 * database connection is held while a spreadsheet of up to 5 Mo is read, and a dry run or a refused file opens none.
	 */
	private final TransactionalOperator transaction;

	VacataireImport(DatabaseClient db, VacataireFile files, Titles titles, TransactionalOperator transaction) {
		this.db = db;
		this.files = files;
		this.titles = titles;
		this.transaction = transaction;
	}

	/** Checks the file and, unless it has an error or {@code dryRun}, writes it. */
	public Mono<Report> run(byte[] file, boolean dryRun, String author) {
		return Mono.fromCallable(() -> SpreadsheetReader.read(file, MAX_LINES))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap(table -> {
				SpreadsheetReader.Columns columns = SpreadsheetReader.columns(table.header(), COLUMNS);
				Map<String, Integer> index = columns.index();
				List<String> ignored = columns.ignored();
				if (!index.containsKey("lastname") || !index.containsKey("firstname")) {
					Map<String, List<String>> missing = new java.util.LinkedHashMap<>();
					if (!index.containsKey("lastname")) {
						missing.put("Nom", List.of());
					}
					if (!index.containsKey("firstname")) {
						missing.put("Prénom", List.of());
					}
					return Mono.error(new InvalidRequest(SpreadsheetReader.missingColumns(missing, table.header())));
				}
				if (table.lines().size() > MAX_LINES) {
					return Mono.error(new InvalidRequest("Le fichier compte " + table.lines().size() + " lignes ; au plus " + MAX_LINES + "."));
				}
				return Mono.zip(titleCodes(), known()).flatMap(t -> {
					List<Parsed> parsed = check(table.lines(), index, t.getT1(), t.getT2());
					boolean errors = parsed.stream().anyMatch(p -> !p.report().errors().isEmpty());
					if (errors || dryRun) {
						return Mono.just(report(false, parsed, ignored, 0));
					}
					return write(parsed, author).as(transaction::transactional)
						.map(granted -> report(true, parsed, ignored, granted));
				});
			});
	}

	private List<Parsed> check(List<Line> lines, Map<String, Integer> index, Map<String, Long> titleCodes, Known known) {
		List<Parsed> out = new ArrayList<>();
		Set<String> seenEmails = new HashSet<>();
		Set<String> seenIds = new HashSet<>();
		for (Line line : lines) {
			List<String> errors = new ArrayList<>();
			String last = cell(line, index, "lastname");
			String first = cell(line, index, "firstname");
			String email = cell(line, index, "email").toLowerCase(Locale.ROOT);
			String idnumber = cell(line, index, "idnumber");
			if (last.isEmpty()) {
				errors.add("le nom est vide");
			}
			if (first.isEmpty()) {
				errors.add("le prénom est vide");
			}
			if (last.length() > InputLimits.NAME || first.length() > InputLimits.NAME || idnumber.length() > InputLimits.CODE) {
				errors.add("nom ou prénom de plus de " + InputLimits.NAME + " caractères, ou matricule de plus de " + InputLimits.CODE);
			}
			if (!email.isEmpty() && !InputLimits.isEmail(email)) {
				errors.add("courriel invalide « " + (email.length() > 60 ? email.substring(0, 60) + "…" : email) + " »");
			}
			if (!email.isEmpty() && !seenEmails.add(email)) {
				errors.add("le courriel " + email + " figure déjà plus haut dans le fichier");
			}
			if (!idnumber.isEmpty() && !seenIds.add(idnumber.toLowerCase(Locale.ROOT))) {
				errors.add("le matricule " + idnumber + " figure déjà plus haut dans le fichier");
			}
			VacataireStatus status = VacataireStatus.ACTIF;
			String statusCell = SearchText.key(cell(line, index, "status")).replace(' ', '_').toUpperCase(Locale.ROOT);
			if (!statusCell.isEmpty()) {
				try {
					status = VacataireStatus.valueOf(statusCell);
					if (status != VacataireStatus.CANDIDAT && status != VacataireStatus.RETENU && status != VacataireStatus.ACTIF) {
						errors.add("statut « " + cell(line, index, "status") + " » : un import crée des candidats, retenus ou actifs");
					}
				}
				catch (IllegalArgumentException e) {
					errors.add("statut inconnu « " + cell(line, index, "status") + " »");
				}
			}
			Integer cap = null;
			String capCell = cell(line, index, "cap");
			if (!capCell.isEmpty()) {
				try {
					cap = Integer.parseInt(capCell.replace(" ", ""));
					if (cap < 1 || cap > 2000) {
						errors.add("plafond hors de 1 à 2000 heures");
					}
				}
				catch (NumberFormatException e) {
					errors.add("plafond illisible « " + capCell + " »");
				}
			}
			List<Long> titleIds = new ArrayList<>();
			for (String code : cell(line, index, "titles").split("[,;|]")) {
				if (!code.isBlank()) {
					Long id = titleCodes.get(code.trim().toUpperCase(Locale.ROOT));
					if (id == null) {
						errors.add("titre inconnu « " + code.trim() + " » (créez-le d'abord dans Titres)");
					}
					else if (!titleIds.contains(id)) {
						titleIds.add(id);
					}
				}
			}
			Long existing = !idnumber.isEmpty() ? known.byIdnumber().get(idnumber.toLowerCase(Locale.ROOT)) : null;
			if (existing == null && !email.isEmpty()) {
				existing = known.byEmail().get(email);
			}
			String name = (first + " " + last).trim();
			out.add(new Parsed(new LineReport(line.number(), name.isEmpty() ? "?" : name,
					existing == null ? Action.CREATE : Action.UPDATE, List.copyOf(errors)), existing,
					new Identity(blankToNull(first), blankToNull(last), blankToNull(email), blankToNull(idnumber),
							blankToNull(cell(line, index, "phone")), cap),
					status, titleIds));
		}
		return out;
	}

	private Mono<Integer> write(List<Parsed> lines, String author) {
		return Flux.fromIterable(lines)
			.concatMap(p -> (p.existingId() == null ? files.create(p.identity(), p.status(), author)
					: files.identity(p.existingId())
						.flatMap(current -> files.update(p.existingId(), merge(current, p.identity()), author))
						.thenReturn(p.existingId()))
				.flatMapMany(id -> titles.held(id)
					.map(Titles.Held::titleId)
					.collectList()
					.flatMapMany(held -> Flux.fromIterable(p.titleIds())
						.filter(t -> !held.contains(t))
						.concatMap(t -> titles.grant(id, t, null, "import", author).thenReturn(1)))))
			.count()
			.map(Long::intValue);
	}

	private static Identity merge(Identity current, Identity imported) {
		return new Identity(or(imported.firstname(), current.firstname()), or(imported.lastname(), current.lastname()),
				or(imported.email(), current.email()), or(imported.idnumber(), current.idnumber()),
				or(imported.phone(), current.phone()),
				imported.workloadCapHours() != null ? imported.workloadCapHours() : current.workloadCapHours());
	}

	private static Report report(boolean applied, List<Parsed> parsed, List<String> ignored, int granted) {
		int created = (int) parsed.stream().filter(p -> p.report().action() == Action.CREATE).count();
		return new Report(applied, applied ? created : 0, applied ? parsed.size() - created : 0, granted, List.copyOf(ignored),
				parsed.stream().map(Parsed::report).toList());
	}

	private Mono<Map<String, Long>> titleCodes() {
		return titles.all().collectMap(t -> t.code().toUpperCase(Locale.ROOT), Titles.Title::id);
	}

	private record Known(Map<String, Long> byIdnumber, Map<String, Long> byEmail) {
	}

	private Mono<Known> known() {
		return db.sql("select id, lower(idnumber) as idnumber, lower(email) as email from vacataire_name")
			.map(r -> new Object[] { r.get("id", Long.class), r.get("idnumber", String.class), r.get("email", String.class) })
			.all()
			.collectList()
			.map(rows -> {
				Map<String, Long> ids = new HashMap<>();
				Map<String, Long> emails = new HashMap<>();
				for (Object[] row : rows) {
					if (row[1] != null) {
						ids.putIfAbsent((String) row[1], (Long) row[0]);
					}
					if (row[2] != null) {
						emails.putIfAbsent((String) row[2], (Long) row[0]);
					}
				}
				return new Known(ids, emails);
			});
	}

	private static String cell(Line line, Map<String, Integer> index, String field) {
		Integer i = index.get(field);
		return i == null ? "" : line.cell(i).trim();
	}

	private static @Nullable String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}

	private static @Nullable String or(@Nullable String a, @Nullable String b) {
		return a != null ? a : b;
	}

}
