package org.duban.importer;

import java.util.List;
import org.duban.catalog.ResponsibilityPolicy;

/**
 * A plan document read into a draft catalog: plan facts, main tasks, the responsibility policy the
 * notation implies, and every problem with its line.
 */
public record ImportResult(
    String source,
    DraftPlanFacts facts,
    ResponsibilityPolicy policy,
    List<ImportedTask> tasks,
    List<ImportProblem> problems) {

  public ImportResult {
    tasks = List.copyOf(tasks);
    problems = List.copyOf(problems);
  }

  public boolean hasErrors() {
    return problems.stream().anyMatch(p -> p.severity() == ImportProblem.Severity.ERROR);
  }

  public List<ImportProblem> errors() {
    return problems.stream().filter(p -> p.severity() == ImportProblem.Severity.ERROR).toList();
  }

  public ImportedTask task(String number) {
    return tasks.stream()
        .filter(t -> t.number().equals(number))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no task " + number + " in " + source));
  }
}
