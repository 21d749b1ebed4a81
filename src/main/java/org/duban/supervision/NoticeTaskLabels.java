package org.duban.supervision;

import static org.duban.names.NoticeVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.duban.delivery.RoundMessages;
import org.duban.names.NoticeElements;
import org.springframework.stereotype.Component;

/**
 * Names a notice's task after the unit and round it concerns: for the office, a proposal waiting
 * for its decision; for the unit, an issued notice to read and sign for, which is also sent to it
 * (and a sanction's or commendation's copy to the office) as the task is created.
 */
@Component("noticeTaskLabels")
public class NoticeTaskLabels implements TaskListener {

  private final RoundMessages messages;

  public NoticeTaskLabels(RoundMessages messages) {
    this.messages = messages;
  }

  @Override
  public void notify(DelegateTask task) {
    String what =
        task.getVariable(TYPE_LABEL)
            + ":"
            + task.getVariable(UNIT_NAME)
            + " · "
            + task.getVariable(ROUND_TITLE);
    String handler = (String) task.getVariable(HANDLER_NAME);
    if (NoticeElements.ACKNOWLEDGE.equals(task.getTaskDefinitionKey())) {
      task.setName("请签收 " + what);
      task.setDescription(
          "督办单位发出" + task.getVariable(TYPE_LABEL) + ":" + task.getVariable(REASON) + "。请阅知并签收。");
      // an issued notice (overdue, criticism, interview, commendation) is sent as it reaches the
      // unit
      messages.noticeIssued(task);
      return;
    }
    task.setName(
        task.getVariable(TYPE_LABEL)
            + "(待签发):"
            + task.getVariable(UNIT_NAME)
            + " · "
            + task.getVariable(ROUND_TITLE));
    task.setDescription(
        task.getVariable(REASON)
            + "。经办人员:"
            + (handler == null ? "未认领" : handler)
            + "。请签发,或说明理由后撤回。");
  }
}
