package org.duban.evidence;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.duban.identity.UnitDirectory;
import org.duban.round.RoundVariables;
import org.springframework.stereotype.Component;

/**
 * Who may download an evidence file: the unit that submitted it, the lead unit of its round (which
 * consolidates the co-units' reports), the round's supervisors, and auditors. Nobody else, not even
 * other units of the same round.
 */
@Component
public class EvidenceAccess {

  private final HistoryService history;

  public EvidenceAccess(HistoryService history) {
    this.history = history;
  }

  public boolean mayRead(List<String> userGroups, HistoricVariableInstance file) {
    if (userGroups.contains(UnitDirectory.AUDITORS)) {
      return true;
    }
    String round = file.getProcessInstanceId();
    // the report stage keeps its unit beside the files, on the same execution
    Optional<String> uploader = value(round, RoundVariables.UNIT, v -> file.getExecutionId().equals(v.getExecutionId()));
    Predicate<HistoricVariableInstance> roundLevel = v -> round.equals(v.getActivityInstanceId());
    return uploader.filter(userGroups::contains).isPresent()
        || value(round, RoundVariables.LEAD_UNIT, roundLevel).filter(userGroups::contains).isPresent()
        || value(round, RoundVariables.SUPERVISOR_GROUP, roundLevel).filter(userGroups::contains).isPresent();
  }

  private Optional<String> value(String processInstanceId, String name, Predicate<HistoricVariableInstance> scope) {
    return history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).variableName(name)
        .list().stream()
        .filter(scope)
        .map(HistoricVariableInstance::getValue)
        .map(String::valueOf)
        .findFirst();
  }
}
