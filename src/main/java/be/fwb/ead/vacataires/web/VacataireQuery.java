package be.fwb.ead.vacataires.web;

import be.fwb.ead.shared.Paging;
import be.fwb.ead.vacataires.VacataireFilter;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The vacataire list's query string, as the filter form sends it and as links repeat it.
 *
 * @param page from 1
 */
record VacataireQuery(@Nullable String q, @Nullable String status, @Nullable Boolean withoutModule, @Nullable Integer page,
		@Nullable Integer size) {

	static final int DEFAULT_SIZE = 50;

	VacataireFilter filter() {
		return new VacataireFilter(q, status, Boolean.TRUE.equals(withoutModule));
	}

	Paging paging() {
		return Paging.of(pageNumber() - 1, size == null ? DEFAULT_SIZE : size);
	}

	public int pageNumber() {
		return page == null || page < 1 ? 1 : page;
	}

	/** The query string of the same list at another page (1-based). */
	public String link(int otherPage) {
		return query(otherPage, true);
	}

	/** The query string of the same filters, without paging, for the export links. */
	public String filters() {
		return query(1, false);
	}

	private String query(int otherPage, boolean paged) {
		UriComponentsBuilder b = UriComponentsBuilder.newInstance();
		if (q != null && !q.isBlank()) {
			b.queryParam("q", q);
		}
		if (status != null && !status.isBlank()) {
			b.queryParam("status", status);
		}
		if (Boolean.TRUE.equals(withoutModule)) {
			b.queryParam("withoutModule", true);
		}
		if (paged && size != null) {
			b.queryParam("size", size);
		}
		if (paged && otherPage > 1) {
			b.queryParam("page", otherPage);
		}
		String query = b.encode().build().getQuery();
		return query == null ? "" : query;
	}

}
