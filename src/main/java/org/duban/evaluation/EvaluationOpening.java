package org.duban.evaluation;

import static org.duban.names.EvaluationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.duban.catalog.PlanCatalog;
import org.duban.names.EvaluationKind;
import org.duban.round.YearlyOpening;
import org.springframework.stereotype.Component;

/** Opens a plan's evaluation of one year by the same rules as a task's round. */
@Component("evaluationOpening")
public class EvaluationOpening implements ExecutionListener {

  private final EvaluationPlans plans;
  private final YearlyOpening opening;

  public EvaluationOpening(EvaluationPlans plans, YearlyOpening opening) {
    this.plans = plans;
    this.opening = opening;
  }

  @Override
  public void notify(DelegateExecution execution) {
    PlanCatalog plan = plans.planOf(execution);
    EvaluationKind kind = plans.kindOf(execution);
    int year =
        opening.open(
            execution,
            plan,
            "《" + plan.plan().title() + "》" + kind.label,
            y -> kind.businessKey(plan.id(), y),
            java.util.Set.of(org.duban.names.RoundVariables.YEAR));
    execution.setVariable(SUPERVISOR_GROUP, plan.plan().coordinatingOffice().id());
    execution.setVariable(TITLE, plan.plan().city() + " " + year + " " + kind.label);
  }
}
