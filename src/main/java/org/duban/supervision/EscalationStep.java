package org.duban.supervision;

import static org.duban.round.RoundVariables.*;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.duban.engine.SystemQueries;
import org.duban.modeling.RoundElements;
import org.duban.modeling.RoundElements.Rung;
import org.duban.round.Deadlines;
import org.springframework.stereotype.Component;

/**
 * One rung of the escalation ladder on a unit's task, reached by its boundary timer while the task
 * is still open: reminder → overdue notice (yellow) → criticism (red) → second criticism, which
 * also summons the unit to an interview. Completing the task removes the timers not yet fired.
 */
@Component("escalationStep")
public class EscalationStep implements JavaDelegate {

  private final Notices notices;
  private final TaskService taskService;
  private final Deadlines deadlines;

  public EscalationStep(Notices notices, TaskService taskService, Deadlines deadlines) {
    this.notices = notices;
    this.taskService = taskService;
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Rung rung = Rung.valueOf((String) execution.getVariable("rung"));
    String unit = (String) execution.getVariable(UNIT);
    String stage = (String) execution.getVariable(STAGE);
    Task task = unitTask(execution, stage, unit);
    String handler = task == null ? null : task.getAssignee();
    LocalDate dueDay = deadlines.day((Date) execution.getVariable(UNIT_DUE));
    String due = dueDay.toString();
    Notice.Builder notice = new Notice.Builder(execution, unit, (String) execution.getVariable(UNIT_NAME), handler);
    switch (rung) {
      case REMINDER -> notices.issue(notice.build(NoticeType.REMINDER,
          "距报送截止日期 " + due + " 还有 " + ChronoUnit.DAYS.between(deadlines.today(), dueDay) + " 天,请按时报送"));
      case OVERDUE -> {
        notices.issue(notice.build(NoticeType.OVERDUE, "已超过报送截止日期 " + due + " 仍未报送,请尽快报送(黄牌)"));
        warn(task, "黄牌:已逾期");
      }
      case CRITICISM, SECOND_CRITICISM -> {
        notices.criticize(notice.build(NoticeType.CRITICISM,
            "报送截止日期 " + due + " 已过 " + ChronoUnit.DAYS.between(dueDay, deadlines.today()) + " 天,经催办仍未报送"));
        warn(task, "红牌:已通报批评");
      }
    }
  }

  private Task unitTask(DelegateExecution execution, String stage, String unit) {
    return SystemQueries.run(() -> taskService.createTaskQuery()
        .processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey(RoundElements.reportTask(stage))
        .taskCandidateGroup(unit)
        .includeAssignedTasks()
        .singleResult());
  }

  private void warn(Task task, String warning) {
    if (task != null) {
      taskService.setVariableLocal(task.getId(), WARNING, warning);
    }
  }
}
