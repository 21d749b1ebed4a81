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
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.duban.catalog.PlanCatalog;
import org.duban.names.NoticeStatus;
import org.duban.names.NoticeType;
import org.duban.names.ProcessKeys;
import org.springframework.stereotype.Component;

/**
 * Reads the notices of the given plans from history, each set in one statement ({@link
 * VariableTables}). The caller has decided, with the engine, that these plans' notices may be read.
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
  private final VariableTables tables;

  public NoticeRecords(HistoryService history, VariableTables tables) {
    this.history = history;
    this.tables = tables;
  }

  /** The notices of the given plans, of one year's rounds where a year is given. */
  public List<NoticeRecord> of(Collection<PlanCatalog> plans, Integer year) {
    return records(tables.historic(noticeKeys(plans), null, year, List.of(NAMES)));
  }

  /**
   * The notices of the given rounds, with only what counting needs (type, status, unit): the board
   * reads these for thousands of notices, the register reads everything of fewer.
   */
  public List<NoticeRecord> ofRounds(Collection<PlanCatalog> plans, Collection<String> roundKeys) {
    return records(
        tables.historic(noticeKeys(plans), roundKeys, null, List.of(TYPE, STATUS, UNIT, PLAN_ID)));
  }

  /** One notice of the given plans, or null. */
  public NoticeRecord one(Collection<PlanCatalog> plans, String noticeId) {
    if (plans.isEmpty()) {
      return null;
    }
    HistoricProcessInstance notice =
        history
            .createHistoricProcessInstanceQuery()
            .processInstanceId(noticeId)
            .processDefinitionKeyIn(noticeKeys(plans).toArray(String[]::new))
            .singleResult();
    if (notice == null) {
      return null;
    }
    Map<String, Object> vars = new HashMap<>();
    for (HistoricVariableInstance v :
        history
            .createHistoricVariableInstanceQuery()
            .processInstanceIdIn(notice.getId())
            .variableNameIn(NAMES)
            .disableBinaryFetching()
            .list()) {
      vars.put(v.getName(), v.getValue());
    }
    List<NoticeRecord> found =
        records(
            List.of(new VariableTables.Instance(notice.getId(), notice.getBusinessKey(), vars)));
    return found.isEmpty() ? null : found.get(0);
  }

  private static List<String> noticeKeys(Collection<PlanCatalog> plans) {
    return plans.stream().map(p -> ProcessKeys.notice(p.id())).toList();
  }

  private static List<NoticeRecord> records(List<VariableTables.Instance> notices) {
    List<NoticeRecord> records = new ArrayList<>();
    for (VariableTables.Instance notice : notices) {
      Map<String, Object> n = notice.variables();
      if (n.get(TYPE) == null || n.get(STATUS) == null) {
        continue;
      }
      records.add(
          new NoticeRecord(
              notice.id(),
              (String) n.get(PLAN_ID),
              NoticeType.valueOf((String) n.get(TYPE)),
              NoticeStatus.valueOf((String) n.get(STATUS)),
              (String) n.get(UNIT),
              (String) n.get(UNIT_NAME),
              (String) n.get(HANDLER),
              (String) n.get(HANDLER_NAME),
              (String) n.get(REASON),
              notice.businessKey(),
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
