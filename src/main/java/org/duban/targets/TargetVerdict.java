package org.duban.targets;

import java.math.BigDecimal;
import org.duban.catalog.Target;

/**
 * The one rule of "value against target": a reported value meets a target for the same year when it
 * is at least the target's value (at most, for a ceiling); without a value the plan states for that
 * year, or without a report, there is nothing to judge.
 */
public enum TargetVerdict {
  MET("达标"),
  MISSED("未达标"),
  NO_TARGET("无目标值");

  public final String label;

  TargetVerdict(String label) {
    this.label = label;
  }

  /**
   * @param target the target the round declared for the indicator (its own year, or a later one)
   * @param year the year the value was reported for
   * @param reported the value reported, or null (no report yet)
   */
  public static TargetVerdict of(Target target, int year, BigDecimal reported) {
    if (target == null || reported == null || !statesYear(target, year)) {
      return NO_TARGET;
    }
    int c = reported.compareTo(target.value());
    boolean met = target.atMost() ? c <= 0 : c >= 0;
    return met ? MET : MISSED;
  }

  /** 差距: the reported value minus the year's target value; null where there is no verdict. */
  public static BigDecimal gap(Target target, int year, BigDecimal reported) {
    if (target == null || reported == null || !statesYear(target, year)) {
      return null;
    }
    return reported.subtract(target.value()).stripTrailingZeros();
  }

  private static boolean statesYear(Target target, int year) {
    return target.value() != null && target.year() != null && target.year() == year;
  }
}
