package org.duban.delivery;

import static org.duban.names.DeliveryVariables.*;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.duban.catalog.PlanCatalog;
import org.duban.catalog.PlanCatalogs;
import org.duban.documents.LocalTimes;
import org.duban.names.ProcessKeys;
import org.springframework.stereotype.Component;

/**
 * Reads deliveries from history with the caller's own authorizations (READ_HISTORY on the plan's
 * delivery process): an office reads its plans', an auditor all, a unit none. The attempts come
 * from the engine's job log, the status from the instance and its incidents.
 */
@Component
public class DeliveryRecords {

  private final HistoryService history;
  private final PlanCatalogs catalogs;
  private final LocalTimes times;

  public DeliveryRecords(HistoryService history, PlanCatalogs catalogs, LocalTimes times) {
    this.history = history;
    this.catalogs = catalogs;
    this.times = times;
  }

  /** The deliveries of one round, oldest first, with their attempts. */
  public List<DeliveryRecord> ofRound(String planId, String businessKey) {
    if (planId == null) {
      return List.of();
    }
    List<HistoricProcessInstance> found =
        history
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey(ProcessKeys.delivery(planId))
            .processInstanceBusinessKey(businessKey)
            .orderByProcessInstanceStartTime()
            .asc()
            .list();
    return records(found, true);
  }

  /** The latest deliveries of every plan the caller may read, newest first, without attempts. */
  public List<DeliveryRecord> latest(int max) {
    String[] keys =
        catalogs.all().stream()
            .map(PlanCatalog::id)
            .map(ProcessKeys::delivery)
            .toArray(String[]::new);
    if (keys.length == 0) {
      return List.of();
    }
    List<HistoricProcessInstance> found =
        history
            .createHistoricProcessInstanceQuery()
            .processDefinitionKeyIn(keys)
            .orderByProcessInstanceStartTime()
            .desc()
            .listPage(0, max);
    return records(found, false);
  }

  private List<DeliveryRecord> records(List<HistoricProcessInstance> found, boolean attempts) {
    if (found.isEmpty()) {
      return List.of();
    }
    String[] ids = found.stream().map(HistoricProcessInstance::getId).toArray(String[]::new);
    Map<String, Map<String, Object>> values = new HashMap<>();
    for (HistoricVariableInstance v :
        history
            .createHistoricVariableInstanceQuery()
            .processInstanceIdIn(ids)
            .disableBinaryFetching()
            .list()) {
      values
          .computeIfAbsent(v.getProcessInstanceId(), k -> new HashMap<>())
          .put(v.getName(), v.getValue());
    }
    List<String> failing = new ArrayList<>();
    for (HistoricProcessInstance instance : found) {
      if (instance.getEndTime() == null
          && history
                  .createHistoricIncidentQuery()
                  .processInstanceId(instance.getId())
                  .open()
                  .count()
              > 0) {
        failing.add(instance.getId());
      }
    }
    List<DeliveryRecord> records = new ArrayList<>();
    for (HistoricProcessInstance instance : found) {
      Map<String, Object> v = values.getOrDefault(instance.getId(), Map.of());
      String status =
          instance.getEndTime() != null
              ? "DELIVERED"
              : failing.contains(instance.getId()) ? "FAILED" : "PENDING";
      records.add(
          new DeliveryRecord(
              instance.getId(),
              times.minute((Date) v.get(QUEUED_AT)),
              (String) v.get(EVENT),
              (String) v.get(EVENT_LABEL),
              (String) v.get(UNIT),
              (String) v.get(UNIT_NAME),
              (String) v.get(RECIPIENT),
              (String) v.get(RECIPIENT_NAME),
              (String) v.get(CHANNEL),
              (String) v.get(CHANNEL_LABEL),
              (String) v.get(SUBJECT),
              (String) v.get(TEXT),
              status,
              switch (status) {
                case "DELIVERED" -> "已送达";
                case "FAILED" -> "送达失败(已转为 Cockpit 事件)";
                default -> "待送达";
              },
              times.minute((Date) v.get(DELIVERED_AT)),
              (String) v.get(DELIVERED_TO),
              attempts ? attempts(instance.getId()) : List.of()));
    }
    return records;
  }

  private List<DeliveryRecord.Attempt> attempts(String processInstanceId) {
    return history
        .createHistoricJobLogQuery()
        .processInstanceId(processInstanceId)
        .orderByTimestamp()
        .asc()
        .orderPartiallyByOccurrence()
        .asc()
        .list()
        .stream()
        .filter(log -> log.isFailureLog() || log.isSuccessLog())
        .map(
            (HistoricJobLog log) ->
                new DeliveryRecord.Attempt(
                    times.minute(log.getTimestamp()),
                    log.isSuccessLog(),
                    log.isFailureLog() ? log.getJobExceptionMessage() : null))
        .toList();
  }
}
