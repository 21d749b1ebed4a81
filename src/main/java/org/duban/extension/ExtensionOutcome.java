package org.duban.extension;

import static org.duban.names.ExtensionVariables.*;

import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.duban.catalog.PlanCatalogs;
import org.duban.catalog.TaskEntry;
import org.duban.delivery.Deliveries;
import org.duban.delivery.Message;
import org.duban.delivery.MessageKind;
import org.duban.engine.SystemQueries;
import org.duban.names.ExtensionStatus;
import org.duban.names.ProcessKeys;
import org.springframework.stereotype.Component;

/**
 * Carries out the office's decision. An approval moves the unit's task to the granted day ({@link
 * DueDateShift}) if the task is still open; a unit that reported while its request waited keeps its
 * report as filed, and the request says so. Either way the unit is told, and the outcome is kept on
 * the request for history.
 */
@Component("extensionOutcome")
public class ExtensionOutcome implements JavaDelegate {

  private final TaskService tasks;
  private final DueDateShift shift;
  private final Deliveries deliveries;
  private final PlanCatalogs catalogs;

  public ExtensionOutcome(
      TaskService tasks, DueDateShift shift, Deliveries deliveries, PlanCatalogs catalogs) {
    this.tasks = tasks;
    this.shift = shift;
    this.deliveries = deliveries;
    this.catalogs = catalogs;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ExtensionStatus status = ExtensionStatus.valueOf((String) execution.getVariable(STATUS));
    String note;
    String due = (String) execution.getVariable(CURRENT_DUE);
    String taskId = (String) execution.getVariable(UNIT_TASK_ID);
    Task task = SystemQueries.run(() -> tasks.createTaskQuery().taskId(taskId).singleResult());
    if (status == ExtensionStatus.REFUSED) {
      note = "不予延期,报送截止日期仍为 " + due + "。理由:" + execution.getVariable(REFUSAL_REASON);
    } else if (task == null) {
      execution.setVariable(GRANTED_DUE, null);
      note = "已批准,但该报送任务在审批前已办结(单位已报送),报送期限未作调整";
    } else {
      String granted = (String) execution.getVariable(GRANTED_DUE);
      SystemQueries.run(
          () -> {
            shift.moveTo(task, LocalDate.parse(granted));
            return null;
          });
      due = granted;
      note = "已批准延期:报送截止日期由 " + execution.getVariable(CURRENT_DUE) + " 延至 " + granted;
    }
    execution.setVariable(OUTCOME_NOTE, note);
    tell(execution, note, due, task == null ? null : task.getId());
  }

  private void tell(DelegateExecution execution, String note, String due, String taskId) {
    String planId = (String) execution.getVariable(PLAN_ID);
    String roundKey = (String) execution.getVariable(ROUND_KEY);
    String number = taskNumberOf(roundKey);
    var plan = catalogs.require(planId);
    String unit = (String) execution.getVariable(UNIT);
    Message message =
        new Message(
            MessageKind.EXTENSION,
            planId,
            plan.plan().title(),
            roundKey,
            (String) execution.getVariable(ROUND_TITLE),
            number,
            plan.task(number).map(TaskEntry::title).orElse(""),
            ProcessKeys.yearOf(roundKey),
            unit,
            (String) execution.getVariable(UNIT_NAME),
            LocalDate.parse(due),
            note,
            taskId);
    deliveries.queue(message, List.of(unit));
  }

  /** plan/task/year → task; a task number may itself hold a slash, the plan id never does. */
  private static String taskNumberOf(String roundKey) {
    int first = roundKey.indexOf('/');
    int last = roundKey.lastIndexOf('/');
    return first < 0 || last <= first ? roundKey : roundKey.substring(first + 1, last);
  }
}
