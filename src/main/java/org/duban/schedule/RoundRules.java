package org.duban.schedule;

import java.time.MonthDay;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.duban.catalog.RoundCalendar;
import org.duban.names.ModelProperties;

/**
 * The deadline rules a round runs by, written into its process model when the plan is deployed: a
 * changed catalog becomes a new process version, and rounds already running keep the rules they
 * opened with (as the escalation offsets in their timers do).
 */
public record RoundRules(
    MonthDay reportDue, Period coUnitLeadTime, Period reworkTime, Period minimumLeadTime) {

  static final String REPORT_DUE = "duban.calendar.reportDue";
  static final String CO_UNIT_LEAD_TIME = "duban.calendar.coUnitLeadTime";
  static final String REWORK_TIME = "duban.calendar.reworkTime";
  static final String MINIMUM_LEAD_TIME = "duban.calendar.minimumLeadTime";

  public static RoundRules of(RoundCalendar calendar) {
    return new RoundRules(
        calendar.reportDue(),
        calendar.coUnitLeadTime(),
        calendar.reworkTime(),
        calendar.minimumLeadTime());
  }

  /** The rules of the process version the execution runs in. */
  public static RoundRules of(DelegateExecution execution) {
    return new RoundRules(
        MonthDay.parse("--" + ModelProperties.require(execution, REPORT_DUE)),
        Period.parse(ModelProperties.require(execution, CO_UNIT_LEAD_TIME)),
        Period.parse(ModelProperties.require(execution, REWORK_TIME)),
        Period.parse(ModelProperties.require(execution, MINIMUM_LEAD_TIME)));
  }

  /** As model properties: the report day as MM-dd, durations as ISO periods. */
  public Map<String, String> toModel() {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put(
        REPORT_DUE,
        String.format("%02d-%02d", reportDue.getMonthValue(), reportDue.getDayOfMonth()));
    properties.put(CO_UNIT_LEAD_TIME, coUnitLeadTime.toString());
    properties.put(REWORK_TIME, reworkTime.toString());
    properties.put(MINIMUM_LEAD_TIME, minimumLeadTime.toString());
    return properties;
  }
}
