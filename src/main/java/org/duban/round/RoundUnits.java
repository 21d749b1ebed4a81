package org.duban.round;

import static org.duban.names.RoundVariables.*;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.duban.catalog.PlanCatalog;
import org.duban.catalog.Unit;
import org.springframework.stereotype.Component;

/**
 * Who reports in a round. Kept as plain variables (group ids, comma separated) so every round's
 * routing stays readable in history. Exposed to BPMN as {@code roundUnits}.
 */
@Component("roundUnits")
public class RoundUnits {

  /**
   * Fixes the round's units. Where the plan names no lead (joint responsibility) the coordinating
   * office consolidates the units' reports.
   */
  public void assign(
      VariableScope round, PlanCatalog plan, String leadName, List<String> coUnitNames) {
    Unit lead = leadName == null ? plan.plan().coordinatingOffice() : plan.unit(leadName);
    String coUnits =
        coUnitNames.stream().map(plan::unit).map(Unit::id).collect(Collectors.joining(","));
    round.setVariable(LEAD_UNIT, lead.id());
    round.setVariable(LEAD_UNIT_NAME, lead.name());
    round.setVariable(CO_UNITS, coUnits);
  }

  /** The multi-instance collection of the co-unit stage. */
  public List<String> coUnits(DelegateExecution execution) {
    return split((String) execution.getVariable(CO_UNITS));
  }

  public static List<String> split(String groups) {
    if (groups == null || groups.isBlank()) {
      return List.of();
    }
    return Arrays.stream(groups.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  public static String nameOf(PlanCatalog plan, String groupId) {
    if (plan.plan().coordinatingOffice().id().equals(groupId)) {
      return plan.plan().coordinatingOffice().name();
    }
    return plan.units().stream()
        .filter(u -> u.id().equals(groupId))
        .map(Unit::name)
        .findFirst()
        .orElse(groupId);
  }
}
