package org.duban.oversight;

import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_HISTORY;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.duban.catalog.PlanCatalog;
import org.duban.catalog.Target;
import org.duban.catalog.TaskEntry;
import org.duban.engine.SystemQueries;
import org.duban.names.ProcessKeys;
import org.duban.names.RoundVariables;
import org.duban.round.RoundUnits;
import org.duban.targets.RoundTargets;
import org.duban.targets.TargetResult;
import org.springframework.stereotype.Component;

/**
 * 指标达标 of one plan and year, for the board: per task that answers for targets, each target with the
 * lead's reported value, the target value and the verdict, as the review of the year's full-year
 * round shows them ({@link RoundVariables#TARGET_RESULTS}; a half-year's or quarter's round reports
 * interim figures and is not shown); before the lead has reported, the round's declared targets
 * without a value. Only rounds whose history the caller may read are shown.
 */
@Component
public class TargetRows {

  /** Where {@link #rounds} keeps the round's id beside its variables. */
  private static final String ROUND_ID = "_roundId";

  /**
   * @param roundId the round of the year, null where none was opened
   */
  public record Row(
      String taskNumber,
      String taskTitle,
      String roundId,
      String leadUnitName,
      TargetResult result) {}

  private final OversightAccess access;
  private final ReadableDefinitions readable;
  private final HistoryService history;
  private final IdentityService identity;
  private final ObjectMapper json;
  private final OversightQueries queries;

  public TargetRows(
      OversightAccess access,
      ReadableDefinitions readable,
      HistoryService history,
      IdentityService identity,
      ObjectMapper json,
      OversightQueries queries) {
    this.access = access;
    this.readable = readable;
    this.history = history;
    this.identity = identity;
    this.json = json;
    this.queries = queries;
  }

  /** The rows of the plan's year (default: the board's, this year within the plan's period). */
  public List<Row> of(String planId, Integer requestedYear) {
    PlanCatalog plan = access.plan(planId);
    int year = requestedYear == null ? queries.defaultYear(plan) : requestedYear;
    Map<String, TaskEntry> answering = new LinkedHashMap<>();
    for (TaskEntry task : plan.tasks()) {
      if (!RoundTargets.declared(plan, task, year).isEmpty()) {
        answering.put(ProcessKeys.round(plan.id(), task.number()), task);
      }
    }
    Set<String> keys = readable.of(READ_HISTORY, answering.keySet());
    if (keys.isEmpty()) {
      return List.of();
    }
    Map<String, Map<String, Object>> varsOfKey =
        SystemQueries.outsideAuthorizations(identity, () -> rounds(plan, keys, year));
    List<Row> rows = new ArrayList<>();
    answering.forEach(
        (key, task) -> {
          if (!keys.contains(key)) {
            return;
          }
          Map<String, Object> vars = varsOfKey.get(key);
          String lead = vars == null ? null : (String) vars.get(RoundVariables.LEAD_UNIT);
          String roundId = vars == null ? null : (String) vars.get(ROUND_ID);
          for (TargetResult r : results(plan, task, year, vars)) {
            rows.add(
                new Row(
                    task.number(),
                    task.title(),
                    roundId,
                    lead == null ? null : RoundUnits.nameOf(plan, lead),
                    r));
          }
        });
    return rows;
  }

  private List<TargetResult> results(
      PlanCatalog plan, TaskEntry task, int year, Map<String, Object> vars) {
    Object published = vars == null ? null : vars.get(RoundVariables.TARGET_RESULTS);
    if (published instanceof String text) {
      return read(text, new TypeReference<List<TargetResult>>() {});
    }
    Object declared = vars == null ? null : vars.get(RoundVariables.TARGETS);
    List<Target> targets =
        declared instanceof String text
            ? read(text, new TypeReference<List<Target>>() {})
            : RoundTargets.declared(plan, task, year);
    return RoundTargets.results(targets, year, null);
  }

  /** Round definition key → the year's round's own variables (the latest round of a key). */
  private Map<String, Map<String, Object>> rounds(PlanCatalog plan, Set<String> keys, int year) {
    List<HistoricProcessInstance> found =
        new ArrayList<>(
            history
                .createHistoricProcessInstanceQuery()
                .processDefinitionKeyIn(keys.toArray(String[]::new))
                .processInstanceBusinessKeyLike(plan.id() + "/%/" + year)
                .list());
    found.removeIf(r -> !Integer.valueOf(year).equals(ProcessKeys.yearOf(r.getBusinessKey())));
    // a cancelled round gives way to the one that replaced it
    found.sort(
        Comparator.comparing((HistoricProcessInstance r) -> r.getEndTime() == null)
            .thenComparing(HistoricProcessInstance::getStartTime));
    Map<String, String> roundOfKey = new HashMap<>();
    found.forEach(r -> roundOfKey.put(r.getProcessDefinitionKey(), r.getId()));
    Map<String, Map<String, Object>> out = new HashMap<>();
    if (roundOfKey.isEmpty()) {
      return out;
    }
    Map<String, String> keyOfRound = new HashMap<>();
    roundOfKey.forEach((key, id) -> keyOfRound.put(id, key));
    for (HistoricVariableInstance v :
        Batches.in(
            List.copyOf(keyOfRound.keySet()),
            ids ->
                history
                    .createHistoricVariableInstanceQuery()
                    .processInstanceIdIn(ids)
                    .variableNameIn(
                        RoundVariables.TARGETS,
                        RoundVariables.TARGET_RESULTS,
                        RoundVariables.LEAD_UNIT)
                    .list())) {
      if (v.getProcessInstanceId().equals(v.getActivityInstanceId())) {
        Map<String, Object> vars =
            out.computeIfAbsent(keyOfRound.get(v.getProcessInstanceId()), k -> new HashMap<>());
        vars.put(v.getName(), v.getValue());
        vars.put(ROUND_ID, v.getProcessInstanceId());
      }
    }
    return out;
  }

  private <T> T read(String text, TypeReference<T> type) {
    try {
      return json.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable round variable", e);
    }
  }
}
