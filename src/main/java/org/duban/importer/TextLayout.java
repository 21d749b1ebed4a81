package org.duban.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Undoes what copying a plan out of a PDF or a document-sharing site did to its lines, before they
 * are read: page furniture ("_第2页", "12.5KB", "文档编号:…") is dropped; a text whose headings, sections
 * and items run together in long lines is split at each number; lines hard-wrapped at a fixed width
 * (PDF) are joined into their paragraphs; and a line that stops on "、" or "和" goes on in the next.
 * Every piece keeps the number of the file line it came from. Texts that show none of this (the
 * five shipped plans) pass unchanged.
 */
final class TextLayout {

  /** A line of the file as the importer will read it: its file line number and its text. */
  record Piece(int number, String text) {}

  /** "_第2页", "第2页/共5页", "- 3 -": page marks from sharing sites and PDF footers, also inline. */
  private static final Pattern PAGE_MARK =
      Pattern.compile(
          "_?第\\s*\\d+\\s*[页頁](\\s*[/,,]?\\s*共\\s*\\d+\\s*[页頁])?|^\\s*[-—]\\s*\\d+\\s*[-—]\\s*$");

  /** A line that is only a sharing site's file box: size, document id, upload data. */
  private static final Pattern FURNITURE_LINE =
      Pattern.compile(
          "\\b\\d+(\\.\\d+)?\\s*[KMG]B\\b|文档编号[::]|文档ID[::]|上传(时间|者|于)[::]?|下载积分|浏览次数|^共\\s*\\d+\\s*页$|\\.(docx?|pdf|wps)\\b",
          Pattern.CASE_INSENSITIVE);

  private static final String CN = "[一二三四五六七八九十百]{1,4}";

  /** A number that starts a heading or an item, after a space or the end of a sentence. */
  private static final Pattern RUN_TOGETHER_MARKER =
      Pattern.compile(
          "(?<=[\\s\\u3000。;;))])[\\s\\u3000]*(?=(?:"
              + CN
              + "、|[((]"
              + CN
              + "[))]|[((]\\d{1,4}[))]|\\d{1,4}[.、．](?![\\d.])))");

  /**
   * Labels of unit lists and deadlines, Simplified and Traditional (the text is not yet converted).
   */
  private static final String LABELS =
      "责任单位|责任部门|牵头单位|牵头部门|配合单位|配合部门|完成时限|完成时间|时间节点"
          + "|責任單位|責任部門|牽頭單位|牽頭部門|配合單位|配合部門|完成時限|完成時間|時間節點";

  /** A label that starts a line of its own in the plan ("。责任单位:…", " 完成时限:…"). */
  private static final Pattern RUN_TOGETHER_LABEL =
      Pattern.compile("(?<=[\\s\\u3000。])[\\s\\u3000]*(?=(?:" + LABELS + ")[::])");

  /** Ends that cannot end a line of a plan: the text goes on in the next line. */
  private static final String CONTINUES = "、,,和与與及并並或的“《((";

  private static final String SENTENCE_END = "。!?!?;;”》))";

  /** "(2023—2025年)" on a line of its own: the end of the title above it. */
  private static final Pattern YEARS_LINE =
      Pattern.compile("^[((]\\d{4}\\s*年?\\s*[-—–~至]+\\s*\\d{4}\\s*年?[))]$");

  private TextLayout() {}

  static List<Piece> of(String[] raw) {
    List<Piece> pieces = new ArrayList<>(raw.length);
    for (int i = 0; i < raw.length; i++) {
      pieces.add(new Piece(i + 1, raw[i]));
    }
    pieces = withoutFurniture(pieces);
    if (runsTogether(pieces)) {
      pieces = split(pieces, RUN_TOGETHER_MARKER);
    }
    // "…开展专利布局。责任单位:市知识产权局": the label starts a line of its own
    pieces = split(pieces, RUN_TOGETHER_LABEL);
    return joinBroken(pieces, wrapWidth(pieces));
  }

  private static List<Piece> withoutFurniture(List<Piece> pieces) {
    List<Piece> out = new ArrayList<>(pieces.size());
    for (Piece p : pieces) {
      String text = p.text();
      if (PAGE_MARK.matcher(text).find()) {
        text = PAGE_MARK.matcher(text).replaceAll(" ");
        if (PlanDocument.trim(text).isEmpty()) {
          continue; // a page mark of its own: not even a blank line, a paragraph may go on
        }
      }
      if (FURNITURE_LINE.matcher(text).find() && !text.contains("。")) {
        continue;
      }
      out.add(text == p.text() ? p : new Piece(p.number(), text));
    }
    return out;
  }

  /** A line carrying four numbers or more: the text of a sharing site, run together. */
  private static boolean runsTogether(List<Piece> pieces) {
    for (Piece p : pieces) {
      Matcher m = RUN_TOGETHER_MARKER.matcher(p.text());
      int found = 0;
      while (m.find()) {
        found++;
      }
      if (found >= 4) {
        return true;
      }
    }
    return false;
  }

  private static List<Piece> split(List<Piece> pieces, Pattern at) {
    List<Piece> out = new ArrayList<>();
    for (Piece p : pieces) {
      Matcher m = at.matcher(p.text());
      int from = 0;
      while (m.find()) {
        if (insideBrackets(p.text(), m.start())) {
          continue; // "(牵头单位:X; 配合单位:Y)" is one notation
        }
        String head = p.text().substring(from, m.start());
        if (!PlanDocument.trim(head).isEmpty()) {
          out.add(new Piece(p.number(), head));
        }
        from = m.end();
      }
      out.add(new Piece(p.number(), p.text().substring(from)));
    }
    return out;
  }

  private static boolean insideBrackets(String text, int at) {
    int depth = 0;
    for (int i = 0; i < at; i++) {
      char c = text.charAt(i);
      if (c == '(' || c == '(') {
        depth++;
      } else if ((c == ')' || c == ')') && depth > 0) {
        depth--;
      }
    }
    return depth > 0;
  }

  /**
   * The width a PDF's text was hard-wrapped at: most non-blank lines have (nearly) the same length.
   * 0 where the text is not wrapped like that.
   */
  static int wrapWidth(List<Piece> pieces) {
    int[] counts = new int[512];
    int lines = 0;
    for (Piece p : pieces) {
      int n = length(p.text());
      if (n > 0) {
        lines++;
        if (n < counts.length) {
          counts[n]++;
        }
      }
    }
    int mode = 0;
    for (int n = 12; n < counts.length; n++) {
      if (counts[n] + counts[n - 1] > counts[mode] + (mode > 0 ? counts[mode - 1] : 0)) {
        mode = n;
      }
    }
    int near =
        mode == 0 ? 0 : counts[mode] + counts[mode - 1] + (mode + 1 < 512 ? counts[mode + 1] : 0);
    return lines >= 6 && near * 10 >= lines * 4 ? mode : 0;
  }

  private static List<Piece> joinBroken(List<Piece> pieces, int width) {
    List<Piece> out = new ArrayList<>(pieces.size());
    Piece open = null;
    for (Piece p : pieces) {
      if (open != null) {
        if (continues(open.text(), p.text(), width)) {
          open = new Piece(open.number(), stripEnd(open.text()) + PlanDocument.trim(p.text()));
          continue;
        }
        out.add(open);
      }
      open = p;
    }
    if (open != null) {
      out.add(open);
    }
    return out;
  }

  /** Whether {@code next} goes on the text of {@code line}. */
  private static boolean continues(String line, String next, int width) {
    String a = PlanDocument.trim(line);
    String b = PlanDocument.trim(next);
    if (a.isEmpty() || b.isEmpty() || startsAnew(b) || isTableRow(line) || isTableRow(next)) {
      return false;
    }
    if (YEARS_LINE.matcher(b).matches() && !a.contains("。")) {
      return true;
    }
    char last = a.charAt(a.length() - 1);
    if (CONTINUES.indexOf(last) >= 0) {
      return true;
    }
    return width > 0 && length(a) >= width - 1 && SENTENCE_END.indexOf(last) < 0;
  }

  /** Cells in columns ("|", tabs, gaps of spaces): a table's rows are joined by its own reader. */
  private static boolean isTableRow(String line) {
    return line.indexOf('|') >= 0
        || line.indexOf('\t') >= 0
        || COLUMN_GAP.matcher(PlanDocument.trim(line)).find()
        || line.startsWith("      "); // a cell of a column further right
  }

  private static final Pattern COLUMN_GAP = Pattern.compile("\\S(\\s{2,}|\u3000{2,})\\S");

  /** A numbered heading or item, or a labelled line: never the rest of the line before. */
  private static boolean startsAnew(String line) {
    return OutlineMarker.parse(line) != null || line.matches("^(" + LABELS + ")[::].*");
  }

  private static String stripEnd(String s) {
    int end = s.length();
    while (end > 0 && PlanDocument.isSpace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end);
  }

  private static int length(String s) {
    String t = PlanDocument.trim(s);
    return t.codePointCount(0, t.length());
  }
}
