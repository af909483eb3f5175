package be.fwb.ead.catalogue.web;

import be.fwb.ead.catalogue.ModuleFilter;
import be.fwb.ead.catalogue.ModuleOrder;
import be.fwb.ead.shared.Paging;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The module list's query string, as the filter form sends it and as links repeat it.
 *
 * @param state {@code current} (default), {@code archived} or {@code all}
 * @param page from 1
 */
record ModuleQuery(@Nullable String q, @Nullable Long level, @Nullable Long subject, @Nullable Boolean visible,
		@Nullable String state, @Nullable Boolean withoutTutor, @Nullable Boolean withoutAuthor, @Nullable String sort, @Nullable Integer page,
		@Nullable Integer size) {

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
		return Paging.of(pageNumber() - 1, size == null ? DEFAULT_SIZE : size);
	}

	public int pageNumber() {
		return page == null || page < 1 ? 1 : page;
	}

	/** The query string of the same list at another page (1-based); the page is left out for page 1. */
	public String link(int otherPage) {
		return query(otherPage, true);
	}

	/** The query string of the same filters and order, without paging, for the export links. */
	public String filters() {
		return query(1, false);
	}

	private String query(int otherPage, boolean paged) {
		UriComponentsBuilder b = UriComponentsBuilder.newInstance();
		add(b, "q", q == null || q.isBlank() ? null : q);
		add(b, "level", level);
		add(b, "subject", subject);
		add(b, "visible", visible);
		add(b, "state", state == null || state.equals("current") ? null : state);
		add(b, "withoutTutor", Boolean.TRUE.equals(withoutTutor) ? true : null);
		add(b, "withoutAuthor", Boolean.TRUE.equals(withoutAuthor) ? true : null);
		add(b, "sort", sort == null || sort.isBlank() || sort.equals("name") ? null : sort);
		if (paged) {
			add(b, "size", size);
			add(b, "page", otherPage > 1 ? otherPage : null);
		}
		String query = b.encode().build().getQuery();
		return query == null ? "" : query;
	}

	private static void add(UriComponentsBuilder b, String name, @Nullable Object value) {
		if (value != null) {
			b.queryParam(name, value);
		}
	}
}
