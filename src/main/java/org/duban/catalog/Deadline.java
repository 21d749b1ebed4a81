package org.duban.catalog;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A task's deadline as a plan writes it (完成时限): kept as text, and read as a date where the text is
 * one ("2025年11月底前" → 2025-11-30, "2024年底" → 2024-12-31, "2023年6月30日前" → 2023-06-30). Texts such as
 * "长期坚持" or "持续推进" set no date.
 */
public final class Deadline {

  private static final Pattern DAY =
      Pattern.compile("^(\\d{4})年(\\d{1,2})月(\\d{1,2})日(?:前|之前|以前)?(?:完成)?$");
  private static final Pattern MONTH =
      Pattern.compile("^(\\d{4})年(\\d{1,2})月(?:底|末|份)?(?:前|之前|以前)?(?:完成)?$");
  private static final Pattern HALF =
      Pattern.compile("^(\\d{4})年(上半年|下半年|一季度|二季度|三季度|四季度|第[一二三四]季度)(?:末|底)?(?:前|之前)?(?:完成)?$");
  private static final Pattern YEAR =
      Pattern.compile("^(\\d{4})年(?:年)?(?:底|末|年底|年末)?(?:前|之前|以前)?(?:完成)?$");

  private Deadline() {}

  /** The date a deadline text names, or empty where it names none (长期坚持, 2023年起每年). */
  public static Optional<LocalDate> dateOf(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String s = normalise(text);
    try {
      Matcher m;
      if ((m = DAY.matcher(s)).matches()) {
        return Optional.of(LocalDate.of(year(m), Integer.parseInt(m.group(2)), day(m)));
      }
      if ((m = MONTH.matcher(s)).matches()) {
        return Optional.of(YearMonth.of(year(m), Integer.parseInt(m.group(2))).atEndOfMonth());
      }
      if ((m = HALF.matcher(s)).matches()) {
        int month =
            switch (m.group(2).replace("第", "")) {
              case "上半年", "二季度" -> 6;
              case "一季度" -> 3;
              case "三季度" -> 9;
              default -> 12;
            };
        return Optional.of(YearMonth.of(year(m), month).atEndOfMonth());
      }
      if ((m = YEAR.matcher(s)).matches()) {
        return Optional.of(LocalDate.of(year(m), 12, 31));
      }
    } catch (java.time.DateTimeException e) {
      return Optional.empty(); // 2025年13月: not a date
    }
    return Optional.empty();
  }

  /**
   * The text has the shape of a date ("2025年6月31日前") whether or not it is one: a catalog may not
   * carry such a text without its date, or the task would silently report every year instead.
   */
  public static boolean looksLikeDate(String text) {
    if (text == null) {
      return false;
    }
    String s = normalise(text);
    return DAY.matcher(s).matches()
        || MONTH.matcher(s).matches()
        || HALF.matcher(s).matches()
        || YEAR.matcher(s).matches();
  }

  private static String normalise(String text) {
    return text.strip().replaceAll("[。.;;,,\\s]+$", "").replace("年年底", "年底");
  }

  private static int year(Matcher m) {
    return Integer.parseInt(m.group(1));
  }

  private static int day(Matcher m) {
    return Integer.parseInt(m.group(3));
  }
}
