package org.duban.importer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.duban.catalog.Target;
import org.duban.catalog.TargetDirection;

/**
 * Quantified targets from a plan's goal paragraphs: "至2026年末,力争每万人口高价值发明专利拥有量突破6件",
 * "到2025年…有效注册商标量由6577件提升到15000件", "A、B总数分别突破360家、18个". Only values whose year the same paragraph
 * states are taken; a bare number without a year is no target.
 */
final class TargetReader {

  private static final Pattern YEAR = Pattern.compile("(?:(?<!截)(?:到|至)|^——|^即到)(\\d{4})年(?:末|底)?");
  private static final String VALUE = "(\\d+(?:\\.\\d+)?)(万件|万家|万人|万元|亿元|件|家|个|所|项|人次|人|名|元|%)";

  /** Wording of a ceiling: the value is the most the plan allows ("下降到", "不超过", "控制在"). */
  private static final String CEILING = "下降到|降低到|降至|控制在|不超过|不高于|低于";

  private static final String VERB =
      "(?:" + CEILING + "|达到|突破|超过|增加到|提升到|提高到|增长到|增至|达|保持在|不少于|不低于)";
  private static final Pattern CEILING_WORDING = Pattern.compile("(?:" + CEILING + ")$");
  private static final Pattern INDICATOR_VALUE =
      Pattern.compile(
          "^(\\p{IsHan}[^\\d]*?)(?:由\\d+(?:\\.\\d+)?(?:万|亿)?[件家个所项人名元]*)?(" + VERB + "?)" + VALUE);
  private static final String BARE_VALUE =
      "\\d+(?:\\.\\d+)?(?:万件|万家|万人|万元|亿元|件|家|个|所|项|人次|人|名|元|%)";
  private static final Pattern RESPECTIVELY =
      Pattern.compile(
          "^(\\p{IsHan}[^\\d]*?)分别(" + VERB + "?)(" + BARE_VALUE + "(?:、" + BARE_VALUE + ")+)$");
  private static final Pattern ONE_VALUE = Pattern.compile(VALUE);
  private static final Pattern LEADING_WORDS =
      Pattern.compile("^(力争|争取|全市|全区|全省|我市|我区|我省|培育|培养|新增|实现|其中|使)+");
  private static final Pattern TOPIC = Pattern.compile("^——([^。,,]{1,16})。");

  private TargetReader() {}

  static List<Target> read(List<DocumentLine> paragraphs) {
    Map<String, Target> targets = new LinkedHashMap<>();
    for (DocumentLine paragraph : paragraphs) {
      readParagraph(paragraph.text(), targets);
    }
    return new ArrayList<>(targets.values());
  }

  private static void readParagraph(String text, Map<String, Target> targets) {
    Matcher topicMatch = TOPIC.matcher(text);
    String topic = topicMatch.find() ? topicMatch.group(1) : null;
    String body = topic == null ? text : text.substring(topicMatch.end());
    Integer year = null;
    for (String clause : body.split("[,,;;。:]")) {
      Matcher y = YEAR.matcher(clause);
      if (y.find()) {
        year = Integer.parseInt(y.group(1));
        clause = clause.substring(y.end());
      }
      if (year == null || clause.isEmpty()) {
        continue;
      }
      Matcher r = RESPECTIVELY.matcher(clause);
      if (r.matches()) {
        readRespectively(r.group(1), r.group(3), direction(r.group(2)), year, topic, targets);
        continue;
      }
      for (String part : clause.split("、")) {
        Matcher m = INDICATOR_VALUE.matcher(part);
        if (m.find()) {
          add(
              targets,
              indicator(m.group(1), topic),
              year,
              m.group(3),
              m.group(4),
              direction(m.group(1) + m.group(2)));
        }
      }
    }
  }

  /** "A、B总数分别突破360家、18个": names and values pair up; a shared suffix (总数) belongs to each. */
  private static void readRespectively(
      String names,
      String values,
      TargetDirection direction,
      int year,
      String topic,
      Map<String, Target> targets) {
    String[] n = names.split("、");
    List<String[]> v = new ArrayList<>();
    Matcher m = ONE_VALUE.matcher(values);
    while (m.find()) {
      v.add(new String[] {m.group(1), m.group(2)});
    }
    if (n.length != v.size()) {
      return;
    }
    String suffix =
        n[n.length - 1].matches(".*(总数|总量|数量)$")
            ? n[n.length - 1].replaceAll(".*(总数|总量|数量)$", "$1")
            : "";
    for (int i = 0; i < n.length; i++) {
      String name = n[i].endsWith(suffix) ? n[i] : n[i] + suffix;
      add(targets, indicator(name, topic), year, v.get(i)[0], v.get(i)[1], direction);
    }
  }

  private static String indicator(String raw, String topic) {
    String s = LEADING_WORDS.matcher(raw).replaceAll("");
    s = s.replaceAll(VERB + "$", "");
    // a bare "累计申请" under "——专利。" needs its topic to mean anything
    if (topic != null
        && !s.isEmpty()
        && s.length() <= 4
        && !s.startsWith(topic.substring(0, Math.min(2, topic.length())))) {
      s = topic + s;
    }
    return s;
  }

  /** A ceiling where the words just before the value say so; otherwise a floor. */
  private static TargetDirection direction(String wordsBeforeValue) {
    return CEILING_WORDING.matcher(wordsBeforeValue).find()
        ? TargetDirection.AT_MOST
        : TargetDirection.AT_LEAST;
  }

  private static void add(
      Map<String, Target> targets,
      String indicator,
      int year,
      String value,
      String unit,
      TargetDirection direction) {
    // rates (年均, 增长率) are yearly rhythms rather than targets for a year; "一批/一支" are not indicators
    if (indicator.length() < 2
        || indicator.startsWith("一")
        || indicator.endsWith("的")
        || indicator.matches(".*(年均|增长率|一批|一支).*")) {
      return;
    }
    targets.putIfAbsent(
        indicator + "@" + year,
        new Target(indicator, year, new BigDecimal(value), unit).withDirection(direction));
  }
}
