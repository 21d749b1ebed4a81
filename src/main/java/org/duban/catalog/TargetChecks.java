package org.duban.catalog;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules of a catalog's targets: the plan's targets name the tasks that answer for them (one
 * place for the mapping: {@code plan.targets[].tasks}), each an existing task number; one entry per
 * indicator and year; an indicator keeps its unit, direction and tasks across its years. A task's
 * own targets ({@code tasks[].targets}) follow the same rules of an entry: an indicator and a
 * value, one entry per indicator and year among all the targets the task answers for, and the unit
 * and direction the plan's targets give the indicator.
 */
final class TargetChecks {

  private final String file;
  private final YamlLineIndex lines;

  TargetChecks(String file, YamlLineIndex lines) {
    this.file = file;
    this.lines = lines;
  }

  void check(List<Target> planTargets, List<TaskEntry> tasks) {
    Set<String> numbers = new HashSet<>();
    tasks.forEach(t -> numbers.add(t.number()));
    Set<String> years = new HashSet<>();
    Map<String, Target> first = new HashMap<>();
    for (int i = 0; i < planTargets.size(); i++) {
      Target t = planTargets.get(i);
      String at = "plan.targets[" + i + "]";
      entry(at, t);
      if (!years.add(t.indicator() + "@" + t.year())) {
        throw fail(at + ".year", "指标「" + t.indicator() + "」的 " + t.year() + " 年目标写了两次");
      }
      Set<String> seen = new HashSet<>();
      for (int j = 0; j < t.tasks().size(); j++) {
        String number = t.tasks().get(j);
        if (!numbers.contains(number)) {
          throw fail(
              at + ".tasks[" + j + "]",
              "task '" + number + "' is not in this catalog's tasks (指标「" + t.indicator() + "」)");
        }
        if (!seen.add(number)) {
          throw fail(at + ".tasks[" + j + "]", "task '" + number + "' is listed twice");
        }
      }
      Target earlier = first.putIfAbsent(t.indicator(), t);
      if (earlier != null) {
        sameTasks(at, t, earlier);
        consistent(at, t, earlier);
      }
    }
    for (int i = 0; i < tasks.size(); i++) {
      taskTargets(i, tasks.get(i), planTargets, first);
    }
  }

  /**
   * The task's own targets: each a complete entry, none for an indicator and year the task already
   * answers for (its own, or a plan target mapped to it), each in the plan's unit and direction of
   * its indicator (the first of its years in the plan, else the task's first).
   */
  private void taskTargets(
      int i, TaskEntry task, List<Target> planTargets, Map<String, Target> planFirst) {
    List<Target> own = task.targets();
    Set<String> years = new HashSet<>();
    for (Target t : planTargets) {
      if (t.tasks().contains(task.number())) {
        years.add(t.indicator() + "@" + t.year());
      }
    }
    Map<String, Target> first = new HashMap<>(planFirst);
    for (int j = 0; j < own.size(); j++) {
      Target t = own.get(j);
      String at = "tasks[" + i + "].targets[" + j + "]";
      if (!t.tasks().isEmpty()) {
        throw fail(
            at + ".tasks",
            "a task's own target answers to that task: map plan.targets to tasks instead");
      }
      entry(at, t);
      if (!years.add(t.indicator() + "@" + t.year())) {
        throw fail(
            at + ".year",
            "任务 "
                + task.number()
                + " 的指标「"
                + t.indicator()
                + "」的 "
                + t.year()
                + " 年目标写了两次(本任务的目标或对应本任务的 plan.targets 中已有)");
      }
      Target earlier = first.putIfAbsent(t.indicator(), t);
      if (earlier != null) {
        consistent(at, t, earlier);
      }
    }
  }

  /** What every target entry needs: the indicator it measures and the value to reach. */
  private void entry(String at, Target t) {
    if (t.indicator() == null || t.indicator().isBlank()) {
      throw fail(at + ".indicator", "is required(指标名称为必填项)");
    }
    if (t.value() == null) {
      throw fail(at + ".value", "指标「" + t.indicator() + "」没有目标值");
    }
  }

  /** Each year of a plan's indicator answers to the same tasks. */
  private void sameTasks(String at, Target t, Target earlier) {
    if (!Set.copyOf(t.tasks()).equals(Set.copyOf(earlier.tasks()))) {
      throw fail(
          at + ".tasks",
          "指标「"
              + t.indicator()
              + "」各年度须对应同一组任务:此处 "
              + t.tasks()
              + ","
              + earlier.year()
              + " 年为 "
              + earlier.tasks());
    }
  }

  /** Each target of an indicator is on the same side, in the same unit. */
  private void consistent(String at, Target t, Target earlier) {
    String which = "指标「" + t.indicator() + "」";
    if (t.direction() != earlier.direction()) {
      throw fail(at + ".direction", which + "各年度的方向(direction)须一致");
    }
    if (!java.util.Objects.equals(t.unit(), earlier.unit())) {
      throw fail(
          at + ".unit",
          which
              + "各年度的计量单位须一致:此处「"
              + t.unit()
              + "」,"
              + earlier.year()
              + " 年为「"
              + earlier.unit()
              + "」");
    }
  }

  private CatalogException fail(String field, String problem) {
    return new CatalogException(file, lines.lineOf(field), field, problem);
  }
}
