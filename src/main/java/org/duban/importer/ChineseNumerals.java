package org.duban.importer;

/** Chinese numerals as plans use them for numbering (一 … 九十九). */
final class ChineseNumerals {

  private static final String DIGITS = "零一二三四五六七八九";

  private ChineseNumerals() {}

  /** 一 → 1, 十 → 10, 十二 → 12, 二十三 → 23; -1 if not a numeral. */
  static int parse(String numeral) {
    if (numeral.isEmpty() || !numeral.chars().allMatch(c -> DIGITS.indexOf(c) >= 0 || c == '十')) {
      return -1;
    }
    int ten = numeral.indexOf('十');
    if (ten < 0) {
      return numeral.length() == 1 ? DIGITS.indexOf(numeral.charAt(0)) : -1;
    }
    if (numeral.indexOf('十', ten + 1) >= 0 || ten > 1 || numeral.length() - ten > 2) {
      return -1;
    }
    int tens = ten == 0 ? 1 : DIGITS.indexOf(numeral.charAt(0));
    int ones = ten == numeral.length() - 1 ? 0 : DIGITS.indexOf(numeral.charAt(ten + 1));
    return tens * 10 + ones;
  }

  /** 1 → 一, 10 → 十, 14 → 十四, 23 → 二十三. */
  static String format(int value) {
    if (value <= 0 || value >= 100) {
      return Integer.toString(value);
    }
    if (value < 10) {
      return String.valueOf(DIGITS.charAt(value));
    }
    int tens = value / 10;
    int ones = value % 10;
    return (tens == 1 ? "" : String.valueOf(DIGITS.charAt(tens)))
        + "十"
        + (ones == 0 ? "" : String.valueOf(DIGITS.charAt(ones)));
  }
}
