package org.duban.round;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.duban.catalog.PlanCatalog;
import org.duban.catalog.PlanCatalogs;
import org.duban.names.ModelProperties;
import org.springframework.stereotype.Component;

/** Finds the catalog task behind a running round, by the plan and task its process model names. */
@Component
public class RoundTasks {

  private final PlanCatalogs catalogs;

  public RoundTasks(PlanCatalogs catalogs) {
    this.catalogs = catalogs;
  }

  public static String processKey(DelegateExecution execution) {
    return ((ExecutionEntity) execution).getProcessDefinition().getKey();
  }

  public RoundTask of(DelegateExecution execution) {
    String planId = ModelProperties.require(execution, ModelProperties.PLAN_ID);
    String number = ModelProperties.require(execution, ModelProperties.TASK_NUMBER);
    PlanCatalog plan = catalogs.require(planId);
    return plan.task(number)
        .map(t -> new RoundTask(plan, t))
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "task " + number + " is no longer in the catalog of plan " + planId));
  }
}
