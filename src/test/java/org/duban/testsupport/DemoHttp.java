package org.duban.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Calls the running application as the demo users do: HTTP Basic for REST clients (password "demo"
 * unless given as "user:password"), and a logged-in webapp session with its CSRF token for what
 * Tasklist and Cockpit send.
 */
public final class DemoHttp {

  private final TestRestTemplate http;
  private final ObjectMapper json = new ObjectMapper();

  public DemoHttp(TestRestTemplate http) {
    this.http = http;
  }

  public ResponseEntity<String> exchange(String user, HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    if (user != null) {
      String[] login = user.contains(":") ? user.split(":", 2) : new String[] {user, "demo"};
      headers.set(
          HttpHeaders.AUTHORIZATION,
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((login[0] + ":" + login[1]).getBytes(StandardCharsets.UTF_8)));
    }
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
  }

  public int status(String user, HttpMethod method, String path, Object body) {
    return exchange(user, method, path, body).getStatusCode().value();
  }

  /** The JSON body of a GET, or {"status": n} when it was refused. */
  public JsonNode get(String user, String path) {
    ResponseEntity<String> response = exchange(user, HttpMethod.GET, path, null);
    if (!response.getStatusCode().is2xxSuccessful()) {
      return json.createObjectNode().put("status", response.getStatusCode().value());
    }
    try {
      return json.readTree(response.getBody());
    } catch (Exception e) {
      throw new IllegalStateException(response.getStatusCode() + " " + response.getBody());
    }
  }

  /**
   * A request within a logged-in webapp session, as the webapp sends it (with or without its CSRF
   * token).
   */
  public ResponseEntity<String> inSession(
      HttpHeaders session, HttpMethod method, String path, Object body, boolean withCsrfToken) {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.COOKIE, session.getFirst(HttpHeaders.COOKIE));
    if (withCsrfToken) {
      headers.set("X-XSRF-TOKEN", session.getFirst("X-XSRF-TOKEN"));
    }
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
  }

  /**
   * Logs into a webapp; returns the session's cookie and a CSRF token fetched the way the webapps
   * do.
   */
  public HttpHeaders webappSession(String user, String password, String app) {
    ResponseEntity<String> page = http.getForEntity("/camunda/app/" + app + "/", String.class);
    String cookies = cookies(page, "");
    HttpHeaders login = new HttpHeaders();
    login.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    login.set(HttpHeaders.COOKIE, cookies);
    login.set("X-XSRF-TOKEN", token(page));
    LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("username", user);
    form.add("password", password);
    ResponseEntity<String> loggedIn =
        http.exchange(
            "/camunda/api/admin/auth/user/default/login/" + app,
            HttpMethod.POST,
            new HttpEntity<>(form, login),
            String.class);
    cookies = cookies(loggedIn, cookies);
    HttpHeaders fetch = new HttpHeaders();
    fetch.set(HttpHeaders.COOKIE, cookies);
    fetch.set("X-XSRF-TOKEN", "Fetch");
    ResponseEntity<String> engines =
        http.exchange(
            "/camunda/api/engine/engine/", HttpMethod.GET, new HttpEntity<>(fetch), String.class);
    HttpHeaders session = new HttpHeaders();
    session.set(HttpHeaders.COOKIE, cookies(engines, cookies));
    session.set("X-XSRF-TOKEN", token(engines) != null ? token(engines) : token(loggedIn));
    return session;
  }

  /** The cookies a response sets, replacing those of the same name in the given cookie header. */
  private static String cookies(ResponseEntity<?> response, String previous) {
    Map<String, String> jar = new LinkedHashMap<>();
    for (String c : previous.isEmpty() ? new String[0] : previous.split("; ")) {
      jar.put(c.split("=", 2)[0], c);
    }
    for (String c : response.getHeaders().getOrDefault(HttpHeaders.SET_COOKIE, List.of())) {
      String pair = c.split(";", 2)[0];
      jar.put(pair.split("=", 2)[0], pair);
    }
    return String.join("; ", jar.values());
  }

  private static String token(ResponseEntity<?> response) {
    String header = response.getHeaders().getFirst("X-XSRF-TOKEN");
    if (header != null) {
      return header;
    }
    return response.getHeaders().getOrDefault(HttpHeaders.SET_COOKIE, List.of()).stream()
        .filter(c -> c.startsWith("XSRF-TOKEN="))
        .map(c -> c.split(";", 2)[0].substring("XSRF-TOKEN=".length()))
        .findFirst()
        .orElse(null);
  }
}
