package org.duban.round;

import static org.duban.names.RoundVariables.*;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.duban.catalog.PlanCatalog;
import org.duban.catalog.Unit;
import org.duban.forms.FormRejectedException;
import org.springframework.stereotype.Component;

/**
 * The coordinating office's assignment of a round's units, for plans that name none: a lead from
 * the plan's directory, co-units from the same directory, none twice and none both. The choice
 * arrives local to the task; the round's routing is written from it only once it passed.
 */
@Component("unitAssignmentCheck")
public class UnitAssignmentCheck implements TaskListener {

  private final RoundTasks tasks;

  public UnitAssignmentCheck(RoundTasks tasks) {
    this.tasks = tasks;
  }

  @Override
  public void notify(DelegateTask task) {
    PlanCatalog plan = tasks.of(task.getExecution()).plan();
    String lead = text(task.getVariableLocal(LEAD_UNIT));
    if (lead.isEmpty()) {
      throw new FormRejectedException("分配未提交:请选择牵头单位");
    }
    Unit leadUnit = known(plan, lead, "牵头单位");
    List<String> coUnits = RoundUnits.split(text(task.getVariableLocal(CO_UNITS)));
    Set<String> seen = new HashSet<>();
    for (String coUnit : coUnits) {
      known(plan, coUnit, "配合单位");
      if (coUnit.equals(lead)) {
        throw new FormRejectedException("分配未提交:" + leadUnit.name() + " 已是牵头单位,不能同时作为配合单位");
      }
      if (!seen.add(coUnit)) {
        throw new FormRejectedException("分配未提交:配合单位 " + RoundUnits.nameOf(plan, coUnit) + " 重复");
      }
    }
    if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
      return; // checked at submission; the round's routing is set when the task completes
    }
    var round = task.getExecution().getProcessInstance();
    round.setVariable(LEAD_UNIT, leadUnit.id());
    round.setVariable(LEAD_UNIT_NAME, leadUnit.name());
    round.setVariable(CO_UNITS, String.join(",", coUnits));
  }

  private static Unit known(PlanCatalog plan, String groupId, String role) {
    return plan.units().stream()
        .filter(u -> u.id().equals(groupId))
        .findFirst()
        .orElseThrow(
            () ->
                new FormRejectedException(
                    "分配未提交:" + role + "「" + groupId + "」不在《" + plan.plan().title() + "》的单位名录中"));
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString().trim();
  }
}
