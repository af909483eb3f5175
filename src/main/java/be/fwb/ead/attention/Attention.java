package be.fwb.ead.attention;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import be.fwb.ead.assignments.Assignments;
import be.fwb.ead.assignments.Reconciliation;
import be.fwb.ead.catalogue.Placements;
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
	private final Placements placements;
	private final DatabaseClient db;

	private record RoleRow(long vacataireId, long moduleId, String moduleName, String name, long categoryId, String role,
			String sortKey) {
	}

	Attention(Training training, Evaluations evaluations, Reconciliation reconciliation, Assignments assignments,
			Titles titles, Placements placements, DatabaseClient db) {
		this.placements = placements;
		this.training = training;
		this.evaluations = evaluations;
		this.reconciliation = reconciliation;
		this.assignments = assignments;
		this.titles = titles;
		this.db = db;
	}

	/** The first {@value #SHOWN} lines of one kind, and how many there are. */
	public record Group(Kind kind, long total, List<Item> items) {
	}

	/** The most lines of one kind the list shows; the dedicated screens show them all. */
	public static final int SHOWN = 100;

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
		Mono<Group> assignedWithoutRole = gaps(Reconciliation.Kind.ASSIGNED_WITHOUT_MOODLE_ROLE);
		Mono<Group> roleWithoutAssignment = gaps(Reconciliation.Kind.MOODLE_ROLE_WITHOUT_ASSIGNMENT);
		return Mono.zip(List.of(trainingMissing.map(l -> group(Kind.TRAINING_MISSING, l)), due.map(l -> group(Kind.EVALUATION_DUE, l)),
				assignedWithoutRole, roleWithoutAssignment, withoutTutor().map(l -> group(Kind.MODULE_WITHOUT_TUTOR, l)),
				notCovering().map(l -> group(Kind.TITLE_NOT_COVERING, l))), groups -> java.util.Arrays.stream(groups)
					.map(Group.class::cast)
					.toList());
	}

	private static Group group(Kind kind, List<Item> all) {
		return new Group(kind, all.size(), all.size() > SHOWN ? List.copyOf(all.subList(0, SHOWN)) : all);
	}

	private Mono<Group> gaps(Reconciliation.Kind kind) {
		return reconciliation.page(kind, new be.fwb.ead.shared.Paging(0, SHOWN)).map(page -> new Group(Kind.valueOf(kind.name()),
				page.total(), page.items().stream().map(l -> new Item(Kind.valueOf(l.kind().name()), l.vacataireId(), l.vacataireName(),
						l.moduleId(), l.moduleName(), l.role())).toList()));
	}

	/** Current modules that no tutor holds, in Moodle or by a current assignment. */
	private Mono<List<Item>> withoutTutor() {
		return db.sql("""
				select m.id, m.fullname from current_module m
				where not exists (select 1 from module_staff r where r.module_id = m.id and r.role = 'TUTOR')
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
		Mono<Map<Long, Set<String>>> covered = titles.all().collectList().flatMap(all -> titles.holders()
			.map(held -> held.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> all.stream()
				.filter(t -> e.getValue().contains(t.id()))
				.flatMap(t -> t.coverages().stream())
				.map(c -> SearchText.key(c.level()) + "|" + SearchText.key(c.subject()))
				.collect(Collectors.toSet())))));
		// Keys once per category (a few dozen), not once per role (thousands).
		Mono<Map<Long, String>> categoryKeys = placements.mappings()
			.collectMap(Placements.Mapping::categoryId, m -> SearchText.key(m.level()) + "|" + SearchText.key(m.subject()));
		Mono<List<Item>> roles = Mono.zip(covered, categoryKeys).flatMap(t -> db.sql("""
				select r.vacataire_id, r.module_id, r.role, m.fullname, m.category_id, v.sort_key || '|' || m.sort_key as sort_key,
				       v.name
				from module_staff r join current_module m on m.id = r.module_id join vacataire_name v on v.id = r.vacataire_id""")
			.map(r -> new RoleRow(r.get("vacataire_id", Long.class), r.get("module_id", Long.class), r.get("fullname", String.class),
					r.get("name", String.class), r.get("category_id", Long.class), r.get("role", String.class),
					r.get("sort_key", String.class)))
			.all()
			.filter(row -> !t.getT1().getOrDefault(row.vacataireId(), Set.of()).contains(t.getT2().get(row.categoryId())))
			// Sorted here, on keys already folded: cheaper than a collation-aware sort of every role in the database.
			.sort(java.util.Comparator.comparing(RoleRow::sortKey))
			.map(row -> new Item(Kind.TITLE_NOT_COVERING, row.vacataireId(), row.name(), row.moduleId(), row.moduleName(), row.role()))
			.collectList());
		return Mono.zip(derogations, roles).map(z -> {
			List<Item> all = new ArrayList<>(z.getT1());
			all.addAll(z.getT2());
			return all;
		});
	}
}
