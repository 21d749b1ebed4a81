package org.duban.audit;

import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * Everything history keeps of one round, as an auditor reads it: who did what, when, with which
 * result.
 */
public record RoundAudit(
    String processInstanceId,
    String businessKey,
    String processName,
    String state,
    Date startTime,
    Date endTime,
    List<Step> steps,
    List<TaskRecord> tasks,
    Map<String, Object> variables,
    List<Change> changes,
    List<Operation> operations,
    List<NoticeRecord> notices) {

  /** An activity the round passed through. */
  public record Step(
      String activityId, String activityName, String activityType, Date startTime, Date endTime) {}

  /** A user task with its handler and deadlines. */
  public record TaskRecord(
      String name,
      String taskDefinitionKey,
      String assignee,
      Date startTime,
      Date endTime,
      Date dueDate,
      Date followUpDate,
      String deleteReason) {}

  /** One write of one variable (history keeps every value a variable ever had). */
  public record Change(String variableName, Object value, Date time, String activityInstanceId) {}

  /** A user's action through the API (claim, complete, set variable …). */
  public record Operation(
      String userId,
      String operationType,
      String property,
      String newValue,
      Date time,
      String taskId) {}

  /** A reminder or notice about one unit in this round. */
  /**
   * @param status PROPOSED, ISSUED or WITHDRAWN: only an issued notice counts; state is the notice
   *     process's
   */
  public record NoticeRecord(
      String type,
      String unit,
      String unitName,
      String handler,
      String reason,
      Date issuedAt,
      String status,
      String decidedBy,
      Date decidedAt,
      String state) {}
}
