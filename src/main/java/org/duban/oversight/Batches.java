package org.duban.oversight;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * Runs an {@code ...In(ids)} query in slices: a database caps the parameters of one statement
 * (PostgreSQL at 32767). Slices are large, so that 10,000 open tasks still take one query each.
 */
final class Batches {

  static final int SIZE = 10_000;

  private Batches() {}

  /** The ids in slices of at most {@link #SIZE}. */
  static List<List<String>> slices(Collection<String> ids) {
    List<String> all = List.copyOf(ids);
    List<List<String>> slices = new ArrayList<>();
    for (int from = 0; from < all.size(); from += SIZE) {
      slices.add(all.subList(from, Math.min(all.size(), from + SIZE)));
    }
    return slices;
  }

  static <T> List<T> in(Collection<String> ids, Function<String[], List<T>> query) {
    List<T> found = new ArrayList<>();
    for (List<String> slice : slices(ids)) {
      found.addAll(query.apply(slice.toArray(String[]::new)));
    }
    return found;
  }
}
