package org.duban.importer;

import java.util.ArrayList;
import java.util.List;

/** A plan document split into numbered lines, each normalised to Simplified Chinese once. */
final class PlanDocument {

  private final String source;
  private final List<DocumentLine> lines;

  private PlanDocument(String source, List<DocumentLine> lines) {
    this.source = source;
    this.lines = List.copyOf(lines);
  }

  static PlanDocument of(String source, String text) {
    String body = text == null ? "" : text.replace("\uFEFF", "");
    String[] raw = body.split("\r\n|\r|\n", -1);
    List<DocumentLine> lines = new ArrayList<>(raw.length);
    for (TextLayout.Piece piece : TextLayout.of(raw)) {
      String original = piece.text();
      lines.add(
          new DocumentLine(piece.number(), original, trim(ChineseText.toSimplified(original))));
    }
    return new PlanDocument(source, lines);
  }

  /**
   * Trims ASCII, full-width (U+3000) and no-break spaces, which scraped pages use for indentation.
   */
  static String trim(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isSpace(s.charAt(start))) {
      start++;
    }
    while (end > start && isSpace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(start, end);
  }

  static boolean isSpace(char c) {
    return Character.isWhitespace(c) || c == '\u3000' || c == '\u00A0';
  }

  String source() {
    return source;
  }

  List<DocumentLine> lines() {
    return lines;
  }

  boolean isBlank() {
    return lines.stream().allMatch(DocumentLine::isBlank);
  }
}
