package org.duban.oversight;

import java.util.List;
import java.util.Map;

/**
 * 督办看板 of one plan and year: a row per task of the plan, a light per unit of the task's round, and
 * per unit its record of the year. Dates are days in the plans' zone.
 */
public record Board(
    String planId,
    String planTitle,
    String office,
    int year,
    List<Integer> years,
    List<Row> tasks,
    List<UnitColumn> units,
    Totals totals) {

  /**
   * One task of the plan and its round of the year (no round: roundId null, no cells); a task
   * reporting half-yearly or quarterly has a row per period.
   *
   * @param period the period's round, e.g. 2025年上半年; null for a task reporting once a year
   * @param cells unit group id → its light
   */
  public record Row(
      String taskNumber,
      String taskTitle,
      String period,
      String roundId,
      String roundState,
      Map<String, Cell> cells) {}

  /**
   * @param taskId the unit's open report task, for Tasklist; null once reported
   * @param daysOverdue days past the due date of an open task, else null
   */
  public record Cell(
      String light,
      String colour,
      String label,
      String roundId,
      String taskId,
      String due,
      String reportedAt,
      Long daysOverdue) {}

  /**
   * A unit's year: reports on time and late, open tasks overdue, issued notices.
   *
   * @param onTimeRate on-time reports in percent of everything that fell due, null if nothing did
   */
  public record UnitColumn(
      String unit,
      String unitName,
      int onTime,
      int late,
      int overdue,
      Integer onTimeRate,
      int notices) {}

  /**
   * @param lights light name → cells showing it
   */
  public record Totals(int rounds, int running, int cells, Map<String, Integer> lights) {}
}
