package org.duban.round;

import org.duban.catalog.PlanCatalog;
import org.duban.catalog.TaskEntry;

/** A catalog task together with its plan: what a running round needs to know about itself. */
public record RoundTask(PlanCatalog plan, TaskEntry task) {

  public String planId() {
    return plan.id();
  }

  public String supervisorGroup() {
    return plan.plan().coordinatingOffice().id();
  }
}
