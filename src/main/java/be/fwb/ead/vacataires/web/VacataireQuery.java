package be.fwb.ead.vacataires.web;

import be.fwb.ead.shared.Paging;
import be.fwb.ead.ui.ListQuery;
import be.fwb.ead.ui.Pages;
import be.fwb.ead.ui.QueryString;
import be.fwb.ead.vacataires.VacataireFilter;
import org.jspecify.annotations.Nullable;

/**
 * The vacataire list's query string, as the filter form sends it and as links repeat it.
 *
 * @param page from 1
 */
record VacataireQuery(@Nullable String q, @Nullable String status, @Nullable Boolean withoutModule, @Nullable Integer page,
		@Nullable Integer size) implements ListQuery {

	static final int DEFAULT_SIZE = 50;

	VacataireFilter filter() {
		return new VacataireFilter(q, status, Boolean.TRUE.equals(withoutModule));
	}

	Paging paging() {
		return Pages.paging(page, size, DEFAULT_SIZE);
	}

	@Override
	public String query(boolean paged, int otherPage) {
		return new QueryString().add("q", q)
			.add("status", status)
			.flag("withoutModule", withoutModule)
			.paging(paged, size, otherPage)
			.toString();
	}
}
