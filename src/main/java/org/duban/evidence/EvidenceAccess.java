package org.duban.evidence;

import java.util.List;
import java.util.Optional;
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
    Optional<String> uploader = value(round, RoundVariables.UNIT, file.getActivityInstanceId());
    return uploader.filter(userGroups::contains).isPresent()
        || value(round, RoundVariables.LEAD_UNIT, null).filter(userGroups::contains).isPresent()
        || value(round, RoundVariables.SUPERVISOR_GROUP, null).filter(userGroups::contains).isPresent();
  }

  /** A variable of the round, in the given scope (the report stage) or at the round's top level. */
  private Optional<String> value(String processInstanceId, String name, String activityInstanceId) {
    var query = history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).variableName(name);
    // history scopes a round's top-level variables to the process instance itself
    String scope = activityInstanceId != null ? activityInstanceId : processInstanceId;
    return query.list().stream()
        .filter(v -> scope.equals(v.getActivityInstanceId()))
        .map(HistoricVariableInstance::getValue)
        .map(String::valueOf)
        .findFirst();
  }
}
