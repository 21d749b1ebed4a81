package org.duban.modeling;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.duban.catalog.PlanPeriod;
import org.duban.catalog.ReportPeriod;
import org.duban.schedule.RoundRules;

/**
 * A timer that fires on set days of the years of a plan's period: once a year, every n years, or
 * every reporting period (half-year, quarter). The engine refuses to deploy a timer start event
 * with no next date, so once the last occurrence has passed the process carries no timer: {@link
 * #hasOccurrenceAhead()} says which.
 */
record YearlyTimer(LocalDate first, int occurrences, int monthsApart, ZoneId zone) {

  static YearlyTimer yearly(PlanPeriod period, MonthDay day, ZoneId zone) {
    return new YearlyTimer(day.atYear(period.from()), period.years(), 12, zone);
  }

  /** Every n years, the first at the end of the first n-year span (a mid-term evaluation). */
  static YearlyTimer every(int years, PlanPeriod period, MonthDay day, ZoneId zone) {
    int firstYear = period.from() + years - 1;
    return new YearlyTimer(
        day.atYear(firstYear), (period.to() - firstYear) / years + 1, 12 * years, zone);
  }

  /** Each reporting period's opening day, every year of the plan. */
  static YearlyTimer periods(PlanPeriod period, RoundRules rules, ZoneId zone) {
    ReportPeriod first = rules.periods().get(0);
    return new YearlyTimer(
        rules.opening(first, period.from()),
        period.years() * rules.periods().size(),
        rules.reporting().monthsApart,
        zone);
  }

  /**
   * R(repetitions)/first/P(n)Y or P(n)M: the first occurrence plus one repetition per further
   * occurrence.
   */
  String cycle() {
    if (monthsApart % 12 == 0) {
      return "R" + (occurrences - 1) + "/" + iso(first) + "/P" + monthsApart / 12 + "Y";
    }
    // The engine adds the months on a calendar in the JVM's zone. Midnight in the plan's zone is
    // the evening before in UTC, on the 31st, where a month later is clamped to the 30th and the
    // series drifts a day each step. Noon stays on its day in any JVM zone less than 12 hours
    // away from the plans' (PlanDeployment warns of any other).
    String noon = first.atTime(12, 0).atZone(zone).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    return "R" + (occurrences - 1) + "/" + noon + "/P" + monthsApart + "M";
  }

  boolean hasOccurrenceAhead() {
    LocalDate last = first.plusMonths((long) (occurrences - 1) * monthsApart);
    return ModelClock.isAhead(
        last.atTime(monthsApart % 12 == 0 ? 0 : 12, 0).atZone(zone).toInstant());
  }

  static boolean isAhead(LocalDate day, ZoneId zone) {
    return ModelClock.isAhead(day.atStartOfDay(zone).toInstant());
  }

  static String iso(LocalDate day, ZoneId zone) {
    return day.atStartOfDay(zone).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  private String iso(LocalDate day) {
    return iso(day, zone);
  }
}
