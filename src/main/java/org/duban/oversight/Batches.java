package org.duban.oversight;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/** Runs an {@code ...In(ids)} query in slices: databases cap the values of one IN list. */
final class Batches {

  static final int SIZE = 1000;

  private Batches() {}

  static <T> List<T> in(Collection<String> ids, Function<String[], List<T>> query) {
    List<String> all = List.copyOf(ids);
    List<T> found = new ArrayList<>();
    for (int from = 0; from < all.size(); from += SIZE) {
      found.addAll(
          query.apply(all.subList(from, Math.min(all.size(), from + SIZE)).toArray(String[]::new)));
    }
    return found;
  }
}
