package org.duban.importer;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numbering at the start of a line: 一、 / 三是 / 四. (parts), (一) / (1) (sections), 1. / 1、 (items)
 * and 1) (sub-items). Plans mix styles of the same shape (Jilin: (1) next to (二), 二是 next to 四.),
 * so a marker's {@link Shape} rather than its exact style decides its level.
 */
record OutlineMarker(Shape shape, int value, String style, String rest) {

  enum Shape {
    PART,
    PAREN,
    DOT,
    RPAREN
  }

  /** Chinese numerals up to 九千九百九十九 (a plan of 5,000 items numbers them all). */
  private static final String CN = "[一二两三四五六七八九十百千零〇]{1,8}";

  private static final List<Pattern> PATTERNS =
      List.of(
          Pattern.compile("^(" + CN + ")(、|是|\\.|．)(.*)$"),
          Pattern.compile("^[((](" + CN + ")[))](.*)$"),
          Pattern.compile("^[((](\\d{1,4})[))](.*)$"),
          Pattern.compile("^(\\d{1,4})(\\.|．|、)(?![\\d.])(.*)$"),
          Pattern.compile("^(\\d{1,4})[))](.*)$"));

  static OutlineMarker parse(String line) {
    String s = asciiDigits(line);
    for (int i = 0; i < PATTERNS.size(); i++) {
      Matcher m = PATTERNS.get(i).matcher(s);
      if (!m.matches()) {
        continue;
      }
      String numeral = m.group(1);
      int value =
          Character.isDigit(numeral.charAt(0))
              ? Integer.parseInt(numeral)
              : ChineseNumerals.parse(numeral);
      if (value <= 0) {
        continue;
      }
      String rest = PlanDocument.trim(m.group(m.groupCount()));
      return switch (i) {
        case 0 -> rest.isEmpty() ? null : new OutlineMarker(Shape.PART, value, m.group(2), rest);
        case 1 -> new OutlineMarker(Shape.PAREN, value, "(一)", rest);
        case 2 -> new OutlineMarker(Shape.PAREN, value, "(1)", rest);
        case 3 -> new OutlineMarker(Shape.DOT, value, m.group(2), rest);
        default -> new OutlineMarker(Shape.RPAREN, value, ")", rest);
      };
    }
    return null;
  }

  /** The canonical part marker "一、": only it may restart a document that appears twice. */
  boolean isCanonicalPartStart() {
    return shape == Shape.PART && value == 1 && "、".equals(style);
  }

  private static String asciiDigits(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      b.append(c >= '０' && c <= '９' ? (char) ('0' + (c - '０')) : c);
    }
    return b.toString();
  }
}
