package org.duban.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.duban.config.DubanProperties;
import org.springframework.stereotype.Component;

/**
 * Posts a group robot's JSON message and reads its answer. DingTalk and WeCom answer HTTP 200 with
 * {@code {"errcode":0,...}} on success; any other errcode, status or an unreadable answer is a
 * failed attempt. Failures never name the URL: it holds the robot's token.
 */
@Component
class RobotWebhook {

  private final HttpClient http;
  private final Duration timeout;
  private final ObjectMapper json;

  RobotWebhook(DubanProperties properties, ObjectMapper json) {
    this.timeout = properties.delivery().timeout();
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    this.json = json;
  }

  /**
   * A text message in the format both robots share: {"msgtype":"text","text":{"content":…}}, cut to
   * the robot's limit of UTF-8 bytes (a longer one is refused, and would be retried in vain).
   */
  void postText(String robot, String url, String content, int maxBytes) {
    Map<String, Object> body =
        Map.of("msgtype", "text", "text", Map.of("content", fit(content, maxBytes)));
    HttpResponse<String> response;
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(url))
              .timeout(timeout)
              .header("Content-Type", "application/json; charset=utf-8")
              .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
              .build();
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new DeliveryFailedException(robot + "不可达 / " + robot + " unreachable: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeliveryFailedException(robot + "调用被中断 / interrupted");
    }
    if (response.statusCode() / 100 != 2) {
      throw new DeliveryFailedException(
          robot + "返回 HTTP " + response.statusCode() + " / answered HTTP " + response.statusCode());
    }
    JsonNode answer;
    try {
      answer = json.readTree(response.body());
    } catch (IOException e) {
      answer = null;
    }
    if (answer == null || !answer.path("errcode").canConvertToInt()) {
      throw new DeliveryFailedException(robot + "的应答无法识别 / unreadable answer");
    }
    int errcode = answer.path("errcode").asInt();
    if (errcode != 0) {
      throw new DeliveryFailedException(
          robot + "拒收 / refused: errcode " + errcode + " " + answer.path("errmsg").asText(""));
    }
  }

  /** Cuts the text to maxBytes of UTF-8, keeping its link line at the end. */
  static String fit(String content, int maxBytes) {
    if (content.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
      return content;
    }
    int at = content.indexOf(MessageTexts.LINK_LABEL);
    String link = at < 0 ? "" : "\n" + content.substring(at).lines().findFirst().orElse("");
    int room =
        maxBytes
            - link.getBytes(StandardCharsets.UTF_8).length
            - "…".getBytes(StandardCharsets.UTF_8).length;
    StringBuilder kept = new StringBuilder();
    int used = 0;
    for (int i = 0; i < content.length(); ) {
      int cp = content.codePointAt(i);
      int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      if (used + size > room) {
        break;
      }
      kept.appendCodePoint(cp);
      used += size;
      i += Character.charCount(cp);
    }
    return kept + "…" + link;
  }
}
