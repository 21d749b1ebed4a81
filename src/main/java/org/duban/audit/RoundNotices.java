package org.duban.audit;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.duban.audit.RoundDossier.NoticeEntry;
import org.duban.documents.LocalTimes;
import org.duban.identity.PeopleNames;
import org.duban.names.NoticeVariables;
import org.duban.names.ProcessKeys;
import org.springframework.stereotype.Component;

/**
 * The notices about a round's units: the plan's notice processes that carry the round's business
 * key, with their status (only an issued one counts) and who decided or signed for them.
 */
@Component
class RoundNotices {

  private final HistoryService history;
  private final LocalTimes times;
  private final PeopleNames people;

  RoundNotices(HistoryService history, LocalTimes times, PeopleNames people) {
    this.history = history;
    this.times = times;
    this.people = people;
  }

  /**
   * @param planId the plan the round recorded when it opened, not a piece of its business key
   */
  List<NoticeEntry> of(String planId, String businessKey) {
    if (planId == null) {
      return List.of();
    }
    List<HistoricProcessInstance> notices =
        history
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey(ProcessKeys.notice(planId))
            .processInstanceBusinessKey(businessKey)
            .orderByProcessInstanceStartTime()
            .asc()
            .list();
    if (notices.isEmpty()) {
      return List.of();
    }
    Map<String, Map<String, Object>> values = new HashMap<>();
    for (HistoricVariableInstance v :
        history
            .createHistoricVariableInstanceQuery()
            .processInstanceIdIn(
                notices.stream().map(HistoricProcessInstance::getId).toArray(String[]::new))
            .disableBinaryFetching()
            .disableCustomObjectDeserialization()
            .list()) {
      values
          .computeIfAbsent(v.getProcessInstanceId(), k -> new HashMap<>())
          .put(v.getName(), v.getValue());
    }
    return notices.stream().map(n -> entry(n, values.getOrDefault(n.getId(), Map.of()))).toList();
  }

  private NoticeEntry entry(HistoricProcessInstance notice, Map<String, Object> n) {
    String type = (String) n.get(NoticeVariables.TYPE);
    String status = (String) n.get(NoticeVariables.STATUS);
    String handlerName = (String) n.get(NoticeVariables.HANDLER_NAME);
    return new NoticeEntry(
        notice.getId(),
        type,
        AuditLabels.noticeType(type),
        (String) n.get(NoticeVariables.UNIT),
        (String) n.get(NoticeVariables.UNIT_NAME),
        handlerName != null ? handlerName : people.of((String) n.get(NoticeVariables.HANDLER)),
        (String) n.get(NoticeVariables.REASON),
        times.minute((Date) n.get(NoticeVariables.ISSUED_AT)),
        status,
        AuditLabels.noticeStatus(status),
        people.of((String) n.get(NoticeVariables.DECIDED_BY)),
        times.minute((Date) n.get(NoticeVariables.DECIDED_AT)),
        people.of((String) n.get(NoticeVariables.ACKNOWLEDGED_BY)),
        times.minute((Date) n.get(NoticeVariables.ACKNOWLEDGED_AT)));
  }
}
