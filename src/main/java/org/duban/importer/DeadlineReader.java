package org.duban.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes a task's deadline out of its lines: "完成时限:2025年11月底前" on a line of its own, after the units
 * on the same line ("…;完成时限:2024年底前"), or inside the units' brackets. A deadline is never a unit,
 * and not part of the task's text either.
 */
final class DeadlineReader {

  private static final Pattern DEADLINE =
      Pattern.compile(
          "[;;,,。]?\\s*(?:完成时限|完成时间|完成期限|时限要求|时间节点|时间要求|完成时效)\\s*[::]\\s*([^;;))\\n]*[^;;))\\n。,,\\s])[。;;,,]?");

  /** The deadline as written (or null) and the lines without it. */
  record Reading(String deadline, List<DocumentLine> lines) {}

  private DeadlineReader() {}

  static Reading read(List<DocumentLine> lines) {
    String deadline = null;
    List<DocumentLine> out = new ArrayList<>(lines.size());
    for (DocumentLine line : lines) {
      Matcher m = DEADLINE.matcher(line.text());
      if (!m.find()) {
        out.add(line);
        continue;
      }
      if (deadline == null) {
        deadline = PlanDocument.trim(m.group(1));
      }
      String rest =
          PlanDocument.trim(line.text().substring(0, m.start()) + line.text().substring(m.end()));
      if (!rest.isEmpty()) {
        out.add(new DocumentLine(line.number(), line.original(), rest));
      }
    }
    return new Reading(deadline, out);
  }
}
