package org.duban.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.duban.catalog.ReportPeriod;
import org.duban.config.DubanProperties;
import org.springframework.stereotype.Component;

/**
 * The one place for deadline arithmetic. A due date is a day in the plan's zone: the task is due at
 * the end of that day; reminders and escalations fire at the start of a day counted from it.
 * Exposed to BPMN timer expressions as {@code deadlines}.
 */
@Component("deadlines")
public class Deadlines {

  private final ZoneId zone;

  public Deadlines(DubanProperties properties) {
    this.zone = properties.zone();
  }

  /** Timer date: start of the due day, shifted by an ISO period such as P-3D or P6D. */
  public Date at(Date due, String offset) {
    LocalDate day = day(due).plus(Period.parse(offset));
    return Date.from(day.atStartOfDay(zone).toInstant());
  }

  public LocalDate day(Date date) {
    return date.toInstant().atZone(zone).toLocalDate();
  }

  public Date endOf(LocalDate day) {
    return Date.from(day.plusDays(1).atStartOfDay(zone).toInstant().minusSeconds(1));
  }

  public LocalDate today() {
    return Instant.ofEpochMilli(ClockUtil.getCurrentTime().getTime()).atZone(zone).toLocalDate();
  }

  /**
   * The lead's deadline of a period's round opening today: the calendar's (a one-off task's own
   * deadline), unless that leaves less than the catalog's minimum lead time (a round started late,
   * or a past year's): then the minimum lead time from today. No unit can be overdue, let alone
   * criticised, before it has had that time.
   */
  public Date leadDueOnStart(RoundRules rules, int year, ReportPeriod period) {
    LocalDate calendar = rules.due(period, year);
    LocalDate earliest = today().plus(rules.minimumLeadTime());
    return endOf(calendar.isBefore(earliest) ? earliest : calendar);
  }

  /**
   * The earliest deadline an office may set: co-units, due the lead time before, not due before
   * today.
   */
  public LocalDate earliestLeadDue(RoundRules rules) {
    return today().plus(rules.coUnitLeadTime());
  }

  /** Co-units report a lead time before the lead. */
  public Date coUnitDue(RoundRules rules, Date leadDue) {
    return endOf(day(leadDue).minus(rules.coUnitLeadTime()));
  }

  /**
   * The lead's deadline when its task opens. The lead keeps at least the co-unit lead time after
   * the last co-unit report, so late co-units do not make the lead overdue on arrival.
   */
  public Date leadDueOnOpening(RoundRules rules, Date reportDue) {
    LocalDate earliest = today().plus(rules.coUnitLeadTime());
    LocalDate due = day(reportDue);
    return endOf(due.isBefore(earliest) ? earliest : due);
  }

  /** A returned report is due again the rework time after the return. */
  /** The office's review of the lead's report is due the review time after the report. */
  public Date reviewDue(RoundRules rules) {
    return endOf(today().plus(rules.reviewTime()));
  }

  /**
   * The office's decision on a proposed criticism or interview is due the decision time after it.
   */
  public Date decisionDue(RoundRules rules) {
    return endOf(today().plus(rules.decisionTime()));
  }

  public Date reworkDue(RoundRules rules) {
    return endOf(today().plus(rules.reworkTime()));
  }

  public ZoneId zone() {
    return zone;
  }
}
