package org.duban.importer;

import java.util.List;
import org.duban.catalog.ResponsibilityPolicy;

/**
 * A plan document read into a draft catalog: plan facts, main tasks, the responsibility policy the
 * notation implies, every problem with its line, and how often it asks units to report.
 */
public record ImportResult(
    String source,
    DraftPlanFacts facts,
    ResponsibilityPolicy policy,
    List<ImportedTask> tasks,
    List<ImportProblem> problems,
    java.util.Optional<ReportingRuleReader.Rule> reporting) {

  public ImportResult {
    tasks = List.copyOf(tasks);
    problems = List.copyOf(problems);
    reporting = reporting == null ? java.util.Optional.empty() : reporting;
  }

  /** A document that states no reporting rule. */
  public ImportResult(
      String source,
      DraftPlanFacts facts,
      ResponsibilityPolicy policy,
      List<ImportedTask> tasks,
      List<ImportProblem> problems) {
    this(source, facts, policy, tasks, problems, java.util.Optional.empty());
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
