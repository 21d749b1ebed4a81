package org.duban.oversight;

import static org.duban.names.NoticeVariables.*;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.duban.catalog.PlanCatalog;
import org.duban.names.NoticeStatus;
import org.duban.names.NoticeType;
import org.duban.names.ProcessKeys;
import org.springframework.stereotype.Component;

/**
 * Reads the notices of the given plans from history: two queries, the instances and then all their
 * variables at once. The caller has decided that these plans' notices may be read.
 */
@Component
public class NoticeRecords {

  private static final String[] NAMES = {
    TYPE,
    STATUS,
    PLAN_ID,
    ROUND_KEY,
    ROUND_INSTANCE_ID,
    ROUND_TITLE,
    UNIT,
    UNIT_NAME,
    HANDLER,
    HANDLER_NAME,
    REASON,
    SUPERVISOR_GROUP,
    ISSUED_AT,
    DECIDED_BY,
    DECIDED_AT,
    NOTICE_TEXT,
    CIRCULATED_TO
  };

  private final HistoryService history;

  public NoticeRecords(HistoryService history) {
    this.history = history;
  }

  /** The notices of the given plans, of one year's rounds where a year is given. */
  public List<NoticeRecord> of(Collection<PlanCatalog> plans, Integer year) {
    if (plans.isEmpty()) {
      return List.of();
    }
    HistoricProcessInstanceQuery query =
        history
            .createHistoricProcessInstanceQuery()
            .processDefinitionKeyIn(
                plans.stream().map(p -> ProcessKeys.notice(p.id())).toArray(String[]::new));
    if (year != null) {
      query.processInstanceBusinessKeyLike("%/" + year);
    }
    return records(query.list());
  }

  /**
   * The notices of the given rounds, with only what counting needs (type, status, unit): the board
   * reads these for thousands of notices, the register reads everything of fewer.
   */
  public List<NoticeRecord> ofRounds(Collection<PlanCatalog> plans, Collection<String> roundKeys) {
    if (plans.isEmpty() || roundKeys.isEmpty()) {
      return List.of();
    }
    String[] keys = plans.stream().map(p -> ProcessKeys.notice(p.id())).toArray(String[]::new);
    return records(
        Batches.in(
            roundKeys,
            rounds ->
                history
                    .createHistoricProcessInstanceQuery()
                    .processDefinitionKeyIn(keys)
                    .processInstanceBusinessKeyIn(rounds)
                    .list()),
        new String[] {TYPE, STATUS, UNIT, PLAN_ID});
  }

  /** One notice of the given plans, or null. */
  public NoticeRecord one(Collection<PlanCatalog> plans, String noticeId) {
    if (plans.isEmpty()) {
      return null;
    }
    List<NoticeRecord> found =
        records(
            history
                .createHistoricProcessInstanceQuery()
                .processInstanceId(noticeId)
                .processDefinitionKeyIn(
                    plans.stream().map(p -> ProcessKeys.notice(p.id())).toArray(String[]::new))
                .list());
    return found.isEmpty() ? null : found.get(0);
  }

  private List<NoticeRecord> records(List<HistoricProcessInstance> notices) {
    return records(notices, NAMES);
  }

  private List<NoticeRecord> records(List<HistoricProcessInstance> notices, String[] names) {
    Map<String, Map<String, Object>> vars = new HashMap<>();
    for (HistoricVariableInstance v :
        Batches.in(
            notices.stream().map(HistoricProcessInstance::getId).toList(),
            ids ->
                history
                    .createHistoricVariableInstanceQuery()
                    .processInstanceIdIn(ids)
                    .variableNameIn(names)
                    .disableBinaryFetching()
                    .list())) {
      vars.computeIfAbsent(v.getProcessInstanceId(), id -> new HashMap<>())
          .put(v.getName(), v.getValue());
    }
    List<NoticeRecord> records = new ArrayList<>();
    for (HistoricProcessInstance notice : notices) {
      Map<String, Object> n = vars.getOrDefault(notice.getId(), Map.of());
      if (n.get(TYPE) == null || n.get(STATUS) == null) {
        continue;
      }
      records.add(
          new NoticeRecord(
              notice.getId(),
              (String) n.get(PLAN_ID),
              NoticeType.valueOf((String) n.get(TYPE)),
              NoticeStatus.valueOf((String) n.get(STATUS)),
              (String) n.get(UNIT),
              (String) n.get(UNIT_NAME),
              (String) n.get(HANDLER),
              (String) n.get(HANDLER_NAME),
              (String) n.get(REASON),
              notice.getBusinessKey(),
              (String) n.get(ROUND_INSTANCE_ID),
              (String) n.get(ROUND_TITLE),
              (Date) n.get(ISSUED_AT),
              (String) n.get(DECIDED_BY),
              (Date) n.get(DECIDED_AT),
              (String) n.get(SUPERVISOR_GROUP),
              (String) n.get(NOTICE_TEXT),
              (String) n.get(CIRCULATED_TO)));
    }
    return records;
  }
}
