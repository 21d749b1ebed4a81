package org.duban.schedule;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Period;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.duban.catalog.ReportPeriod;
import org.duban.catalog.Reporting;
import org.duban.catalog.RoundCalendar;
import org.duban.catalog.TaskEntry;
import org.duban.names.ModelProperties;

/**
 * The deadline rules a round runs by, written into its process model when the plan is deployed: a
 * changed catalog becomes a new process version, and rounds already running keep the rules they
 * opened with (as the escalation offsets in their timers do).
 *
 * <p>Which rounds a task has is one of these rules: one per reporting period of each year (yearly
 * by default; half-yearly or quarterly as plans may ask), or, for a task whose plan sets it a dated
 * deadline (完成时限:2025年11月底前), a single round due on that day.
 *
 * @param periodDue the due days of the periods before the full-year report
 * @param deadline a one-off task's deadline, or null for a task reporting every period
 */
public record RoundRules(
    MonthDay reportDue,
    Period coUnitLeadTime,
    Period reworkTime,
    Period minimumLeadTime,
    Period reviewTime,
    Period decisionTime,
    MonthDay roundStarts,
    Reporting reporting,
    Map<ReportPeriod, MonthDay> periodDue,
    LocalDate deadline) {

  static final String REPORT_DUE = "duban.calendar.reportDue";
  static final String CO_UNIT_LEAD_TIME = "duban.calendar.coUnitLeadTime";
  static final String REWORK_TIME = "duban.calendar.reworkTime";
  static final String MINIMUM_LEAD_TIME = "duban.calendar.minimumLeadTime";
  static final String REVIEW_TIME = "duban.calendar.reviewTime";
  static final String DECISION_TIME = "duban.calendar.decisionTime";
  static final String ROUND_STARTS = "duban.calendar.roundStarts";
  static final String REPORTING = "duban.schedule.reporting";
  static final String PERIOD_DUE = "duban.schedule.due.";
  static final String DEADLINE = "duban.schedule.deadline";

  public RoundRules {
    periodDue = periodDue == null ? Map.of() : Map.copyOf(periodDue);
  }

  /** The plan's rules (its notices and evaluations): yearly, no task deadline. */
  public static RoundRules of(RoundCalendar calendar) {
    return new RoundRules(
        calendar.reportDue(),
        calendar.coUnitLeadTime(),
        calendar.reworkTime(),
        calendar.minimumLeadTime(),
        calendar.reviewTime(),
        calendar.decisionTime(),
        calendar.roundStarts(),
        calendar.reporting(),
        periodDues(calendar, calendar.reporting()),
        null);
  }

  /** The rules of one task's rounds: its own reporting and deadline where the plan sets them. */
  public static RoundRules of(RoundCalendar calendar, TaskEntry task) {
    LocalDate deadline = task.deadlineDate().orElse(null);
    Reporting reporting = deadline != null ? Reporting.YEARLY : task.reportingIn(calendar);
    RoundRules plan = of(calendar);
    return new RoundRules(
        plan.reportDue,
        plan.coUnitLeadTime,
        plan.reworkTime,
        plan.minimumLeadTime,
        plan.reviewTime,
        plan.decisionTime,
        plan.roundStarts,
        reporting,
        periodDues(calendar, reporting),
        deadline);
  }

  private static Map<ReportPeriod, MonthDay> periodDues(
      RoundCalendar calendar, Reporting reporting) {
    Map<ReportPeriod, MonthDay> dues = new EnumMap<>(ReportPeriod.class);
    for (ReportPeriod p : reporting.periods) {
      if (p != ReportPeriod.YEAR) {
        dues.put(p, calendar.dueOf(p));
      }
    }
    return dues;
  }

  /**
   * The rules of the process version the execution runs in. A version deployed before a rule was
   * kept in the model (a round opened by an older Duban) runs by the catalog's rule instead; one
   * that kept no schedule was yearly.
   */
  public static RoundRules of(DelegateExecution execution, RoundCalendar catalog) {
    return of(ModelProperties.of(execution), catalog);
  }

  /** The rules of a process version as its model properties keep them ({@link #toModel}). */
  public static RoundRules of(Map<String, String> model, RoundCalendar catalog) {
    RoundRules fallback = of(catalog);
    Reporting reporting =
        model.containsKey(REPORTING) ? Reporting.valueOf(model.get(REPORTING)) : Reporting.YEARLY;
    Map<ReportPeriod, MonthDay> dues = new EnumMap<>(ReportPeriod.class);
    for (ReportPeriod p : reporting.periods) {
      if (p != ReportPeriod.YEAR) {
        String day = model.get(PERIOD_DUE + p.code);
        dues.put(p, day == null ? catalog.dueOf(p) : monthDay(day));
      }
    }
    return new RoundRules(
        model.containsKey(REPORT_DUE) ? monthDay(model.get(REPORT_DUE)) : fallback.reportDue(),
        period(model, CO_UNIT_LEAD_TIME, fallback.coUnitLeadTime()),
        period(model, REWORK_TIME, fallback.reworkTime()),
        period(model, MINIMUM_LEAD_TIME, fallback.minimumLeadTime()),
        period(model, REVIEW_TIME, fallback.reviewTime()),
        period(model, DECISION_TIME, fallback.decisionTime()),
        model.containsKey(ROUND_STARTS)
            ? monthDay(model.get(ROUND_STARTS))
            : fallback.roundStarts(),
        reporting,
        dues,
        model.containsKey(DEADLINE) ? LocalDate.parse(model.get(DEADLINE)) : null);
  }

  private static MonthDay monthDay(String mmdd) {
    return MonthDay.parse("--" + mmdd);
  }

  private static Period period(Map<String, String> model, String name, Period fallback) {
    return model.containsKey(name) ? Period.parse(model.get(name)) : fallback;
  }

  /** A task with a dated deadline: one round, due then. */
  public boolean oneOff() {
    return deadline != null;
  }

  /**
   * A one-off task's round opens on the calendar's first day of its deadline's year, or earlier
   * where that would leave the lead less than the minimum lead time.
   */
  public LocalDate oneOffOpening() {
    LocalDate yearStart = roundStarts.atYear(deadline.getYear());
    LocalDate latest = deadline.minus(minimumLeadTime);
    return latest.isBefore(yearStart) ? latest : yearStart;
  }

  /** The rounds of a year, in order: the last is the full-year report. */
  public List<ReportPeriod> periods() {
    return reporting.periods;
  }

  /** The calendar's due day of the lead's report of a period ({@link #deadline} for a one-off). */
  public LocalDate due(ReportPeriod period, int year) {
    if (oneOff()) {
      return deadline;
    }
    MonthDay day = period == ReportPeriod.YEAR ? reportDue : periodDue.get(period);
    if (day == null) {
      throw new IllegalArgumentException(
          "本任务" + reporting.label + "报送,没有「" + period.label + "」这一期");
    }
    return day.atYear(year);
  }

  /** The day a period's round opens: the year's first on {@code roundStarts}, then every period. */
  public LocalDate opening(ReportPeriod period, int year) {
    return roundStarts
        .atYear(year)
        .plusMonths((long) reporting.indexOf(period) * reporting.monthsApart);
  }

  /**
   * The period whose round opens on, or was last opened before, {@code day} in its year: the period
   * of a round a timer opens, and the one a manual start of this year means by default.
   */
  public ReportPeriod periodOn(LocalDate day) {
    ReportPeriod found = periods().get(0);
    for (ReportPeriod p : periods()) {
      if (!opening(p, day.getYear()).isAfter(day)) {
        found = p;
      }
    }
    return found;
  }

  /** As model properties: days as MM-dd, durations as ISO periods, the deadline as a date. */
  public Map<String, String> toModel() {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put(REPORT_DUE, mmdd(reportDue));
    properties.put(CO_UNIT_LEAD_TIME, coUnitLeadTime.toString());
    properties.put(REWORK_TIME, reworkTime.toString());
    properties.put(MINIMUM_LEAD_TIME, minimumLeadTime.toString());
    properties.put(REVIEW_TIME, reviewTime.toString());
    properties.put(DECISION_TIME, decisionTime.toString());
    properties.put(ROUND_STARTS, mmdd(roundStarts));
    properties.put(REPORTING, reporting.name());
    for (ReportPeriod p : reporting.periods) {
      if (p != ReportPeriod.YEAR) {
        properties.put(PERIOD_DUE + p.code, mmdd(periodDue.get(p)));
      }
    }
    if (deadline != null) {
      properties.put(DEADLINE, deadline.toString());
    }
    return properties;
  }

  private static String mmdd(MonthDay day) {
    return String.format("%02d-%02d", day.getMonthValue(), day.getDayOfMonth());
  }
}
