package org.duban.importer;

import java.util.Set;
import org.duban.catalog.AsciiNames;
import org.duban.catalog.Unit;

/**
 * Proposes stable ASCII group ids for units: {@code <government>-<pinyin of the name>} without the
 * level prefix the whole plan shares (泉州 市知识产权局 → quanzhou-zhishichanquanju) and without a
 * bracketed second name (市市场监管局(知识产权局) → wuzhong-shichangjianguanju). 市委/区委/省委 keep their prefix,
 * since 委 alone means nothing. Ids are proposals: the catalog stores them, and a stored id always
 * wins over a new proposal.
 */
final class UnitIds {

  static final int MAX_LENGTH = Unit.MAX_ID_LENGTH;

  private UnitIds() {}

  static String propose(String government, String name, Set<String> taken) {
    String core = UnitListParser.outsideBrackets(name);
    if (core.length() > 2
        && "市区省县".indexOf(core.charAt(0)) >= 0
        && core.charAt(1) != '委'
        && !core.startsWith("市场")) {
      core = core.substring(1);
    }
    String base = fit(government + "-" + AsciiNames.pinyin(core));
    if (!taken.contains(base)) {
      return base;
    }
    String inBrackets = AsciiNames.pinyin(name.replace(UnitListParser.outsideBrackets(name), ""));
    if (!inBrackets.isEmpty() && !taken.contains(fit(base + "-" + inBrackets))) {
      return fit(base + "-" + inBrackets);
    }
    for (int n = 2; ; n++) {
      String candidate = fit(base, ("-" + n).length()) + "-" + n;
      if (!taken.contains(candidate)) {
        return candidate;
      }
    }
  }

  /**
   * "领导小组办公室" → lingdaoxiaozu-ban, "联席会议办公室" → lianxihuiyi-ban: short ids for coordinating offices.
   */
  static String office(String government, String name) {
    if (name.contains("领导小组")) {
      return government + "-lingdaoxiaozu-ban";
    }
    if (name.contains("联席会议")) {
      return government + "-lianxihuiyi-ban";
    }
    return fit(government + "-" + AsciiNames.pinyin(name));
  }

  private static String fit(String id) {
    return fit(id, 0);
  }

  private static String fit(String id, int reserve) {
    String cut = id.length() + reserve > MAX_LENGTH ? id.substring(0, MAX_LENGTH - reserve) : id;
    return cut.replaceAll("-+$", "");
  }
}
