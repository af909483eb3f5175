package be.fwb.ead.attention;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import be.fwb.ead.assignments.Assignments;
import be.fwb.ead.assignments.Reconciliation;
import be.fwb.ead.evaluations.Evaluations;
import be.fwb.ead.shared.SearchText;
import be.fwb.ead.titles.Titles;
import be.fwb.ead.training.Training;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Gathers what needs a coordinator's attention, grouped by kind. */
@Service
public class Attention {

	public enum Kind {
		TRAINING_MISSING, EVALUATION_DUE, ASSIGNED_WITHOUT_MOODLE_ROLE, MOODLE_ROLE_WITHOUT_ASSIGNMENT, MODULE_WITHOUT_TUTOR,
		TITLE_NOT_COVERING
	}

	/** One line: about a vacataire, a module, or both. */
	public record Item(Kind kind, @Nullable Long vacataireId, @Nullable String vacataireName, @Nullable Long moduleId,
			@Nullable String moduleName, String detail) {
	}

	private final Training training;
	private final Evaluations evaluations;
	private final Reconciliation reconciliation;
	private final Assignments assignments;
	private final Titles titles;
	private final DatabaseClient db;

	Attention(Training training, Evaluations evaluations, Reconciliation reconciliation, Assignments assignments,
			Titles titles, DatabaseClient db) {
		this.training = training;
		this.evaluations = evaluations;
		this.reconciliation = reconciliation;
		this.assignments = assignments;
		this.titles = titles;
		this.db = db;
	}

	/** The lines of one kind. */
	public record Group(Kind kind, List<Item> items) {
	}

	/** Every line, grouped by kind in the order of {@link Kind}. */
	public Mono<List<Group>> all() {
		Mono<List<Item>> trainingMissing = training.overdue()
			.map(o -> new Item(Kind.TRAINING_MISSING, o.vacataireId(), o.name(), null, null,
					o.role() + " " + o.kind() + " " + o.topic()))
			.collectList();
		Mono<List<Item>> due = evaluations.due()
			.map(d -> new Item(Kind.EVALUATION_DUE, d.vacataireId(), d.name(), null, null,
					d.lastEvaluatedOn() == null ? "" : d.lastEvaluatedOn().toString()))
			.collectList();
		Mono<List<Item>> gaps = reconciliation.lines()
			.map(l -> new Item(Kind.valueOf(l.kind().name()), l.vacataireId(), l.vacataireName(), l.moduleId(), l.moduleName(),
					l.role()))
			.collectList();
		return Mono.zip(trainingMissing, due, gaps, withoutTutor(), notCovering()).map(t -> {
			List<Item> all = new ArrayList<>();
			all.addAll(t.getT1());
			all.addAll(t.getT2());
			all.addAll(t.getT3());
			all.addAll(t.getT4());
			all.addAll(t.getT5());
			return java.util.Arrays.stream(Kind.values())
				.map(k -> new Group(k, all.stream().filter(i -> i.kind() == k).toList()))
				.toList();
		});
	}

	/** Current modules that no tutor holds, in Moodle or by a current assignment. */
	private Mono<List<Item>> withoutTutor() {
		return db.sql("""
				select m.id, m.fullname from module m
				where m.archived_at is null
				  and not exists (select 1 from module_role r where r.module_id = m.id and r.role = 'TUTOR')
				  and not exists (select 1 from assignment a where a.module_id = m.id and a.role = 'TUTOR'
				                  and current_date between a.starts_on and a.ends_on)
				order by m.sort_key""")
			.map(r -> new Item(Kind.MODULE_WITHOUT_TUTOR, null, null, r.get("id", Long.class), r.get("fullname", String.class), ""))
			.all()
			.collectList();
	}

	/**
	 * Current assignments held by derogation, and Moodle roles whose holder has no title covering the module's level
	 * and subject.
	 */
	private Mono<List<Item>> notCovering() {
		Mono<List<Item>> derogations = assignments.all(true)
			.filter(a -> a.coverage().equals("DEROGATION"))
			.map(a -> new Item(Kind.TITLE_NOT_COVERING, a.vacataireId(), a.vacataireName(), a.moduleId(), a.moduleName(),
					"DEROGATION"))
			.collectList();
		Mono<Map<Long, Set<String>>> covered = titles.all().collectList().flatMap(all -> db
			.sql("select vacataire_id, title_id from vacataire_title")
			.map(r -> Map.entry(r.get("vacataire_id", Long.class), r.get("title_id", Long.class)))
			.all()
			.collectMultimap(Map.Entry::getKey, Map.Entry::getValue)
			.map(held -> held.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> all.stream()
				.filter(t -> e.getValue().contains(t.id()))
				.flatMap(t -> t.coverages().stream())
				.map(c -> SearchText.key(c.level()) + "|" + SearchText.key(c.subject()))
				.collect(Collectors.toSet())))));
		Mono<List<Item>> roles = covered.flatMap(cover -> db.sql("""
				select r.vacataire_id, r.module_id, r.role, m.fullname,
				       trim(coalesce(v.firstname, v.moodle_firstname, '') || ' ' || coalesce(v.lastname, v.moodle_lastname, '')) as name,
				       coalesce(cm.level, p.name, '') as level, coalesce(cm.subject, c.name) as subject
				from module_role r join module m on m.id = r.module_id join vacataire v on v.id = r.vacataire_id
				join moodle_category c on c.id = m.category_id left join moodle_category p on p.id = c.parent_id
				left join category_mapping cm on cm.category_id = c.id
				where m.archived_at is null
				order by v.sort_key, m.sort_key""")
			.map(r -> new Object[] { r.get("vacataire_id", Long.class), r.get("module_id", Long.class), r.get("fullname", String.class),
					r.get("name", String.class), SearchText.key(r.get("level", String.class)) + "|"
							+ SearchText.key(r.get("subject", String.class)), r.get("role", String.class) })
			.all()
			.filter(row -> !cover.getOrDefault((Long) row[0], Set.of()).contains((String) row[4]))
			.map(row -> new Item(Kind.TITLE_NOT_COVERING, (Long) row[0], (String) row[3], (Long) row[1], (String) row[2],
					(String) row[5]))
			.collectList());
		return Mono.zip(derogations, roles).map(t -> {
			List<Item> all = new ArrayList<>(t.getT1());
			all.addAll(t.getT2());
			all.sort(Comparator.comparing((Item i) -> i.vacataireName() == null ? "" : SearchText.key(i.vacataireName())));
			return all;
		});
	}
}
