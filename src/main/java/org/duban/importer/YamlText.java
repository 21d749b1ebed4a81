package org.duban.importer;

import java.util.regex.Pattern;

/** YAML scalars as a reviewer likes to read them: plain where YAML allows, quoted where it must. */
final class YamlText {

  private static final Pattern NEEDS_QUOTES = Pattern.compile(
      "^[-?:,\\[\\]{}#&*!|>'\"%@`\\s]|: |\\s#|:$|\\s$|^(true|false|yes|no|on|off|null|~)$|^[-+.\\d][\\d.:eE+-]*$",
      Pattern.CASE_INSENSITIVE);

  private YamlText() {}

  static String scalar(String value) {
    if (value == null) {
      return "null";
    }
    if (value.isEmpty() || value.contains("\n") || value.contains("\t") || NEEDS_QUOTES.matcher(value).find()) {
      return quoted(value);
    }
    return value;
  }

  static String quoted(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t") + "\"";
  }

  /** A literal block ("|-"), each line indented: the text keeps its paragraphs exactly. */
  static String block(String value, String indent) {
    StringBuilder b = new StringBuilder("|-\n");
    for (String line : value.replace("\t", " ").split("\n")) {
      b.append(indent).append(line.stripTrailing()).append('\n');
    }
    return b.toString();
  }
}
