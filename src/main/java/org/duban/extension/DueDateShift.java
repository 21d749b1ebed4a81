package org.duban.extension;

import java.time.LocalDate;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.duban.names.RoundVariables;
import org.duban.round.ReportStage;
import org.duban.schedule.Deadlines;
import org.springframework.stereotype.Component;

/**
 * Moves one open unit task of a round to a new due day: the stage's {@code unitDue} (which the
 * filed report's on-time status and the ladder's notices read), the task's due and follow-up date,
 * and the rung of its escalation ladder armed next (the later ones read the new date when armed).
 * The dates are re-derived from the round's own model (the task's follow-up expression, the timers'
 * date expressions), so they follow the rules the round opened with, not today's catalog.
 */
@Component
class DueDateShift {

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final Deadlines deadlines;

  DueDateShift(
      RuntimeService runtime,
      TaskService tasks,
      ManagementService management,
      Deadlines deadlines) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.management = management;
    this.deadlines = deadlines;
  }

  /**
   * The ladder's timer armed in the task's stage: the reminder on the task's edge, or the later
   * rung the chain waits at (an execution of the stage beside the task's).
   */
  private List<Job> armedRungs(TaskEntity task) {
    Set<String> executions = new HashSet<>();
    collect((ExecutionEntity) ReportStage.scopeOf(task.getExecution()), executions);
    return management
        .createJobQuery()
        .processInstanceId(task.getProcessInstanceId())
        .timers()
        .list()
        .stream()
        .filter(job -> executions.contains(job.getExecutionId()))
        .toList();
  }

  private static void collect(ExecutionEntity execution, Set<String> ids) {
    ids.add(execution.getId());
    execution.getExecutions().forEach(child -> collect(child, ids));
  }

  /** Called inside an engine command (the office's decision): the task is an entity there. */
  void moveTo(Task task, LocalDate day) {
    Date due = deadlines.endOf(day);
    // the variable lives in the stage scope above the task's execution: set there, not shadowed
    runtime.setVariable(task.getExecutionId(), RoundVariables.UNIT_DUE, due);
    TaskEntity entity = (TaskEntity) task;
    Expression followUp = entity.getTaskDefinition().getFollowUpDateExpression();
    task.setDueDate(due);
    if (followUp != null && followUp.getValue(entity.getExecution()) instanceof Date date) {
      task.setFollowUpDate(date);
    }
    tasks.saveTask(task);
    List<Job> timers = armedRungs(entity);
    for (Job timer : timers) {
      // a rung a job executor has already taken would still run on its old date
      if (timer instanceof org.camunda.bpm.engine.impl.persistence.entity.JobEntity job
          && job.getLockOwner() != null
          && job.getLockExpirationTime() != null
          && job.getLockExpirationTime()
              .after(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime())) {
        throw new org.duban.forms.FormRejectedException("审批未提交:该单位的催办正在执行,请稍后再批准");
      }
    }
    for (Job timer : timers) {
      // re-evaluates the rung's ${deadlines.at(unitDue, …)} against the new unitDue
      management.recalculateJobDuedate(timer.getId(), false);
    }
    // the card's warning spoke of the old date; the ladder starts again from the new one
    tasks.removeVariableLocal(task.getId(), RoundVariables.WARNING_LEVEL);
    tasks.setVariableLocal(
        task.getId(), RoundVariables.WARNING, "已批准延期:报送截止日期延至 " + day + ",请按期报送");
  }
}
