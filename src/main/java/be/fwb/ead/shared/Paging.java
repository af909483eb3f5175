package be.fwb.ead.shared;

import org.jspecify.annotations.Nullable;

/**
 * Validated paging parameters: page from 0, size from 1 to {@value #MAX_SIZE} (default {@value #DEFAULT_SIZE}).
 */
public record Paging(int page, int size) {

	public static final int DEFAULT_SIZE = 20;
	public static final int MAX_SIZE = 200;

	public static Paging of(@Nullable Integer page, @Nullable Integer size) {
		int p = page == null ? 0 : page;
		int s = size == null ? DEFAULT_SIZE : size;
		if (p < 0) {
			throw new InvalidRequest("Le paramètre « page » doit être positif ou nul (reçu : " + p + ").");
		}
		if (s < 1 || s > MAX_SIZE) {
			throw new InvalidRequest("Le paramètre « size » doit être compris entre 1 et " + MAX_SIZE + " (reçu : " + s + ").");
		}
		return new Paging(p, s);
	}

	public long offset() {
		return (long) page * size;
	}
}
