package org.duban.supervision;

import static org.duban.names.NoticeVariables.*;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.duban.forms.FormRejectedException;
import org.duban.names.NoticeElements;
import org.duban.names.NoticeStatus;
import org.springframework.stereotype.Component;

/**
 * The office's decision on a proposed sanction: issue it (with the notice's text, or the
 * interview's record) or withdraw it with a reason. Only an issued notice counts and reaches the
 * unit. The decision arrives local to the task and is recorded on the notice when the task
 * completes.
 */
@Component("noticeDecisionCheck")
public class NoticeDecisionCheck implements TaskListener {

  public static final String ISSUE = "ISSUE";
  public static final String WITHDRAW = "WITHDRAW";

  private final IdentityService identity;

  public NoticeDecisionCheck(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  public void notify(DelegateTask task) {
    boolean interview = NoticeElements.HOLD_INTERVIEW.equals(task.getTaskDefinitionKey());
    String decision = text(task.getVariableLocal(DECISION));
    decision =
        decision.isEmpty() || decision.equals("签发") || decision.equals("已约谈")
            ? ISSUE
            : decision.equals("撤回") ? WITHDRAW : decision;
    Map<String, Object> record = new HashMap<>();
    if (decision.equals(WITHDRAW)) {
      record.put(WITHDRAW_REASON, required(task, WITHDRAW_REASON, "撤回理由"));
      record.put(STATUS, NoticeStatus.WITHDRAWN.name());
    } else if (decision.equals(ISSUE)) {
      List<String> fields =
          interview ? List.of(INTERVIEW_DATE, INTERVIEWEES, INTERVIEW_NOTES) : List.of(NOTICE_TEXT);
      List<String> labels = interview ? List.of("约谈日期", "约谈对象", "约谈记录与整改要求") : List.of("通报内容");
      for (int i = 0; i < fields.size(); i++) {
        record.put(fields.get(i), required(task, fields.get(i), labels.get(i)));
      }
      if (interview) {
        checkDate((String) record.get(INTERVIEW_DATE));
      } else {
        String circulated = text(task.getVariableLocal(CIRCULATED_TO));
        record.put(CIRCULATED_TO, circulated.isEmpty() ? null : circulated);
      }
      record.put(STATUS, NoticeStatus.ISSUED.name());
    } else {
      throw new FormRejectedException("未提交:「办理结论」应为签发(ISSUE)或撤回(WITHDRAW),收到「" + decision + "」");
    }
    if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
      return;
    }
    var user = identity.getCurrentAuthentication();
    record.put(DECIDED_BY, user == null ? task.getAssignee() : user.getUserId());
    record.put(DECIDED_AT, ClockUtil.getCurrentTime());
    task.getExecution().getProcessInstance().setVariables(record);
  }

  private static String required(DelegateTask task, String name, String label) {
    String value = text(task.getVariableLocal(name));
    if (value.isEmpty()) {
      throw new FormRejectedException("未提交:「" + label + "」为必填项");
    }
    return value;
  }

  private static void checkDate(String value) {
    try {
      LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new FormRejectedException("未提交:「约谈日期」「" + value + "」不是日期(例如 2025-12-20)");
    }
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString().trim();
  }
}
