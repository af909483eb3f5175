package be.fwb.ead.catalogue.web;

import be.fwb.ead.catalogue.ModuleFilter;
import be.fwb.ead.catalogue.ModuleOrder;
import be.fwb.ead.shared.Paging;
import be.fwb.ead.ui.ListQuery;
import be.fwb.ead.ui.Pages;
import be.fwb.ead.ui.QueryString;
import org.jspecify.annotations.Nullable;

/**
 * The module list's query string, as the filter form sends it and as links repeat it.
 *
 * @param state {@code current} (default), {@code archived} or {@code all}
 * @param page from 1
 */
record ModuleQuery(@Nullable String q, @Nullable Long level, @Nullable Long subject, @Nullable Boolean visible,
		@Nullable String state, @Nullable Boolean withoutTutor, @Nullable Boolean withoutAuthor, @Nullable String sort, @Nullable Integer page,
		@Nullable Integer size) implements ListQuery {

	static final int DEFAULT_SIZE = 50;

	ModuleFilter filter() {
		Boolean archived = switch (state == null ? "current" : state) {
			case "archived" -> Boolean.TRUE;
			case "all" -> null;
			default -> Boolean.FALSE;
		};
		return new ModuleFilter(q, subject != null ? subject : level, visible, archived, Boolean.TRUE.equals(withoutTutor),
				Boolean.TRUE.equals(withoutAuthor));
	}

	ModuleOrder order() {
		return ModuleOrder.of(sort);
	}

	Paging paging() {
		return Pages.paging(page, size, DEFAULT_SIZE);
	}

	@Override
	public String query(boolean paged, int otherPage) {
		return new QueryString().add("q", q)
			.add("level", level)
			.add("subject", subject)
			.add("visible", visible)
			.add("state", state, "current")
			.flag("withoutTutor", withoutTutor)
			.flag("withoutAuthor", withoutAuthor)
			.add("sort", sort, "name")
			.paging(paged, size, otherPage)
			.toString();
	}
}
