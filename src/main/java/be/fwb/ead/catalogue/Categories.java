package be.fwb.ead.catalogue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The Moodle categories of the EAD catalogue (levels, subjects), for paths and filters. */
@Component
public class Categories {

	/** A category: {@code depth} 1 is the EAD root, 2 a level, 3 a subject; {@code visible} its own flag in Moodle. */
	public record Category(long id, String name, long parentId, String path, int depth, int sortorder, boolean visible) {
	}

	private final DatabaseClient db;

	Categories(DatabaseClient db) {
		this.db = db;
	}

	/** Every category by id. */
	public Mono<Map<Long, Category>> all() {
		return db.sql("select id, name, parent_id, path, depth, sortorder, visible from category_path")
			.map(r -> new Category(r.get("id", Long.class), r.get("name", String.class), r.get("parent_id", Long.class),
					r.get("path", String.class), r.get("depth", Integer.class), r.get("sortorder", Integer.class),
					Boolean.TRUE.equals(r.get("visible", Boolean.class))))
			.all()
			.collectMap(Category::id);
	}

	/** Categories in Moodle's order, for a filter list. */
	public Mono<List<Category>> ordered() {
		return all().map(m -> m.values().stream().sorted(Comparator.comparingInt(Category::sortorder)).toList());
	}

	/** A level of the catalogue (a child of a root category) and its subjects, in Moodle's order. */
	public record Level(long id, String name, List<Category> subjects) {
	}

	/**
	 * The levels and their subjects, for filters. A root is a category whose parent was not synced (the configured
	 * roots); levels are its children and subjects their children, whatever their depth in the Moodle tree.
	 */
	public Mono<List<Level>> levels() {
		return ordered().map(list -> {
			Map<Long, Category> byId = new java.util.HashMap<>();
			list.forEach(c -> byId.put(c.id(), c));
			List<Level> levels = new ArrayList<>();
			for (Category level : list) {
				Category parent = byId.get(level.parentId());
				if (parent != null && !byId.containsKey(parent.parentId())) {
					List<Category> subjects = list.stream().filter(c -> c.parentId() == level.id()).toList();
					levels.add(new Level(level.id(), level.name(), subjects));
				}
			}
			return levels;
		});
	}
}
