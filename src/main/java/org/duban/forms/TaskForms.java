package org.duban.forms;

import static org.duban.names.RoundVariables.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.duban.config.DubanProperties;
import org.duban.names.EvaluationElements;
import org.duban.names.EvaluationVariables;
import org.duban.names.ExtensionElements;
import org.duban.names.ExtensionVariables;
import org.duban.names.NoticeElements;
import org.duban.names.NoticeVariables;
import org.duban.names.RoundElements;
import org.springframework.stereotype.Component;

/**
 * The one declaration of what each user task accepts from the person who completes it, by task
 * definition key. Everything else a round holds (routing, deadlines, the submitter, on-time status,
 * other units' reports) is written by the engine's own code and never by a submission.
 */
@Component
public class TaskForms {

  private final Map<String, List<FormField>> byTaskKey;

  public TaskForms(DubanProperties properties) {
    List<FormField> report =
        new ArrayList<>(
            List.of(
                // filed in the stage's report by ReportSubmissionCheck / ReportFiling
                FormField.filedText(PROGRESS, "工作进展"),
                FormField.filedText(COMPLETION_STATUS, "完成情况"),
                FormField.filedText(INDICATOR_VALUES, "指标完成值")));
    for (int n = 1; n <= properties.evidence().maxFiles(); n++) {
      report.add(FormField.file(evidence(n), "佐证材料 " + n));
    }
    List<FormField> withdrawal =
        List.of(
            FormField.text(NoticeVariables.DECISION, "办理结论"),
            FormField.text(NoticeVariables.WITHDRAW_REASON, "撤回理由"));
    List<FormField> criticism = new ArrayList<>(withdrawal);
    criticism.add(FormField.text(NoticeVariables.NOTICE_TEXT, "通报内容"));
    criticism.add(FormField.text(NoticeVariables.CIRCULATED_TO, "通报范围"));
    List<FormField> interview = new ArrayList<>(withdrawal);
    interview.add(FormField.text(NoticeVariables.INTERVIEW_DATE, "约谈日期"));
    interview.add(FormField.text(NoticeVariables.INTERVIEWEES, "约谈对象"));
    interview.add(FormField.text(NoticeVariables.INTERVIEW_NOTES, "约谈记录与整改要求"));
    this.byTaskKey =
        Map.of(
            RoundElements.reportTask(RoundElements.CO_UNIT),
            List.copyOf(report),
            RoundElements.reportTask(RoundElements.LEAD),
            List.copyOf(report),
            RoundElements.REVIEW,
            List.of(
                FormField.text(REVIEW_DECISION, "审核结论"),
                FormField.text(REVIEW_RATING, "评价等级"),
                FormField.text(RETURN_REASON, "退回原因"),
                FormField.text(REVIEW_COMMENT, "审核意见")),
            RoundElements.ASSIGN_UNITS,
            List.of(FormField.text(LEAD_UNIT, "牵头单位"), FormField.text(CO_UNITS, "配合单位")),
            NoticeElements.ISSUE_CRITICISM,
            List.copyOf(criticism),
            NoticeElements.HOLD_INTERVIEW,
            List.copyOf(interview),
            NoticeElements.ACKNOWLEDGE,
            List.of(),
            EvaluationElements.REVIEW,
            List.of(FormField.text(EvaluationVariables.CONCLUSION, "评估结论")),
            ExtensionElements.DECIDE,
            List.of(
                FormField.text(ExtensionVariables.DECISION, "审批结论"),
                FormField.text(ExtensionVariables.NEW_DUE, "延至日期"),
                FormField.text(ExtensionVariables.REFUSAL_REASON, "不予延期理由")));
  }

  /** The fields of a task; a task this class does not know accepts none. */
  public List<FormField> of(String taskDefinitionKey) {
    return byTaskKey.getOrDefault(taskDefinitionKey, List.of());
  }

  public boolean declares(String taskDefinitionKey) {
    return byTaskKey.containsKey(taskDefinitionKey);
  }
}
