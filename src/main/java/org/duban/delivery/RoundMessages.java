package org.duban.delivery;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.duban.catalog.PlanCatalog;
import org.duban.catalog.PlanCatalogs;
import org.duban.catalog.TaskEntry;
import org.duban.names.NoticeType;
import org.duban.names.NoticeVariables;
import org.duban.names.ProcessKeys;
import org.duban.names.RoundElements;
import org.duban.names.RoundVariables;
import org.duban.schedule.Deadlines;
import org.springframework.stereotype.Component;

/**
 * The events of a round that reach people, as messages: a unit's report task created (a new task,
 * or the lead's rework after a return), a reminder, an issued notice. Each is queued inside the
 * engine command of its event.
 */
@Component
public class RoundMessages {

  private final Deliveries deliveries;
  private final PlanCatalogs catalogs;
  private final Deadlines deadlines;

  public RoundMessages(Deliveries deliveries, PlanCatalogs catalogs, Deadlines deadlines) {
    this.deliveries = deliveries;
    this.catalogs = catalogs;
    this.deadlines = deadlines;
  }

  /** A unit's report task was created: its new task, or the lead's task back for rework. */
  public void reportTaskCreated(DelegateTask task) {
    String returnReason = (String) task.getVariable(RoundVariables.RETURN_REASON);
    boolean rework =
        returnReason != null && RoundElements.LEAD.equals(task.getVariable(RoundVariables.STAGE));
    Message message =
        roundMessage(
            rework ? MessageKind.RETURN : MessageKind.NEW_TASK,
            task,
            task.getExecution().getProcessBusinessKey(),
            rework ? returnReason : null,
            task.getId());
    deliveries.queue(message, List.of(message.unit()));
  }

  /** The reminder rung reached the unit's open task (its id, or null if none was found). */
  public void reminder(DelegateExecution execution, String taskId, String reason) {
    Message message =
        roundMessage(
            MessageKind.REMINDER, execution, execution.getProcessBusinessKey(), reason, taskId);
    deliveries.queue(message, List.of(message.unit()));
  }

  /**
   * A notice reached the unit to sign for (an overdue notice, an issued criticism or interview, a
   * commendation): the unit is told, and the office too for its own acts.
   */
  public void noticeIssued(DelegateTask receipt) {
    NoticeType type = NoticeType.valueOf((String) receipt.getVariable(NoticeVariables.TYPE));
    MessageKind kind = MessageKind.of(type);
    String planId = (String) receipt.getVariable(NoticeVariables.PLAN_ID);
    String roundKey = (String) receipt.getVariable(NoticeVariables.ROUND_KEY);
    PlanCatalog plan = catalogs.require(planId);
    String number = taskNumberOf(roundKey);
    String reason = (String) receipt.getVariable(NoticeVariables.REASON);
    Object issuedText = receipt.getVariable(NoticeVariables.NOTICE_TEXT);
    if (issuedText != null && !issuedText.toString().isBlank()) {
      reason = reason + "。通报内容:" + issuedText;
    }
    String unit = (String) receipt.getVariable(NoticeVariables.UNIT);
    Message message =
        new Message(
            kind,
            planId,
            plan.plan().title(),
            roundKey,
            (String) receipt.getVariable(NoticeVariables.ROUND_TITLE),
            number,
            plan.task(number).map(TaskEntry::title).orElse(""),
            ProcessKeys.yearOf(roundKey),
            unit,
            (String) receipt.getVariable(NoticeVariables.UNIT_NAME),
            null,
            reason,
            receipt.getId());
    List<String> recipients = new ArrayList<>(List.of(unit));
    if (kind.copiesOffice()) {
      recipients.add((String) receipt.getVariable(NoticeVariables.SUPERVISOR_GROUP));
    }
    deliveries.queue(message, recipients);
  }

  private Message roundMessage(
      MessageKind kind, VariableScope round, String roundKey, String reason, String taskId) {
    String planId = (String) round.getVariable(RoundVariables.PLAN_ID);
    Object due = round.getVariable(RoundVariables.UNIT_DUE);
    Object year = round.getVariable(RoundVariables.YEAR);
    return new Message(
        kind,
        planId,
        catalogs.require(planId).plan().title(),
        roundKey,
        (String) round.getVariable(RoundVariables.ROUND_TITLE),
        (String) round.getVariable(RoundVariables.TASK_NUMBER),
        (String) round.getVariable(RoundVariables.TASK_TITLE),
        year instanceof Number n ? n.intValue() : ProcessKeys.yearOf(roundKey),
        (String) round.getVariable(RoundVariables.UNIT),
        (String) round.getVariable(RoundVariables.UNIT_NAME),
        due instanceof Date d ? deadlines.day(d) : null,
        reason,
        taskId);
  }

  /** plan/task/year → task; a task number may itself hold a slash, the plan id never does. */
  private static String taskNumberOf(String roundKey) {
    int first = roundKey.indexOf('/');
    int last = roundKey.lastIndexOf('/');
    return first < 0 || last <= first ? roundKey : roundKey.substring(first + 1, last);
  }
}
