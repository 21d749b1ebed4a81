package org.duban.modeling;

import java.time.Instant;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The one place where building a model reads the clock (an architecture test keeps it so): a model
 * carries a timer start only while the timer has an occurrence ahead. While models are built under
 * {@link #watch}, it remembers the earliest instant still ahead that a decision compared the clock
 * with: until then the same inputs give the same models ({@link PlanDeployment} skips building them
 * on a restart).
 */
final class ModelClock {

  private static final ThreadLocal<Instant> EARLIEST_AHEAD = new ThreadLocal<>();

  private ModelClock() {}

  /** Models built now, and the instant until which building them again gives the same models. */
  record Built<T>(T models, Instant builtAt, Instant sameUntil) {}

  static boolean isAhead(Instant instant) {
    boolean ahead = now().isBefore(instant);
    Instant earliest = EARLIEST_AHEAD.get();
    if (ahead && earliest != null && instant.isBefore(earliest)) {
      EARLIEST_AHEAD.set(instant);
    }
    return ahead;
  }

  static <T> Built<T> watch(Supplier<T> build) {
    Instant builtAt = now();
    EARLIEST_AHEAD.set(Instant.MAX);
    try {
      T models = build.get();
      return new Built<>(models, builtAt, EARLIEST_AHEAD.get());
    } finally {
      EARLIEST_AHEAD.remove();
    }
  }

  static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
