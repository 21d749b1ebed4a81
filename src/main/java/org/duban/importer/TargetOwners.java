package org.duban.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.duban.catalog.Target;

/**
 * Drafts which tasks answer for the plan's targets, where the text makes it clear: a task whose
 * title or text names the indicator (every such task), or, failing that, the one task that names
 * its core ("高价值发明专利" of "每万人口高价值发明专利拥有量"). Anything else stays unmapped, with a warning: a
 * reviewer maps it in the catalog ({@code plan.targets[].tasks}).
 */
final class TargetOwners {

  /** Words around an indicator's core that a task's text rarely repeats. */
  private static final Pattern PREFIX = Pattern.compile("^(每万人口|全市|全区|全省|累计|国家级和省级|国家级)");

  private static final Pattern SUFFIX =
      Pattern.compile("(拥有量|有效注册量|注册量|登记量|授权量|申请量|总数|总量|数量|数|量)$");

  private TargetOwners() {}

  static DraftPlanFacts draft(
      DraftPlanFacts facts, List<ImportedTask> tasks, List<ImportProblem> problems) {
    if (facts.targets().isEmpty() || tasks.isEmpty()) {
      return facts;
    }
    List<Target> mapped = new ArrayList<>();
    List<String> warned = new ArrayList<>();
    for (Target target : facts.targets()) {
      List<String> owners = naming(tasks, target.indicator());
      String core = core(target.indicator());
      List<String> byCore = core.length() >= 2 ? naming(tasks, core) : List.of();
      if (owners.isEmpty() && byCore.size() == 1) {
        owners = byCore;
      }
      mapped.add(target.withTasks(owners));
      if (owners.isEmpty() && !warned.contains(target.indicator())) {
        warned.add(target.indicator());
        problems.add(
            ImportProblem.warning(
                0,
                "plan.targets: 指标「"
                    + target.indicator()
                    + "」: "
                    + (byCore.isEmpty()
                        ? "no task names it"
                        : "tasks " + byCore + " all name「" + core + "」")
                    + "; left unmapped: list the tasks that answer for it (tasks: [...])"));
      }
    }
    return new DraftPlanFacts(
        facts.title(),
        facts.originalTitle(),
        facts.city(),
        facts.government(),
        facts.level(),
        facts.issuer(),
        facts.issued(),
        facts.periodFrom(),
        facts.periodTo(),
        facts.coordinatingOffice(),
        mapped);
  }

  /** The targets without their reviewed parts (mapping, direction): what a document states. */
  static List<Target> values(List<Target> targets) {
    return targets.stream()
        .map(t -> new Target(t.indicator(), t.year(), t.value(), t.unit()))
        .toList();
  }

  /**
   * The reviewed targets as they are; a target the review left unmapped takes the document's
   * drafted tasks, with a note.
   */
  static List<Target> keepOrAdd(
      List<Target> reviewed, List<Target> document, List<ImportProblem> notes) {
    List<Target> out = new ArrayList<>();
    for (Target t : reviewed) {
      Target drafted =
          t.tasks().isEmpty()
              ? document.stream()
                  .filter(d -> d.indicator().equals(t.indicator()))
                  .filter(d -> java.util.Objects.equals(d.year(), t.year()))
                  .filter(d -> !d.tasks().isEmpty())
                  .findFirst()
                  .orElse(null)
              : null;
      if (drafted == null) {
        out.add(t);
        continue;
      }
      out.add(t.withTasks(drafted.tasks()));
      notes.add(
          ImportProblem.warning(
              0,
              "plan.targets: 指标「"
                  + t.indicator()
                  + "」("
                  + t.year()
                  + "): the reviewed catalog maps it to no task; the document's tasks "
                  + drafted.tasks()
                  + " were added: review them"));
    }
    return out;
  }

  private static List<String> naming(List<ImportedTask> tasks, String words) {
    return tasks.stream()
        .filter(t -> contains(t.title(), words) || contains(t.text(), words))
        .map(ImportedTask::number)
        .toList();
  }

  private static boolean contains(String text, String words) {
    return text != null && text.contains(words);
  }

  static String core(String indicator) {
    return SUFFIX.matcher(PREFIX.matcher(indicator).replaceAll("")).replaceAll("");
  }
}
