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
    MonthDay reportDue,
    Period coUnitLeadTime,
    Period reworkTime,
    Period minimumLeadTime,
    Period reviewTime,
    Period decisionTime) {

  static final String REPORT_DUE = "duban.calendar.reportDue";
  static final String CO_UNIT_LEAD_TIME = "duban.calendar.coUnitLeadTime";
  static final String REWORK_TIME = "duban.calendar.reworkTime";
  static final String MINIMUM_LEAD_TIME = "duban.calendar.minimumLeadTime";
  static final String REVIEW_TIME = "duban.calendar.reviewTime";
  static final String DECISION_TIME = "duban.calendar.decisionTime";

  public static RoundRules of(RoundCalendar calendar) {
    return new RoundRules(
        calendar.reportDue(),
        calendar.coUnitLeadTime(),
        calendar.reworkTime(),
        calendar.minimumLeadTime(),
        calendar.reviewTime(),
        calendar.decisionTime());
  }

  /**
   * The rules of the process version the execution runs in. A version deployed before a rule was
   * kept in the model (a round opened by an older Duban) runs by the catalog's rule instead.
   */
  public static RoundRules of(DelegateExecution execution, RoundCalendar catalog) {
    return of(ModelProperties.of(execution), catalog);
  }

  /** The rules of a process version as its model properties keep them ({@link #toModel}). */
  public static RoundRules of(Map<String, String> model, RoundCalendar catalog) {
    RoundRules fallback = of(catalog);
    return new RoundRules(
        model.containsKey(REPORT_DUE)
            ? MonthDay.parse("--" + model.get(REPORT_DUE))
            : fallback.reportDue(),
        period(model, CO_UNIT_LEAD_TIME, fallback.coUnitLeadTime()),
        period(model, REWORK_TIME, fallback.reworkTime()),
        period(model, MINIMUM_LEAD_TIME, fallback.minimumLeadTime()),
        period(model, REVIEW_TIME, fallback.reviewTime()),
        period(model, DECISION_TIME, fallback.decisionTime()));
  }

  private static Period period(Map<String, String> model, String name, Period fallback) {
    return model.containsKey(name) ? Period.parse(model.get(name)) : fallback;
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
    properties.put(REVIEW_TIME, reviewTime.toString());
    properties.put(DECISION_TIME, decisionTime.toString());
    return properties;
  }
}
