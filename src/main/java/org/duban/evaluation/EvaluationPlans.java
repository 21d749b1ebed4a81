package org.duban.evaluation;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.duban.catalog.PlanCatalog;
import org.duban.catalog.PlanCatalogs;
import org.duban.round.RoundTasks;
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

  public PlanCatalog planOf(DelegateExecution execution) {
    String key = RoundTasks.processKey(execution);
    return catalogs.require(key.substring(0, key.lastIndexOf('_')));
  }

  public EvaluationKind kindOf(DelegateExecution execution) {
    String key = RoundTasks.processKey(execution);
    String suffix = key.substring(key.lastIndexOf('_') + 1);
    for (EvaluationKind kind : EvaluationKind.values()) {
      if (kind.keySuffix.equals(suffix)) {
        return kind;
      }
    }
    throw new IllegalStateException("not an evaluation process: " + key);
  }
}
