package org.duban.round;

import static org.duban.names.RoundVariables.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.duban.catalog.PlanCatalog;
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
    int year =
        opening.open(
            execution,
            plan,
            "任务「" + task.number() + " " + task.title() + "」",
            y -> ProcessKeys.businessKey(plan.id(), task.number(), y),
            Set.of(YEAR, LEAD_DUE_OVERRIDE));

    RoundRules rules = tasks.rules(execution);
    Date reportDue = leadDue(execution, rules, year);
    Map<String, Object> vars = new HashMap<>();
    vars.put(PLAN_ID, plan.id());
    vars.put(TASK_NUMBER, task.number());
    vars.put(TASK_TITLE, task.title());
    vars.put(ROUND_TITLE, ProcessKeys.roundName(plan, task) + " " + year + "年度");
    vars.put(FINAL_YEAR, plan.isFinalYear(year));
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
  private Date leadDue(DelegateExecution execution, RoundRules rules, int year) {
    Object override = execution.getVariable(LEAD_DUE_OVERRIDE);
    if (override == null) {
      return deadlines.leadDueOnStart(rules, year);
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

  private String json(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
