package org.duban.names;

import org.duban.catalog.PlanProcesses;

/**
 * A plan-level evaluation: yearly for every plan, every few years where the plan asks for it
 * (Anshan).
 */
public enum EvaluationKind {
  ANNUAL(PlanProcesses.ANNUAL_EVALUATION, "年度评估", 1),
  MID_TERM(PlanProcesses.MID_TERM_EVALUATION, "期中评估", 3);

  public final String keySuffix;
  public final String label;

  /** How many years, ending with the evaluated year, the evaluation covers. */
  public final int years;

  EvaluationKind(String keySuffix, String label, int years) {
    this.keySuffix = keySuffix;
    this.label = label;
    this.years = years;
  }

  /**
   * Which evaluations a plan runs: the annual one, and a mid-term one where the plan asks for it.
   */
  public static java.util.List<EvaluationKind> of(org.duban.catalog.PlanCatalog plan) {
    return plan.calendar().midTermEvery() == null
        ? java.util.List.of(ANNUAL)
        : java.util.List.of(ANNUAL, MID_TERM);
  }

  public String processKey(String planId) {
    return planId + "_" + keySuffix;
  }

  public String businessKey(String planId, int year) {
    return planId + "/" + label + "/" + year;
  }
}
