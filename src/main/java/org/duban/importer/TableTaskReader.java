package org.duban.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Tasks from a task-division table (任务分工表) with a 责任单位/责任部门 column, as text exports give it: cells
 * separated by "|", tabs or runs of spaces. A row without a number continues the row above (a cell
 * broken over lines). Where a plan has such a table, the table is its list of tasks.
 */
final class TableTaskReader {

  private static final Pattern UNIT_HEADER = Pattern.compile("^(责任单位|责任部门|牵头单位|牵头部门|主责单位)$");
  private static final Pattern CO_HEADER = Pattern.compile("^(配合单位|配合部门|协办单位|参与单位)$");
  private static final Pattern DEADLINE_HEADER = Pattern.compile("^(完成时限|完成时间|完成期限|时间节点|时限要求|时限)$");
  private static final Pattern NUMBER_HEADER = Pattern.compile("^(序号|编号)$");
  private static final Pattern TASK_HEADER = Pattern.compile("任务|事项|名称|工作内容|内容");
  private static final Pattern MEASURE_HEADER = Pattern.compile("措施|举措|具体内容|工作要求");
  private static final Pattern RULE_LINE = Pattern.compile("^[|\\s:：\\-—=+]+$");

  private TableTaskReader() {}

  /** The table's tasks, or null if the document has no task table. */
  static List<ImportedTask> read(PlanDocument document, List<ImportProblem> problems) {
    List<DocumentLine> lines = document.lines();
    for (int h = 0; h < lines.size(); h++) {
      String separator = separatorOf(lines.get(h).text());
      if (separator == null) {
        continue;
      }
      List<String> header =
          cells(lines.get(h).text(), separator, lines.get(h).text().startsWith("|"));
      int unitCol = indexOf(header, UNIT_HEADER);
      int firstData = h + 1;
      if (unitCol < 0 && separator.equals("  ") && h + 1 < lines.size()) {
        // a PDF's header cells are wrapped too: "牵头" over "单位"
        List<String> merged = PdfTable.header(lines.get(h), lines.get(h + 1));
        if (merged != null && indexOf(merged, UNIT_HEADER) >= 0) {
          header = merged;
          unitCol = indexOf(header, UNIT_HEADER);
          firstData = h + 2;
        }
      }
      if (unitCol < 0) {
        continue;
      }
      return readRows(lines, h, firstData, separator, header, unitCol, problems);
    }
    return null;
  }

  private static List<ImportedTask> readRows(
      List<DocumentLine> lines,
      int h,
      int firstData,
      String separator,
      List<String> header,
      int unitCol,
      List<ImportProblem> problems) {
    int numberCol = indexOf(header, NUMBER_HEADER);
    int coCol = indexOf(header, CO_HEADER);
    int deadlineCol = indexOf(header, DEADLINE_HEADER);
    int taskCol = -1;
    int measureCol = -1;
    for (int c = 0; c < header.size(); c++) {
      if (c == unitCol || c == coCol || c == numberCol || c == deadlineCol) {
        continue;
      }
      if (taskCol < 0 && TASK_HEADER.matcher(header.get(c)).find()) {
        taskCol = c;
      } else if (measureCol < 0 && MEASURE_HEADER.matcher(header.get(c)).find()) {
        measureCol = c;
      }
    }
    if (taskCol < 0) {
      taskCol = measureCol;
      measureCol = -1;
    }
    if (taskCol < 0) {
      problems.add(
          ImportProblem.error(
              lines.get(h).number(), "the table has a unit column but no task column"));
      return List.of();
    }
    boolean edgePipes = lines.get(h).text().startsWith("|");
    List<String[]> rows = new ArrayList<>();
    List<Integer> rowLines = new ArrayList<>();
    if (separator.equals("  ")) {
      PdfTable.rows(
          lines, h, firstData, header.size(), numberCol, taskCol, unitCol, coCol, rows, rowLines);
    }
    for (int i = separator.equals("  ") ? lines.size() : h + 1; i < lines.size(); i++) {
      DocumentLine line = lines.get(i);
      if (line.isBlank() || RULE_LINE.matcher(line.text()).matches()) {
        continue;
      }
      if (separatorOf(line.text()) == null
          && !line.text().contains(separator.equals("|") ? "|" : "\t")) {
        break;
      }
      List<String> cells = cells(line.text(), separator, edgePipes);
      String[] row = new String[header.size()];
      for (int c = 0; c < row.length; c++) {
        row[c] = c < cells.size() ? cells.get(c) : "";
      }
      boolean continuation =
          !rows.isEmpty() && (numberCol >= 0 ? row[numberCol].isEmpty() : row[taskCol].isEmpty());
      if (continuation) {
        String[] previous = rows.get(rows.size() - 1);
        for (int c = 0; c < row.length; c++) {
          previous[c] = join(previous[c], row[c], c == unitCol || c == coCol);
        }
      } else {
        rows.add(row);
        rowLines.add(line.number());
      }
    }
    List<ImportedTask> tasks = new ArrayList<>();
    String numbered = null;
    int parts = 1;
    for (int r = 0; r < rows.size(); r++) {
      String[] row = rows.get(r);
      String number = numberCol >= 0 ? normaliseNumber(row[numberCol]) : Integer.toString(r + 1);
      if (number.isEmpty()) {
        // a merged 序号 cell: the row shares the number of the row above, as its next part
        String shared = numbered == null ? "0" : numbered;
        parts++;
        number = shared + "-" + parts;
        problems.add(
            ImportProblem.warning(
                rowLines.get(r),
                "the table row here has no number of its own (a merged 序号 cell?): numbered "
                    + number
                    + ", after the row numbered "
                    + shared
                    + "; check it"));
      } else {
        numbered = number;
        parts = 1;
      }
      String units = row[unitCol];
      String notation =
          coCol >= 0 && !row[coCol].isEmpty()
              ? "牵头单位:" + units + ";配合单位:" + row[coCol]
              : units.endsWith("负责") || units.endsWith("牵头") ? "(" + units + ")" : "责任单位:" + units;
      int lineNumber = rowLines.get(r);
      Responsibility resp = Responsibility.NONE;
      if (units.isEmpty() && (coCol < 0 || row[coCol].isEmpty())) {
        problems.add(
            ImportProblem.warning(
                lineNumber,
                "task "
                    + number
                    + ": the table names no unit for it; "
                    + TaskReader.LEFT_TO_THE_OFFICE));
      } else {
        try {
          resp =
              ResponsibilityReader.read(List.of(new DocumentLine(lineNumber, notation, notation)))
                  .responsibility();
          if (resp.isNone()) {
            problems.add(
                ImportProblem.warning(
                    lineNumber,
                    "task "
                        + number
                        + ": cannot read its units from '"
                        + units
                        + "'; "
                        + TaskReader.LEFT_TO_THE_OFFICE));
          }
        } catch (UnreadableUnitsException.AtLine e) {
          problems.add(
              ImportProblem.warning(
                  lineNumber,
                  "task "
                      + number
                      + ": cannot read its units: "
                      + e.getMessage()
                      + "; "
                      + TaskReader.LEFT_TO_THE_OFFICE));
        }
      }
      TitleSplitter.Split split = TitleSplitter.split(row[taskCol]);
      String text = measureCol >= 0 ? row[measureCol] : split.rest();
      tasks.add(
          new ImportedTask(
              number,
              split.title(),
              text,
              resp.lead(),
              resp.coUnits(),
              resp.kind() == Responsibility.Kind.JOINT,
              resp.othersUnnamed(),
              resp.units().stream().filter(UnitName::collective).map(UnitName::name).toList(),
              split.title(),
              String.join(" | ", row),
              lineNumber,
              deadlineCol >= 0 && !row[deadlineCol].isEmpty() ? row[deadlineCol] : null));
    }
    return tasks;
  }

  static String join(String a, String b, boolean unitList) {
    if (b.isEmpty()) {
      return a;
    }
    if (a.isEmpty()) {
      return b;
    }
    return unitList ? ResponsibilityReader.joinBrokenLines(a + "\n" + b) : a + b;
  }

  private static String separatorOf(String line) {
    if (line.contains("|")) {
      return "|";
    }
    if (line.contains("\t")) {
      return "\t";
    }
    return line.matches(".*\\S(\\s{2,}|\u3000+)\\S.*") ? "  " : null;
  }

  /**
   * @param edgePipes the table writes "| a | b |", so the empty cells outside the edge pipes are no
   *     cells
   */
  private static List<String> cells(String line, String separator, boolean edgePipes) {
    String[] raw =
        separator.equals("|")
            ? line.split("\\|", -1)
            : separator.equals("\t") ? line.split("\t", -1) : line.split("(\\s{2,}|\u3000+)", -1);
    List<String> cells = new ArrayList<>();
    for (String cell : raw) {
      cells.add(PlanDocument.trim(cell));
    }
    if (edgePipes) {
      if (!cells.isEmpty() && cells.get(0).isEmpty()) {
        cells.remove(0);
      }
      if (!cells.isEmpty() && cells.get(cells.size() - 1).isEmpty()) {
        cells.remove(cells.size() - 1);
      }
    }
    return cells;
  }

  private static int indexOf(List<String> header, Pattern pattern) {
    for (int c = 0; c < header.size(); c++) {
      if (pattern.matcher(header.get(c)).find()) {
        return c;
      }
    }
    return -1;
  }

  private static String normaliseNumber(String cell) {
    OutlineMarker marker = OutlineMarker.parse(cell + " x");
    if (cell.matches("\\d+")) {
      return cell;
    }
    if (marker != null) {
      return marker.shape() == OutlineMarker.Shape.PAREN
          ? "(" + ChineseNumerals.format(marker.value()) + ")"
          : Integer.toString(marker.value());
    }
    return cell;
  }
}
