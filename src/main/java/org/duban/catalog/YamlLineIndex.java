package org.duban.catalog;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Line numbers of every node of a YAML document, keyed by field path ("tasks[2].lead"), so that
 * checks made after parsing can still point at the line a reviewer has to fix.
 */
final class YamlLineIndex {

  private final Map<String, Integer> lines = new HashMap<>();

  YamlLineIndex(String yaml) {
    try (JsonParser parser = new YAMLFactory().createParser(yaml)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        if (token == JsonToken.FIELD_NAME) {
          continue;
        }
        String path = CatalogPaths.of(parser.getParsingContext(), token);
        lines.putIfAbsent(path, parser.currentTokenLocation().getLineNr());
      }
    } catch (IOException e) {
      // the parse itself reports syntax errors with their location; an index is best effort
    }
  }

  /** The line of the field, or of its nearest parent that exists in the file. */
  int lineOf(String path) {
    String p = path;
    while (true) {
      Integer line = lines.get(p);
      if (line != null) {
        return line;
      }
      int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
      if (cut <= 0) {
        return lines.getOrDefault("", 1);
      }
      p = p.substring(0, cut);
    }
  }
}
