package be.fwb.ead.grids;

import java.util.List;

import be.fwb.ead.shared.InvalidRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import be.fwb.ead.shared.Counted;

/**
 * A configurable grid of weighted criteria kept in a table of its own ({@code id, label, weight, position, active}):
 * the evaluations' grid, the recruitment's grid. Replacing it deactivates what it leaves out, so that past scores
 * keep their criterion.
 */
public final class CriteriaGrid {

	public record Criterion(long id, String label, int weight) {
	}

	/** A criterion to keep (its {@code id}) or to add (no id), in the order of the list. */
	public record Definition(@Nullable Long id, String label, int weight) {
	}

	/**
	 * How the grid's owner records a replacement in the change log, in the same transaction (the owner holds the change
	 * log; this shared piece does not).
	 */
	@FunctionalInterface
	public interface Journal {

		/**
		 * @param summary a French sentence: the grid's name and how many criteria it now has
		 * @param before the active grid before
		 * @param after the grid as defined
		 */
		Mono<Void> record(String author, String summary, List<Criterion> before, List<Definition> after);
	}

	private final DatabaseClient db;
	private final Journal journal;
	private final String table;
	private final String name;

	/**
	 * @param table a table name from the code, never from a request
	 * @param name the grid's French name, for the change log
	 */
	public CriteriaGrid(DatabaseClient db, String table, String name, Journal journal) {
		this.db = db;
		this.journal = journal;
		this.table = table;
		this.name = name;
	}

	/**
	 * Reads the grid editor's form ({@code templates/grid.html}): rows {@code 0..n} with {@code id-i} (empty for a new
	 * criterion), {@code label-i}, {@code weight-i} and {@code keep-i}; a row without a label or not kept is left out.
	 */
	public static List<Definition> fromForm(org.springframework.util.MultiValueMap<String, String> form) {
		List<Definition> out = new java.util.ArrayList<>();
		for (int i = 0; form.containsKey("label-" + i); i++) {
			String label = form.getFirst("label-" + i);
			String id = form.getFirst("id-" + i);
			boolean kept = id == null || id.isBlank() || "true".equals(form.getFirst("keep-" + i));
			if (label != null && !label.isBlank() && kept) {
				int weight;
				try {
					weight = Integer.parseInt(String.valueOf(form.getFirst("weight-" + i)).trim());
				}
				catch (NumberFormatException e) {
					throw InvalidRequest.ofField("weight-" + i, "Poids illisible pour « " + label + " » : un nombre de 1 à 10.");
				}
				out.add(new Definition(id == null || id.isBlank() ? null : Long.valueOf(id), label, weight));
			}
		}
		return out;
	}

	public Flux<Criterion> active() {
		return db.sql("select id, label, weight from " + table + " where active order by position, id")
			.map(r -> new Criterion(r.get("id", Long.class), r.get("label", String.class), r.get("weight", Integer.class)))
			.all();
	}

	/** Replaces the active grid and records the change; call it inside the caller's transaction. */
	public Mono<List<Criterion>> replace(List<Definition> grid, String author) {
		if (grid.isEmpty()) {
			return Mono.error(new InvalidRequest("La grille doit compter au moins un critère."));
		}
		for (Definition c : grid) {
			if (c.label() == null || c.label().isBlank() || c.weight() < 1 || c.weight() > 10) {
				return Mono.error(new InvalidRequest("Chaque critère a un intitulé et un poids de 1 à 10."));
			}
		}
		return active().collectList().flatMap(before -> db.sql("update " + table + " set active = false").then()
			.thenMany(Flux.range(0, grid.size()).concatMap(i -> {
				Definition c = grid.get(i);
				var spec = c.id() == null
						? db.sql("insert into " + table + " (label, weight, position, active) values (:l, :w, :p, true)")
						: db.sql("update " + table + " set label = :l, weight = :w, position = :p, active = true where id = :id")
							.bind("id", c.id());
				return spec.bind("l", c.label().trim()).bind("w", c.weight()).bind("p", i + 1).then();
			}))
			.then(journal.record(author, name + " : " + Counted.of(grid.size(), "critère", "critères"), before, grid))
			.then(active().collectList()));
	}
}
