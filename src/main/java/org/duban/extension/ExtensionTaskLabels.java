package org.duban.extension;

import static org.duban.names.ExtensionVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Names the office's decision task after the unit and round, and says what is asked and why. */
@Component("extensionTaskLabels")
public class ExtensionTaskLabels implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    task.setName(
        "延期申请(待审批):" + task.getVariable(UNIT_NAME) + " · " + task.getVariable(ROUND_TITLE));
    task.setDescription(
        "申请将报送截止日期由 "
            + task.getVariable(CURRENT_DUE)
            + " 延至 "
            + task.getVariable(PROPOSED_DUE)
            + "(第 "
            + task.getVariable(REQUEST_NUMBER)
            + " 次申请,最多 "
            + task.getVariable(REQUESTS_ALLOWED)
            + " 次)。延期理由:"
            + task.getVariable(REQUEST_REASON)
            + "。申请人:"
            + task.getVariable(REQUESTED_BY_NAME)
            + "。请批准(可另定日期)或说明理由后不予延期。");
  }
}
