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

	/** A category: {@code depth} 1 is the EAD root, 2 a level, 3 a subject. */
	public record Category(long id, String name, long parentId, String path, int depth, int sortorder) {
	}

	private final DatabaseClient db;

	Categories(DatabaseClient db) {
		this.db = db;
	}

	/** Every category by id. */
	public Mono<Map<Long, Category>> all() {
		return db.sql("select id, name, parent_id, path, depth, sortorder from moodle_category")
			.map(r -> new Category(r.get("id", Long.class), r.get("name", String.class), r.get("parent_id", Long.class),
					r.get("path", String.class), r.get("depth", Integer.class), r.get("sortorder", Integer.class)))
			.all()
			.collectMap(Category::id);
	}

	/** Categories in Moodle's order, for a filter list. */
	public Mono<List<Category>> ordered() {
		return all().map(m -> m.values().stream().sorted(Comparator.comparingInt(Category::sortorder)).toList());
	}

	static List<String> path(Map<Long, Category> categories, long categoryId) {
		Category leaf = categories.get(categoryId);
		if (leaf == null) {
			return List.of();
		}
		List<String> names = new ArrayList<>();
		for (String part : leaf.path().split("/")) {
			if (!part.isEmpty()) {
				Category c = categories.get(Long.parseLong(part));
				if (c != null) {
					names.add(c.name());
				}
			}
		}
		return names;
	}
}
