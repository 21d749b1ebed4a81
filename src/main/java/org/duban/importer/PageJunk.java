package org.duban.importer;

import java.util.regex.Pattern;

/**
 * Lines that scraped web pages add around a plan: site navigation, info boxes, "related files",
 * QR-code prompts, source and address lines. They are never part of a task's text.
 */
final class PageJunk {

  private static final Pattern JUNK =
      Pattern.compile(
          String.join(
              "|",
              "^首页\\s*[>›»]",
              "^(当前位置|您的位置)[::]",
              "^相关(文件|词条|链接|阅读|新闻)",
              "^热门词条",
              "^联络我们$",
              "^联系我们$",
              "^附件下载",
              "^扫一扫",
              "^(来源|信息来源|标题|地址|网址|作者|责任编辑|编辑)[::]",
              "阅读(人数|次数)[::]",
              "^(打印本页|关闭窗口|分享到|【打印】|【关闭】)",
              "^基本介绍$",
              "^全文$",
              "^•",
              "^(\\(|()此件(主动|依申请)公开(\\)|))$"));

  /** Inline markup left by page scrapers, e.g. "[/s2/]". */
  private static final Pattern INLINE_MARKUP = Pattern.compile("\\[/?[a-z0-9]+/?\\]");

  private PageJunk() {}

  static boolean isJunk(String text) {
    return JUNK.matcher(text).find();
  }

  static String stripMarkup(String text) {
    return INLINE_MARKUP.matcher(text).replaceAll("").trim();
  }
}
