package org.duban.catalog;

import java.time.MonthDay;
import java.util.Arrays;
import java.util.Optional;

/**
 * One reporting period of a year: the year itself (the full-year report every plan asks for), or a
 * half-year or quarter before it. The full-year report closes the year, so a half-yearly plan
 * reports 上半年 and 全年, a quarterly one three quarters and 全年 (每年6月30日前、12月20日前分别报送半年和全年工作进展).
 */
public enum ReportPeriod {
  Q1("Q1", "第一季度", 3),
  H1("H1", "上半年", 6),
  Q2("Q2", "第二季度", 6),
  Q3("Q3", "第三季度", 9),
  YEAR("", "年度", 12);

  /** The business key's suffix after the year (2025-H1); empty for the full year (2025). */
  public final String code;

  /** As a person reads it after the year: 2025年上半年, 2025年度. */
  public final String label;

  /** The last month the period's report covers: its default due day is that month's end. */
  public final int lastMonth;

  ReportPeriod(String code, String label, int lastMonth) {
    this.code = code;
    this.label = label;
    this.lastMonth = lastMonth;
  }

  /** The due day of the period's report where the catalog names none: the period's last day. */
  public MonthDay defaultDue() {
    return MonthDay.of(lastMonth, lastMonth == 6 || lastMonth == 9 ? 30 : 31);
  }

  /** "2025年上半年", "2025年度". */
  public String title(int year) {
    return year + (this == YEAR ? "年度" : "年" + label);
  }

  /** By code: "H1", "Q2"; "", "Y" and "YEAR" name the full year. */
  public static Optional<ReportPeriod> of(String code) {
    if (code == null) {
      return Optional.empty();
    }
    String c = code.trim().toUpperCase(java.util.Locale.ROOT);
    if (c.isEmpty() || c.equals("Y") || c.equals("YEAR")) {
      return Optional.of(YEAR);
    }
    return Arrays.stream(values()).filter(p -> p.code.equals(c)).findFirst();
  }
}
