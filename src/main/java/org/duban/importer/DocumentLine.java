package org.duban.importer;

/**
 * One line of a plan document.
 *
 * @param number 1-based line number in the file, for problem reports
 * @param original the line as written (possibly Traditional)
 * @param text the line in Simplified Chinese, trimmed (including full-width spaces)
 */
record DocumentLine(int number, String original, String text) {

  boolean isBlank() {
    return text.isEmpty();
  }
}
