package be.fwb.ead.vacataires.imports;

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
 * Prénom (required), Courriel, Matricule, Téléphone, Statut (candidat, retenu or actif; actif when empty; read on a
 * creation only), Plafond (hours per school year), Titres (codes separated by commas), Profil Moodle (the link the
 * vacataires' export writes) or Identifiant Moodle, and Créer. A line matching a vacataire by Moodle account, then by
 * Matricule, then by Courriel updates them (only the filled cells), so that the service's own export comes back
 * without a duplicate; a line matching none creates one, unless a vacataire of the same first and last name exists:
 * then the line is refused as ambiguous, naming that person, unless its Créer cell says « oui ». Every line is checked
 * first; one error and nothing is written. The writes happen in one transaction.
 */
@Service
public class VacataireImport {

	/** What a line does: creates a vacataire, updates one, or leaves one as it is (nothing new on the line). */
	public enum Action {
		CREATE, UPDATE, UNCHANGED
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

		/** The lines about someone known that bring nothing new. */
		public int unchanged() {
			return applied ? (int) lines.stream().filter(l -> l.action() == Action.UNCHANGED).count() : 0;
		}
	}

	/** The most lines a file may hold. */
	public static final int MAX_LINES = 5_000;

	private static final Map<String, String> COLUMNS = Map.ofEntries(Map.entry("nom", "lastname"),
			Map.entry("prenom", "firstname"), Map.entry("courriel", "email"), Map.entry("email", "email"),
			Map.entry("e-mail", "email"), Map.entry("matricule", "idnumber"), Map.entry("telephone", "phone"),
			Map.entry("statut", "status"), Map.entry("plafond", "cap"), Map.entry("titres", "titles"),
			Map.entry("titre", "titles"), Map.entry("profil moodle", "moodle"), Map.entry("identifiant moodle", "moodle"),
			Map.entry("id moodle", "moodle"), Map.entry("moodle", "moodle"), Map.entry("creer", "create"));

	/** The Moodle user id in a profile link ({@code …/user/profile.php?id=42}) or a cell holding the id alone. */
	private static final java.util.regex.Pattern MOODLE_ID = java.util.regex.Pattern
		.compile("^(?:\\d+|https?://\\S*/user/(?:profile|view)\\.php\\?(?:\\S*&)?id=(\\d+)(?:&\\S*)?)$");

	private static final Set<String> YES = Set.of("oui", "o", "yes", "y", "x", "1", "vrai", "true");

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
		Set<Long> seenMoodleIds = new HashSet<>();
		Map<String, Integer> createdNames = new HashMap<>();
		for (Line line : lines) {
			List<String> errors = new ArrayList<>();
			String last = cell(line, index, "lastname");
			String first = cell(line, index, "firstname");
			String email = cell(line, index, "email").toLowerCase(Locale.ROOT);
			String idnumber = cell(line, index, "idnumber");
			String moodleCell = cell(line, index, "moodle");
			Long moodleId = null;
			if (!moodleCell.isEmpty()) {
				java.util.regex.Matcher m = MOODLE_ID.matcher(moodleCell);
				if (m.matches()) {
					moodleId = Long.parseLong(m.group(1) != null ? m.group(1) : moodleCell);
				}
				else {
					errors.add("profil Moodle illisible « " + (moodleCell.length() > 60 ? moodleCell.substring(0, 60) + "…" : moodleCell)
							+ " » (le lien de l’export, …/user/profile.php?id=…, ou le numéro seul)");
				}
			}
			if (moodleId != null && !seenMoodleIds.add(moodleId)) {
				errors.add("le profil Moodle " + moodleId + " figure déjà plus haut dans le fichier");
			}
			String createCell = SearchText.key(cell(line, index, "create"));
			boolean forceCreate = YES.contains(createCell);
			if (!createCell.isEmpty() && !forceCreate && !Set.of("non", "n", "no", "0", "faux", "false").contains(createCell)) {
				errors.add("colonne Créer : « " + cell(line, index, "create") + " » (oui ou vide)");
			}
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
			Match match = known.match(moodleId, idnumber, email);
			if (match.conflict() != null) {
				errors.add(match.conflict());
			}
			Long existing = match.id();
			String name = (first + " " + last).trim();
			String nameKey = SearchText.key(first, last);
			if (existing == null && !forceCreate && !first.isEmpty() && !last.isEmpty()) {
				List<Known.Person> homonyms = known.byName().getOrDefault(nameKey, List.of());
				if (!homonyms.isEmpty()) {
					errors.add("ambigu : " + (homonyms.size() == 1 ? "un vacataire porte déjà ce nom, " : "des vacataires portent déjà ce nom, ")
							+ String.join(" ; ", homonyms.stream().map(Known.Person::describe).toList())
							+ " ; pour le mettre à jour, ajoutez à la ligne son profil Moodle, son matricule ou son courriel ; "
							+ "pour créer une autre personne du même nom, écrivez « oui » dans la colonne Créer");
				}
				else if (createdNames.containsKey(nameKey)) {
					errors.add("ambigu : la ligne " + createdNames.get(nameKey) + " crée déjà « " + name + " » ; "
							+ "ajoutez un matricule ou un courriel, ou « oui » dans la colonne Créer pour créer deux personnes du même nom");
				}
			}
			if (existing == null) {
				createdNames.putIfAbsent(nameKey, line.number());
			}
			VacataireStatus status = VacataireStatus.ACTIF;
			String statusCell = SearchText.key(cell(line, index, "status")).replace(' ', '_').toUpperCase(Locale.ROOT);
			if (!statusCell.isEmpty()) {
				try {
					status = VacataireStatus.valueOf(statusCell);
					// A vacataire's status changes with its reason on their page; a line that updates leaves it as it is.
					if (existing == null && status != VacataireStatus.CANDIDAT && status != VacataireStatus.RETENU
							&& status != VacataireStatus.ACTIF) {
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
						errors.add("titre inconnu « " + code.trim() + " » (créez-le d’abord dans Titres)");
					}
					else if (!titleIds.contains(id)) {
						titleIds.add(id);
					}
				}
			}
			Identity identity = new Identity(blankToNull(first), blankToNull(last), blankToNull(email), blankToNull(idnumber),
					blankToNull(cell(line, index, "phone")), cap);
			Identity news = existing == null ? identity : known.news(existing, identity);
			Action action = existing == null ? Action.CREATE : nothing(news) && titleIds.isEmpty() ? Action.UNCHANGED : Action.UPDATE;
			out.add(new Parsed(new LineReport(line.number(), name.isEmpty() ? "?" : name, action, List.copyOf(errors)), existing,
					news, status, titleIds));
		}
		return out;
	}

	private Mono<Integer> write(List<Parsed> lines, String author) {
		return Flux.fromIterable(lines)
			.concatMap(p -> (p.existingId() == null ? files.create(p.identity(), p.status(), author)
					: nothing(p.identity()) ? Mono.just(p.existingId())
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

	private static boolean nothing(Identity i) {
		return i.firstname() == null && i.lastname() == null && i.email() == null && i.idnumber() == null && i.phone() == null
				&& i.workloadCapHours() == null;
	}

	private static Identity merge(Identity current, Identity imported) {
		return new Identity(or(imported.firstname(), current.firstname()), or(imported.lastname(), current.lastname()),
				or(imported.email(), current.email()), or(imported.idnumber(), current.idnumber()),
				or(imported.phone(), current.phone()),
				imported.workloadCapHours() != null ? imported.workloadCapHours() : current.workloadCapHours());
	}

	private static Report report(boolean applied, List<Parsed> parsed, List<String> ignored, int granted) {
		int created = (int) parsed.stream().filter(p -> p.report().action() == Action.CREATE).count();
		int updated = (int) parsed.stream().filter(p -> p.report().action() == Action.UPDATE).count();
		return new Report(applied, applied ? created : 0, applied ? updated : 0, granted, List.copyOf(ignored),
				parsed.stream().map(Parsed::report).toList());
	}

	private Mono<Map<String, Long>> titleCodes() {
		return titles.all().collectMap(t -> t.code().toUpperCase(Locale.ROOT), Titles.Title::id);
	}

	/** The vacataire a line designates, or a sentence when its identifiers name different people. */
	private record Match(@Nullable Long id, @Nullable String conflict) {
	}

	/** The vacataires known, by each identifier a line may carry. */
	private record Known(Map<Long, Person> people, Map<Long, Person> byMoodleId, Map<String, Person> byIdnumber, Map<String, Person> byEmail,
			Map<String, List<Person>> byName) {

		record Person(long id, String firstname, String lastname, @Nullable String idnumber, @Nullable String email) {

			String name() {
				return (firstname + " " + lastname).trim();
			}

			String describe() {
				List<String> ids = new ArrayList<>();
				if (idnumber != null) {
					ids.add("matricule " + idnumber);
				}
				if (email != null) {
					ids.add(email);
				}
				return "« " + name() + " » (fiche n° " + id + (ids.isEmpty() ? ", sans matricule ni courriel" : ", " + String.join(", ", ids))
						+ ")";
			}
		}

		/** By Moodle account, then matricule, then e-mail; identifiers that name two different people are a conflict. */
		Match match(@Nullable Long moodleId, String idnumber, String email) {
			Map<String, Person> found = new java.util.LinkedHashMap<>();
			if (moodleId != null && byMoodleId.containsKey(moodleId)) {
				found.put("le profil Moodle " + moodleId, byMoodleId.get(moodleId));
			}
			if (!idnumber.isEmpty() && byIdnumber.containsKey(idnumber.toLowerCase(Locale.ROOT))) {
				found.put("le matricule " + idnumber, byIdnumber.get(idnumber.toLowerCase(Locale.ROOT)));
			}
			if (!email.isEmpty() && byEmail.containsKey(email)) {
				found.put("le courriel " + email, byEmail.get(email));
			}
			Map.Entry<String, Person> first = found.entrySet().stream().findFirst().orElse(null);
			if (first == null) {
				return new Match(null, null);
			}
			return found.entrySet().stream()
				.filter(e -> e.getValue().id() != first.getValue().id())
				.findFirst()
				.map(e -> new Match(null, first.getKey() + " désigne " + first.getValue().describe() + ", " + e.getKey() + " "
						+ e.getValue().describe() + " : corrigez l’un des deux"))
				.orElse(new Match(first.getValue().id(), null));
		}

		/** What a line brings that the person does not already show: the cells equal to their current values left out. */
		Identity news(long id, Identity line) {
			Person p = people.get(id);
			return new Identity(differs(line.firstname(), p.firstname()), differs(line.lastname(), p.lastname()),
					differs(line.email(), p.email()), differs(line.idnumber(), p.idnumber()), line.phone(), line.workloadCapHours());
		}

		private static @Nullable String differs(@Nullable String imported, @Nullable String current) {
			return imported != null && imported.equalsIgnoreCase(current) ? null : imported;
		}
	}

	private Mono<Known> known() {
		return db.sql("select id, moodle_user_id, firstname, lastname, idnumber, email from vacataire_name")
			.map(r -> new Object[] { new Known.Person(r.get("id", Long.class), r.get("firstname", String.class),
					r.get("lastname", String.class), blankToNull(r.get("idnumber", String.class)), blankToNull(r.get("email", String.class))),
					r.get("moodle_user_id", Long.class),
					SearchText.key(r.get("firstname", String.class), r.get("lastname", String.class)) })
			.all()
			.collectList()
			.map(rows -> {
				Map<Long, Known.Person> people = new HashMap<>();
				Map<Long, Known.Person> moodle = new HashMap<>();
				Map<String, Known.Person> ids = new HashMap<>();
				Map<String, Known.Person> emails = new HashMap<>();
				Map<String, List<Known.Person>> names = new HashMap<>();
				for (Object[] row : rows) {
					Known.Person p = (Known.Person) row[0];
					people.put(p.id(), p);
					if (row[1] != null) {
						moodle.putIfAbsent((Long) row[1], p);
					}
					if (p.idnumber() != null) {
						ids.putIfAbsent(p.idnumber().toLowerCase(Locale.ROOT), p);
					}
					if (p.email() != null) {
						emails.putIfAbsent(p.email().toLowerCase(Locale.ROOT), p);
					}
					names.computeIfAbsent((String) row[2], k -> new ArrayList<>()).add(p);
				}
				return new Known(people, moodle, ids, emails, names);
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
