package org.duban.catalog;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules of a catalog's targets: the plan's targets name the tasks that answer for them (one
 * place for the mapping: {@code plan.targets[].tasks}), each an existing task number; one entry per
 * indicator and year; an indicator keeps its unit, direction and tasks across its years.
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
      if (t.indicator() == null || t.indicator().isBlank()) {
        throw fail(at + ".indicator", "is required");
      }
      if (t.value() == null) {
        throw fail(at + ".value", "指标「" + t.indicator() + "」没有目标值");
      }
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
        consistent(at, t, earlier);
      }
    }
    for (int i = 0; i < tasks.size(); i++) {
      List<Target> own = tasks.get(i).targets();
      for (int j = 0; j < own.size(); j++) {
        if (!own.get(j).tasks().isEmpty()) {
          throw fail(
              "tasks[" + i + "].targets[" + j + "].tasks",
              "a task's own target answers to that task: map plan.targets to tasks instead");
        }
      }
    }
  }

  /** Each year of an indicator answers to the same tasks, on the same side, in the same unit. */
  private void consistent(String at, Target t, Target earlier) {
    String which = "指标「" + t.indicator() + "」";
    if (!Set.copyOf(t.tasks()).equals(Set.copyOf(earlier.tasks()))) {
      throw fail(
          at + ".tasks",
          which + "各年度须对应同一组任务:此处 " + t.tasks() + "," + earlier.year() + " 年为 " + earlier.tasks());
    }
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
