package be.fwb.ead.ui;

import java.util.function.Function;

import be.fwb.ead.shared.PageOf;
import be.fwb.ead.shared.Paging;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/** Paging as the web UI's pages do it: page numbers from 1 in their addresses, and a page past the end showing the last. */
public final class Pages {

	private Pages() {
	}

	/**
	 * Paging as the web UI's addresses give it: {@code page} from 1 (missing or below 1 is the first page), and
	 * {@code size} from 1 to {@value Paging#MAX_SIZE}.
	 */
	public static Paging paging(@Nullable Integer page, @Nullable Integer size, int defaultSize) {
		return Paging.of(page == null || page < 1 ? 0 : page - 1, size == null ? defaultSize : size);
	}

	/**
	 * The page asked for, or the last one when it lies beyond the end: an address kept from a longer list (or typed)
	 * shows the list's end, never « Résultats 49 901 à 49 900 sur 522 ». The API answers the empty page it was asked for.
	 */
	public static <T> Mono<PageOf<T>> clamped(Paging paging, Function<Paging, Mono<PageOf<T>>> fetch) {
		return fetch.apply(paging).flatMap(p -> p.items().isEmpty() && p.total() > 0 && p.page() > 0
				? fetch.apply(new Paging((int) ((p.total() - 1) / p.size()), p.size())) : Mono.just(p));
	}
}
