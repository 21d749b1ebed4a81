package org.duban.audit;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricFormField;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.duban.audit.RoundDossier.Step;
import org.duban.documents.LocalTimes;
import org.duban.identity.PeopleNames;
import org.duban.names.NoticeVariables;
import org.duban.names.RoundVariables;
import org.springframework.stereotype.Component;

/**
 * The steps of a round in the order they happened: each user task with who did it, when, against
 * which due date, and what they decided (from the form fields history recorded with the task); the
 * system's steps between them. Gateways and other plumbing are left out.
 */
@Component
class Timeline {

  private static final Set<String> PLUMBING =
      Set.of(
          "exclusiveGateway",
          "parallelGateway",
          "inclusiveGateway",
          "eventBasedGateway",
          "multiInstanceBody",
          "subProcess",
          // a rung's wait in the ladder's chain: the step after it shows the rung, and a wait
          // the unit's report ended is no step of anyone's
          "intermediateTimer");

  /** The form fields that decide something, and how the timeline names them. */
  private static final Map<String, String> DECIDING_FIELDS = new LinkedHashMap<>();

  static {
    DECIDING_FIELDS.put(RoundVariables.COMPLETION_STATUS, "完成情况");
    DECIDING_FIELDS.put(RoundVariables.REVIEW_DECISION, "审核结论");
    DECIDING_FIELDS.put(RoundVariables.REVIEW_RATING, "工作评价");
    DECIDING_FIELDS.put(RoundVariables.RETURN_REASON, "退回理由");
    DECIDING_FIELDS.put(RoundVariables.REVIEW_COMMENT, "审核意见");
    DECIDING_FIELDS.put(NoticeVariables.DECISION, "处理决定");
    DECIDING_FIELDS.put(NoticeVariables.WITHDRAW_REASON, "撤回理由");
  }

  private final HistoryService history;
  private final LocalTimes times;
  private final PeopleNames people;

  Timeline(HistoryService history, LocalTimes times, PeopleNames people) {
    this.history = history;
    this.times = times;
    this.people = people;
  }

  List<Step> of(String processInstanceId, List<UserOperationLogEntry> operations) {
    Map<String, HistoricTaskInstance> tasks = new HashMap<>();
    history.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId).list().stream()
        .filter(t -> t.getActivityInstanceId() != null)
        .forEach(t -> tasks.put(t.getActivityInstanceId(), t));
    Map<String, List<HistoricFormField>> fields = new HashMap<>();
    for (HistoricDetail detail :
        history
            .createHistoricDetailQuery()
            .processInstanceId(processInstanceId)
            .formFields()
            .orderPartiallyByOccurrence()
            .asc()
            .list()) {
      if (detail instanceof HistoricFormField field && field.getTaskId() != null) {
        fields.computeIfAbsent(field.getTaskId(), k -> new ArrayList<>()).add(field);
      }
    }
    Map<String, String> completedBy = new HashMap<>();
    for (UserOperationLogEntry entry : operations) {
      if (UserOperationLogEntry.OPERATION_TYPE_COMPLETE.equals(entry.getOperationType())
          && entry.getTaskId() != null
          && entry.getUserId() != null) {
        completedBy.put(entry.getTaskId(), entry.getUserId());
      }
    }
    List<Step> steps = new ArrayList<>();
    for (HistoricActivityInstance activity :
        history
            .createHistoricActivityInstanceQuery()
            .processInstanceId(processInstanceId)
            .orderByHistoricActivityInstanceStartTime()
            .asc()
            .orderPartiallyByOccurrence()
            .asc()
            .list()) {
      if (PLUMBING.contains(activity.getActivityType()) || activity.getActivityName() == null) {
        continue;
      }
      HistoricTaskInstance task = tasks.get(activity.getId());
      steps.add(
          task == null
              ? systemStep(activity)
              : taskStep(
                  activity, task, completedBy, fields.getOrDefault(task.getId(), List.of())));
    }
    return steps;
  }

  private Step systemStep(HistoricActivityInstance activity) {
    return new Step(
        activity.getActivityId(),
        activity.getActivityName(),
        kind(activity.getActivityType()),
        "系统",
        times.minute(activity.getStartTime()),
        times.minute(activity.getEndTime()),
        "",
        false,
        activity.getEndTime() == null ? "进行中" : "已完成",
        Map.of(),
        false);
  }

  private Step taskStep(
      HistoricActivityInstance activity,
      HistoricTaskInstance task,
      Map<String, String> completedBy,
      List<HistoricFormField> fields) {
    Date due = task.getDueDate();
    Date end = task.getEndTime();
    boolean late =
        due != null && (end != null ? end.after(due) : ClockUtil.getCurrentTime().after(due));
    String handler = completedBy.getOrDefault(task.getId(), task.getAssignee());
    String status;
    if (end == null) {
      status = "待办";
    } else if ("completed".equals(task.getDeleteReason())) {
      status = "已完成";
    } else {
      status = "已取消";
    }
    return new Step(
        activity.getActivityId(),
        task.getName() != null ? task.getName() : activity.getActivityName(),
        kind(activity.getActivityType()),
        handler == null ? "" : people.of(handler),
        times.minute(task.getStartTime()),
        times.minute(end),
        times.minute(due),
        late,
        status,
        decisions(fields),
        true);
  }

  /** The deciding fields the handler submitted, the last value of each, as people read them. */
  private static Map<String, String> decisions(List<HistoricFormField> fields) {
    Map<String, String> byField = new HashMap<>();
    for (HistoricFormField field : fields) {
      if (DECIDING_FIELDS.containsKey(field.getFieldId()) && field.getFieldValue() != null) {
        byField.put(field.getFieldId(), field.getFieldValue().toString());
      }
    }
    Map<String, String> labelled = new LinkedHashMap<>();
    DECIDING_FIELDS.forEach(
        (id, label) -> {
          String value = byField.get(id);
          if (value != null && !value.isBlank()) {
            labelled.put(label, readable(id, value));
          }
        });
    return labelled;
  }

  private static String readable(String field, String value) {
    return switch (field) {
      case RoundVariables.REVIEW_DECISION -> AuditLabels.decision(value);
      case RoundVariables.REVIEW_RATING -> AuditLabels.rating(value);
      case RoundVariables.COMPLETION_STATUS -> AuditLabels.completion(value);
      case NoticeVariables.DECISION -> AuditLabels.noticeDecision(value);
      default -> value;
    };
  }

  private static String kind(String activityType) {
    if (activityType == null) {
      return "";
    }
    if (activityType.equals("userTask")) {
      return "人工办理";
    }
    if (activityType.equals("serviceTask")) {
      return "系统处理";
    }
    if (activityType.equals("startEvent")) {
      return "开始";
    }
    if (activityType.toLowerCase().contains("endevent")) {
      return "结束";
    }
    if (activityType.toLowerCase().contains("timer")) {
      return "定时";
    }
    return "其他";
  }
}
