package be.fwb.ead.vacataires.web;

import be.fwb.ead.shared.Paging;
import be.fwb.ead.shared.QueryString;
import be.fwb.ead.vacataires.VacataireFilter;
import org.jspecify.annotations.Nullable;

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
		return Paging.ofPageNumber(page, size, DEFAULT_SIZE);
	}

	/** The query string of the same list at another page (1-based). */
	public String link(int otherPage) {
		return query(true, otherPage);
	}

	/** The query string of the same filters, without paging, for the export links. */
	public String filters() {
		return query(false, 1);
	}

	private String query(boolean paged, int otherPage) {
		return new QueryString().add("q", q)
			.add("status", status)
			.flag("withoutModule", withoutModule)
			.paging(paged, size, otherPage)
			.toString();
	}
}
