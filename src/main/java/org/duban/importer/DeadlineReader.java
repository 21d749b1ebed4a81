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
          "[;;,,。]?\\s*(?:完成时限|完成时间|完成期限|时限要求|时间节点|时间要求|完成时效|时限)\\s*[::]\\s*([^;;))\\n]*[^;;))\\n。,,\\s])[。;;,,]?");

  /** "(市公安局牵头,市市场监管局配合,2023年底前完成)": a deadline at the end of the units' brackets. */
  private static final Pattern IN_UNIT_BRACKETS =
      Pattern.compile(
          "(?<=牵头|配合|负责|参与|协助)[,,;;]\\s*((?:\\d{4}年[^,,;;()()]{0,12}?(?:前|底|末)(?:完成)?|\\d{4}年(?:\\d{1,2}月)?完成|长期坚持|持续推进|长期推进))(?=\\s*[))])");

  /** The deadline as written (or null) and the lines without it. */
  record Reading(String deadline, List<DocumentLine> lines) {}

  private DeadlineReader() {}

  static Reading read(List<DocumentLine> lines) {
    String deadline = null;
    List<DocumentLine> out = new ArrayList<>(lines.size());
    for (DocumentLine line : lines) {
      Matcher m = DEADLINE.matcher(line.text());
      if (!m.find() && !(m = IN_UNIT_BRACKETS.matcher(line.text())).find()) {
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
