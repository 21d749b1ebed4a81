package org.duban.roundstart;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.duban.catalog.PlanCatalog;
import org.duban.catalog.PlanCatalogs;
import org.duban.catalog.ReportPeriod;
import org.duban.catalog.TaskEntry;
import org.duban.engine.SystemQueries;
import org.duban.names.ModelProperties;
import org.duban.names.ProcessKeys;
import org.duban.schedule.Deadlines;
import org.duban.schedule.RoundRules;
import org.springframework.stereotype.Component;

/**
 * What the round start form offers for one process version: the plan's years (those already opened
 * marked), and each year's deadline for the lead as the round would get it if started today. Only a
 * help for the form: the round's opening checks the year and any chosen deadline again.
 */
@Component
public class RoundStartOptions {

  /**
   * One round the task can have: a year of the plan, or a reporting period of a year for a task
   * reporting half-yearly or quarterly; a one-off task has one.
   *
   * @param period YEAR, H1, Q1…: the start variable {@code period}
   * @param label as the form shows it: 2025年度, 2025年上半年
   * @param started a round of this task and period exists already (running or finished)
   * @param leadDue the lead's deadline when started today without a chosen one (yyyy-MM-dd)
   * @param late the calendar's deadline is too close or past: the minimum lead time applies
   */
  public record Year(
      int year, String period, String label, boolean started, String leadDue, boolean late) {}

  /**
   * @param suggestedYear this year, if the plan runs in it and its current period has no round yet
   *     (a one-off task: its one round's year, until started); else null
   * @param suggestedPeriod the period of that round
   * @param earliestLeadDue the earliest deadline an office may choose (yyyy-MM-dd)
   */
  public record Options(
      String roundName,
      String planTitle,
      String period,
      List<Year> years,
      Integer suggestedYear,
      String suggestedPeriod,
      String earliestLeadDue,
      String minimumLeadTime) {}

  private final RepositoryService repository;
  private final HistoryService history;
  private final PlanCatalogs catalogs;
  private final Deadlines deadlines;
  private final IdentityService identity;

  public RoundStartOptions(
      RepositoryService repository,
      HistoryService history,
      PlanCatalogs catalogs,
      Deadlines deadlines,
      IdentityService identity) {
    this.repository = repository;
    this.history = history;
    this.identity = identity;
    this.catalogs = catalogs;
    this.deadlines = deadlines;
  }

  /** The options of a round process version; empty for any other process. */
  public Optional<Options> of(ProcessDefinition definition) {
    Process process =
        repository
            .getBpmnModelInstance(definition.getId())
            .getModelElementById(definition.getKey());
    Map<String, String> model = ModelProperties.read(process);
    String planId = model.get(ModelProperties.PLAN_ID);
    String number = model.get(ModelProperties.TASK_NUMBER);
    if (planId == null || number == null) {
      return Optional.empty();
    }
    Optional<PlanCatalog> found = catalogs.plan(planId);
    Optional<TaskEntry> task = found.flatMap(p -> p.task(number));
    if (task.isEmpty()) {
      return Optional.empty();
    }
    PlanCatalog plan = found.get();
    RoundRules rules = RoundRules.of(model, plan.calendar());
    // the process version's schedule, not the catalog's: it is what its opening checks
    Set<String> opened = openedBusinessKeys(definition.getKey());
    LocalDate today = deadlines.today();
    List<Year> years = new ArrayList<>();
    Integer suggested = null;
    String suggestedPeriod = null;
    ReportPeriod current = rules.oneOff() ? ReportPeriod.YEAR : rules.periodOn(today);
    for (int y = plan.plan().period().from(); y <= plan.plan().period().to(); y++) {
      if (rules.oneOff() && y != rules.deadline().getYear()) {
        continue;
      }
      for (ReportPeriod p : rules.oneOff() ? List.of(ReportPeriod.YEAR) : rules.periods()) {
        boolean started = opened.contains(ProcessKeys.businessKey(planId, number, y, p));
        LocalDate due = deadlines.day(deadlines.leadDueOnStart(rules, y, p));
        years.add(
            new Year(
                y, p.name(), p.title(y), started, due.toString(), !due.equals(rules.due(p, y))));
        if (!started
            && suggested == null
            && (rules.oneOff() || y == today.getYear() && p == current)) {
          suggested = y;
          suggestedPeriod = p.name();
        }
      }
    }
    return Optional.of(
        new Options(
            ProcessKeys.roundName(plan, task.get()),
            plan.plan().title(),
            plan.plan().period().toString(),
            years,
            suggested,
            suggestedPeriod,
            deadlines.earliestLeadDue(rules).toString(),
            rules.minimumLeadTime().getDays() + " 天"));
  }

  private Set<String> openedBusinessKeys(String processKey) {
    // every round of the task, whoever may see it: a second round of a year is refused anyway
    List<HistoricProcessInstance> rounds =
        SystemQueries.outsideAuthorizations(
            identity,
            () ->
                history
                    .createHistoricProcessInstanceQuery()
                    .processDefinitionKey(processKey)
                    .list());
    return rounds.stream()
        .map(HistoricProcessInstance::getBusinessKey)
        .filter(k -> k != null)
        .collect(Collectors.toSet());
  }
}
