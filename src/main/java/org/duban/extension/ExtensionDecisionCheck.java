package org.duban.extension;

import static org.duban.names.ExtensionVariables.*;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.duban.catalog.PlanCatalogs;
import org.duban.forms.FormRejectedException;
import org.duban.identity.PeopleNames;
import org.duban.names.ExtensionStatus;
import org.duban.schedule.Deadlines;
import org.springframework.stereotype.Component;

/**
 * The office's decision on an extension request: approve with a new date (the proposed one unless
 * the office sets another: after the unit's current due date, not before today, within the plan's
 * period) or refuse with a reason the unit reads. The decision arrives local to the task and is
 * written, checked, to the request when the task completes; the round itself is changed by {@link
 * ExtensionOutcome}.
 */
@Component("extensionDecisionCheck")
public class ExtensionDecisionCheck implements TaskListener {

  private final IdentityService identity;
  private final PeopleNames people;
  private final PlanCatalogs catalogs;
  private final Deadlines deadlines;

  public ExtensionDecisionCheck(
      IdentityService identity, PeopleNames people, PlanCatalogs catalogs, Deadlines deadlines) {
    this.identity = identity;
    this.people = people;
    this.catalogs = catalogs;
    this.deadlines = deadlines;
  }

  @Override
  public void notify(DelegateTask task) {
    ExtensionStatus decision = decision(text(task.getVariableLocal(DECISION)));
    var user = identity.getCurrentAuthentication();
    String decider = user == null ? task.getAssignee() : user.getUserId();
    refuseTheRequestersOwnDecision(task, user, decider);
    Map<String, Object> record = new HashMap<>();
    record.put(STATUS, decision.name());
    if (decision == ExtensionStatus.APPROVED) {
      record.put(GRANTED_DUE, newDue(task).toString());
      record.put(REFUSAL_REASON, null);
    } else {
      String reason = text(task.getVariableLocal(REFUSAL_REASON));
      if (reason.isEmpty()) {
        throw new FormRejectedException("审批未提交:不予延期时必须填写「不予延期理由」,申请单位将看到该理由");
      }
      if (reason.length() > ExtensionRequest.MAX_REASON) {
        throw new FormRejectedException("审批未提交:「不予延期理由」最多 " + ExtensionRequest.MAX_REASON + " 字");
      }
      record.put(REFUSAL_REASON, reason);
      record.put(GRANTED_DUE, null);
    }
    if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
      return; // checked at submission; recorded when the task completes
    }
    record.put(DECIDED_BY, decider);
    record.put(DECIDED_BY_NAME, people.of(decider));
    record.put(DECIDED_AT, ClockUtil.getCurrentTime());
    task.getExecution().getProcessInstance().setVariables(record);
  }

  /**
   * Nobody decides on a request of their own unit: not the user who asked, not a member of the
   * asking unit's group (a person in both the unit's group and the office's).
   */
  private void refuseTheRequestersOwnDecision(
      DelegateTask task, org.camunda.bpm.engine.impl.identity.Authentication user, String decider) {
    String unit = text(task.getVariable(UNIT));
    boolean ownUnit =
        user != null && user.getGroupIds() != null && user.getGroupIds().contains(unit);
    if (decider != null && (decider.equals(task.getVariable(REQUESTED_BY)) || ownUnit)) {
      throw new FormRejectedException("审批未提交:不能审批本单位提出的延期申请,须由督办单位的其他人员审批");
    }
  }

  private static ExtensionStatus decision(String value) {
    return switch (value) {
      case "APPROVED", "批准", "已批准", "批准延期" -> ExtensionStatus.APPROVED;
      case "REFUSED", "不予延期", "不批准" -> ExtensionStatus.REFUSED;
      default ->
          throw new FormRejectedException(
              "审批未提交:「审批结论」为必填项:"
                  + ExtensionStatus.decisions()
                  + (value.isEmpty() ? "" : ",收到「" + value + "」"));
    };
  }

  private LocalDate newDue(DelegateTask task) {
    String value = text(task.getVariableLocal(NEW_DUE));
    if (value.isEmpty()) {
      value = text(task.getVariable(PROPOSED_DUE));
    }
    LocalDate day;
    try {
      day = LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new FormRejectedException("审批未提交:「延至日期」「" + value + "」不是日期(例如 2025-12-25)");
    }
    LocalDate current = LocalDate.parse(text(task.getVariable(CURRENT_DUE)));
    if (!day.isAfter(current)) {
      throw new FormRejectedException("审批未提交:「延至日期」" + day + " 应晚于原报送截止日期 " + current);
    }
    if (day.isBefore(deadlines.today())) {
      throw new FormRejectedException("审批未提交:「延至日期」" + day + " 已过去,请另定日期");
    }
    if (deadlines.today().isAfter(current)) {
      // the ladder has run on the old date (overdue, perhaps a proposed criticism): moving the
      // date now would rewrite a lateness already recorded
      throw new FormRejectedException("审批未提交:原报送截止日期 " + current + " 已过,已不能批准延期;请选择「不予延期」并说明理由");
    }
    var plan =
        catalogs
            .plan(text(task.getVariable(PLAN_ID)))
            .orElseThrow(() -> new FormRejectedException("审批未提交:该申请所属的规划已不在目录中"));
    Object year = task.getVariable(ROUND_YEAR);
    Integer roundYear = year instanceof Number n ? n.intValue() : null;
    if (day.isAfter(LatestDue.of(plan, roundYear, current))) {
      throw new FormRejectedException(
          "审批未提交:「延至日期」" + day + " " + LatestDue.explain(plan, roundYear, current));
    }
    return day;
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString().trim();
  }
}
