package org.duban.catalog;

import com.github.houbb.pinyin.constant.enums.PinyinStyleEnum;
import com.github.houbb.pinyin.util.PinyinHelper;
import java.util.Locale;

/**
 * Readable ASCII for Chinese names: process keys and proposed group ids. The results are stored
 * (catalog ids, deployed keys), so a change of the pinyin library never renames anything live.
 */
public final class AsciiNames {

  private static final String DIGITS = "零一二三四五六七八九";

  private AsciiNames() {}

  /**
   * 展会 → zhanhui (INPUT style reads polyphones in names right: 银行 → yinhang). One call at a time:
   * the library loads its dictionaries lazily, and callers racing that first load got empty
   * readings, so that two catalogs read at once (two nodes in one JVM, two imports) saw '一.4-展会'
   * give the key of '一.4'.
   */
  public static synchronized String pinyin(String chinese) {
    String p = PinyinHelper.toPinyin(chinese, PinyinStyleEnum.INPUT, "");
    return p.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }

  /** Task number to an id part: 一.4-展会 → 1-4-zhanhui, (十二)3 → 12-3. */
  public static String taskSlug(String number) {
    StringBuilder out = new StringBuilder();
    StringBuilder han = new StringBuilder();
    int i = 0;
    while (i < number.length()) {
      int end = numeralEnd(number, i);
      if (end > i) {
        flushHan(han, out);
        separate(out);
        out.append(chineseNumber(number.substring(i, end)));
        i = end;
        continue;
      }
      char c = number.charAt(i);
      if (Character.isLetterOrDigit(c) && c < 128) {
        flushHan(han, out);
        out.append(Character.toLowerCase(c));
      } else if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
        han.append(c);
      } else {
        flushHan(han, out);
        separate(out);
      }
      i++;
    }
    flushHan(han, out);
    return out.toString().replaceAll("-+", "-").replaceAll("^-|-$", "");
  }

  private static void flushHan(StringBuilder han, StringBuilder out) {
    if (han.length() > 0) {
      separate(out);
      out.append(pinyin(han.toString()));
      han.setLength(0);
    }
  }

  private static void separate(StringBuilder out) {
    if (out.length() > 0 && out.charAt(out.length() - 1) != '-') {
      out.append('-');
    }
  }

  private static int numeralEnd(String s, int from) {
    int i = from;
    while (i < s.length() && (DIGITS.indexOf(s.charAt(i)) > 0 || s.charAt(i) == '十')) {
      i++;
    }
    return i;
  }

  /** 一 → 1, 十 → 10, 十二 → 12, 二十三 → 23 (plan numbering stays below 100). */
  static int chineseNumber(String numeral) {
    int ten = numeral.indexOf('十');
    if (ten < 0) {
      int value = 0;
      for (char c : numeral.toCharArray()) {
        value = value * 10 + DIGITS.indexOf(c);
      }
      return value;
    }
    int tens = ten == 0 ? 1 : DIGITS.indexOf(numeral.charAt(ten - 1));
    int ones = ten == numeral.length() - 1 ? 0 : DIGITS.indexOf(numeral.charAt(ten + 1));
    return tens * 10 + ones;
  }
}
