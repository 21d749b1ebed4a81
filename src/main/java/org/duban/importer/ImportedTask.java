package org.duban.importer;

import java.util.List;

/**
 * A main task as read from a plan document, units in Simplified Chinese.
 *
 * @param number readable and unique within the plan: 7 (Luolong), 一.2 (Quanzhou), (十四) (Jilin),
 *     保障(一)
 * @param lead the lead unit, or null for joint responsibility or where the plan names no units
 * @param coUnits co-responsible units (for joint responsibility: every unit)
 * @param joint "按职责分工负责": every unit reports, no lead
 * @param othersUnnamed the plan adds unnamed others ("会同有关部门", "等"), which are not invented here
 * @param collectives the names among lead and co-units that are collective units
 * @param originalTitle title as written (possibly Traditional)
 * @param originalText the task's lines as written
 * @param line the line where the task starts
 * @param deadline the deadline the plan sets ("完成时限:2025年11月底前", "长期坚持"), as written, or null
 */
public record ImportedTask(
    String number,
    String title,
    String text,
    String lead,
    List<String> coUnits,
    boolean joint,
    boolean othersUnnamed,
    List<String> collectives,
    String originalTitle,
    String originalText,
    int line,
    String deadline) {

  public ImportedTask {
    coUnits = List.copyOf(coUnits);
    collectives = List.copyOf(collectives);
  }

  /** The same task with the deadline the plan sets for it. */
  ImportedTask withDeadline(String value) {
    return new ImportedTask(
        number,
        title,
        text,
        lead,
        coUnits,
        joint,
        othersUnnamed,
        collectives,
        originalTitle,
        originalText,
        line,
        value);
  }

  /** The same task under another number (a number the document uses twice). */
  ImportedTask renumbered(String value) {
    return new ImportedTask(
        value,
        title,
        text,
        lead,
        coUnits,
        joint,
        othersUnnamed,
        collectives,
        originalTitle,
        originalText,
        line,
        deadline);
  }

  public boolean namesUnits() {
    return lead != null || !coUnits.isEmpty();
  }

  /** Lead first, then co-units: every unit the task names. */
  public List<String> units() {
    List<String> all = new java.util.ArrayList<>();
    if (lead != null) {
      all.add(lead);
    }
    all.addAll(coUnits);
    return all;
  }
}
