package org.duban.extension;

import static org.duban.names.ExtensionVariables.*;

import java.util.Date;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.duban.engine.SystemQueries;
import org.duban.names.ProcessKeys;
import org.duban.names.RoundElements;
import org.duban.names.RoundVariables;
import org.duban.schedule.Deadlines;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A unit reported while its extension request still waits: the request says so, in its variables
 * and on the office's task, and the office decides with that in view (an approval then changes
 * nothing). Listens to the engine's task events (published as Spring events, inside the completing
 * transaction), so the round's model and its report rules need not know about extensions.
 */
@Component
class ReportedWhilePending {

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final Deadlines deadlines;

  ReportedWhilePending(RuntimeService runtime, TaskService tasks, Deadlines deadlines) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.deadlines = deadlines;
  }

  @EventListener(condition = "#task.eventName == 'complete'")
  public void onComplete(DelegateTask task) {
    String key = task.getTaskDefinitionKey();
    if (!RoundElements.reportTask(RoundElements.CO_UNIT).equals(key)
        && !RoundElements.reportTask(RoundElements.LEAD).equals(key)) {
      return;
    }
    Object planId = task.getVariable(RoundVariables.PLAN_ID);
    if (planId == null) {
      return;
    }
    Date now = ClockUtil.getCurrentTime();
    SystemQueries.run(
        () -> {
          for (ProcessInstance request :
              runtime
                  .createProcessInstanceQuery()
                  .processDefinitionKey(ProcessKeys.extension(planId.toString()))
                  .variableValueEquals(UNIT_TASK_ID, task.getId())
                  .list()) {
            runtime.setVariable(request.getId(), UNIT_REPORTED_AT, now);
            for (Task decision :
                tasks.createTaskQuery().processInstanceId(request.getId()).list()) {
              decision.setDescription(
                  "该单位已于 "
                      + deadlines.day(now)
                      + " 报送,批准与否都不再改变报送期限。"
                      + (decision.getDescription() == null ? "" : decision.getDescription()));
              tasks.saveTask(decision);
            }
          }
          return null;
        });
  }
}
