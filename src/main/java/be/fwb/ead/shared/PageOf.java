package be.fwb.ead.shared;

import java.util.List;
import java.util.function.Function;

import reactor.core.publisher.Mono;

/**
 * One page of a list: {@code page} is 0-based, {@code total} counts every matching item.
 */
public record PageOf<T>(List<T> items, long total, int page, int size) {

	/**
	 * The page asked for, or the last one when it lies beyond the end: an address kept from a longer list (or typed)
	 * shows the list's end, never « Résultats 49 901 à 49 900 sur 522 ». For the pages of the web UI; the API answers
	 * the empty page it was asked for.
	 */
	public static <T> Mono<PageOf<T>> clamped(Paging paging, Function<Paging, Mono<PageOf<T>>> fetch) {
		return fetch.apply(paging).flatMap(p -> p.items().isEmpty() && p.total() > 0 && p.page() > 0
				? fetch.apply(new Paging((int) ((p.total() - 1) / p.size()), p.size())) : Mono.just(p));
	}
}
