package be.fwb.ead.ui;

/** The query string of a list, for its pagination links ({@code pager.html}) and its export links. */
public interface ListQuery {

	/** The query string of the same list, with its page (1-based) when {@code paged}. */
	String query(boolean paged, int page);

	/** The query string of the same list at another page. */
	default String link(int page) {
		return query(true, page);
	}

	/** The same filters and order without paging, for the export links. */
	default String filters() {
		return query(false, 1);
	}

	/**
	 * Whether the list is narrowed (or ordered) by what the user chose: an empty list then says « for these criteria »,
	 * else that there is nothing yet.
	 */
	default boolean filtered() {
		return !filters().isEmpty();
	}
}
