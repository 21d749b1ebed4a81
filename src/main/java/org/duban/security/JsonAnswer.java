package org.duban.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A refusal answered by a servlet filter, in the shape the webapps show: {@code {"status",
 * "message"}} as UTF-8 JSON. Tasklist's and Cockpit's login page shows {@code message} as it is.
 */
public final class JsonAnswer {

  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonAnswer() {}

  public static void send(HttpServletResponse response, int status, String message)
      throws IOException {
    send(response, status, message, Map.of());
  }

  public static void send(
      HttpServletResponse response, int status, String message, Map<String, Object> more)
      throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", status);
    body.put("message", message);
    body.putAll(more);
    response.resetBuffer();
    response.setStatus(status);
    response.setContentType("application/json;charset=UTF-8");
    byte[] bytes = JSON.writeValueAsBytes(body);
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
    response.flushBuffer();
  }
}
