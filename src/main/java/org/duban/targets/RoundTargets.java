package org.duban.targets;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.duban.catalog.PlanCatalog;
import org.duban.catalog.ReportPeriod;
import org.duban.catalog.Target;
import org.duban.catalog.TaskEntry;

/**
 * Which targets a round of a task declares, and how its report measures up to them.
 *
 * <p>Who answers: the lead stage's unit (the lead, or whoever the round made it). A target is the
 * task's result, and the lead consolidates the task's report, so the lead's figure is the one that
 * counts; co-units may give their contribution to the same indicators, which the lead reads, but it
 * is never judged. {@code ReportSubmissionCheck} enforces it: the lead must give every declared
 * value, a co-unit may give any of them, nobody anything else.
 */
public final class RoundTargets {

  private RoundTargets() {}

  /**
   * The task's targets for the round of {@code year}: the plan's targets mapped to the task, and
   * the task's own; one per indicator, the year's own target where the plan states one, else the
   * next year it does. Indicators whose last target year has passed are no longer asked for.
   */
  public static List<Target> declared(PlanCatalog plan, TaskEntry task, int year) {
    List<Target> all = new ArrayList<>();
    plan.plan().targets().stream().filter(t -> t.tasks().contains(task.number())).forEach(all::add);
    all.addAll(task.targets());
    Map<String, Target> chosen = new LinkedHashMap<>();
    for (Target t : all) {
      if (t.year() != null && t.year() < year) {
        continue;
      }
      chosen.merge(t.indicator(), t, RoundTargets::nearer);
    }
    return List.copyOf(chosen.values());
  }

  private static Target nearer(Target a, Target b) {
    Comparator<Target> byYear =
        Comparator.comparing(Target::year, Comparator.nullsLast(Comparator.naturalOrder()));
    return byYear.compare(a, b) <= 0 ? a : b;
  }

  /**
   * Each declared target against the lead's reported values ({@code null}: no report yet).
   *
   * @param leadValues indicator → value as the lead's filed report holds it
   */
  public static List<TargetResult> results(
      List<Target> declared, int year, Map<String, ?> leadValues) {
    return results(declared, year, ReportPeriod.YEAR, leadValues);
  }

  /**
   * The same for a round of one period of the year: only the full-year report is judged, since a
   * plan's target is the value at the year's end; a half-year's or quarter's value is shown as an
   * interim figure (无目标值).
   */
  public static List<TargetResult> results(
      List<Target> declared, int year, ReportPeriod period, Map<String, ?> leadValues) {
    List<TargetResult> rows = new ArrayList<>();
    for (Target t : declared) {
      BigDecimal reported = number(leadValues == null ? null : leadValues.get(t.indicator()));
      BigDecimal judged = period == ReportPeriod.YEAR ? reported : null;
      TargetVerdict verdict = TargetVerdict.of(t, year, judged);
      rows.add(
          new TargetResult(
              t.indicator(),
              t.unit(),
              t.direction().label,
              year,
              reported,
              t.year(),
              t.value(),
              TargetVerdict.gap(t, year, judged),
              verdict.name(),
              verdict.label));
    }
    return rows;
  }

  private static BigDecimal number(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof BigDecimal b) {
      return b;
    }
    try {
      return new BigDecimal(value.toString().trim());
    } catch (NumberFormatException e) {
      return null; // a filed report holds checked numbers; anything else is no value
    }
  }
}
