package org.duban.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Decides which outline nodes are main tasks and gives each its readable number.
 *
 * <ul>
 *   <li>Parts (一、) about background, principles or goals hold no tasks.
 *   <li>In a task part, a section with items ((一) with 1. 2. …) holds tasks at item level; a
 *       section without items is a task itself (Jilin (1)–(15), Anshan (十七)). Deeper levels (Anshan
 *       (十)2's 1)–5)) are part of their task's text.
 *   <li>A safeguards part (保障措施) holds tasks only if the plan numbers it in the same series as its
 *       tasks (Jilin, Anshan) or names units there (Wuzhong); otherwise it is narrative (Quanzhou,
 *       Luolong).
 * </ul>
 *
 * Numbers: "一.2" for item 2 of section (一); "7" where items are numbered straight through the
 * sections (Luolong); "(十四)" for a section-level task; "保障(一)" for a safeguard whose numbering
 * restarts, which would otherwise read like section (一) of the tasks.
 */
final class TaskLocator {

  private static final Pattern PREAMBLE = Pattern.compile("要求|背景|序言|前言|指导思想|目标|原则|形势|意义|总则|基础|现状");
  private static final Pattern SAFEGUARDS = Pattern.compile("保障|组织实施|组织领导|实施机制");
  private static final Pattern NO_GOALS = Pattern.compile("背景|序言|前言|形势|意义|现状|成就");

  enum PartKind {
    PREAMBLE,
    TASKS,
    SAFEGUARDS
  }

  /** A task-level node, the part it belongs to, and its number. */
  record Candidate(OutlineNode node, String number, PartKind kind) {}

  private TaskLocator() {}

  static PartKind kindOf(OutlineNode part) {
    String heading = part.heading();
    if (SAFEGUARDS.matcher(heading).find()) {
      return PartKind.SAFEGUARDS;
    }
    return PREAMBLE.matcher(heading).find() ? PartKind.PREAMBLE : PartKind.TASKS;
  }

  static List<Candidate> locate(Outline.Pass pass) {
    List<OutlineNode> roots = pass.roots();
    List<Candidate> out = new ArrayList<>();
    if (roots.stream().allMatch(r -> r.children().isEmpty())) {
      for (OutlineNode root : roots) {
        out.add(new Candidate(root, plainNumber(root), PartKind.TASKS));
      }
      return out;
    }
    boolean straightThrough =
        roots.stream()
            .filter(r -> kindOf(r) != PartKind.PREAMBLE)
            .flatMap(r -> r.children().stream())
            .flatMap(s -> s.children().stream())
            .anyMatch(OutlineNode::continuesSeries);
    // "1. 2." under 一、 and "3." under 二、: sections numbered straight through the parts
    boolean sectionsStraightThrough =
        roots.stream()
            .filter(r -> kindOf(r) != PartKind.PREAMBLE)
            .flatMap(r -> r.children().stream())
            .anyMatch(
                s ->
                    s.continuesSeries()
                        && s.children().isEmpty()
                        && s.marker().shape() == OutlineMarker.Shape.DOT);
    for (OutlineNode part : roots) {
      PartKind kind = kindOf(part);
      if (kind == PartKind.PREAMBLE) {
        continue;
      }
      boolean restarts = !part.children().isEmpty() && !part.children().get(0).continuesSeries();
      if (part.children().isEmpty() && kind == PartKind.TASKS) {
        out.add(new Candidate(part, ChineseNumerals.format(part.value()), kind)); // "一、完善制度(…负责)"
        continue;
      }
      for (OutlineNode section : part.children()) {
        if (section.children().isEmpty()) {
          String number =
              section.marker().shape() == OutlineMarker.Shape.PAREN
                  ? "(" + ChineseNumerals.format(section.value()) + ")"
                  : sectionsStraightThrough
                      ? Integer.toString(section.value())
                      : ChineseNumerals.format(part.value()) + "." + section.value();
          out.add(
              new Candidate(
                  section, kind == PartKind.SAFEGUARDS && restarts ? "保障" + number : number, kind));
          continue;
        }
        for (OutlineNode item : section.children()) {
          String number =
              straightThrough
                  ? Integer.toString(item.value())
                  : ChineseNumerals.format(section.value()) + "." + item.value();
          out.add(new Candidate(item, number, kind));
        }
      }
    }
    return out;
  }

  /** Goal paragraphs (targets, the last goal year): preamble parts other than background. */
  static List<DocumentLine> goalLines(Outline.Pass pass) {
    List<DocumentLine> lines = new ArrayList<>();
    for (OutlineNode root : pass.roots()) {
      if (kindOf(root) == PartKind.PREAMBLE && !NO_GOALS.matcher(root.heading()).find()) {
        lines.add(root.line());
        lines.addAll(root.allLinesBelow());
      }
    }
    return lines;
  }

  private static String plainNumber(OutlineNode node) {
    String cn = ChineseNumerals.format(node.value());
    return switch (node.marker().shape()) {
      case PART -> cn;
      case PAREN -> "(" + cn + ")";
      default -> Integer.toString(node.value());
    };
  }
}
