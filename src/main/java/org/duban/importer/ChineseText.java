package org.duban.importer;

import com.github.houbb.opencc4j.util.ZhConverterUtil;

/**
 * Normalises plan text to Simplified Chinese for names and matching: opencc4j's plain t2s (not its
 * Taiwan mode, which rewrites ordinary mainland words such as 执行 and 资料) plus {@link
 * TaiwanVocabulary}. The library loads its dictionaries on first use (~0.5 s); later calls are
 * cheap.
 */
final class ChineseText {

  private ChineseText() {}

  static String toSimplified(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String simplified =
        ZhConverterUtil.containsTraditional(text) ? ZhConverterUtil.toSimple(text) : text;
    return TaiwanVocabulary.apply(simplified);
  }
}
