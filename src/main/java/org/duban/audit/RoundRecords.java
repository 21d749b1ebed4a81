package org.duban.audit;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.duban.audit.RoundDossier.Change;
import org.duban.audit.RoundDossier.Operation;
import org.duban.documents.LocalTimes;
import org.springframework.stereotype.Component;

/** The raw records of a round, made readable: the user operation log and every variable write. */
@Component
class RoundRecords {

  /** Long values (reports, tables) are cut here: the reports are shown whole elsewhere. */
  static final int MAX_VALUE = 300;

  private final HistoryService history;
  private final LocalTimes times;

  RoundRecords(HistoryService history, LocalTimes times) {
    this.history = history;
    this.times = times;
  }

  List<UserOperationLogEntry> operationLog(String processInstanceId) {
    return history
        .createUserOperationLogQuery()
        .processInstanceId(processInstanceId)
        .orderByTimestamp()
        .asc()
        .list();
  }

  List<Operation> operations(String processInstanceId, List<UserOperationLogEntry> log) {
    Map<String, String> taskNames = new HashMap<>();
    history
        .createHistoricTaskInstanceQuery()
        .processInstanceId(processInstanceId)
        .list()
        .forEach(t -> taskNames.put(t.getId(), name(t)));
    return log.stream()
        .map(
            o ->
                new Operation(
                    times.minute(o.getTimestamp()),
                    o.getUserId(),
                    o.getOperationType(),
                    AuditLabels.operation(o.getOperationType()),
                    o.getEntityType(),
                    o.getProperty(),
                    cut(o.getOrgValue()),
                    cut(o.getNewValue()),
                    o.getTaskId() == null ? "" : taskNames.getOrDefault(o.getTaskId(), "")))
        .toList();
  }

  List<Change> changes(String processInstanceId) {
    Map<String, String> scopes = new HashMap<>();
    for (HistoricActivityInstance a :
        history.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId).list()) {
      scopes.put(a.getId(), a.getActivityName() != null ? a.getActivityName() : a.getActivityId());
    }
    scopes.put(processInstanceId, "流程");
    return history
        .createHistoricDetailQuery()
        .processInstanceId(processInstanceId)
        .variableUpdates()
        .disableBinaryFetching()
        .disableCustomObjectDeserialization()
        .orderPartiallyByOccurrence()
        .asc()
        .list()
        .stream()
        .filter(HistoricVariableUpdate.class::isInstance)
        .map(HistoricVariableUpdate.class::cast)
        .map(
            u ->
                new Change(
                    times.minute(u.getTime()),
                    u.getVariableName(),
                    value(u),
                    scopes.getOrDefault(u.getActivityInstanceId(), ""),
                    u.getRevision()))
        .toList();
  }

  private String value(HistoricVariableUpdate update) {
    if (update.getErrorMessage() != null) {
      return "(无法读取:" + update.getErrorMessage() + ")";
    }
    if (update.getTypedValue() instanceof FileValue file) {
      return "文件:" + file.getFilename();
    }
    Object value = update.getValue();
    if (value instanceof Date date) {
      return times.minute(date);
    }
    return cut(value == null ? "" : value.toString());
  }

  private static String cut(String text) {
    if (text == null) {
      return "";
    }
    return text.length() <= MAX_VALUE ? text : text.substring(0, MAX_VALUE) + "…";
  }

  private static String name(HistoricTaskInstance task) {
    return task.getName() != null ? task.getName() : task.getTaskDefinitionKey();
  }
}
