package org.duban.importer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.duban.catalog.Placeholder;
import org.duban.catalog.ResponsibilityPolicy;

/**
 * Reads a plan document (plain text, Simplified or Traditional) into an {@link ImportResult}: plan
 * facts, every main task with its units, and every problem with its line. Pure Java, no Spring; one
 * instance can import many documents.
 */
public final class PlanImporter {

  public ImportResult importText(String source, String text) {
    PlanDocument document = PlanDocument.of(source, text);
    List<ImportProblem> problems = new ArrayList<>();
    if (document.isBlank()) {
      problems.add(ImportProblem.error(1, "the text is empty: no plan to import"));
      return new ImportResult(
          source, emptyFacts(), ResponsibilityPolicy.ASSIGNED_PER_ROUND, List.of(), problems);
    }
    Outline outline = Outline.read(document);
    List<ImportedTask> tasks = TableTaskReader.read(document, problems);
    if (tasks == null) {
      tasks = readOutline(outline, problems);
    }
    DraftPlanFacts facts =
        PlanFactsReader.read(source, document, TaskLocator.goalLines(outline.passes().get(0)));
    if (tasks.isEmpty()
        && problems.stream().noneMatch(p -> p.severity() == ImportProblem.Severity.ERROR)) {
      problems.add(
          ImportProblem.error(
              1,
              "no recognisable main tasks in lines 1–"
                  + document.lines().size()
                  + ": expected numbered tasks (一、/(一)/1./1)/(1)/一是) under a task section"));
    }
    ResponsibilityPolicy policy = policyOf(tasks);
    if (policy != ResponsibilityPolicy.ASSIGNED_PER_ROUND) {
      for (ImportedTask task : tasks) {
        if (!task.namesUnits()
            && problems.stream()
                .noneMatch(
                    p ->
                        p.message().startsWith("task " + task.number() + ":")
                            && p.message().endsWith(TaskReader.LEFT_TO_THE_OFFICE))) {
          problems.add(
              ImportProblem.warning(
                  task.line(),
                  "task "
                      + task.number()
                      + " "
                      + task.title()
                      + " names no responsible unit, although the plan's other tasks do: "
                      + TaskReader.LEFT_TO_THE_OFFICE));
        }
      }
    }
    facts = TargetOwners.draft(facts, tasks, problems);
    if (!tasks.isEmpty()) {
      checkFacts(facts, problems); // without tasks there is no draft whose facts could be missing
    }
    var reporting = ReportingRuleReader.read(document.lines());
    reporting.ifPresent(r -> problems.add(ImportProblem.warning(r.line(), r.describe())));
    problems.sort((a, b) -> Integer.compare(a.line(), b.line()));
    return new ImportResult(source, facts, policy, tasks, problems, reporting);
  }

  private List<ImportedTask> readOutline(Outline outline, List<ImportProblem> problems) {
    Map<String, ImportedTask> byNumber = new LinkedHashMap<>();
    int repeatedFrom = 0;
    for (int p = 0; p < outline.passes().size(); p++) {
      Outline.Pass pass = outline.passes().get(p);
      List<ImportedTask> found = new ArrayList<>();
      Map<TaskLocator.Candidate, ImportedTask> read = new LinkedHashMap<>();
      for (TaskLocator.Candidate candidate : TaskLocator.locate(pass)) {
        ImportedTask task = TaskReader.read(candidate.number(), candidate.node(), problems);
        if (task != null) {
          read.put(candidate, task);
        }
      }
      dropNarrativeSafeguards(read);
      found.addAll(read.values());
      for (ImportedTask task : found) {
        ImportedTask earlier = byNumber.get(task.number());
        if (earlier == null) {
          byNumber.put(task.number(), task);
        } else if (p > 0 && sameContent(earlier, task)) {
          repeatedFrom = repeatedFrom == 0 ? pass.roots().get(0).line().number() : repeatedFrom;
        } else {
          String other = freeNumber(byNumber, task.number());
          problems.add(
              ImportProblem.warning(
                  task.line(),
                  "task number "
                      + task.number()
                      + " is used twice (lines "
                      + earlier.line()
                      + " and "
                      + task.line()
                      + ") with different text: the second is kept as "
                      + other
                      + ", a placeholder that deploying refuses; renumber it or remove it"));
          byNumber.put(other, task.renumbered(other));
        }
      }
    }
    if (repeatedFrom > 0) {
      problems.add(
          ImportProblem.warning(
              repeatedFrom,
              "the text repeats from here (a page scraped twice); each task is read once"));
    }
    return new ArrayList<>(byNumber.values());
  }

  /**
   * "一.2" used twice: the second becomes "待填写(一.2 第2处)" (or 第3处 …), a number no task has and a
   * placeholder the catalog refuses to deploy, so that no invented number reaches a process key.
   */
  private static String freeNumber(Map<String, ImportedTask> byNumber, String number) {
    for (int n = 2; ; n++) {
      String candidate = Placeholder.of(number + " 第" + n + "处");
      if (!byNumber.containsKey(candidate)) {
        return candidate;
      }
    }
  }

  /**
   * Safeguards restarting at (一) without any units are narrative, not tasks (Quanzhou, Luolong).
   */
  private static void dropNarrativeSafeguards(Map<TaskLocator.Candidate, ImportedTask> read) {
    Map<OutlineNode, List<TaskLocator.Candidate>> byPart =
        read.keySet().stream()
            .filter(c -> c.kind() == TaskLocator.PartKind.SAFEGUARDS)
            .collect(
                Collectors.groupingBy(
                    c -> partOf(c.node()), LinkedHashMap::new, Collectors.toList()));
    for (List<TaskLocator.Candidate> candidates : byPart.values()) {
      boolean continues =
          candidates.get(0).node().continuesSeries()
              || candidates.get(0).node().parent() != null
                  && candidates.get(0).node().parent().continuesSeries();
      boolean namesUnits = candidates.stream().anyMatch(c -> read.get(c).namesUnits());
      if (!continues && !namesUnits) {
        candidates.forEach(read::remove);
      }
    }
  }

  private static OutlineNode partOf(OutlineNode node) {
    OutlineNode n = node;
    while (n.parent() != null) {
      n = n.parent();
    }
    return n;
  }

  private static boolean sameContent(ImportedTask a, ImportedTask b) {
    return a.title().equals(b.title()) && a.text().equals(b.text()) && a.units().equals(b.units());
  }

  private static ResponsibilityPolicy policyOf(List<ImportedTask> tasks) {
    if (tasks.stream().noneMatch(ImportedTask::namesUnits)) {
      return ResponsibilityPolicy.ASSIGNED_PER_ROUND;
    }
    return tasks.stream().anyMatch(ImportedTask::joint)
        ? ResponsibilityPolicy.JOINT
        : ResponsibilityPolicy.LEAD_FIRST;
  }

  private static void checkFacts(DraftPlanFacts facts, List<ImportProblem> problems) {
    if (facts.title() == null) {
      problems.add(
          ImportProblem.warning(
              1, "no plan title found: plan.title is a placeholder (待填写); fill it in"));
    }
    if (facts.city() == null) {
      problems.add(
          ImportProblem.warning(
              1,
              "no city, district or province found in the title: plan.city is a placeholder"
                  + " (待填写) and the ids start with 'daitianxie'; set plan.city, plan.government and the"
                  + " ids"));
    }
    if (facts.periodFrom() == null || facts.periodTo() == null) {
      problems.add(
          ImportProblem.warning(
              1,
              "the plan's period (years) was not found"
                  + (facts.periodFrom() != null ? " (it starts in " + facts.periodFrom() + ")" : "")
                  + ": plan.period is left out; set it (from, to) before deploying"));
    }
    if (facts.coordinatingOffice() == null) {
      problems.add(
          ImportProblem.warning(
              1,
              facts.level() != null
                  ? "the text names no coordinating office (领导小组办公室/联席会议办公室); a placeholder was proposed: review plan.coordinatingOffice"
                  : "the text names no coordinating office (领导小组办公室/联席会议办公室): plan.coordinatingOffice is a placeholder (待填写); set its id and name"));
    }
  }

  private static DraftPlanFacts emptyFacts() {
    return new DraftPlanFacts(
        null, null, null, null, null, null, null, null, null, null, List.of());
  }
}
