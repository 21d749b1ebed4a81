package org.duban.catalog;

import java.time.MonthDay;
import java.time.Period;

/**
 * The yearly calendar of a plan's rounds. The plans name no report day, so the defaults come from
 * DOMAIN.md: rounds open on 1 January, the lead reports by 15 December, co-units 10 days earlier.
 */
public record RoundCalendar(MonthDay roundStarts, MonthDay reportDue, Period coUnitLeadTime, Period reworkTime) {

  public static final RoundCalendar DEFAULT =
      new RoundCalendar(MonthDay.of(1, 1), MonthDay.of(12, 15), Period.ofDays(10), Period.ofDays(10));
}
