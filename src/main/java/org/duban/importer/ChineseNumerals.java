package org.duban.importer;

/** Chinese numerals as plans use them for numbering (一 … 九十九, 一百 … 九千九百九十九). */
final class ChineseNumerals {

  private static final String DIGITS = "零一二三四五六七八九";
  private static final String UNITS = "十百千";
  private static final int[] UNIT_VALUES = {10, 100, 1000};

  private ChineseNumerals() {}

  /**
   * 一 → 1, 十 → 10, 十二 → 12, 二十三 → 23, 一百 → 100, 一百零五 → 105, 一百一十 → 110, 一百十二 → 112, 两百 → 200, 一千零一
   * → 1001; -1 if not a numeral.
   */
  static int parse(String numeral) {
    if (numeral.isEmpty()) {
      return -1;
    }
    String s = numeral.replace('两', '二').replace('〇', '零');
    int total = 0;
    int digit = -1; // the digit read but not yet multiplied
    int lastUnit = Integer.MAX_VALUE;
    boolean zero = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      int d = DIGITS.indexOf(c);
      int u = UNITS.indexOf(c);
      if (c == '零') {
        if (digit >= 0 || zero || i == 0) {
          return -1;
        }
        zero = true;
      } else if (d > 0) {
        if (digit >= 0) {
          return -1; // 二三
        }
        digit = d;
      } else if (u >= 0) {
        int unit = UNIT_VALUES[u];
        if (unit >= lastUnit || zero && digit < 0) {
          return -1; // 百 after 十, 零百
        }
        if (digit < 0) {
          // 十 alone leads (十二 = 12) or follows a higher unit (一百十二 = 112)
          if (unit != 10) {
            return -1;
          }
          digit = 1;
        }
        total += digit * unit;
        digit = -1;
        lastUnit = unit;
        zero = false;
      } else {
        return -1;
      }
    }
    if (digit >= 0) {
      if (s.length() == 1 || zero) {
        total += digit; // 五, 一百零五
      } else if (lastUnit == 10) {
        total += digit; // 二十三
      } else {
        return -1; // 一百五 (colloquial 150) is not used for numbering
      }
    } else if (zero) {
      return -1; // ends in 零
    }
    return total == 0 ? -1 : total;
  }

  /** 1 → 一, 10 → 十, 14 → 十四, 23 → 二十三, 105 → 一百零五, 110 → 一百一十. */
  static String format(int value) {
    if (value <= 0 || value >= 10000) {
      return Integer.toString(value);
    }
    if (value < 20 && value >= 10) {
      return "十" + (value == 10 ? "" : String.valueOf(DIGITS.charAt(value - 10)));
    }
    StringBuilder b = new StringBuilder();
    int[] units = {1000, 100, 10, 1};
    String[] names = {"千", "百", "十", ""};
    boolean pendingZero = false;
    for (int k = 0; k < units.length; k++) {
      int d = value / units[k] % 10;
      if (d == 0) {
        pendingZero = b.length() > 0;
        continue;
      }
      if (pendingZero) {
        b.append('零');
        pendingZero = false;
      }
      b.append(DIGITS.charAt(d)).append(names[k]);
    }
    return b.toString();
  }
}
