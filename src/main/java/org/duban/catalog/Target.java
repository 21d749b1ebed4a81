package org.duban.catalog;

import java.math.BigDecimal;
import java.util.List;

/**
 * A quantified target, e.g. "到2025年 有效注册商标量 15000件": one indicator's value for one year (a plan
 * that states several years has one entry per year).
 *
 * @param direction at least (the default, left out of the catalog) or at most (a ceiling)
 * @param tasks the numbers of the tasks that answer for the target: the reviewed mapping, in the
 *     plan's targets only (a round of one of these tasks asks its lead for the year's value)
 */
public record Target(
    String indicator,
    Integer year,
    BigDecimal value,
    String unit,
    TargetDirection direction,
    List<String> tasks) {

  public Target {
    direction = direction == null ? TargetDirection.AT_LEAST : direction;
    tasks = tasks == null ? List.of() : List.copyOf(tasks);
  }

  public Target(String indicator, Integer year, BigDecimal value, String unit) {
    this(indicator, year, value, unit, null, List.of());
  }

  public Target withTasks(List<String> numbers) {
    return new Target(indicator, year, value, unit, direction, numbers);
  }

  public Target withDirection(TargetDirection d) {
    return new Target(indicator, year, value, unit, d, tasks);
  }

  /** Whether the plan names this target a ceiling. */
  public boolean atMost() {
    return direction == TargetDirection.AT_MOST;
  }
}
