package org.duban.extension;

import static org.duban.names.ExtensionVariables.*;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.duban.documents.LocalTimes;
import org.duban.names.ExtensionStatus;
import org.duban.names.ProcessKeys;
import org.springframework.stereotype.Component;

/**
 * Extension requests as history keeps them, read with the caller's own authorizations (an office
 * its plan's, an auditor every plan's, a unit none): two queries however many requests there are.
 */
@Component
public class ExtensionRecords {

  private final HistoryService history;
  private final LocalTimes times;

  public ExtensionRecords(HistoryService history, LocalTimes times) {
    this.history = history;
    this.times = times;
  }

  /** Every request of one round (its business key), oldest first. */
  public List<ExtensionRecord> ofRound(String planId, String roundKey) {
    return read(query(planId).processInstanceBusinessKey(roundKey));
  }

  /**
   * Every request of a plan, or of its rounds of one year (null: all years; a period's round, as
   * …/2025-H1, counts to its year), oldest first.
   */
  public List<ExtensionRecord> ofPlan(String planId, Integer year) {
    List<ExtensionRecord> all = read(query(planId));
    return year == null
        ? all
        : all.stream().filter(r -> year.equals(ProcessKeys.yearOf(r.roundKey()))).toList();
  }

  private HistoricProcessInstanceQuery query(String planId) {
    return history
        .createHistoricProcessInstanceQuery()
        .processDefinitionKey(ProcessKeys.extension(planId));
  }

  private List<ExtensionRecord> read(HistoricProcessInstanceQuery query) {
    List<HistoricProcessInstance> requests = query.orderByProcessInstanceStartTime().asc().list();
    if (requests.isEmpty()) {
      return List.of();
    }
    String[] ids = requests.stream().map(HistoricProcessInstance::getId).toArray(String[]::new);
    Map<String, Map<String, Object>> vars = new HashMap<>();
    for (HistoricVariableInstance v :
        history
            .createHistoricVariableInstanceQuery()
            .processInstanceIdIn(ids)
            .disableBinaryFetching()
            .list()) {
      // the instance's own variables, not the decision task's local form fields
      if (v.getTaskId() != null) {
        continue;
      }
      vars.computeIfAbsent(v.getProcessInstanceId(), k -> new HashMap<>())
          .put(v.getName(), v.getValue());
    }
    List<ExtensionRecord> records = new ArrayList<>();
    for (HistoricProcessInstance p : requests) {
      Map<String, Object> r = vars.getOrDefault(p.getId(), Map.of());
      String status = text(r.get(STATUS));
      records.add(
          new ExtensionRecord(
              p.getId(),
              text(r.get(UNIT_TASK_ID)),
              p.getBusinessKey(),
              text(r.get(ROUND_TITLE)),
              text(r.get(STAGE)),
              text(r.get(UNIT)),
              text(r.get(UNIT_NAME)),
              text(r.get(REQUESTED_BY)),
              text(r.get(REQUESTED_BY_NAME)),
              times.minute(r.get(REQUESTED_AT) instanceof Date d ? d : p.getStartTime()),
              text(r.get(REQUEST_REASON)),
              text(r.get(CURRENT_DUE)),
              text(r.get(PROPOSED_DUE)),
              r.get(REQUEST_NUMBER) instanceof Number n ? n.intValue() : null,
              status,
              label(status),
              text(r.get(GRANTED_DUE)),
              text(r.get(REFUSAL_REASON)),
              text(r.get(DECIDED_BY)),
              text(r.get(DECIDED_BY_NAME)),
              r.get(DECIDED_AT) instanceof Date d ? times.minute(d) : null,
              text(r.get(OUTCOME_NOTE))));
    }
    return records;
  }

  private static String label(String status) {
    try {
      return ExtensionStatus.valueOf(status).label;
    } catch (IllegalArgumentException | NullPointerException e) {
      return status;
    }
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }
}
