package org.duban.audit;

import java.util.List;
import java.util.Map;
import org.duban.delivery.DeliveryRecord;
import org.duban.extension.ExtensionRecord;

/**
 * Everything history keeps of one round, as an auditor reads it: the steps with who, when, due and
 * decision; each unit's reports as filed (every version); notices; the operation log; every
 * variable write; the evidence with its recorded fingerprint; every message sent about the round
 * (送达记录) with each attempt; every extension request (延期申请) with its decision. Times are local (the
 * plans' zone), labels Chinese; codes stay beside them for machines.
 */
public record RoundDossier(
    RoundSummary round,
    String zone,
    List<Step> steps,
    List<ReportVersion> reports,
    List<Evidence> evidence,
    List<NoticeEntry> notices,
    List<Operation> operations,
    List<Change> changes,
    List<DeliveryRecord> deliveries,
    List<ExtensionRecord> extensions) {

  /**
   * A step of the round: a user task (with handler, due date and what was decided) or a system
   * step.
   *
   * @param late finished after its due date, or still open past it
   * @param byPerson a user task, worked by a person (the others are the system's)
   * @param decisions what the handler submitted that decides the round (field → label), e.g. 审核结论 →
   *     退回
   */
  public record Step(
      String activityId,
      String name,
      String kind,
      String handler,
      String startTime,
      String endTime,
      String dueDate,
      boolean late,
      String status,
      Map<String, String> decisions,
      boolean byPerson) {

    /**
     * What a person reads first: the people's steps and the round's own start and end; the system's
     * steps in between (stage starts, filing) are in the full record.
     */
    public static List<Step> forPeople(List<Step> steps) {
      List<Step> shown = new java.util.ArrayList<>();
      for (int i = 0; i < steps.size(); i++) {
        if (steps.get(i).byPerson() || i == 0 || i == steps.size() - 1) {
          shown.add(steps.get(i));
        }
      }
      return shown;
    }
  }

  /**
   * One unit's report as it was filed. A report returned for rework stays here as an earlier
   * version; {@code current} marks the one the round kept.
   */
  public record ReportVersion(
      String unit,
      String unitName,
      String stage,
      String stageLabel,
      int version,
      boolean current,
      String submittedBy,
      String submittedAt,
      String dueDate,
      boolean onTime,
      String completionStatus,
      String completionStatusLabel,
      String progress,
      Map<String, Object> indicatorValues,
      List<String> evidenceIds,
      String filedAt) {}

  /** One evidence file as the filed report records it. */
  public record Evidence(
      String variableId,
      String unit,
      String unitName,
      String fileName,
      String mediaType,
      long size,
      String sha256,
      String downloadUrl,
      String verificationUrl) {}

  /** A reminder, notice, criticism, interview or commendation about one unit of the round. */
  public record NoticeEntry(
      String processInstanceId,
      String type,
      String typeLabel,
      String unit,
      String unitName,
      String handler,
      String reason,
      String issuedAt,
      String status,
      String statusLabel,
      String decidedBy,
      String decidedAt,
      String acknowledgedBy,
      String acknowledgedAt) {}

  /** A user's action through the engine's API (claim, complete, set variable …). */
  public record Operation(
      String time,
      String userId,
      String operationType,
      String operationLabel,
      String entityType,
      String property,
      String orgValue,
      String newValue,
      String taskName) {}

  /** One write of one variable; history keeps every value a variable ever had. */
  public record Change(
      String time, String variableName, String value, String scope, int revision) {}
}
