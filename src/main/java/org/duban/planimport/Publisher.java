package org.duban.planimport;

import java.util.Set;

/**
 * Who publishes a plan: the user, the coordinating offices they belong to, and whether they are an
 * administrator. Only offices and administrators publish at all.
 */
public record Publisher(String userId, Set<String> offices, boolean admin) {

  public Publisher {
    offices = Set.copyOf(offices);
  }

  public boolean maySupervise() {
    return admin || !offices.isEmpty();
  }
}
