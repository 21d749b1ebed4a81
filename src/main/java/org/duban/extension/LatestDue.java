package org.duban.extension;

import java.time.LocalDate;
import org.duban.catalog.PlanCatalog;

/**
 * The latest day a unit task may be extended to: the end of its round's year (a half-year's or a
 * past year's round does not run on into later years' work), never beyond the plan's period. A
 * round started late (a past year opened after it, as the demo's) is already due beyond it: such a
 * task may move at most the catalog's minimum lead time past its current due date.
 */
final class LatestDue {

  private LatestDue() {}

  /** {@code roundYear} null: a request filed before the year was kept, bounded by the plan. */
  static LocalDate of(PlanCatalog plan, Integer roundYear, LocalDate currentDue) {
    LocalDate end = end(plan, roundYear);
    return currentDue.isBefore(end) ? end : currentDue.plus(plan.calendar().minimumLeadTime());
  }

  static String explain(PlanCatalog plan, Integer roundYear, LocalDate currentDue) {
    LocalDate latest = of(plan, roundYear, currentDue);
    return end(plan, roundYear).equals(latest)
        ? "超出本轮所在年度("
            + (roundYear == null ? plan.plan().period().to() : roundYear)
            + " 年),最晚为 "
            + latest
        : "超出本轮可延期限(本轮年度已过,最多顺延 "
            + plan.calendar().minimumLeadTime().getDays()
            + " 天),最晚为 "
            + latest;
  }

  private static LocalDate end(PlanCatalog plan, Integer roundYear) {
    int year =
        roundYear == null
            ? plan.plan().period().to()
            : Math.min(roundYear, plan.plan().period().to());
    return LocalDate.of(year, 12, 31);
  }
}
