package org.duban.modeling;

import java.time.LocalDateTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.duban.catalog.PlanPeriod;

/**
 * A timer that fires on one day of the year, every n years, for the years of a plan's period. The
 * engine refuses to deploy a timer start event with no next date, so once the last occurrence has
 * passed the process carries no timer: {@link #hasOccurrenceAhead()} says which.
 */
record YearlyTimer(PlanPeriod period, MonthDay day, int everyYears, int firstYear, ZoneId zone) {

  static YearlyTimer yearly(PlanPeriod period, MonthDay day, ZoneId zone) {
    return new YearlyTimer(period, day, 1, period.from(), zone);
  }

  /** Every n years, the first at the end of the first n-year span (a mid-term evaluation). */
  static YearlyTimer every(int years, PlanPeriod period, MonthDay day, ZoneId zone) {
    return new YearlyTimer(period, day, years, period.from() + years - 1, zone);
  }

  private int lastYear() {
    return firstYear + (period.to() - firstYear) / everyYears * everyYears;
  }

  /**
   * R(repetitions)/first/P(n)Y: the first occurrence plus one repetition per further occurrence.
   */
  String cycle() {
    String first = at(firstYear).atZone(zone).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    return "R" + (lastYear() - firstYear) / everyYears + "/" + first + "/P" + everyYears + "Y";
  }

  boolean hasOccurrenceAhead() {
    return ClockUtil.getCurrentTime().toInstant().isBefore(at(lastYear()).atZone(zone).toInstant());
  }

  private LocalDateTime at(int year) {
    return day.atYear(year).atStartOfDay();
  }
}
