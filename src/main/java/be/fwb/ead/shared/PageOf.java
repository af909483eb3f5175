package be.fwb.ead.shared;

import java.util.List;

/**
 * One page of a list: {@code page} is 0-based, {@code total} counts every matching item.
 */
public record PageOf<T>(List<T> items, long total, int page, int size) {
}
