package org.duban.importer;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Taiwan vocabulary that plain Traditional→Simplified conversion leaves in place (智慧财产权 stays
 * 智慧财产权). Applied after the conversion, longest phrase first, so that context-dependent fixes (中国小…
 * is 中小学 only before 知识产权教育) are keyed on the longer phrase. Deliberately short: the library does
 * the character conversion; this list only holds words mainland text spells differently.
 */
final class TaiwanVocabulary {

  private static final Map<String, String> PHRASES = phrases();
  private static final List<String> KEYS_LONGEST_FIRST =
      PHRASES.keySet().stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();

  private TaiwanVocabulary() {}

  private static Map<String, String> phrases() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("中国小智慧财产权", "中小学知识产权"); // 中國小 = 中小學 (primary and secondary schools)
    p.put("智慧财产权", "知识产权");
    p.put("最佳化", "优化");
    p.put("网际网路", "互联网");
    p.put("网路", "网络");
    p.put("积体电路", "集成电路");
    p.put("视窗", "窗口");
    p.put("人工智慧", "人工智能");
    p.put("智慧型", "智能");
    p.put("资讯", "信息");
    p.put("数位化", "数字化");
    p.put("高品质", "高质量");
    p.put("软体", "软件");
    p.put("登记程式", "登记程序");
    p.put("调解协定", "调解协议");
    return p;
  }

  static String apply(String simplified) {
    String out = simplified;
    for (String key : KEYS_LONGEST_FIRST) {
      if (out.contains(key)) {
        out = out.replace(key, PHRASES.get(key));
      }
    }
    return out;
  }
}
