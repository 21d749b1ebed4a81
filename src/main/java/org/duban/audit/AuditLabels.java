package org.duban.audit;

import java.util.Map;
import org.duban.names.CompletionStatus;
import org.duban.names.NoticeStatus;
import org.duban.names.NoticeType;
import org.duban.names.Rating;
import org.duban.names.ReviewDecision;
import org.duban.supervision.NoticeDecisionCheck;

/**
 * The Chinese words of the audit view for the engine's and the round's codes: states, outcomes,
 * decisions, operations. Codes stay in the records for machines; people read these.
 */
final class AuditLabels {

  private AuditLabels() {}

  /** The outcome codes {@code round/RoundOutcome} records, named as the review decided them. */
  static final String COMPLETED = "COMPLETED";

  static final String CLOSED_OUT = "CLOSED_OUT";

  private static final Map<String, String> STATES =
      Map.of(
          "ACTIVE", "进行中",
          "SUSPENDED", "已挂起",
          "COMPLETED", "已结束",
          "EXTERNALLY_TERMINATED", "已终止",
          "INTERNALLY_TERMINATED", "已终止");

  private static final Map<String, String> OPERATIONS =
      Map.ofEntries(
          Map.entry("Claim", "认领"),
          Map.entry("Complete", "完成"),
          Map.entry("Assign", "指派"),
          Map.entry("Delegate", "委托"),
          Map.entry("Resolve", "办理"),
          Map.entry("SetOwner", "设置负责人"),
          Map.entry("SetPriority", "设置优先级"),
          Map.entry("Update", "修改"),
          Map.entry("Create", "创建"),
          Map.entry("Delete", "删除"),
          Map.entry("DeleteHistory", "删除历史"),
          Map.entry("SetVariable", "设置变量"),
          Map.entry("SetVariables", "设置变量"),
          Map.entry("ModifyVariable", "修改变量"),
          Map.entry("RemoveVariable", "删除变量"),
          Map.entry("Suspend", "挂起"),
          Map.entry("Activate", "激活"),
          Map.entry("ModifyProcessInstance", "修改流程实例"),
          Map.entry("AddAttachment", "添加附件"),
          Map.entry("DeleteAttachment", "删除附件"),
          Map.entry("AddUserLink", "添加用户关联"),
          Map.entry("DeleteUserLink", "删除用户关联"),
          Map.entry("AddGroupLink", "添加候选组"),
          Map.entry("DeleteGroupLink", "删除候选组"),
          Map.entry("SetJobRetries", "设置作业重试次数"),
          Map.entry("SetRemovalTime", "设置清理时间"));

  static String state(String engineState) {
    return engineState == null ? "" : STATES.getOrDefault(engineState, engineState);
  }

  static String outcome(String outcome) {
    if (COMPLETED.equals(outcome)) {
      return ReviewDecision.ACCEPT.label;
    }
    if (CLOSED_OUT.equals(outcome)) {
      return ReviewDecision.CLOSE_OUT.label;
    }
    return outcome == null ? "" : outcome;
  }

  static String operation(String type) {
    return type == null ? "" : OPERATIONS.getOrDefault(type, type);
  }

  static String decision(String code) {
    return label(ReviewDecision.class, code, d -> d.label);
  }

  static String rating(String code) {
    return label(Rating.class, code, r -> r.label);
  }

  static String completion(String code) {
    return CompletionStatus.parse(code).map(s -> s.label).orElse(code == null ? "" : code);
  }

  static String noticeType(String code) {
    return label(NoticeType.class, code, t -> t.label);
  }

  static String noticeStatus(String code) {
    return label(NoticeStatus.class, code, s -> s.label);
  }

  /** A notice's decision form offers ISSUE or WITHDRAW. */
  static String noticeDecision(String code) {
    if (NoticeDecisionCheck.ISSUE.equals(code)) {
      return "签发";
    }
    if (NoticeDecisionCheck.WITHDRAW.equals(code)) {
      return "撤回";
    }
    return code == null ? "" : code;
  }

  private static <E extends Enum<E>> String label(
      Class<E> type, String code, java.util.function.Function<E, String> label) {
    if (code == null) {
      return "";
    }
    for (E value : type.getEnumConstants()) {
      if (value.name().equals(code)) {
        return label.apply(value);
      }
    }
    return code;
  }
}
