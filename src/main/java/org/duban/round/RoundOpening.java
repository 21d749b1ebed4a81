package org.duban.round;

import static org.duban.names.RoundVariables.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.duban.catalog.PlanCatalog;
import org.duban.catalog.ReportPeriod;
import org.duban.catalog.ResponsibilityPolicy;
import org.duban.catalog.TaskEntry;
import org.duban.names.ProcessKeys;
import org.duban.schedule.Deadlines;
import org.duban.schedule.RoundRules;
import org.duban.targets.RoundTargets;
import org.springframework.stereotype.Component;

/**
 * Opens a yearly round, whichever way it was started (yearly timer, supervisor by hand, REST with
 * at most a {@code year}): decides the year, refuses a second round of the same task and year, sets
 * the business key {@code plan/task/year} and the routing and deadline variables.
 */
@Component("roundOpening")
public class RoundOpening implements ExecutionListener {

  private final RoundTasks tasks;
  private final RoundUnits units;
  private final Deadlines deadlines;
  private final YearlyOpening opening;
  private final ObjectMapper json;

  public RoundOpening(
      RoundTasks tasks,
      RoundUnits units,
      Deadlines deadlines,
      YearlyOpening opening,
      ObjectMapper json) {
    this.tasks = tasks;
    this.units = units;
    this.deadlines = deadlines;
    this.opening = opening;
    this.json = json;
  }

  @Override
  public void notify(DelegateExecution execution) {
    RoundTask round = tasks.of(execution);
    PlanCatalog plan = round.plan();
    TaskEntry task = round.task();
    String what = "任务「" + task.number() + " " + task.title() + "」";
    opening.refuseOtherVariables(execution, what, Set.of(YEAR, PERIOD, LEAD_DUE_OVERRIDE));
    RoundRules rules = tasks.rules(execution);
    Integer given = opening.givenYear(execution);
    LocalDate timer = opening.timerDay();
    int year;
    ReportPeriod period;
    if (timer != null) {
      Slot slot = slotOfTimer(rules, timer);
      year = slot.year();
      period = slot.period();
    } else if (rules.oneOff()) {
      year = rules.deadline().getYear();
      if (given != null && given != year) {
        throw new RoundRefusedException(
            what + "的完成时限为 " + rules.deadline() + ",只开启 " + year + " 年度一轮,不能启动 " + given + " 年度轮次");
      }
      period = givenPeriod(execution, rules, what).orElse(ReportPeriod.YEAR);
    } else {
      LocalDate day = deadlines.today();
      int y = given != null ? given : day.getYear();
      year = y;
      period = givenPeriod(execution, rules, what).orElseGet(() -> defaultPeriod(rules, y, day));
    }
    opening.requireInPlan(plan, year, what);
    opening.claim(
        execution,
        ProcessKeys.businessKey(plan.id(), task.number(), year, period),
        what + "的 " + (period == ReportPeriod.YEAR ? year + " 年度" : period.title(year)) + "轮次");
    execution.setVariable(YEAR, year);

    Date reportDue = leadDue(execution, rules, year, period);
    Map<String, Object> vars = new HashMap<>();
    vars.put(PLAN_ID, plan.id());
    vars.put(TASK_NUMBER, task.number());
    vars.put(TASK_TITLE, task.title());
    vars.put(PERIOD, period.name());
    vars.put(ROUND_TITLE, ProcessKeys.roundName(plan, task) + " " + period.title(year));
    // a task closes out (销号) with its last full-year report, or a one-off task with its one round
    vars.put(FINAL_YEAR, rules.oneOff() || period == ReportPeriod.YEAR && plan.isFinalYear(year));
    vars.put(SUPERVISOR_GROUP, round.supervisorGroup());
    vars.put(REPORT_DUE, reportDue);
    vars.put(CO_UNIT_DUE, deadlines.coUnitDue(rules, reportDue));
    vars.put(RETURN_COUNT, 0);
    vars.put(TARGETS, json(RoundTargets.declared(plan, task, year)));
    if (plan.plan().responsibility() == ResponsibilityPolicy.ASSIGNED_PER_ROUND) {
      // the office assigns the units in the round's first task, choosing from the plan's directory
      vars.put(KNOWN_UNITS, json(plan.units()));
    }
    execution.setVariables(vars);
    if (plan.plan().responsibility() != ResponsibilityPolicy.ASSIGNED_PER_ROUND) {
      units.assign(execution, plan, task.lead(), task.coUnits());
    }
  }

  /**
   * The calendar's deadline, or the office's own ({@code leadDueDate}); either way no unit is due
   * before it has had its time (see {@link Deadlines#leadDueOnStart}).
   */
  private Date leadDue(
      DelegateExecution execution, RoundRules rules, int year, ReportPeriod period) {
    Object override = execution.getVariable(LEAD_DUE_OVERRIDE);
    if (override == null) {
      return deadlines.leadDueOnStart(rules, year, period);
    }
    LocalDate day;
    if (override instanceof Date date) {
      day = deadlines.day(date);
    } else {
      try {
        day = LocalDate.parse(override.toString().trim());
      } catch (DateTimeParseException e) {
        throw new RoundRefusedException(
            "变量 " + LEAD_DUE_OVERRIDE + " 的值「" + override + "」不是日期(例如 2025-12-15)");
      }
    }
    LocalDate earliest = deadlines.earliestLeadDue(rules);
    if (day.isBefore(earliest)) {
      throw new RoundRefusedException(
          "牵头单位截止日期 "
              + day
              + " 过早:配合单位须在牵头单位前 "
              + rules.coUnitLeadTime().getDays()
              + " 天报送,截止日期不能早于启动之日,最早可定为 "
              + earliest);
    }
    return deadlines.endOf(day);
  }

  /** The year and reporting period a round is for. */
  public record Slot(int year, ReportPeriod period) {}

  /**
   * The round a timer due on {@code day} opens: a one-off task's one round, else the period that
   * opens that day. One rule for the opening and for {@link TimerStartOnce}.
   */
  public static Slot slotOfTimer(RoundRules rules, LocalDate day) {
    if (rules.oneOff()) {
      return new Slot(rules.deadline().getYear(), ReportPeriod.YEAR);
    }
    return new Slot(day.getYear(), rules.periodOn(day));
  }

  /** The period a start names ("H1", "Q2", "YEAR"), checked against the task's periods. */
  private static java.util.Optional<ReportPeriod> givenPeriod(
      DelegateExecution execution, RoundRules rules, String what) {
    Object value = execution.getVariable(PERIOD);
    if (value == null) {
      return java.util.Optional.empty();
    }
    List<ReportPeriod> allowed = rules.oneOff() ? List.of(ReportPeriod.YEAR) : rules.periods();
    ReportPeriod period = ReportPeriod.of(value.toString()).filter(allowed::contains).orElse(null);
    if (period == null) {
      throw new RoundRefusedException(
          "变量 "
              + PERIOD
              + " 的值「"
              + value
              + "」不是"
              + what
              + "的报送期次;"
              + (rules.oneOff() ? "该任务只有一轮" : "该任务" + rules.reporting().label + "报送")
              + ",可选:"
              + allowed.stream()
                  .map(p -> (p == ReportPeriod.YEAR ? "YEAR" : p.code) + "(" + p.label + ")")
                  .collect(java.util.stream.Collectors.joining("、")));
    }
    return java.util.Optional.of(period);
  }

  /**
   * Without a period named: the one a timer opened, or for this year the one running today; a past
   * year's round is its full-year report, a future year's its first period.
   */
  private static ReportPeriod defaultPeriod(RoundRules rules, int year, LocalDate day) {
    if (year == day.getYear()) {
      return rules.periodOn(day);
    }
    return year < day.getYear() ? ReportPeriod.YEAR : rules.periods().get(0);
  }

  private String json(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
