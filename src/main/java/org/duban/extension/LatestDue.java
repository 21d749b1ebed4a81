package org.duban.extension;

import java.time.LocalDate;
import org.duban.catalog.PlanCatalog;

/**
 * The latest day a unit task may be extended to: the end of the plan's period. A round started late
 * (a past year opened after the period, as the demo's) is already due beyond it: such a task may
 * move at most the catalog's minimum lead time past its current due date.
 */
final class LatestDue {

  private LatestDue() {}

  static LocalDate of(PlanCatalog plan, LocalDate currentDue) {
    LocalDate periodEnd = LocalDate.of(plan.plan().period().to(), 12, 31);
    return currentDue.isBefore(periodEnd)
        ? periodEnd
        : currentDue.plus(plan.calendar().minimumLeadTime());
  }

  static String explain(PlanCatalog plan, LocalDate currentDue) {
    LocalDate latest = of(plan, currentDue);
    return LocalDate.of(plan.plan().period().to(), 12, 31).equals(latest)
        ? "超出规划期(" + plan.plan().period() + "),最晚为 " + latest
        : "超出本轮可延期限(规划期已过,最多顺延 "
            + plan.calendar().minimumLeadTime().getDays()
            + " 天),最晚为 "
            + latest;
  }
}
