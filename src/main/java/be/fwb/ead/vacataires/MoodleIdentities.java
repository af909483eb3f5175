package be.fwb.ead.vacataires;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import be.fwb.ead.moodle.MoodleRecords.User;
import be.fwb.ead.shared.SearchText;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The Moodle identity of the vacataires: the {@code moodle_} columns of their file, which only the sync writes (what
 * Moodle says of them), beside what a coordinator entered, which it never touches. The sync reads them all to find who
 * is who, creates the staff the service does not know and writes the identity of those it matched, through this API:
 * the vacataires' table is written here only, and the search and sort keys follow the name rule (what a coordinator
 * entered wins). Called inside the sync's transaction, these statements are part of it.
 */
@Component
public class MoodleIdentities {

	/** A vacataire as stored: their Moodle identity, and what a coordinator entered. */
	public record Stored(long id, @Nullable Long moodleUserId, @Nullable String username, @Nullable String moodleFirstname,
			@Nullable String moodleLastname, @Nullable String moodleEmail, @Nullable String moodleIdnumber, @Nullable String firstname,
			@Nullable String lastname, @Nullable String email, @Nullable String idnumber) {

		/** Whether Moodle's identity as stored is this user's, field for field. */
		public boolean sameMoodleIdentity(User u) {
			return Objects.equals(moodleUserId, u.id()) && Objects.equals(username, u.username())
					&& Objects.equals(moodleFirstname, u.firstname()) && Objects.equals(moodleLastname, u.lastname())
					&& Objects.equals(moodleEmail, u.email()) && Objects.equals(moodleIdnumber, u.idnumber());
		}
	}

	/** A stored vacataire and the Moodle user found to be them. */
	public record Match(Stored stored, User user) {
	}

	private final DatabaseClient db;

	MoodleIdentities(DatabaseClient db) {
		this.db = db;
	}

	/** Every vacataire, linked to Moodle or not, as the sync matches them. */
	public Mono<List<Stored>> all() {
		return db.sql("""
				select id, moodle_user_id, moodle_username, moodle_firstname, moodle_lastname, moodle_email,
				       moodle_idnumber, firstname, lastname, email, idnumber
				from vacataire""")
			.map(r -> new Stored(r.get("id", Long.class), r.get("moodle_user_id", Long.class),
					r.get("moodle_username", String.class), r.get("moodle_firstname", String.class),
					r.get("moodle_lastname", String.class), r.get("moodle_email", String.class),
					r.get("moodle_idnumber", String.class), r.get("firstname", String.class),
					r.get("lastname", String.class), r.get("email", String.class), r.get("idnumber", String.class)))
			.all()
			.collectList();
	}

	/** The vacataires linked to Moodle: their Moodle user id → their id. */
	public Mono<Map<Long, Long>> byMoodleUser() {
		return db.sql("select id, moodle_user_id from vacataire where moodle_user_id is not null")
			.map(r -> Map.entry(r.get("moodle_user_id", Long.class), r.get("id", Long.class)))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
	}

	/** Creates these Moodle users as vacataires (status ACTIF), in one statement. */
	public Mono<Void> create(List<User> created, Instant now) {
		if (created.isEmpty()) {
			return Mono.empty();
		}
		return db.sql("""
				insert into vacataire (moodle_user_id, moodle_username, moodle_firstname, moodle_lastname, moodle_email,
				                       moodle_idnumber, moodle_synced_at, status, search_key, sort_key, created_at, updated_at)
				select u.uid, u.username, u.firstname, u.lastname, u.email, u.idnumber, :now, 'ACTIF',
				       u.search_key, u.sort_key, :now, :now
				from unnest(:uids::bigint[], :usernames::text[], :firstnames::text[], :lastnames::text[],
				            :emails::text[], :idnumbers::text[], :searchKeys::text[], :sortKeys::text[])
				     as u(uid, username, firstname, lastname, email, idnumber, search_key, sort_key)
				""")
			.bind("now", now)
			.bind("uids", created.stream().map(User::id).toArray(Long[]::new))
			.bind("usernames", created.stream().map(User::username).toArray(String[]::new))
			.bind("firstnames", created.stream().map(User::firstname).toArray(String[]::new))
			.bind("lastnames", created.stream().map(User::lastname).toArray(String[]::new))
			.bind("emails", created.stream().map(User::email).toArray(String[]::new))
			.bind("idnumbers", created.stream().map(User::idnumber).toArray(String[]::new))
			.bind("searchKeys", created.stream()
				.map(u -> SearchText.key(u.firstname(), u.lastname(), u.email(), u.username(), u.idnumber()))
				.toArray(String[]::new))
			.bind("sortKeys", created.stream().map(u -> SearchText.key(u.lastname(), u.firstname())).toArray(String[]::new))
			.then();
	}

	/** Writes the Moodle identity of matched vacataires, in one statement; person-entered columns win in the search and sort keys. */
	public Mono<Void> update(List<Match> matches, Instant now) {
		if (matches.isEmpty()) {
			return Mono.empty();
		}
		List<Stored> stored = matches.stream().map(Match::stored).toList();
		List<User> users = matches.stream().map(Match::user).toList();
		List<String> searchKeys = new ArrayList<>();
		List<String> sortKeys = new ArrayList<>();
		for (int i = 0; i < stored.size(); i++) {
			Stored s = stored.get(i);
			User u = users.get(i);
			String first = s.firstname() != null ? s.firstname() : u.firstname();
			String last = s.lastname() != null ? s.lastname() : u.lastname();
			String email = s.email() != null ? s.email() : u.email();
			String idnumber = s.idnumber() != null ? s.idnumber() : u.idnumber();
			searchKeys.add(SearchText.key(first, last, email, u.username(), idnumber));
			sortKeys.add(SearchText.key(last, first));
		}
		return db.sql("""
				update vacataire v set moodle_user_id = u.uid, moodle_username = u.username,
				       moodle_firstname = u.firstname, moodle_lastname = u.lastname, moodle_email = u.email,
				       moodle_idnumber = u.idnumber, moodle_synced_at = :now, search_key = u.search_key,
				       sort_key = u.sort_key, updated_at = :now
				from unnest(:ids::bigint[], :uids::bigint[], :usernames::text[], :firstnames::text[], :lastnames::text[],
				            :emails::text[], :idnumbers::text[], :searchKeys::text[], :sortKeys::text[])
				     as u(id, uid, username, firstname, lastname, email, idnumber, search_key, sort_key)
				where v.id = u.id
				""")
			.bind("now", now)
			.bind("ids", stored.stream().map(Stored::id).toArray(Long[]::new))
			.bind("uids", users.stream().map(User::id).toArray(Long[]::new))
			.bind("usernames", users.stream().map(User::username).toArray(String[]::new))
			.bind("firstnames", users.stream().map(User::firstname).toArray(String[]::new))
			.bind("lastnames", users.stream().map(User::lastname).toArray(String[]::new))
			.bind("emails", users.stream().map(User::email).toArray(String[]::new))
			.bind("idnumbers", users.stream().map(User::idnumber).toArray(String[]::new))
			.bind("searchKeys", searchKeys.toArray(String[]::new))
			.bind("sortKeys", sortKeys.toArray(String[]::new))
			.then();
	}
}
