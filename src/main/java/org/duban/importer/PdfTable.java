package org.duban.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A task table flattened from a PDF: columns separated only by spaces, placed where the header's
 * columns are; every cell hard-wrapped over several lines; merged cells (序号, 工作重点) written once for
 * several rows, or on a middle line of their row. A cell belongs to the column it starts under; a
 * row ends where its task cell ends a sentence and the next line starts a task cell again, or where
 * a second number appears.
 */
final class PdfTable {

  private static final Pattern GAP = Pattern.compile("[ \\u3000]{2,}");
  private static final Pattern NUMBER = Pattern.compile("^\\d{1,4}$|^[一二三四五六七八九十百]{1,6}$");
  private static final String SENTENCE_END = "。;;";

  /** One cell of a line: where it starts (in characters) and its text. */
  record Cell(int start, String text) {}

  private PdfTable() {}

  static void rows(
      List<DocumentLine> lines,
      int h,
      int firstData,
      int columns,
      int numberCol,
      int taskCol,
      int unitCol,
      int coCol,
      List<String[]> rows,
      List<Integer> rowLines) {
    List<Cell> header = cells(lines.get(h).original());
    if (header.size() != columns) {
      return;
    }
    int[] starts = header.stream().mapToInt(Cell::start).toArray();
    String[] row = null;
    boolean hasNumber = false;
    for (int i = firstData; i < lines.size(); i++) {
      DocumentLine line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      String[] cells = new String[columns];
      for (Cell cell : cells(line.original())) {
        int c = columnOf(cell.start(), starts);
        String text = PlanDocument.trim(ChineseText.toSimplified(cell.text()));
        cells[c] = cells[c] == null ? text : cells[c] + text;
      }
      if (endsTable(line, cells, starts)) {
        break;
      }
      boolean numbered =
          numberCol >= 0 && cells[numberCol] != null && NUMBER.matcher(cells[numberCol]).matches();
      boolean taskGoesOn =
          row != null
              && !row[taskCol].isEmpty()
              && SENTENCE_END.indexOf(row[taskCol].charAt(row[taskCol].length() - 1)) < 0;
      boolean newRow =
          row == null || cells[taskCol] != null && !taskGoesOn || numbered && hasNumber;
      if (newRow) {
        row = new String[columns];
        java.util.Arrays.fill(row, "");
        rows.add(row);
        rowLines.add(line.number());
        hasNumber = false;
      }
      for (int c = 0; c < columns; c++) {
        if (cells[c] != null) {
          row[c] = TableTaskReader.join(row[c], cells[c], c == unitCol || c == coCol);
        }
      }
      hasNumber |= numbered;
    }
  }

  /**
   * The header of two lines, each cell of the second appended to the column above it ("牵头" + "单位");
   * null if the second line has a cell under no column of the first.
   */
  static List<String> header(DocumentLine first, DocumentLine second) {
    List<Cell> top = cells(first.original());
    List<Cell> below = cells(second.original());
    if (top.size() < 3 || below.isEmpty() || second.text().contains("。")) {
      return null;
    }
    int[] starts = top.stream().mapToInt(Cell::start).toArray();
    String[] merged = top.stream().map(Cell::text).toArray(String[]::new);
    for (Cell cell : below) {
      int c = columnOf(cell.start(), starts);
      if (cell.start() + 2 < starts[c] || cell.text().length() > 6) {
        return null;
      }
      merged[c] = merged[c] + cell.text();
    }
    List<String> out = new ArrayList<>();
    for (String m : merged) {
      out.add(PlanDocument.trim(ChineseText.toSimplified(m)));
    }
    return out;
  }

  /** A line of text under the table: one cell that starts in the first column and runs past it. */
  private static boolean endsTable(DocumentLine line, String[] cells, int[] starts) {
    List<Cell> raw = cells(line.original());
    if (raw.size() != 1) {
      return false;
    }
    Cell only = raw.get(0);
    return columnOf(only.start(), starts) == 0
        && starts.length > 1
        && only.start() + only.text().length() > starts[1];
  }

  /**
   * The column a cell starting here belongs to: the last one whose header starts at most 2 before.
   */
  private static int columnOf(int start, int[] starts) {
    int column = 0;
    for (int c = 0; c < starts.length; c++) {
      if (starts[c] <= start + 2) {
        column = c;
      }
    }
    return column;
  }

  /** The cells of a line with their start, in characters from the line's beginning. */
  static List<Cell> cells(String line) {
    List<Cell> out = new ArrayList<>();
    String s = line.replace('\t', ' ');
    int i = 0;
    int n = s.length();
    while (i < n) {
      while (i < n && PlanDocument.isSpace(s.charAt(i))) {
        i++;
      }
      if (i >= n) {
        break;
      }
      Matcher gap = GAP.matcher(s);
      int end = gap.find(i) ? gap.start() : n;
      String text = s.substring(i, end).strip();
      if (!text.isEmpty()) {
        out.add(new Cell(s.codePointCount(0, i), text));
      }
      i = end;
    }
    return out;
  }
}
