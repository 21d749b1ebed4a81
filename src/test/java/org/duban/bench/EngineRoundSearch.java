package org.duban.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.duban.catalog.PlanCatalogs;
import org.duban.names.ProcessKeys;
import org.duban.names.RoundVariables;
import org.duban.round.RoundUnits;

/**
 * The audit search as it was before it paged (for the benchmark's before/after): the engine's
 * historic process instance query with the caller's authorizations over the newest 2,000 rounds of
 * the business key's pattern, the unit checked in Java against each round's variables.
 */
final class EngineRoundSearch {

  private final HistoryService history;
  private final PlanCatalogs catalogs;

  EngineRoundSearch(HistoryService history, PlanCatalogs catalogs) {
    this.history = history;
    this.catalogs = catalogs;
  }

  /** The rounds found: their ids. */
  List<String> find(String plan, Integer year, String unit) {
    String pattern = (plan == null ? "%" : plan) + "/%/" + (year == null ? "%" : year + "%");
    HistoricProcessInstanceQuery query =
        history.createHistoricProcessInstanceQuery().processInstanceBusinessKeyLike(pattern);
    List<String> deliveries =
        catalogs.all().stream().map(p -> ProcessKeys.delivery(p.id())).toList();
    query.processDefinitionKeyNotIn(deliveries);
    List<HistoricProcessInstance> rounds =
        query.orderByProcessInstanceStartTime().desc().listPage(0, 2000);
    Map<String, Map<String, Object>> variables = new HashMap<>();
    for (int from = 0; from < rounds.size(); from += 500) {
      String[] ids =
          rounds.subList(from, Math.min(rounds.size(), from + 500)).stream()
              .map(HistoricProcessInstance::getId)
              .toArray(String[]::new);
      for (HistoricVariableInstance v :
          history
              .createHistoricVariableInstanceQuery()
              .processInstanceIdIn(ids)
              .variableNameIn(
                  RoundVariables.PLAN_ID,
                  RoundVariables.TASK_NUMBER,
                  RoundVariables.YEAR,
                  RoundVariables.ROUND_TITLE,
                  RoundVariables.LEAD_UNIT,
                  RoundVariables.LEAD_UNIT_NAME,
                  RoundVariables.CO_UNITS,
                  RoundVariables.OUTCOME)
              .disableBinaryFetching()
              .disableCustomObjectDeserialization()
              .list()) {
        if (v.getProcessInstanceId().equals(v.getActivityInstanceId())) {
          variables
              .computeIfAbsent(v.getProcessInstanceId(), k -> new HashMap<>())
              .put(v.getName(), v.getValue());
        }
      }
    }
    return rounds.stream()
        .filter(
            p -> {
              Map<String, Object> values = variables.getOrDefault(p.getId(), Map.of());
              return unit == null
                  || unit.equals(values.get(RoundVariables.LEAD_UNIT))
                  || RoundUnits.split((String) values.get(RoundVariables.CO_UNITS)).contains(unit);
            })
        .map(HistoricProcessInstance::getId)
        .toList();
  }
}
