package be.fwb.ead.analysis;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import be.fwb.ead.assignments.Assignments;
import be.fwb.ead.assignments.Reconciliation;
import be.fwb.ead.catalogue.Placements;
import be.fwb.ead.evaluations.Evaluations;
import be.fwb.ead.shared.PageOf;
import be.fwb.ead.shared.Paging;
import be.fwb.ead.shared.SearchText;
import be.fwb.ead.titles.Titles;
import be.fwb.ead.training.Training;
import be.fwb.ead.vacataires.TitleGaps;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Gathers what needs a coordinator's attention, grouped by kind. */
@Service
public class Attention implements TitleGaps {

	public enum Kind {
		TRAINING_MISSING, EVALUATION_DUE, ASSIGNED_WITHOUT_MOODLE_ROLE, MOODLE_ROLE_WITHOUT_ASSIGNMENT, MODULE_WITHOUT_TUTOR,
		TITLE_NOT_COVERING, SUSPENDED_HOLDING_ROLE
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
	private final Clock clock;

	private record RoleRow(long vacataireId, long moduleId, String moduleName, String name, long categoryId, String role,
			String sortKey) {
	}

	Attention(Training training, Evaluations evaluations, Reconciliation reconciliation, Assignments assignments,
			Titles titles, Placements placements, DatabaseClient db, Clock clock) {
		this.clock = clock;
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

	/** Every line, grouped by kind in the order of {@link Kind}: the first {@value #SHOWN} of each, and their count. */
	public Mono<List<Group>> all() {
		return Flux.fromArray(Kind.values()).concatMap(kind -> items(kind).map(l -> group(kind, l))).collectList();
	}

	/** One page of the lines of one kind. */
	public Mono<PageOf<Item>> kind(Kind kind, Paging paging) {
		return items(kind).map(all -> new PageOf<>(slice(all, paging), all.size(), paging.page(), paging.size()));
	}

	/** Who or what the lines are about, when grouped. */
	public enum GroupBy {
		VACATAIRE, MODULE
	}

	/** The lines about one vacataire or one module: how many of each kind. */
	public record Holder(long id, String name, Map<Kind, Integer> counts) {

		public int total() {
			return counts.values().stream().mapToInt(Integer::intValue).sum();
		}
	}

	/** Every line grouped by the vacataire (or the module) it is about, the most lines first; one page of them. */
	public Mono<PageOf<Holder>> holders(GroupBy by, Paging paging) {
		return Flux.fromArray(Kind.values()).concatMap(this::items).collectList().map(lists -> {
			List<Holder> holders = holders(lists, by);
			return new PageOf<>(slice(holders, paging), holders.size(), paging.page(), paging.size());
		});
	}

	private static List<Holder> holders(List<List<Item>> lists, GroupBy by) {
		Map<Long, String> names = new LinkedHashMap<>();
		Map<Long, Map<Kind, Integer>> counts = new HashMap<>();
		for (List<Item> list : lists) {
			for (Item i : list) {
				Long id = by == GroupBy.VACATAIRE ? i.vacataireId() : i.moduleId();
				String name = by == GroupBy.VACATAIRE ? i.vacataireName() : i.moduleName();
				if (id != null && name != null) {
					names.putIfAbsent(id, name);
					counts.computeIfAbsent(id, k -> new java.util.EnumMap<>(Kind.class)).merge(i.kind(), 1, Integer::sum);
				}
			}
		}
		return names.entrySet().stream()
			.map(e -> new Holder(e.getKey(), e.getValue(), counts.get(e.getKey())))
			.sorted(java.util.Comparator.comparingInt(Holder::total).reversed())
			.toList();
	}

	/**
	 * The vacataires who hold a Moodle role or a current assignment on a module that none of their titles covers
	 * (derogations included), with how many; the most first.
	 */
	@Override
	public Mono<List<Lacking>> lackingTitle() {
		return notCovering().map(items -> holders(List.of(items), GroupBy.VACATAIRE).stream()
			.map(h -> new Lacking(h.id(), h.name(), h.total()))
			.toList());
	}

	private static <T> List<T> slice(List<T> all, Paging paging) {
		int from = (int) Math.min(all.size(), paging.offset());
		return List.copyOf(all.subList(from, Math.min(all.size(), from + paging.size())));
	}

	private Mono<List<Item>> items(Kind kind) {
		return switch (kind) {
			// A vacataire registered for a session to come is handled: the line comes back if it ends without completion.
			case TRAINING_MISSING -> training.awaitingSession()
				.map(o -> new Item(Kind.TRAINING_MISSING, o.vacataireId(), o.name(), null, null, o.kind() + " " + o.topic()))
				.collectList();
			// An evaluation planned to come is handled: the line comes back if its day goes by with nothing recorded.
			case EVALUATION_DUE -> evaluations.due()
				.filter(d -> !d.plannedFrom(LocalDate.now(clock)))
				.map(d -> new Item(Kind.EVALUATION_DUE, d.vacataireId(), d.name(), null, null,
						d.lastEvaluatedOn() == null ? "" : d.lastEvaluatedOn().toString()))
				.collectList();
			case ASSIGNED_WITHOUT_MOODLE_ROLE, MOODLE_ROLE_WITHOUT_ASSIGNMENT -> reconciliation
				.lines(new Reconciliation.Filter(Reconciliation.Kind.valueOf(kind.name()), null, null, null, null, null))
				.map(l -> new Item(kind, l.vacataireId(), l.vacataireName(), l.moduleId(), l.moduleName(), l.role()))
				.collectList();
			case MODULE_WITHOUT_TUTOR -> withoutTutor();
			case TITLE_NOT_COVERING -> notCovering();
			case SUSPENDED_HOLDING_ROLE -> suspendedHolding();
		};
	}

	private static Group group(Kind kind, List<Item> all) {
		return new Group(kind, all.size(), all.size() > SHOWN ? List.copyOf(all.subList(0, SHOWN)) : all);
	}

	/**
	 * Suspended vacataires who still hold a role on a current module, by a current assignment or in Moodle: their
	 * learners or their module wait for someone who may not work (a suspension changes neither).
	 */
	private Mono<List<Item>> suspendedHolding() {
		return db.sql("""
				with held as (
				    select a.vacataire_id, a.module_id, a.role from assignment_period a where :today between a.starts_on and a.ends_on
				    union
				    select r.vacataire_id, r.module_id, r.role from module_staff r)
				select h.vacataire_id, v.name, h.module_id, m.fullname, h.role
				from held h join vacataire_name v on v.id = h.vacataire_id join current_module m on m.id = h.module_id
				where v.status = 'SUSPENDU'
				order by v.sort_key, m.sort_key, h.role""")
			.bind("today", LocalDate.now(clock))
			.map(r -> new Item(Kind.SUSPENDED_HOLDING_ROLE, r.get("vacataire_id", Long.class), r.get("name", String.class),
					r.get("module_id", Long.class), r.get("fullname", String.class), r.get("role", String.class)))
			.all()
			.collectList();
	}

	/** Current modules that no tutor holds, in Moodle or by a current assignment. */
	private Mono<List<Item>> withoutTutor() {
		return db.sql("""
				select m.id, m.fullname from current_module m
				where not exists (select 1 from module_staff r where r.module_id = m.id and r.role = 'TUTOR')
				  and not exists (select 1 from assignment_period a where a.module_id = m.id and a.role = 'TUTOR'
				                  and :today between a.starts_on and a.ends_on)
				order by m.sort_key""")
			.bind("today", LocalDate.now(clock))
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
