package org.duban.modeling;

import java.util.function.Supplier;
import org.duban.catalog.PlanCatalog;

/**
 * What must happen around a plan's deployment because it replaces the previous versions' timer
 * starts: a timer due while the server was down would otherwise never fire (the round package opens
 * its round). Kept an interface here so that deployment needs nothing of the rounds.
 */
public interface ReplacedTimers {

  /** Runs {@code deployment} and then deals with the timers it replaced. */
  <T> T around(PlanCatalog plan, Supplier<T> deployment);
}
