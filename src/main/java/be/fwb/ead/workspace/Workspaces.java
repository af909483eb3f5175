package be.fwb.ead.workspace;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import be.fwb.ead.assignments.Assignment;
import be.fwb.ead.assignments.Assignments;
import be.fwb.ead.evaluations.Evaluations;
import be.fwb.ead.reviews.Reviews;
import be.fwb.ead.security.Account;
import be.fwb.ead.security.Accounts;
import be.fwb.ead.shared.NotFound;
import be.fwb.ead.training.Training;
import be.fwb.ead.vacataires.Vacataire;
import be.fwb.ead.vacataires.Vacataires;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * A vacataire's own space, whichever way they come in (an account of the service through {@code /api/me}, or the
 * Moodle plugin's signed requests for a Moodle user): who they are, their assignments, trainings, evaluations and the
 * review findings on their modules; acknowledging an evaluation and answering a finding. Every method but the two that
 * find the vacataire takes the vacataire's id ({@code me}) that the adapter found from its sign-in, never one taken
 * from the request.
 */
@Service
public class Workspaces {

	public record Person(long vacataireId, long moodleUserId, String name) {
	}

	/** An assignment, with the Moodle course it is on (for a link). */
	public record Task(long assignmentId, long moduleId, long moodleCourseId, String moduleShortname, String moduleFullname,
			String role, LocalDate startsOn, LocalDate endsOn, int hours, boolean current) {
	}

	public record Done(String title, String kind, String topic, Instant startsAt, @Nullable Instant completedAt) {
	}

	/** A training the vacataire's roles require and they have not completed. */
	public record Missing(String role, String kind, String topic) {
	}

	public record Trainings(List<Done> done, List<Done> upcoming, List<Missing> missing) {
	}

	/** The whole workspace in one answer, as the Moodle plugin shows it. */
	public record Workspace(Person vacataire, List<Task> assignments, Trainings trainings, List<Evaluations.Evaluation> evaluations,
			List<Reviews.AuthorView> reviews) {
	}

	private final Accounts accounts;
	private final Vacataires vacataires;
	private final Assignments assignments;
	private final Training training;
	private final Evaluations evaluations;
	private final Reviews reviews;
	private final DatabaseClient db;
	private final Clock clock;

	Workspaces(Accounts accounts, Vacataires vacataires, Assignments assignments, Training training, Evaluations evaluations,
			Reviews reviews, DatabaseClient db, Clock clock) {
		this.accounts = accounts;
		this.vacataires = vacataires;
		this.assignments = assignments;
		this.training = training;
		this.evaluations = evaluations;
		this.reviews = reviews;
		this.db = db;
		this.clock = clock;
	}

	/** The vacataire an account of the service is linked to; a 404 problem when it is linked to none. */
	public Mono<Long> ofAccount(String username) {
		return accounts.byUsername(username)
			.mapNotNull(Account::vacataireId)
			.switchIfEmpty(Mono.error(new NotFound("Ce compte n’est lié à aucun vacataire.")));
	}

	/** The vacataire a Moodle user is; a 404 problem when that user is not one (the plugin then shows no link). */
	public Mono<Vacataire> ofMoodleUser(long moodleUserId) {
		return vacataires.byMoodleUser(moodleUserId)
			.switchIfEmpty(Mono.error(new NotFound("L’utilisateur Moodle " + moodleUserId + " n’est pas un vacataire de l’EAD.")));
	}

	public Mono<Vacataire> file(long me) {
		return vacataires.find(me);
	}

	public Mono<List<Assignment>> assignments(long me) {
		return assignments.ofVacataire(me).collectList();
	}

	public Mono<List<Training.Registration>> trainings(long me) {
		return training.ofVacataire(me).collectList();
	}

	/** My evaluations; the read is logged as mine, with {@code via} saying how I came. */
	public Mono<List<Evaluations.Evaluation>> evaluations(long me, String via) {
		return evaluations.readBy(me, "vacataire:" + me, via).collectList();
	}

	/** The quality reviews of my modules, once started, with their findings and the answers given. */
	public Mono<List<Reviews.AuthorView>> reviews(long me) {
		return reviews.ofVacataire(me).collectList();
	}

	/** Acknowledges one of my evaluations, once, with an optional comment. */
	public Mono<Evaluations.Evaluation> acknowledge(long me, long evaluationId, @Nullable String comment) {
		return evaluations.acknowledge(evaluationId, me, comment);
	}

	/** Answers a finding on one of my modules, while its review is open; the answer's id. */
	public Mono<Long> answer(long me, long findingId, @Nullable String text) {
		return reviews.answer(findingId, me, text);
	}

	/**
	 * The whole workspace of the vacataire a Moodle user is: their assignments with their Moodle courses, their
	 * trainings (done, upcoming, required and missing), their evaluations (newest first) and the reviews of their
	 * modules.
	 */
	public Mono<Workspace> of(long moodleUserId, String via) {
		return ofMoodleUser(moodleUserId).flatMap(v -> {
			LocalDate today = LocalDate.now(clock);
			Mono<List<Assignment>> tasks = assignments(v.id()).cache();
			Mono<Map<Long, Long>> courses = tasks.flatMap(list -> courses(list.stream().map(Assignment::moduleId).distinct().toList()));
			Mono<List<Missing>> missing = tasks.flatMapMany(list -> {
				TreeSet<String> roles = new TreeSet<>();
				list.stream().filter(a -> a.current(today)).forEach(a -> roles.add(a.role()));
				v.modules().forEach(m -> roles.add(m.role()));
				return training.missing(v.id(), roles);
			}).map(q -> new Missing(q.role(), q.kind(), q.topic())).collectList();
			return Mono.zip(tasks, courses, trainings(v.id()), missing, evaluations(v.id(), via), reviews(v.id())).map(t -> {
				Instant now = Instant.now(clock);
				List<Task> list = t.getT1().stream().map(a -> new Task(a.id(), a.moduleId(), t.getT2().getOrDefault(a.moduleId(), 0L),
						a.moduleShortname(), a.moduleName(), a.role(), a.startsOn(), a.endsOn(), a.hours(), a.current(today))).toList();
				List<Done> done = t.getT3().stream().filter(r -> r.completedAt() != null)
					.map(Workspaces::done).sorted(Comparator.comparing(Done::startsAt).reversed()).toList();
				List<Done> upcoming = t.getT3().stream().filter(r -> r.completedAt() == null && r.startsAt().isAfter(now))
					.map(Workspaces::done).sorted(Comparator.comparing(Done::startsAt)).toList();
				List<Evaluations.Evaluation> evaluated = t.getT5().stream()
					.sorted(Comparator.comparing(Evaluations.Evaluation::evaluatedOn).reversed()).toList();
				return new Workspace(new Person(v.id(), moodleUserId, v.displayName()), list,
						new Trainings(done, upcoming, List.copyOf(t.getT4())), evaluated, t.getT6());
			});
		});
	}

	private static Done done(Training.Registration r) {
		return new Done(r.title(), r.kind(), r.topic(), r.startsAt(), r.completedAt());
	}

	private Mono<Map<Long, Long>> courses(List<Long> moduleIds) {
		return db.sql("select id, moodle_course_id from module_name where id = any(:ids::bigint[])")
			.bind("ids", moduleIds.toArray(Long[]::new))
			.map(r -> Map.entry(r.get("id", Long.class), r.get("moodle_course_id", Long.class)))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
	}
}
