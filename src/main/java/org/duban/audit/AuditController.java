package org.duban.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.duban.audit.RoundAudit.Change;
import org.duban.audit.RoundAudit.NoticeRecord;
import org.duban.audit.RoundAudit.Operation;
import org.duban.audit.RoundAudit.Step;
import org.duban.audit.RoundAudit.TaskRecord;
import org.duban.names.NoticeVariables;
import org.duban.names.ProcessKeys;
import org.duban.names.RoundVariables;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Read-only history of rounds for auditors (every plan) and supervisors (their plan). Cockpit CE
 * shows no history, so this is the auditors' view. Every query runs with the caller's own
 * authorizations (READ_HISTORY on the plan's processes): a round the caller may not read does not
 * exist for them. There is no write endpoint here.
 */
@RestController
public class AuditController {

  private final HistoryService history;

  public AuditController(HistoryService history) {
    this.history = history;
  }

  /**
   * Rounds whose business key starts with the given prefix, e.g. "wuzhong-2022/" or
   * "wuzhong-2022/一.4-展会/".
   */
  @GetMapping("/api/audit/rounds")
  public List<Map<String, Object>> rounds(@RequestParam("keyPrefix") String keyPrefix) {
    return history
        .createHistoricProcessInstanceQuery()
        .processInstanceBusinessKeyLike(keyPrefix.replace("%", "") + "%")
        .orderByProcessInstanceStartTime()
        .asc()
        .list()
        .stream()
        .map(
            p -> {
              Map<String, Object> row = new LinkedHashMap<>();
              row.put("processInstanceId", p.getId());
              row.put("businessKey", p.getBusinessKey());
              row.put("processDefinitionKey", p.getProcessDefinitionKey());
              row.put("state", p.getState());
              row.put("startTime", p.getStartTime());
              row.put("endTime", p.getEndTime());
              return row;
            })
        .toList();
  }

  @GetMapping("/api/audit/rounds/{processInstanceId}")
  public ResponseEntity<RoundAudit> round(@PathVariable String processInstanceId) {
    HistoricProcessInstance round =
        history
            .createHistoricProcessInstanceQuery()
            .processInstanceId(processInstanceId)
            .singleResult();
    if (round == null) {
      return ResponseEntity.notFound().build();
    }
    List<Step> steps =
        history
            .createHistoricActivityInstanceQuery()
            .processInstanceId(processInstanceId)
            .orderByHistoricActivityInstanceStartTime()
            .asc()
            .orderPartiallyByOccurrence()
            .asc()
            .list()
            .stream()
            .map(
                a ->
                    new Step(
                        a.getActivityId(),
                        a.getActivityName(),
                        a.getActivityType(),
                        a.getStartTime(),
                        a.getEndTime()))
            .toList();
    List<TaskRecord> tasks =
        history
            .createHistoricTaskInstanceQuery()
            .processInstanceId(processInstanceId)
            .orderByHistoricActivityInstanceStartTime()
            .asc()
            .list()
            .stream()
            .map(
                t ->
                    new TaskRecord(
                        t.getName(),
                        t.getTaskDefinitionKey(),
                        t.getAssignee(),
                        t.getStartTime(),
                        t.getEndTime(),
                        t.getDueDate(),
                        t.getFollowUpDate(),
                        t.getDeleteReason()))
            .toList();
    Map<String, Object> variables = new LinkedHashMap<>();
    for (HistoricVariableInstance v :
        history
            .createHistoricVariableInstanceQuery()
            .processInstanceId(processInstanceId)
            .disableBinaryFetching()
            .list()) {
      if (processInstanceId.equals(v.getActivityInstanceId())) {
        variables.put(v.getName(), v.getValue());
      }
    }
    List<Change> changes =
        history
            .createHistoricDetailQuery()
            .processInstanceId(processInstanceId)
            .variableUpdates()
            .disableBinaryFetching()
            .orderPartiallyByOccurrence()
            .asc()
            .list()
            .stream()
            .map(d -> change((HistoricVariableUpdate) d))
            .toList();
    List<Operation> operations =
        history.createUserOperationLogQuery().processInstanceId(processInstanceId).list().stream()
            .map(
                o ->
                    new Operation(
                        o.getUserId(),
                        o.getOperationType(),
                        o.getProperty(),
                        o.getNewValue(),
                        o.getTimestamp(),
                        o.getTaskId()))
            .toList();
    return ResponseEntity.ok(
        new RoundAudit(
            round.getId(),
            round.getBusinessKey(),
            round.getProcessDefinitionName(),
            round.getState(),
            round.getStartTime(),
            round.getEndTime(),
            steps,
            tasks,
            variables,
            changes,
            operations,
            notices(round)));
  }

  private static Change change(HistoricVariableUpdate update) {
    Object value =
        update.getTypedValue() instanceof FileValue file
            ? "file: " + file.getFilename()
            : update.getValue();
    return new Change(
        update.getVariableName(), value, update.getTime(), update.getActivityInstanceId());
  }

  private List<NoticeRecord> notices(HistoricProcessInstance round) {
    // the plan the round recorded when it opened, not a piece of its business key
    var plan =
        history
            .createHistoricVariableInstanceQuery()
            .processInstanceId(round.getId())
            .variableName(RoundVariables.PLAN_ID)
            .singleResult();
    if (plan == null) {
      return List.of();
    }
    String planId = (String) plan.getValue();
    return history
        .createHistoricProcessInstanceQuery()
        .processDefinitionKey(ProcessKeys.notice(planId))
        .processInstanceBusinessKey(round.getBusinessKey())
        .orderByProcessInstanceStartTime()
        .asc()
        .list()
        .stream()
        .map(
            notice -> {
              Map<String, Object> n = new LinkedHashMap<>();
              history
                  .createHistoricVariableInstanceQuery()
                  .processInstanceId(notice.getId())
                  .list()
                  .forEach(v -> n.put(v.getName(), v.getValue()));
              return new NoticeRecord(
                  (String) n.get(NoticeVariables.TYPE),
                  (String) n.get(NoticeVariables.UNIT),
                  (String) n.get(NoticeVariables.UNIT_NAME),
                  (String) n.get(NoticeVariables.HANDLER),
                  (String) n.get(NoticeVariables.REASON),
                  (java.util.Date) n.get(NoticeVariables.ISSUED_AT),
                  (String) n.get(NoticeVariables.STATUS),
                  (String) n.get(NoticeVariables.DECIDED_BY),
                  (java.util.Date) n.get(NoticeVariables.DECIDED_AT),
                  notice.getState());
            })
        .toList();
  }
}
