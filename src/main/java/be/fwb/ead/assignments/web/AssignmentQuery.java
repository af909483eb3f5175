package be.fwb.ead.assignments.web;

import be.fwb.ead.assignments.AssignmentFilter;
import be.fwb.ead.shared.Paging;
import be.fwb.ead.ui.ListQuery;
import be.fwb.ead.ui.Pages;
import be.fwb.ead.ui.QueryString;
import org.jspecify.annotations.Nullable;

/**
 * The assignment list's query string, as the filter form sends it and as links repeat it: {@code q}, {@code role}
 * (AUTHOR, TUTOR), {@code state} (current by default, planned, ended, all).
 *
 * @param page from 1
 */
record AssignmentQuery(@Nullable String q, @Nullable String role, @Nullable String state, @Nullable Integer page,
		@Nullable Integer size) implements ListQuery {

	static final int DEFAULT_SIZE = 50;

	AssignmentFilter filter() {
		return new AssignmentFilter(q, role, AssignmentFilter.State.of(state));
	}

	/** The role chosen as the filter form's list holds it ({@code AUTHOR}, {@code TUTOR}, or empty), whatever words the address used. */
	public String roleCode() {
		String code = filter().role();
		return code == null ? "" : code;
	}

	/** The state chosen, as the filter form's list shows it ({@code current} when none). */
	public String stateCode() {
		return AssignmentFilter.State.of(state).code();
	}

	Paging paging() {
		return Pages.paging(page, size, DEFAULT_SIZE);
	}

	@Override
	public String query(boolean paged, int otherPage) {
		return new QueryString().add("q", q)
			.add("role", role)
			.add("state", state, "current")
			.paging(paged, size, otherPage)
			.toString();
	}
}
