package org.duban.ownreports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.duban.engine.SystemQueries;
import org.duban.names.RoundVariables;
import org.springframework.stereotype.Component;

/**
 * The reports a unit filed for one catalog task in every round so far (earlier years, and earlier
 * versions returned in this round), for its report form. All is looked up without the caller's
 * authorizations (units may not read history); the caller must then belong to the group the task is
 * offered to, and only that group's own reports are answered: never another unit's, whatever task
 * id is sent.
 */
@Component
public class OwnReports {

  /** Why a caller gets no reports: the task is unknown, or not one of the caller's unit. */
  public enum Refusal {
    NOT_FOUND,
    NOT_YOUR_UNIT
  }

  /** Either the reports (newest first) or why not. */
  public record Answer(List<ObjectNode> reports, Refusal refusal) {}

  private final TaskService tasks;
  private final HistoryService history;
  private final IdentityService identity;
  private final ObjectMapper json;

  public OwnReports(
      TaskService tasks, HistoryService history, IdentityService identity, ObjectMapper json) {
    this.tasks = tasks;
    this.history = history;
    this.identity = identity;
    this.json = json;
  }

  public Answer of(String taskId, List<String> callerGroups) {
    return SystemQueries.outsideAuthorizations(identity, () -> lookUp(taskId, callerGroups));
  }

  private Answer lookUp(String taskId, List<String> callerGroups) {
    Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
    if (task == null || task.getProcessDefinitionId() == null) {
      return new Answer(List.of(), Refusal.NOT_FOUND);
    }
    Optional<String> unit = candidateGroup(taskId).filter(callerGroups::contains);
    if (unit.isEmpty()) {
      return new Answer(List.of(), Refusal.NOT_YOUR_UNIT);
    }
    String processKey =
        history
            .createHistoricProcessInstanceQuery()
            .processInstanceId(task.getProcessInstanceId())
            .singleResult()
            .getProcessDefinitionKey();
    List<HistoricVariableInstance> filed =
        history
            .createHistoricVariableInstanceQuery()
            .processDefinitionKey(processKey)
            .variableName(RoundVariables.REPORT)
            .includeDeleted()
            .list();
    Map<String, String> businessKeys = businessKeys(filed);
    List<ObjectNode> reports = new ArrayList<>();
    for (HistoricVariableInstance variable : filed) {
      ObjectNode report = parse(variable.getValue());
      if (report == null || !unit.get().equals(report.path("unit").asText())) {
        continue;
      }
      String key = businessKeys.getOrDefault(variable.getProcessInstanceId(), "");
      report.put("year", key.substring(key.lastIndexOf('/') + 1));
      report.put("thisRound", variable.getProcessInstanceId().equals(task.getProcessInstanceId()));
      reports.add(report);
    }
    reports.sort(Comparator.comparing((ObjectNode r) -> r.path("submittedAt").asText()).reversed());
    return new Answer(reports, null);
  }

  private Optional<String> candidateGroup(String taskId) {
    List<IdentityLink> links = tasks.getIdentityLinksForTask(taskId);
    return links.stream()
        .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
        .map(IdentityLink::getGroupId)
        .findFirst();
  }

  private Map<String, String> businessKeys(List<HistoricVariableInstance> variables) {
    String[] ids =
        variables.stream()
            .map(HistoricVariableInstance::getProcessInstanceId)
            .distinct()
            .toArray(String[]::new);
    if (ids.length == 0) {
      return Map.of();
    }
    return history
        .createHistoricProcessInstanceQuery()
        .processInstanceIds(Set.of(ids))
        .list()
        .stream()
        .filter(p -> p.getBusinessKey() != null)
        .collect(
            Collectors.toMap(
                HistoricProcessInstance::getId,
                HistoricProcessInstance::getBusinessKey,
                (a, b) -> a,
                HashMap::new));
  }

  private ObjectNode parse(Object value) {
    try {
      return value instanceof String text && json.readTree(text) instanceof ObjectNode node
          ? node
          : null;
    } catch (JsonProcessingException e) {
      return null;
    }
  }
}
