package org.duban.round;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.duban.catalog.PlanCatalog;
import org.duban.catalog.PlanCatalogs;
import org.duban.names.ModelProperties;
import org.duban.names.ProcessKeys;
import org.duban.schedule.RoundRules;
import org.springframework.stereotype.Component;

/**
 * Finds the catalog task behind a running round, by the plan and task its process model names, and
 * the deadline rules the round runs by.
 */
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
    Map<String, String> model = ModelProperties.of(execution);
    String planId = model.get(ModelProperties.PLAN_ID);
    String number = model.get(ModelProperties.TASK_NUMBER);
    if (planId == null || number == null) {
      return byProcessKey(processKey(execution));
    }
    PlanCatalog plan = catalogs.require(planId);
    return plan.task(number)
        .map(t -> new RoundTask(plan, t))
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "task " + number + " is no longer in the catalog of plan " + planId));
  }

  /** The rules in the round's own model; the catalog's where an older version kept none. */
  public RoundRules rules(DelegateExecution execution) {
    return RoundRules.of(execution, of(execution).plan().calendar());
  }

  /** A round opened by a version that names no plan and task in its model: found by its key. */
  private RoundTask byProcessKey(String key) {
    for (PlanCatalog plan : catalogs.all()) {
      for (var task : plan.tasks()) {
        if (ProcessKeys.round(plan.id(), task.number()).equals(key)) {
          return new RoundTask(plan, task);
        }
      }
    }
    throw new IllegalStateException("process " + key + " is not in any plan catalog");
  }
}
