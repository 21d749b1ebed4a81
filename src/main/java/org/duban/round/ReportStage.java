package org.duban.round;

import static org.duban.names.RoundVariables.*;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.duban.names.RoundElements;
import org.duban.schedule.Deadlines;
import org.springframework.stereotype.Component;

/**
 * Opens one unit's report stage (each co-unit's, or the lead's): its unit, role and due date, local
 * to the stage. The unit's submission is filed in this scope too ({@link #scopeOf}), never in a
 * variable shared with the other units: parallel co-units cannot overwrite or read each other.
 */
@Component("reportStage")
public class ReportStage implements ExecutionListener {

  private final RoundTasks tasks;
  private final Deadlines deadlines;

  public ReportStage(RoundTasks tasks, Deadlines deadlines) {
    this.tasks = tasks;
    this.deadlines = deadlines;
  }

  @Override
  public void notify(DelegateExecution execution) {
    RoundTask round = tasks.of(execution);
    boolean lead = RoundElements.LEAD_STAGE.equals(execution.getCurrentActivityId());
    // a co-unit's group is the multi-instance element variable, held by the instance execution
    // right above the stage: it is read from there, not copied a second time into the stage
    String unit = (String) execution.getVariable(lead ? LEAD_UNIT : UNIT);
    if (lead) {
      execution.setVariableLocal(UNIT, unit);
    }
    Date due;
    if (lead) {
      int returns = ((Number) execution.getVariable(RETURN_COUNT)).intValue();
      due =
          returns > 0
              ? deadlines.reworkDue(tasks.rules(execution))
              : deadlines.leadDueOnOpening(
                  tasks.rules(execution), (Date) execution.getVariable(REPORT_DUE));
    } else {
      due = (Date) execution.getVariable(CO_UNIT_DUE);
    }
    execution.setVariableLocal(STAGE, lead ? RoundElements.LEAD : RoundElements.CO_UNIT);
    execution.setVariableLocal(UNIT_NAME, RoundUnits.nameOf(round.plan(), unit));
    execution.setVariableLocal(UNIT_DUE, due);
  }

  /**
   * The stage scope of an execution inside it: the nearest one holding the stage's own variables. A
   * submission is filed there, where only this unit's task and the engine can read it.
   */
  public static DelegateExecution scopeOf(DelegateExecution execution) {
    for (ExecutionEntity e = (ExecutionEntity) execution; e != null; e = e.getParent()) {
      if (e.hasVariableLocal(STAGE)) {
        return e;
      }
    }
    throw new IllegalStateException(
        "execution " + execution.getId() + " is not inside a report stage");
  }
}
