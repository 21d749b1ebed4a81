package org.duban.supervision;

import static org.duban.supervision.NoticeVariables.*;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.duban.engine.SystemQueries;
import org.duban.identity.PeopleNames;
import org.duban.modeling.ProcessKeys;
import org.springframework.stereotype.Service;

/**
 * Issues notices. Each notice is an instance of its plan's notice process, business key = the
 * round's key: history keeps it with time, unit, handler and reason, criticisms and interviews
 * become tasks in the supervisor's inbox, and Cockpit finds a round's notices by its key.
 */
@Service
public class Notices {

  private final RuntimeService runtime;
  private final HistoryService history;
  private final PeopleNames people;

  public Notices(RuntimeService runtime, HistoryService history, PeopleNames people) {
    this.runtime = runtime;
    this.history = history;
    this.people = people;
  }

  public void issue(Notice notice) {
    Map<String, Object> vars = new HashMap<>();
    vars.put(TYPE, notice.type().name());
    vars.put(TYPE_LABEL, notice.type().label);
    vars.put(COLOUR, notice.type().colour);
    vars.put(PLAN_ID, notice.planId());
    vars.put(ROUND_KEY, notice.roundKey());
    vars.put(ROUND_INSTANCE_ID, notice.roundInstanceId());
    vars.put(ROUND_TITLE, notice.roundTitle());
    vars.put(UNIT, notice.unit());
    vars.put(UNIT_NAME, notice.unitName());
    vars.put(HANDLER, notice.handler());
    vars.put(HANDLER_NAME, people.of(notice.handler()));
    vars.put(REASON, notice.reason());
    vars.put(SUPERVISOR_GROUP, notice.supervisorGroup());
    vars.put(ISSUED_AT, ClockUtil.getCurrentTime());
    // notices are the system's act, whoever's action triggered them
    SystemQueries.run(() -> runtime.startProcessInstanceByKey(ProcessKeys.notice(notice.planId()), notice.roundKey(), vars));
  }

  /**
   * Criticizes a unit; the second criticism of the same unit in the same round also summons it to
   * an admonitory interview (约谈).
   */
  public void criticize(Notice criticism) {
    long earlier = count(criticism.planId(), criticism.roundKey(), criticism.unit(), NoticeType.CRITICISM);
    issue(criticism);
    if (earlier >= 1) {
      issue(new Notice(NoticeType.INTERVIEW, criticism.planId(), criticism.roundKey(), criticism.roundInstanceId(),
          criticism.roundTitle(), criticism.unit(), criticism.unitName(), criticism.handler(),
          "同一轮次内第 " + (earlier + 1) + " 次被通报批评:" + criticism.reason(), criticism.supervisorGroup()));
    }
  }

  public long count(String planId, String roundKey, String unit, NoticeType type) {
    return SystemQueries.run(() -> history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(ProcessKeys.notice(planId))
        .processInstanceBusinessKey(roundKey)
        .variableValueEquals(UNIT, unit)
        .variableValueEquals(TYPE, type.name())
        .count());
  }
}
