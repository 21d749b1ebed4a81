package org.duban.catalog;

import java.time.MonthDay;
import java.time.Period;
import java.util.Map;

/**
 * The yearly calendar of a plan's rounds. The plans name no report day, so the defaults come from
 * DOMAIN.md: rounds open on 1 January, the lead reports by 15 December, co-units 10 days earlier;
 * the coordinating office evaluates the year from 20 December.
 *
 * @param midTermEvery years between mid-term evaluations, where the plan asks for them (Anshan: 3)
 * @param minimumLeadTime the least time a lead unit has from a round's start to its deadline
 *     (co-units the co-unit lead time less): a round started late, after or close to the calendar's
 *     report day, is due this long after its start instead
 * @param reviewTime how long the coordinating office has to review the lead's report (督办审核)
 * @param decisionTime how long the office has to issue or withdraw a proposed criticism or
 *     interview
 * @param reporting how often units report (yearly where the plan says nothing): one round per
 *     period; {@code reportDue} stays the full-year report's day
 * @param periodDue the due day of the reports before the full-year one (H1: 06-30), where it is not
 *     the period's last day
 */
public record RoundCalendar(
    MonthDay roundStarts,
    MonthDay reportDue,
    Period coUnitLeadTime,
    Period reworkTime,
    MonthDay evaluationStarts,
    Integer midTermEvery,
    Period minimumLeadTime,
    Period reviewTime,
    Period decisionTime,
    Reporting reporting,
    Map<ReportPeriod, MonthDay> periodDue) {

  public RoundCalendar {
    // yearly unless the plan says otherwise: the catalog then need not name it
    reporting = reporting == null ? Reporting.YEARLY : reporting;
    periodDue = periodDue == null ? Map.of() : Map.copyOf(periodDue);
  }

  /** The due day of a period's report in a year's calendar (the lead's). */
  public MonthDay dueOf(ReportPeriod period) {
    return period == ReportPeriod.YEAR
        ? reportDue
        : periodDue.getOrDefault(period, period.defaultDue());
  }

  public static final RoundCalendar DEFAULT =
      new RoundCalendar(
          MonthDay.of(1, 1),
          MonthDay.of(12, 15),
          Period.ofDays(10),
          Period.ofDays(10),
          MonthDay.of(12, 20),
          null,
          Period.ofDays(30),
          Period.ofDays(10),
          Period.ofDays(5),
          Reporting.YEARLY,
          Map.of());
}
