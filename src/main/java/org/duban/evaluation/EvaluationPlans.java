package org.duban.evaluation;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.duban.catalog.PlanCatalog;
import org.duban.catalog.PlanCatalogs;
import org.duban.modeling.ModelProperties;
import org.springframework.stereotype.Component;

/** Which evaluations each plan runs, and which plan and kind a running evaluation belongs to. */
@Component
public class EvaluationPlans {

  private final PlanCatalogs catalogs;

  public EvaluationPlans(PlanCatalogs catalogs) {
    this.catalogs = catalogs;
  }

  public static List<EvaluationKind> kindsOf(PlanCatalog plan) {
    List<EvaluationKind> kinds = new ArrayList<>(List.of(EvaluationKind.ANNUAL));
    if (plan.calendar().midTermEvery() != null) {
      kinds.add(EvaluationKind.MID_TERM);
    }
    return kinds;
  }

  /** The plan of a running evaluation, as its process model names it. */
  public PlanCatalog planOf(DelegateExecution execution) {
    return catalogs.require(ModelProperties.require(execution, ModelProperties.PLAN_ID));
  }

  public EvaluationKind kindOf(DelegateExecution execution) {
    return EvaluationKind.valueOf(ModelProperties.require(execution, ModelProperties.EVALUATION_KIND));
  }
}
