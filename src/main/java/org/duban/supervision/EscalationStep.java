package org.duban.supervision;

import static org.duban.names.RoundVariables.*;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.duban.delivery.RoundMessages;
import org.duban.engine.SystemQueries;
import org.duban.names.NoticeType;
import org.duban.names.RoundElements;
import org.duban.names.RoundElements.Rung;
import org.duban.schedule.Deadlines;
import org.springframework.stereotype.Component;

/**
 * One rung of the escalation ladder on a unit's task, reached by its timer while the task is still
 * open: reminder → overdue notice (yellow) → proposed criticism (red) → proposed second criticism
 * together with a proposed interview. The rungs are one chain per unit task, each armed when the
 * one before it has run; the unit's report ends the chain. Sanctions are the office's to issue or
 * withdraw.
 */
@Component("escalationStep")
public class EscalationStep implements JavaDelegate {

  private final Notices notices;
  private final TaskService taskService;
  private final Deadlines deadlines;
  private final RoundMessages messages;

  public EscalationStep(
      Notices notices, TaskService taskService, Deadlines deadlines, RoundMessages messages) {
    this.notices = notices;
    this.taskService = taskService;
    this.deadlines = deadlines;
    this.messages = messages;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Rung rung = Rung.valueOf((String) execution.getVariable("rung"));
    String unit = (String) execution.getVariable(UNIT);
    String stage = (String) execution.getVariable(STAGE);
    Task task = unitTask(execution, stage, unit);
    if (task == null) {
      // the unit has reported: its stage ends (and this chain with it) in the continuation due
      return;
    }
    String handler = task.getAssignee();
    LocalDate dueDay = deadlines.day((Date) execution.getVariable(UNIT_DUE));
    LocalDate today = deadlines.today();
    long late = ChronoUnit.DAYS.between(dueDay, today);
    String due = dueDay.toString();
    Notice.Builder notice =
        new Notice.Builder(execution, unit, (String) execution.getVariable(UNIT_NAME), handler);
    switch (rung) {
      case REMINDER -> {
        String reminder = reminderText(due, late);
        notices.issue(notice.build(NoticeType.REMINDER, reminder));
        // a reminder has no receipt task: it is sent here; the other rungs when issued to the unit
        messages.reminder(execution, task.getId(), reminder);
        warn(task, rung, "催办:" + today + " 已提醒,请于 " + due + " 前报送");
      }
      case OVERDUE -> {
        notices.issue(notice.build(NoticeType.OVERDUE, "已超过报送截止日期 " + due + " 仍未报送,请尽快报送(黄牌)"));
        warn(task, rung, "黄牌:已超过截止日期 " + due + ",已发逾期催办,请尽快报送");
      }
      case CRITICISM -> {
        notices.issue(
            notice.build(NoticeType.CRITICISM, "报送截止日期 " + due + " 已过 " + late + " 天,经催办仍未报送"));
        warn(task, rung, "红牌:逾期 " + late + " 天,督办单位拟通报批评");
      }
      case SECOND_CRITICISM -> {
        String reason = "报送截止日期 " + due + " 已过 " + late + " 天,经通报批评仍未报送";
        notices.issue(notice.build(NoticeType.SECOND_CRITICISM, reason));
        notices.issue(notice.build(NoticeType.INTERVIEW, reason + ",拟约谈单位负责人"));
        warn(task, rung, "红牌:逾期 " + late + " 天,督办单位拟再次通报批评并约谈");
      }
    }
  }

  /**
   * What is true on the day the reminder is recorded: a reminder that fires late (the server was
   * down, the job queue backed up) never counts negative days.
   */
  static String reminderText(String due, long daysLate) {
    if (daysLate < 0) {
      return "距报送截止日期 " + due + " 还有 " + (-daysLate) + " 天,请按时报送";
    }
    if (daysLate == 0) {
      return "今天(" + due + ")是报送截止日期,请于今天内报送";
    }
    return "报送截止日期 " + due + " 已过 " + daysLate + " 天,尚未报送,请尽快报送";
  }

  private Task unitTask(DelegateExecution execution, String stage, String unit) {
    return SystemQueries.run(
        () ->
            taskService
                .createTaskQuery()
                .processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(RoundElements.reportTask(stage))
                .taskCandidateGroup(unit)
                .includeAssignedTasks()
                .singleResult());
  }

  /**
   * The task card's warning names the highest rung reached: rungs that fell due together (a server
   * down over the due date) may run in any order, and a reminder never hides a red card.
   */
  private void warn(Task task, Rung rung, String warning) {
    Object reached = taskService.getVariableLocal(task.getId(), WARNING_LEVEL);
    if (reached == null || ((Number) reached).intValue() <= rung.ordinal()) {
      taskService.setVariablesLocal(
          task.getId(), java.util.Map.of(WARNING, warning, WARNING_LEVEL, rung.ordinal()));
    }
  }
}
