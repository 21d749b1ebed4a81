package org.duban.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every label a Camunda webapp has in English (its locale inside the webjar) exists in the
 * project's Chinese locale, so an upgrade that adds labels cannot bring English back unnoticed.
 */
class ChineseLocaleTest {

  private static final String LOCALES = "META-INF/resources/webjars/camunda/app/%s/locales/%s.json";
  private final ObjectMapper json = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void everyEnglishLabelHasAChineseOne(String app) throws IOException {
    JsonNode english = read(String.format(LOCALES, app, "en"), "camunda-webapp-webjar");
    JsonNode chinese = read(String.format(LOCALES, app, "zh"), "classes");
    TreeSet<String> missing = new TreeSet<>(keys(english, ""));
    missing.removeAll(keys(chinese, ""));
    assertThat(keys(english, "")).as("labels of %s in the webjar", app).hasSizeGreaterThan(100);
    assertThat(missing).as("labels of %s without a Chinese text in zh.json", app).isEmpty();
  }

  /**
   * The one copy of a resource whose location contains the given part (the webjar's, or the
   * project's).
   */
  private JsonNode read(String resource, String from) throws IOException {
    List<URL> found = Collections.list(getClass().getClassLoader().getResources(resource));
    URL url =
        found.stream()
            .filter(u -> u.toString().contains(from))
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        resource + " not found in " + from + " among " + found));
    try (InputStream in = url.openStream()) {
      return json.readTree(
          new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
              .replace("\uFEFF", ""));
    }
  }

  private static List<String> keys(JsonNode node, String prefix) {
    List<String> keys = new ArrayList<>();
    node.fields()
        .forEachRemaining(
            e -> {
              if (e.getValue().isObject()) {
                keys.addAll(keys(e.getValue(), prefix + e.getKey() + "."));
              } else {
                keys.add(prefix + e.getKey());
              }
            });
    return keys;
  }
}
