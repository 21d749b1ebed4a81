package org.duban.evaluation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.duban.catalog.PlanCatalog;
import org.duban.catalog.PlanCatalogs;
import org.duban.names.EvaluationKind;
import org.duban.names.ModelProperties;
import org.springframework.stereotype.Component;

/** Which evaluations each plan runs, and which plan and kind a running evaluation belongs to. */
@Component
public class EvaluationPlans {

  private final PlanCatalogs catalogs;

  public EvaluationPlans(PlanCatalogs catalogs) {
    this.catalogs = catalogs;
  }

  /** The plan of a running evaluation, as its process model names it. */
  public PlanCatalog planOf(DelegateExecution execution) {
    return catalogs.require(ModelProperties.require(execution, ModelProperties.PLAN_ID));
  }

  public EvaluationKind kindOf(DelegateExecution execution) {
    return EvaluationKind.valueOf(
        ModelProperties.require(execution, ModelProperties.EVALUATION_KIND));
  }
}
