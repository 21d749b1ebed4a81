package org.duban.audit;

import java.util.Set;
import org.duban.names.ProcessKeys;

/**
 * What an auditor searches rounds by. Every part is optional; the caller's authorizations narrow
 * the result further. Plan, task and year are the parts of the round's business key
 * (plan/task/year); unit is a unit of the round (lead or co-unit).
 *
 * @param state "running" or "finished"
 * @param keyPrefix the older way to search: a prefix of the business key
 */
public record RoundFilter(
    String plan,
    String task,
    Integer year,
    String unit,
    String outcome,
    String state,
    String keyPrefix) {

  static final String RUNNING = "running";
  static final String FINISHED = "finished";
  private static final Set<String> OUTCOMES = Set.of(AuditLabels.COMPLETED, AuditLabels.CLOSED_OUT);

  public RoundFilter {
    plan = blankToNull(plan);
    task = blankToNull(task);
    unit = blankToNull(unit);
    outcome = blankToNull(outcome);
    state = blankToNull(state);
    keyPrefix = blankToNull(keyPrefix);
    if (outcome != null && !OUTCOMES.contains(outcome)) {
      throw new IllegalArgumentException("办理结果只能是 COMPLETED(办结)或 CLOSED_OUT(销号)");
    }
    if (state != null && !state.equals(RUNNING) && !state.equals(FINISHED)) {
      throw new IllegalArgumentException("状态只能是 running(进行中)或 finished(已结束)");
    }
  }

  /**
   * The business key pattern for the database (SQL LIKE); '_' matches any one character there, so
   * {@link #matchesKey} decides exactly.
   */
  String keyPattern() {
    if (keyPrefix != null) {
      return escape(keyPrefix) + "%";
    }
    return (plan == null ? "%" : escape(plan))
        + "/"
        + (task == null ? "%" : escape(task))
        + "/"
        + (year == null ? "%" : year + "%");
  }

  boolean matchesKey(String businessKey) {
    if (businessKey == null) {
      return false;
    }
    if (keyPrefix != null && !businessKey.startsWith(keyPrefix)) {
      return false;
    }
    String[] parts = businessKey.split("/");
    if (parts.length != 3) {
      return false;
    }
    return (plan == null || plan.equals(parts[0]))
        && (task == null || task.equals(parts[1]))
        && (year == null || year.equals(ProcessKeys.yearOf(businessKey)));
  }

  /** A LIKE pattern's own wildcard is taken literally by no one here: it is dropped. */
  private static String escape(String value) {
    return value.replace("%", "");
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
