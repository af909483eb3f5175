package be.fwb.ead.ui;

import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Builds the query string of a list's links (pages, exports): parameters without a value, blank or at their default
 * are left out, so that links stay short and the same list has one address.
 */
public final class QueryString {

	private final UriComponentsBuilder builder = UriComponentsBuilder.newInstance();

	/** Adds {@code name=value} unless the value is {@literal null}, blank or {@code omitWhen}. */
	public QueryString add(String name, @Nullable Object value, @Nullable Object omitWhen) {
		if (value != null && !value.toString().isBlank() && !value.equals(omitWhen)) {
			builder.queryParam(name, value);
		}
		return this;
	}

	public QueryString add(String name, @Nullable Object value) {
		return add(name, value, null);
	}

	/** Adds {@code name=true} when the check box is ticked; nothing otherwise. */
	public QueryString flag(String name, @Nullable Boolean ticked) {
		return add(name, Boolean.TRUE.equals(ticked) ? Boolean.TRUE : null);
	}

	/** Adds the size and the 1-based page (page 1 is left out), when {@code paged}. */
	public QueryString paging(boolean paged, @Nullable Integer size, int page) {
		return paged ? add("size", size).add("page", page, 1) : this;
	}

	/** The encoded query string, without {@code ?}; empty when there is no parameter. */
	@Override
	public String toString() {
		String query = builder.encode().build().getQuery();
		return query == null ? "" : query;
	}
}
