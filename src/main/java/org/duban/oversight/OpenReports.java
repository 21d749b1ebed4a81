package org.duban.oversight;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.duban.names.RoundVariables;
import org.springframework.stereotype.Component;

/**
 * Finds the unit and the rung of many open report tasks in a few queries, whatever their number.
 * The unit is a variable of the task's stage (never of the task), and the engine's API has no batch
 * lookup of identity links: so the unit is read from the nearest execution above the task that
 * holds it, one level of the execution tree at a time (usually the task's own parent).
 */
@Component
public class OpenReports {

  /** Engine ids are UUIDs or numbers; anything else never reaches the SQL below. */
  private static final Pattern ENGINE_ID = Pattern.compile("[A-Za-z0-9:._-]+");

  private static final int MAX_DEPTH = 6;

  private final RuntimeService runtime;
  private final String executions;

  public OpenReports(RuntimeService runtime, ProcessEngine engine) {
    this.runtime = runtime;
    // not ManagementService.getTableName: that asks the caller for the admin's SYSTEM permission
    this.executions =
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getDatabaseTablePrefix()
            + "ACT_RU_EXECUTION";
  }

  public List<OpenReport> of(List<Task> tasks) {
    Map<String, String> unitOfTask = units(tasks);
    Map<String, Integer> levels = new HashMap<>();
    Batches.in(
            tasks.stream().map(Task::getId).toList(),
            ids ->
                runtime
                    .createVariableInstanceQuery()
                    .taskIdIn(ids)
                    .variableName(RoundVariables.WARNING_LEVEL)
                    .disableBinaryFetching()
                    .list())
        .forEach(v -> levels.put(v.getTaskId(), ((Number) v.getValue()).intValue()));
    return tasks.stream()
        .filter(t -> unitOfTask.containsKey(t.getId()))
        .map(t -> new OpenReport(t, unitOfTask.get(t.getId()), levels.get(t.getId())))
        .toList();
  }

  private Map<String, String> units(List<Task> tasks) {
    Map<String, String> unitOfTask = new HashMap<>();
    // task id -> the execution looked at next
    Map<String, String> at = new LinkedHashMap<>();
    tasks.forEach(t -> at.put(t.getId(), t.getExecutionId()));
    Map<String, String> unitOfExecution = new HashMap<>();
    for (int depth = 0; depth < MAX_DEPTH && !at.isEmpty(); depth++) {
      Set<String> scopes = new HashSet<>(at.values());
      scopes.removeAll(unitOfExecution.keySet());
      for (VariableInstance v :
          Batches.in(
              scopes,
              ids ->
                  runtime
                      .createVariableInstanceQuery()
                      .executionIdIn(ids)
                      .variableName(RoundVariables.UNIT)
                      .disableBinaryFetching()
                      .list())) {
        if (v.getTaskId() == null && v.getValue() instanceof String unit) {
          unitOfExecution.put(v.getExecutionId(), unit);
        }
      }
      at.entrySet()
          .removeIf(
              e -> {
                String unit = unitOfExecution.get(e.getValue());
                if (unit != null) {
                  unitOfTask.put(e.getKey(), unit);
                }
                return unit != null;
              });
      if (!at.isEmpty()) {
        Map<String, String> parents = parents(new HashSet<>(at.values()));
        at.replaceAll((task, execution) -> parents.get(execution));
        at.values().removeIf(java.util.Objects::isNull);
      }
    }
    return unitOfTask;
  }

  /**
   * Execution id → parent id. A native query, which the engine does not authorize: it is given only
   * ids that the caller's authorized task query returned, and it returns nothing but their parents.
   */
  private Map<String, String> parents(Collection<String> executionIds) {
    Map<String, String> parents = new HashMap<>();
    for (Execution e :
        Batches.in(
            executionIds.stream().filter(id -> ENGINE_ID.matcher(id).matches()).toList(),
            ids ->
                runtime
                    .createNativeExecutionQuery()
                    .sql(
                        "SELECT * FROM "
                            + executions
                            + " WHERE ID_ IN ("
                            + java.util.Arrays.stream(ids)
                                .map(id -> "'" + id + "'")
                                .collect(Collectors.joining(","))
                            + ")")
                    .list())) {
      String parent = ((ExecutionEntity) e).getParentId();
      if (parent != null) {
        parents.put(e.getId(), parent);
      }
    }
    return parents;
  }
}
