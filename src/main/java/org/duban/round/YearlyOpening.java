package org.duban.round;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntFunction;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.duban.catalog.PlanCatalog;
import org.duban.engine.SystemQueries;
import org.duban.names.RoundVariables;
import org.duban.schedule.Deadlines;
import org.springframework.stereotype.Component;

/**
 * The rules every yearly process of a plan opens by (task rounds and evaluations alike): the year
 * is the started one (a "year" variable), the timer's or the current one; it must lie in the plan's
 * period; there is only one instance per process and business key, which names the year (and a
 * round's reporting period).
 */
@Component
public class YearlyOpening {

  private final HistoryService history;
  private final Deadlines deadlines;

  public YearlyOpening(HistoryService history, Deadlines deadlines) {
    this.history = history;
    this.deadlines = deadlines;
  }

  /**
   * Checks the opening and sets the business key; returns the year. A start may carry only the
   * variables named (the year, and for rounds the office's deadline): everything else a round holds
   * is set by the system, so a start with anything more is refused, naming it.
   */
  public int open(
      DelegateExecution execution,
      PlanCatalog plan,
      String what,
      IntFunction<String> businessKeyOfYear,
      Set<String> startVariables) {
    refuseOtherVariables(execution, what, startVariables);
    Integer given = givenYear(execution);
    LocalDate timer = timerDay();
    int year = given != null ? given : (timer != null ? timer : deadlines.today()).getYear();
    requireInPlan(plan, year, what);
    claim(execution, businessKeyOfYear.apply(year), what + "的 " + year + " 年度轮次");
    execution.setVariable(RoundVariables.YEAR, year);
    return year;
  }

  /** A start with any variable but {@code startVariables} is refused, naming it. */
  public void refuseOtherVariables(
      DelegateExecution execution, String what, Set<String> startVariables) {
    for (String name : new TreeSet<>(execution.getVariableNames())) {
      if (!startVariables.contains(name)) {
        throw new RoundRefusedException(
            "启动"
                + what
                + "时不能提供变量「"
                + name
                + "」;启动时只接受:"
                + String.join("、", new TreeSet<>(startVariables))
                + "。其余流程数据由系统写入");
      }
    }
  }

  /** The year the start names, or null where it names none. */
  public Integer givenYear(DelegateExecution execution) {
    Object value = execution.getVariable(RoundVariables.YEAR);
    return value == null ? null : year(value);
  }

  /**
   * The day a timer start was due, or null for any other start: the round is the one the timer was
   * due for, even when the job runs late (a server down over new year).
   */
  public LocalDate timerDay() {
    JobEntity job =
        Context.getCommandContext() == null ? null : Context.getCommandContext().getCurrentJob();
    if (job instanceof TimerEntity timer && timer.getDuedate() != null) {
      return deadlines.day(timer.getDuedate());
    }
    return null;
  }

  public void requireInPlan(PlanCatalog plan, int year, String what) {
    if (!plan.plan().period().contains(year)) {
      throw new RoundRefusedException(
          "年份 "
              + year
              + " 不在《"
              + plan.plan().title()
              + "》的规划期 "
              + plan.plan().period()
              + " 内,不能启动"
              + what
              + "的该年度轮次");
    }
  }

  /**
   * Sets the business key, refusing a second instance of the process with it: one round per task
   * and period, one evaluation per year.
   */
  public void claim(DelegateExecution execution, String businessKey, String what) {
    List<HistoricProcessInstance> existing =
        SystemQueries.run(
            () ->
                history
                    .createHistoricProcessInstanceQuery()
                    .processDefinitionKey(RoundTasks.processKey(execution))
                    .processInstanceBusinessKey(businessKey)
                    .list());
    for (HistoricProcessInstance other : existing) {
      if (!other.getId().equals(execution.getProcessInstanceId())) {
        throw new RoundRefusedException(
            what + "已经存在(业务键 " + businessKey + ",流程实例 " + other.getId() + "),不能重复启动");
      }
    }
    execution.setProcessBusinessKey(businessKey);
  }

  /** A year as REST sends it: a number or text. */
  private int year(Object value) {
    String text = value.toString().trim();
    if (value instanceof Number n
        && !(n instanceof Integer || n instanceof Long || n instanceof Short)) {
      // a fractional or floating year is no year; 2025.0 from a JSON client still is
      if (n.doubleValue() != Math.rint(n.doubleValue())) {
        throw notAYear(value);
      }
      text = String.valueOf((long) n.doubleValue());
    }
    long year;
    try {
      year = Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw notAYear(value);
    }
    if (year < 1000 || year > 9999) {
      throw notAYear(value);
    }
    return (int) year;
  }

  private static RoundRefusedException notAYear(Object value) {
    return new RoundRefusedException("变量 year 的值「" + value + "」不是年份(四位数字,例如 2025)");
  }
}
