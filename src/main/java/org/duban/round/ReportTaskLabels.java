package org.duban.round;

import static org.duban.names.RoundVariables.*;

import java.time.format.DateTimeFormatter;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.duban.delivery.RoundMessages;
import org.duban.names.RoundElements;
import org.duban.schedule.Deadlines;
import org.springframework.stereotype.Component;

/**
 * Names a unit's report task for its inbox: the unit, the task and the year, so a Tasklist row says
 * whose work it is without opening it. The diagram keeps the plain element name. The unit is sent
 * its new task (the lead: its task back for rework, with the reason).
 */
@Component("reportTaskLabels")
public class ReportTaskLabels implements TaskListener {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

  private final Deadlines deadlines;
  private final RoundMessages messages;

  public ReportTaskLabels(Deadlines deadlines, RoundMessages messages) {
    this.deadlines = deadlines;
    this.messages = messages;
  }

  @Override
  public void notify(DelegateTask task) {
    String unitName = (String) task.getVariable(UNIT_NAME);
    String taskNumber = (String) task.getVariable(TASK_NUMBER);
    String taskTitle = (String) task.getVariable(TASK_TITLE);
    int year = ((Number) task.getVariable(YEAR)).intValue();
    String period = org.duban.catalog.ReportPeriod.ofRound(task.getVariable(PERIOD)).title(year);
    task.setName(unitName + ":" + period + " " + taskNumber + " " + taskTitle);
    String due = deadlines.day((Date) task.getVariable(UNIT_DUE)).format(DAY);
    String returnReason = (String) task.getVariable(RETURN_REASON);
    String description = task.getVariable(ROUND_TITLE) + "。请于 " + due + " 前报送工作进展和佐证材料。";
    if (returnReason != null && RoundElements.LEAD.equals(task.getVariable(STAGE))) {
      description += " 督办审核退回意见:" + returnReason;
    }
    task.setDescription(description);
    // the unit is told in this same transaction: a task that is rolled back was never announced
    messages.reportTaskCreated(task);
  }
}
