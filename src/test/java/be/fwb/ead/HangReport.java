package be.fwb.ead;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.core.env.Environment;

/**
 * What a test that waited in vain reports: the database sessions of the service (state, wait, open transaction, last
 * statement), the locks nobody got, and the threads that were doing something. Read over a connection of its own
 * (JDBC), since the service's pool may be the thing that is stuck.
 */
final class HangReport {

	private HangReport() {
	}

	static String of(Environment env) {
		return "\n--- sessions PostgreSQL ---\n" + sessions(env) + "\n--- fils d'exécution actifs ---\n" + threads();
	}

	private static String sessions(Environment env) {
		String url = env.getProperty("spring.flyway.url");
		try (Connection c = DriverManager.getConnection(url, env.getProperty("spring.flyway.user"),
				env.getProperty("spring.flyway.password", ""));
				Statement s = c.createStatement()) {
			s.setQueryTimeout(5);
			return rows(s, """
					select pid, state, wait_event_type || ':' || wait_event as waiting,
					       to_char(xact_start, 'HH24:MI:SS.MS') as xact_since, to_char(state_change, 'HH24:MI:SS.MS') as state_since,
					       left(query, 160) as query
					from pg_stat_activity
					where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'
					order by xact_start nulls last""")
					+ "\nverrous en attente :\n" + rows(s, """
							select l.pid, l.mode, l.locktype, coalesce(l.relation::regclass::text, '') as relation,
							       pg_blocking_pids(l.pid) as blocked_by
							from pg_locks l where not l.granted""");
		}
		catch (SQLException | RuntimeException e) {
			return "illisibles : " + e;
		}
	}

	private static String rows(Statement s, String sql) throws SQLException {
		StringBuilder out = new StringBuilder();
		try (ResultSet r = s.executeQuery(sql)) {
			ResultSetMetaData meta = r.getMetaData();
			while (r.next()) {
				for (int i = 1; i <= meta.getColumnCount(); i++) {
					out.append(i == 1 ? "" : " | ").append(meta.getColumnLabel(i)).append('=').append(r.getString(i));
				}
				out.append('\n');
			}
		}
		return out.isEmpty() ? "(aucun)\n" : out.toString();
	}

	private static String threads() {
		return Thread.getAllStackTraces().entrySet().stream()
			.filter(e -> e.getKey().getName().matches("(reactor|parallel|boundedElastic|task|event).*"))
			.filter(e -> e.getValue().length > 0 && !idle(e.getValue()[0]))
			.map(HangReport::describe)
			.collect(Collectors.joining("\n"));
	}

	/** A thread waiting for work (an event loop's select, a pool's park) tells nothing. */
	private static boolean idle(StackTraceElement top) {
		return top.getClassName().startsWith("sun.nio.ch") || top.getClassName().startsWith("io.netty.channel.epoll")
				|| top.getClassName().equals("jdk.internal.misc.Unsafe") && top.getMethodName().equals("park");
	}

	private static String describe(Map.Entry<Thread, StackTraceElement[]> e) {
		return e.getKey().getName() + " (" + e.getKey().getState() + ")\n\t" + Arrays.stream(e.getValue()).limit(12)
			.map(String::valueOf).collect(Collectors.joining("\n\t"));
	}
}
