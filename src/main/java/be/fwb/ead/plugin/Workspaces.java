package be.fwb.ead.plugin;

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
import be.fwb.ead.shared.NotFound;
import be.fwb.ead.training.Training;
import be.fwb.ead.vacataires.Vacataire;
import be.fwb.ead.vacataires.Vacataires;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * A vacataire's EAD workspace as the Moodle plugin shows it, in one answer: their assignments, their trainings (done,
 * upcoming, required and missing), their evaluations and the review findings on their modules.
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

	public record Workspace(Person vacataire, List<Task> assignments, Trainings trainings, List<Evaluations.Evaluation> evaluations,
			List<Reviews.AuthorView> reviews) {
	}

	private final Vacataires vacataires;
	private final Assignments assignments;
	private final Training training;
	private final Evaluations evaluations;
	private final Reviews reviews;
	private final DatabaseClient db;
	private final Clock clock;

	Workspaces(Vacataires vacataires, Assignments assignments, Training training, Evaluations evaluations, Reviews reviews,
			DatabaseClient db, Clock clock) {
		this.vacataires = vacataires;
		this.assignments = assignments;
		this.training = training;
		this.evaluations = evaluations;
		this.reviews = reviews;
		this.db = db;
		this.clock = clock;
	}

	/** The vacataire a Moodle user is; a 404 problem when that user is not one (the plugin then shows no link). */
	public Mono<Vacataire> vacataire(long moodleUserId) {
		return vacataires.byMoodleUser(moodleUserId)
			.switchIfEmpty(Mono.error(new NotFound("L'utilisateur Moodle " + moodleUserId + " n'est pas un vacataire de l'EAD.")));
	}

	public Mono<Workspace> of(long moodleUserId) {
		return vacataire(moodleUserId).flatMap(v -> {
			LocalDate today = LocalDate.now(clock);
			Mono<List<Assignment>> tasks = assignments.ofVacataire(v.id()).collectList().cache();
			Mono<Map<Long, Long>> courses = tasks.flatMap(list -> courses(list.stream().map(Assignment::moduleId).distinct().toList()));
			Mono<List<Training.Registration>> registrations = training.ofVacataire(v.id()).collectList();
			Mono<List<Missing>> missing = tasks.flatMapMany(list -> {
				TreeSet<String> roles = new TreeSet<>();
				list.stream().filter(a -> a.current(today)).forEach(a -> roles.add(a.role()));
				v.modules().forEach(m -> roles.add(m.role()));
				return training.missing(v.id(), roles);
			}).map(q -> new Missing(q.role(), q.kind(), q.topic())).collectList();
			return Mono.zip(tasks, courses, registrations, missing, evaluations.readBy(v.id(), "vacataire:" + v.id(), "plugin Moodle").collectList(),
					reviews.ofVacataire(v.id()).collectList()).map(t -> {
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
