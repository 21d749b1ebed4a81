package org.duban.round;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.duban.catalog.PlanCatalog;
import org.duban.catalog.PlanCatalogs;
import org.duban.names.ModelProperties;
import org.duban.schedule.Deadlines;
import org.duban.schedule.RoundRules;
import org.springframework.stereotype.Component;

/**
 * When the coordinating office's own work in a round is due, so its 已逾期 and 即将到期 filters work as
 * the units' do. Exposed to BPMN due-date expressions as {@code officeDeadlines}.
 */
@Component("officeDeadlines")
public class OfficeDeadlines {

  private final RoundTasks tasks;
  private final Deadlines deadlines;
  private final PlanCatalogs catalogs;

  public OfficeDeadlines(RoundTasks tasks, Deadlines deadlines, PlanCatalogs catalogs) {
    this.tasks = tasks;
    this.deadlines = deadlines;
    this.catalogs = catalogs;
  }

  /** The review of the lead's report, counted from when it arrives. */
  public Date review(DelegateExecution execution) {
    return deadlines.reviewDue(tasks.rules(execution));
  }

  /**
   * The decision on a proposed sanction (in the plan's notice process), counted from the proposal.
   */
  public Date decision(DelegateExecution execution) {
    PlanCatalog plan =
        catalogs.require(ModelProperties.require(execution, ModelProperties.PLAN_ID));
    return deadlines.decisionDue(RoundRules.of(execution, plan.calendar()));
  }
}
