package org.duban.importer;

/**
 * Separates a task's title from its text. Plans write either a heading line of its own ("探索新业态新领域
 * 保护制度"), a heading sentence ("树导向。深入落实…"), or run straight into the text ("完善知识产权保护 政策,严格落实…"),
 * where the first clause is the title and stays part of the text.
 */
final class TitleSplitter {

  private static final String CLAUSE_END = ",,;;::";

  /**
   * @param rest the text that follows the title in the heading line (empty if none)
   */
  record Split(String title, String rest) {}

  private TitleSplitter() {}

  static Split split(String heading) {
    String h = PlanDocument.trim(heading);
    int stop = h.indexOf('。');
    String sentence = stop < 0 ? h : h.substring(0, stop);
    int clause = firstClauseEnd(sentence);
    if (clause < 0) {
      return new Split(sentence, stop < 0 ? "" : PlanDocument.trim(h.substring(stop + 1)));
    }
    return new Split(sentence.substring(0, clause), h);
  }

  private static int firstClauseEnd(String sentence) {
    int depth = 0;
    for (int i = 0; i < sentence.length(); i++) {
      char c = sentence.charAt(i);
      if (c == '(' || c == '(' || c == '“' || c == '《') {
        depth++;
      } else if (c == ')' || c == ')' || c == '”' || c == '》') {
        depth = Math.max(0, depth - 1);
      } else if (depth == 0 && CLAUSE_END.indexOf(c) >= 0) {
        return i;
      }
    }
    return -1;
  }
}
