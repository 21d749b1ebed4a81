package org.duban.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.duban.catalog.PlanCatalogs;
import org.duban.documents.LocalTimes;
import org.duban.names.ProcessKeys;
import org.duban.names.RoundVariables;
import org.duban.round.RoundUnits;
import org.springframework.stereotype.Component;

/**
 * Finds rounds in history with the caller's own authorizations: an office finds its plan's rounds,
 * an auditor every plan's, a unit none. Plan, task, year, state and outcome are narrowed in the
 * database; the unit is checked against each candidate's lead and co-units.
 */
@Component
public class RoundSearch {

  /** At most this many rounds are examined per search; a search that finds more says so. */
  public static final int MAX_ROUNDS = 2000;

  private static final String[] SUMMARY_VARIABLES = {
    RoundVariables.PLAN_ID,
    RoundVariables.TASK_NUMBER,
    RoundVariables.YEAR,
    RoundVariables.ROUND_TITLE,
    RoundVariables.LEAD_UNIT,
    RoundVariables.LEAD_UNIT_NAME,
    RoundVariables.CO_UNITS,
    RoundVariables.OUTCOME
  };

  private final HistoryService history;
  private final LocalTimes times;
  private final PlanCatalogs catalogs;

  public RoundSearch(HistoryService history, LocalTimes times, PlanCatalogs catalogs) {
    this.history = history;
    this.times = times;
    this.catalogs = catalogs;
  }

  public List<RoundSummary> find(RoundFilter filter) {
    HistoricProcessInstanceQuery query =
        history
            .createHistoricProcessInstanceQuery()
            .processInstanceBusinessKeyLike(filter.keyPattern());
    // deliveries carry their round's key, many per round: they must not take the rounds' places
    List<String> deliveries =
        catalogs.all().stream().map(p -> ProcessKeys.delivery(p.id())).toList();
    if (!deliveries.isEmpty()) {
      query.processDefinitionKeyNotIn(deliveries);
    }
    if (RoundFilter.RUNNING.equals(filter.state())) {
      query.unfinished();
    } else if (RoundFilter.FINISHED.equals(filter.state())) {
      query.finished();
    }
    if (filter.outcome() != null) {
      query.variableValueEquals(RoundVariables.OUTCOME, filter.outcome());
    }
    List<HistoricProcessInstance> rounds =
        query.orderByProcessInstanceStartTime().desc().listPage(0, MAX_ROUNDS).stream()
            .filter(p -> filter.matchesKey(p.getBusinessKey()))
            .filter(RoundSearch::isRound)
            .toList();
    Map<String, Map<String, Object>> variables = variables(rounds);
    List<RoundSummary> found = new ArrayList<>();
    for (HistoricProcessInstance round : rounds) {
      Map<String, Object> values = variables.getOrDefault(round.getId(), Map.of());
      if (filter.unit() == null || hasUnit(values, filter.unit())) {
        found.add(summary(round, values));
      }
    }
    return found;
  }

  /** The round with this id, if the caller may read its history. */
  public Optional<RoundSummary> one(String processInstanceId) {
    HistoricProcessInstance round =
        history
            .createHistoricProcessInstanceQuery()
            .processInstanceId(processInstanceId)
            .singleResult();
    if (round == null || !isRound(round)) {
      return Optional.empty();
    }
    return Optional.of(
        summary(round, variables(List.of(round)).getOrDefault(round.getId(), Map.of())));
  }

  /**
   * A notice or evaluation shares the plan's key space; a round runs the process of its own plan
   * and task, the one rule {@link ProcessKeys#round} names.
   */
  static boolean isRound(HistoricProcessInstance instance) {
    String key = instance.getBusinessKey();
    if (key == null) {
      return false;
    }
    String[] parts = key.split("/");
    return parts.length == 3
        && ProcessKeys.round(parts[0], parts[1]).equals(instance.getProcessDefinitionKey());
  }

  private static boolean hasUnit(Map<String, Object> values, String unit) {
    return unit.equals(values.get(RoundVariables.LEAD_UNIT))
        || RoundUnits.split((String) values.get(RoundVariables.CO_UNITS)).contains(unit);
  }

  /** The round-level values the summaries show, for all rounds in one query per 500. */
  private Map<String, Map<String, Object>> variables(List<HistoricProcessInstance> rounds) {
    Map<String, Map<String, Object>> byRound = new HashMap<>();
    for (int from = 0; from < rounds.size(); from += 500) {
      String[] ids =
          rounds.subList(from, Math.min(rounds.size(), from + 500)).stream()
              .map(HistoricProcessInstance::getId)
              .toArray(String[]::new);
      for (HistoricVariableInstance v :
          history
              .createHistoricVariableInstanceQuery()
              .processInstanceIdIn(ids)
              .variableNameIn(SUMMARY_VARIABLES)
              .disableBinaryFetching()
              .disableCustomObjectDeserialization()
              .list()) {
        // only the round's own scope: a stage has variables of its own
        if (v.getProcessInstanceId().equals(v.getActivityInstanceId())) {
          byRound
              .computeIfAbsent(v.getProcessInstanceId(), k -> new HashMap<>())
              .put(v.getName(), v.getValue());
        }
      }
    }
    return byRound;
  }

  private RoundSummary summary(HistoricProcessInstance round, Map<String, Object> values) {
    String[] key = round.getBusinessKey().split("/");
    String outcome = (String) values.get(RoundVariables.OUTCOME);
    Object year = values.get(RoundVariables.YEAR);
    return new RoundSummary(
        round.getId(),
        round.getBusinessKey(),
        text(values.get(RoundVariables.PLAN_ID), key[0]),
        text(values.get(RoundVariables.TASK_NUMBER), key[1]),
        year instanceof Number n ? n.intValue() : ProcessKeys.yearOf(round.getBusinessKey()),
        (String) values.get(RoundVariables.ROUND_TITLE),
        (String) values.get(RoundVariables.LEAD_UNIT),
        (String) values.get(RoundVariables.LEAD_UNIT_NAME),
        round.getState(),
        AuditLabels.state(round.getState()),
        outcome,
        outcome == null ? (round.getEndTime() == null ? "办理中" : "") : AuditLabels.outcome(outcome),
        times.minute(round.getStartTime()),
        times.minute(round.getEndTime()));
  }

  private static String text(Object value, String fallback) {
    return value == null ? fallback : value.toString();
  }
}
