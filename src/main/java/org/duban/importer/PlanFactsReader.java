package org.duban.importer;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.duban.catalog.AsciiNames;

/**
 * Title, place, issuer, date, period and coordinating office, from whatever the page shows of them.
 */
final class PlanFactsReader {

  private static final Pattern TITLE_WORD =
      Pattern.compile("(规划|方案|纲要|意见|计划|办法|举措|要点|任务清单|任务分工|工作安排|分工表|任务表)(\\(.*\\)|(.*))?$");
  private static final Pattern TITLE_LABEL = Pattern.compile("^标题[::](?:[((][^))]{1,6}[))])?(.+)$");
  private static final Pattern QUOTED_TITLE = Pattern.compile("印发\\S*?《([^》]+)》");
  private static final Pattern PLACE = Pattern.compile("^(\\p{IsHan}{2,3}?)(市|区|县|省)");
  private static final Pattern PLACE_IN_TEXT =
      Pattern.compile("(\\p{IsHan}{2})(省|市)(?:知识产权|人民政府|委|政府)");
  private static final Pattern ISSUER_LABEL = Pattern.compile("(?:发布单位|发文机关|发文单位|印发单位)[::](\\S+)");
  private static final Pattern ISSUER_LINE =
      Pattern.compile("^\\p{IsHan}{2,12}(人民政府|人民政府办公室|人民政府办公厅|办公厅|知识产权局)$");
  private static final Pattern ISSUER_IN_TITLE =
      Pattern.compile("^(\\p{IsHan}{2,12}?人民政府(?:办公室|办公厅)?)(?:关于)?印发");
  private static final Pattern DATE_LINE = Pattern.compile("^(\\d{4})年(\\d{1,2})月(\\d{1,2})日$");
  private static final Pattern DATE_LABEL =
      Pattern.compile("(?:(?:颁布|发布|印发|成文)(?:时间|日期)[::]|于)(\\d{4})年(\\d{1,2})月(\\d{1,2})日");
  private static final Pattern PERIOD_IN_TITLE =
      Pattern.compile("(\\d{4})\\s*年?\\s*[-—–~至]+\\s*(\\d{4})(?!\\d)");

  /** "2022年…工作要点", "…2024年度工作计划": a plan for one year (not "到2025年…纲要"). */
  private static final Pattern ONE_YEAR_IN_TITLE = Pattern.compile("(?<![到至\\d])(\\d{4})年度?");

  /** "2022年上海市…": the year before the place name. */
  private static final Pattern LEADING_YEAR =
      Pattern.compile("^(\\d{4}\\s*年?\\s*[-—–~至]+\\s*)?\\d{4}\\s*年度?\\s*");

  private static final Pattern FIVE_YEAR_PLAN = Pattern.compile("十([一二三四五六七八九])五");
  private static final Pattern TARGET_YEAR = Pattern.compile("(?<!截)(?:到|至)(\\d{4})年|^——(\\d{4})年");
  private static final Pattern FILE_YEAR = Pattern.compile("^[a-z]+-(\\d{4})\\b");
  private static final Pattern OFFICE =
      Pattern.compile("([市区省县]?(?:市域)?知识产权[^,,。、;;和与的\\s]{0,10}?(?:领导小组|联席会议))(办公室)?");

  private PlanFactsReader() {}

  static DraftPlanFacts read(String source, PlanDocument document, List<DocumentLine> goalLines) {
    List<DocumentLine> lines = document.lines();
    String[] title = title(lines);
    String t = title[0];
    String city = null;
    String level = null;
    Matcher place = t == null ? null : PLACE.matcher(LEADING_YEAR.matcher(t).replaceFirst(""));
    if (place != null && place.find()) {
      city = place.group(1);
      level = place.group(2);
    } else {
      for (DocumentLine line : lines) {
        Matcher m = PLACE_IN_TEXT.matcher(line.text());
        if (m.find()) {
          city = m.group(1);
          level = m.group(2);
          break;
        }
      }
    }
    LocalDate issued = issued(lines);
    Integer[] period = period(t, issued, source, goalLines);
    return new DraftPlanFacts(
        t,
        title[1],
        city,
        city == null ? null : AsciiNames.pinyin(city),
        level,
        issuer(lines),
        issued,
        period[0],
        period[1],
        office(lines, level),
        TargetReader.read(goalLines));
  }

  /**
   * The plan's own title: a title-like line of its own, else a "标题:" line, else the 《…》 of a
   * notice.
   */
  private static String[] title(List<DocumentLine> lines) {
    for (DocumentLine line : lines) {
      String s = line.text();
      if (s.length() <= 60
          && !s.contains("通知")
          && !s.matches(".*[。,,::;;].*")
          && !s.startsWith("关于印发")
          && TITLE_WORD.matcher(s).find()
          && OutlineMarker.parse(s) == null) {
        return new String[] {s, PlanDocument.trim(line.original())};
      }
    }
    for (DocumentLine line : lines) {
      Matcher m = TITLE_LABEL.matcher(line.text());
      if (m.find()) {
        return new String[] {m.group(1).trim(), null};
      }
    }
    for (DocumentLine line : lines) {
      Matcher m = QUOTED_TITLE.matcher(line.text());
      if (m.find()) {
        return new String[] {m.group(1), null};
      }
    }
    return new String[] {null, null};
  }

  private static String issuer(List<DocumentLine> lines) {
    for (DocumentLine line : lines) {
      Matcher m = ISSUER_LABEL.matcher(line.text());
      if (m.find()) {
        return m.group(1);
      }
    }
    for (DocumentLine line : lines) {
      if (ISSUER_LINE.matcher(line.text()).matches()) {
        return line.text();
      }
    }
    for (DocumentLine line : lines) {
      Matcher m = ISSUER_IN_TITLE.matcher(line.text());
      if (m.find()) {
        return m.group(1);
      }
    }
    return null;
  }

  private static LocalDate issued(List<DocumentLine> lines) {
    for (Pattern p : List.of(DATE_LINE, DATE_LABEL)) {
      for (DocumentLine line : lines) {
        Matcher m = p.matcher(line.text());
        if (m.find()) {
          try {
            return LocalDate.of(
                Integer.parseInt(m.group(1)),
                Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)));
          } catch (DateTimeException e) {
            // not a calendar date: keep looking
          }
        }
      }
    }
    return null;
  }

  /**
   * From the title ("2024-2026年", "十四五"), else issue year (or the file's year) to the last goal
   * year.
   */
  private static Integer[] period(
      String title, LocalDate issued, String source, List<DocumentLine> goalLines) {
    if (title != null) {
      Matcher m = PERIOD_IN_TITLE.matcher(title);
      if (m.find()) {
        return new Integer[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
      }
      Matcher f = FIVE_YEAR_PLAN.matcher(title);
      if (f.find()) {
        int n = ChineseNumerals.parse(f.group(1)) + 10;
        int from = 2021 + (n - 14) * 5; // 十四五 = 2021–2025
        return new Integer[] {from, from + 4};
      }
      Matcher one = ONE_YEAR_IN_TITLE.matcher(title);
      if (one.find()) {
        int year = Integer.parseInt(one.group(1));
        if (!one.find()) { // one year named, and only one
          return new Integer[] {year, year};
        }
      }
    }
    Integer from = issued != null ? Integer.valueOf(issued.getYear()) : fileYear(source);
    Integer to = null;
    for (DocumentLine line : goalLines) {
      Matcher m = TARGET_YEAR.matcher(line.text());
      while (m.find()) {
        int year = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2));
        to = to == null ? year : Math.max(to, year);
      }
    }
    if (from != null && to != null && to < from) {
      to = null;
    }
    return new Integer[] {from, to};
  }

  private static Integer fileYear(String source) {
    if (source == null) {
      return null;
    }
    String name = source.substring(source.lastIndexOf('/') + 1);
    Matcher m = FILE_YEAR.matcher(name);
    return m.find() ? Integer.valueOf(m.group(1)) : null;
  }

  /** "市知识产权工作领导小组办公室", or the office of the named joint conference / leading group. */
  private static String office(List<DocumentLine> lines, String level) {
    String firstGroup = null;
    for (DocumentLine line : lines) {
      Matcher m = OFFICE.matcher(line.text());
      while (m.find()) {
        String name = m.group(1);
        if (level != null && ("市区省县".indexOf(name.charAt(0)) < 0 || name.startsWith("市域"))) {
          name = level + name;
        }
        if (m.group(2) != null) {
          return name + "办公室";
        }
        if (firstGroup == null) {
          firstGroup = name + "办公室";
        }
      }
    }
    return firstGroup;
  }
}
