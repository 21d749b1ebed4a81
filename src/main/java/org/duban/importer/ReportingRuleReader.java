package org.duban.importer;

import java.time.DateTimeException;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.duban.catalog.ReportPeriod;
import org.duban.catalog.Reporting;

/**
 * Reads how often a plan asks its units to report, from sentences such as
 * "每年6月30日前、12月20日前分别报送半年和全年工作进展", "每季度末报送工作进展" or "于每年11月底前报送年度工作总结". The first such sentence
 * decides; the draft then reports so, and the reviewer is told where it came from.
 */
final class ReportingRuleReader {

  /** A reporting rule as the text gives it; a day left null keeps the calendar's default. */
  record Rule(
      int line, String sentence, Reporting reporting, MonthDay periodDue, MonthDay yearDue) {

    /** For the reviewer: what the draft's calendar now says, and why. */
    String describe() {
      StringBuilder s = new StringBuilder("calendar.reporting: ").append(reporting);
      if (periodDue != null) {
        s.append(", periodDue.").append(ReportPeriod.H1.code).append(": ").append(mmdd(periodDue));
      }
      if (yearDue != null) {
        s.append(", reportDue: ").append(mmdd(yearDue));
      }
      return s.append(" — read from «").append(sentence).append("»; check them").toString();
    }
  }

  /** Reporting to the office, not a notice it circulates (通报). */
  private static final Pattern REPORTS = Pattern.compile("(?<!通)报[送告]|上报|提交");

  private static final Pattern EVERY = Pattern.compile("每年|每半年|每季度|每个季度|半年|季度");
  private static final Pattern DAY =
      Pattern.compile("(\\d{1,2})\\s*月\\s*(?:(\\d{1,2})\\s*日|(底|末))");

  private ReportingRuleReader() {}

  static Optional<Rule> read(List<DocumentLine> lines) {
    for (DocumentLine line : lines) {
      for (String sentence : line.text().split("[。;;]")) {
        Optional<Rule> rule = rule(line.number(), sentence.strip());
        if (rule.isPresent()) {
          return rule;
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<Rule> rule(int line, String s) {
    if (s.isEmpty() || !EVERY.matcher(s).find() || !REPORTS.matcher(s).find()) {
      return Optional.empty();
    }
    // a period report, not a target or a meeting: the sentence speaks of progress or a summary
    if (!s.matches(".*(进展|进度|情况|总结|工作).*")) {
      return Optional.empty();
    }
    List<MonthDay> days = days(s);
    if (s.contains("季度")) {
      return Optional.of(new Rule(line, s, Reporting.QUARTERLY, null, null));
    }
    if (s.contains("半年")) {
      boolean andYear = s.matches(".*半年(?:和|及|与|、)(?:全年|年度).*");
      MonthDay half = days.isEmpty() ? null : days.get(0);
      MonthDay year = andYear && days.size() > 1 ? days.get(1) : null;
      return Optional.of(new Rule(line, s, Reporting.HALF_YEARLY, half, year));
    }
    if (s.contains("每年") && s.matches(".*(全年|年度).*") && days.size() == 1) {
      return Optional.of(new Rule(line, s, Reporting.YEARLY, null, days.get(0)));
    }
    return Optional.empty();
  }

  private static List<MonthDay> days(String s) {
    List<MonthDay> days = new ArrayList<>();
    Matcher m = DAY.matcher(s);
    while (m.find()) {
      try {
        int month = Integer.parseInt(m.group(1));
        int day =
            m.group(2) != null
                ? Integer.parseInt(m.group(2))
                : java.time.YearMonth.of(2001, month).lengthOfMonth();
        days.add(MonthDay.of(month, day));
      } catch (DateTimeException e) {
        // 13月: no day; the sentence is read without it
      }
    }
    return days;
  }

  private static String mmdd(MonthDay day) {
    return String.format("%02d-%02d", day.getMonthValue(), day.getDayOfMonth());
  }
}
