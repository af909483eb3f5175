package be.fwb.ead;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * The script that empties tables as {@code truncate … restart identity cascade} would, written as {@code delete}s:
 * the given tables and every table referring to them, children before parents, and their sequences back to their
 * start. A truncate creates new files for every table it empties (about 150 ms for these 43 tables, before every
 * integration test); deleting the few rows a test wrote takes a few milliseconds.
 * <p>
 * Where the database user may (a superuser: the tests' {@code postgres}, local or embedded), the deletes run with the
 * triggers off ({@code session_replication_role = replica}, for the script's own transaction alone, set back before it
 * ends): the foreign keys' checks of every deleted module and vacataire row in the 22 tables that refer to them cost
 * about 90 ms a test, for nothing, since children go before their parents. Otherwise the checks run, and a table whose
 * trigger forbids deleting its rows (the append-only journal) is truncated, with the tables that refer to it. The
 * script is sent as one query (PostgreSQL's implicit transaction): if it fails, nothing of it stays, the setting
 * included. With the triggers off, a row written meanwhile under a deleted parent would stay unnoticed instead of
 * failing the delete: the set-up first stops the background sync and waits for the events' listeners.
 */
final class EmptyTables {

	/** How the script starts where it may turn the triggers off (for its own transaction)… */
	static final String TRIGGERS_OFF = "set local session_replication_role = replica;\n";

	/** …and how it sets them back before it ends. */
	static final String TRIGGERS_BACK = "set local session_replication_role = default;\n";

	/**
	 * The script ({@code sql}), the tables it deletes rows from (their dead rows stay in their files until a vacuum), and
	 * whether it turns the triggers off.
	 */
	record Script(String sql, List<String> deletedFrom, boolean triggersOff) {
	}

	/** A foreign key: {@code child} refers to {@code parent}. */
	record Reference(String child, String parent) {
	}

	private EmptyTables() {
	}

	/** Reads the foreign keys, the delete triggers and the owned sequences of the current schema, and writes the script. */
	static Mono<Script> script(DatabaseClient db, Collection<String> roots) {
		return script(db, roots, true);
	}

	/** The same, with the triggers left on whoever the user is when {@code triggersOffIfAllowed} is false. */
	static Mono<Script> script(DatabaseClient db, Collection<String> roots, boolean triggersOffIfAllowed) {
		Mono<List<Reference>> references = db.sql("""
				select conrelid::regclass::text as child, confrelid::regclass::text as parent from pg_constraint
				where contype = 'f' and connamespace = current_schema()::regnamespace""")
			.map(r -> new Reference(r.get("child", String.class), r.get("parent", String.class))).all().collectList();
		// tgtype: bit 1 a row trigger, bit 8 on delete (pg_trigger.h).
		Mono<Set<String>> appendOnly = db.sql("""
				select distinct tgrelid::regclass::text as name from pg_trigger
				where not tgisinternal and tgtype & 1 = 1 and tgtype & 8 = 8""")
			.map(r -> r.get("name", String.class)).all().collect(Collectors.toCollection(TreeSet::new));
		Mono<List<String[]>> sequences = db.sql("""
				select s.seqrelid::regclass::text as sequence, d.refobjid::regclass::text as owner from pg_sequence s
				join pg_depend d on d.classid = 'pg_class'::regclass and d.objid = s.seqrelid
				  and d.refclassid = 'pg_class'::regclass and d.deptype in ('a', 'i')""")
			.map(r -> new String[] {r.get("sequence", String.class), r.get("owner", String.class)}).all().collectList();
		Mono<Boolean> superuser = db.sql("select current_setting('is_superuser') = 'on' as superuser")
			.map(r -> triggersOffIfAllowed && Boolean.TRUE.equals(r.get("superuser", Boolean.class))).one();
		return Mono.zip(references, appendOnly, sequences, superuser)
			.map(t -> write(roots, t.getT1(), t.getT2(), t.getT3(), t.getT4()));
	}

	/**
	 * The script: {@code withoutTriggers} where the user may turn the triggers off for its transaction (a superuser),
	 * which spares the foreign keys' checks and lets the append-only tables be deleted from too.
	 */
	static Script write(Collection<String> roots, List<Reference> references, Set<String> appendOnly,
			List<String[]> sequences, boolean withoutTriggers) {
		Set<String> emptied = referring(new LinkedHashSet<>(roots), references);
		Set<String> truncated = withoutTriggers ? Set.of() : referring(emptied.stream().filter(appendOnly::contains)
			.collect(Collectors.toCollection(LinkedHashSet::new)), references);
		StringBuilder sql = new StringBuilder();
		if (withoutTriggers) {
			sql.append(TRIGGERS_OFF);
		}
		if (!truncated.isEmpty()) {
			sql.append("truncate ").append(String.join(", ", truncated)).append(";\n");
		}
		List<String> deleted = childrenFirst(emptied, references).stream().filter(t -> !truncated.contains(t)).toList();
		deleted.forEach(table -> sql.append("delete from ").append(table).append(";\n"));
		List<String> owned = sequences.stream().filter(s -> emptied.contains(s[1])).map(s -> "'" + s[0] + "'::regclass").toList();
		if (!owned.isEmpty()) {
			sql.append("select setval(seqrelid, seqstart, false) from pg_sequence where seqrelid in (")
				.append(String.join(", ", owned)).append(");\n");
		}
		if (withoutTriggers) {
			sql.append(TRIGGERS_BACK);
		}
		return new Script(sql.toString(), deleted, withoutTriggers);
	}

	/** The tables and, again and again, the tables that refer to them: what {@code cascade} would empty. */
	private static Set<String> referring(Set<String> tables, List<Reference> references) {
		boolean grew = true;
		while (grew) {
			grew = false;
			for (Reference reference : references) {
				if (tables.contains(reference.parent()) && tables.add(reference.child())) {
					grew = true;
				}
			}
		}
		return tables;
	}

	/** The tables in an order where no table comes before one that refers to it (a table referring to itself aside). */
	private static List<String> childrenFirst(Set<String> tables, List<Reference> references) {
		List<String> order = new ArrayList<>();
		Set<String> left = new TreeSet<>(tables);
		while (!left.isEmpty()) {
			List<String> free = left.stream().filter(t -> references.stream()
				.noneMatch(r -> r.parent().equals(t) && !r.child().equals(t) && left.contains(r.child()))).toList();
			if (free.isEmpty()) {
				throw new IllegalStateException("Références circulaires entre " + left + " : à vider par truncate");
			}
			order.addAll(free);
			left.removeAll(free);
		}
		return order;
	}
}
