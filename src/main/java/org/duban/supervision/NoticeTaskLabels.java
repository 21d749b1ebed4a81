package org.duban.supervision;

import static org.duban.supervision.NoticeVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Names a supervisor's notice task after the unit and round it concerns. */
@Component("noticeTaskLabels")
public class NoticeTaskLabels implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    task.setName(task.getVariable(TYPE_LABEL) + ":" + task.getVariable(UNIT_NAME) + " · " + task.getVariable(ROUND_TITLE));
    String handler = (String) task.getVariable(HANDLER_NAME);
    task.setDescription(task.getVariable(REASON) + "。经办人员:" + (handler == null ? "未认领" : handler));
  }
}
