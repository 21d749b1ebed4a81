package org.duban.catalog;

import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** Field paths in one notation ("tasks[2].coUnits[0]") for parser contexts and mapping errors. */
final class CatalogPaths {

  private CatalogPaths() {}

  static String of(JsonStreamContext context, JsonToken token) {
    Deque<String> parts = new ArrayDeque<>();
    JsonStreamContext c = context;
    // a START_OBJECT/ARRAY token has already opened its own context: describe the parent's slot
    if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
      c = c.getParent();
    }
    for (; c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inArray()) {
        parts.push("[" + Math.max(0, c.getCurrentIndex()) + "]");
      } else if (c.getCurrentName() != null) {
        parts.push("." + c.getCurrentName());
      }
    }
    return strip(String.join("", parts));
  }

  static String of(List<JsonMappingException.Reference> references) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : references) {
      if (ref.getFieldName() != null) {
        path.append('.').append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return strip(path.toString());
  }

  private static String strip(String path) {
    return path.startsWith(".") ? path.substring(1) : path;
  }
}
