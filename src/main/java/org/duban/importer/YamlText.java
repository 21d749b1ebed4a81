package org.duban.importer;

import java.util.regex.Pattern;

/**
 * YAML scalars as a reviewer likes to read them: plain where YAML allows, quoted where it must, and
 * always read back exactly as given (a catalog written and read again is the same catalog).
 */
final class YamlText {

  private static final Pattern NEEDS_QUOTES =
      Pattern.compile(
          "^[-?:,\\[\\]{}#&*!|>'\"%@`\\s]|: |\\s#|:$|\\s$|^(true|false|yes|no|y|n|on|off|null|~)$|^[-+.\\d][\\d.:eE+-]*$",
          Pattern.CASE_INSENSITIVE);

  private YamlText() {}

  static String scalar(String value) {
    if (value == null) {
      return "null";
    }
    if (value.isEmpty()
        || !printable(value)
        || value.contains("\t")
        || NEEDS_QUOTES.matcher(value).find()) {
      return quoted(value);
    }
    return value;
  }

  /** A double-quoted scalar; line breaks, tabs and characters YAML does not print are escaped. */
  static String quoted(String value) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> b.append("\\\\");
        case '"' -> b.append("\\\"");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        case '\r' -> b.append("\\r");
        case '\u0085' -> b.append("\\N");
        case '\u2028' -> b.append("\\L");
        case '\u2029' -> b.append("\\P");
        default -> {
          if (isPrintable(c)) {
            b.append(c);
          } else {
            b.append(String.format("\\u%04x", (int) c));
          }
        }
      }
    }
    return b.append('"').toString();
  }

  /**
   * A literal block ("|-"), each line indented: the text keeps its paragraphs exactly. Text a
   * literal block would change (trailing spaces, a final line break, a first line that starts with
   * a space, tabs, characters YAML does not print) is written double-quoted instead; the value ends
   * with a line break either way.
   */
  static String block(String value, String indent) {
    if (!fitsBlock(value)) {
      return quoted(value) + "\n";
    }
    StringBuilder b = new StringBuilder("|-\n");
    for (String line : value.split("\n", -1)) {
      b.append(line.isEmpty() ? "" : indent).append(line).append('\n');
    }
    return b.toString();
  }

  private static boolean fitsBlock(String value) {
    if (value.isEmpty()
        || value.endsWith("\n")
        || value.startsWith("\n")
        || value.startsWith(" ")
        || value.contains("\t")
        || value.contains("\r")
        || !printable(value)) {
      return false;
    }
    for (String line : value.split("\n", -1)) {
      if (line.endsWith(" ")) {
        return false;
      }
    }
    return true;
  }

  private static boolean printable(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c != '\n' && c != '\t' && !isPrintable(c)) {
        return false;
      }
    }
    return true;
  }

  /**
   * YAML's printable set (1.1 §5.1), less the byte-order mark and the line breaks NEL, LS and PS.
   */
  private static boolean isPrintable(char c) {
    return c >= 0x20 && c <= 0x7E
        || c >= 0xA0 && c <= 0xD7FF && c != '\u2028' && c != '\u2029'
        || c >= 0xE000 && c <= 0xFFFD && c != '\uFEFF'
        || Character.isSurrogate(c);
  }
}
