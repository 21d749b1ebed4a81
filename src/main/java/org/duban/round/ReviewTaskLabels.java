package org.duban.round;

import static org.duban.names.RoundVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Names the review task after the round it reviews, and clears the previous decision. */
@Component("reviewTaskLabels")
public class ReviewTaskLabels implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    task.setName(
        "督办审核:"
            + org.duban.catalog.ReportPeriod.ofRound(task.getVariable(PERIOD))
                .title(((Number) task.getVariable(YEAR)).intValue())
            + " "
            + task.getVariable(TASK_NUMBER)
            + " "
            + task.getVariable(TASK_TITLE));
    task.setDescription(
        "审核牵头单位("
            + task.getVariable(LEAD_UNIT_NAME)
            + ")报送的汇总材料:办结、退回"
            + (Boolean.TRUE.equals(task.getVariable(FINAL_YEAR)) ? "或销号" : "")
            + "。");
    // a decision from an earlier pass of the loop must not decide this one
    task.setVariable(REVIEW_DECISION, null);
  }
}
