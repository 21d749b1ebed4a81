package org.duban.catalog;

import java.util.List;
import java.util.Optional;

/**
 * One plan as the catalog file describes it: plan facts, the yearly calendar, the escalation
 * ladder, the directory of its government's units, and its tasks. Immutable once loaded and
 * validated.
 */
public record PlanCatalog(
    PlanFacts plan,
    RoundCalendar calendar,
    EscalationRules escalation,
    List<Unit> units,
    List<TaskEntry> tasks) {

  public PlanCatalog {
    // a file may leave a list out (a plan that assigns units each round needs no directory)
    units = units == null ? List.of() : List.copyOf(units);
    tasks = tasks == null ? List.of() : List.copyOf(tasks);
  }

  public String id() {
    return plan.id();
  }

  public Optional<Unit> unitNamed(String name) {
    return units.stream().filter(u -> u.isNamed(name)).findFirst();
  }

  public Unit unit(String name) {
    return unitNamed(name)
        .orElseThrow(
            () -> new IllegalArgumentException("no unit named " + name + " in plan " + id()));
  }

  public Optional<TaskEntry> task(String number) {
    return tasks.stream().filter(t -> t.number().equals(number)).findFirst();
  }

  /** The plan's last year: acceptance in this year may close a task out (销号). */
  public boolean isFinalYear(int year) {
    return year == plan.period().to();
  }
}
