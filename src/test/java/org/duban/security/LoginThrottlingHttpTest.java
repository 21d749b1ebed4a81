package org.duban.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.duban.testsupport.ProbeTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Wrong passwords slow a login down, but never lock an account for good: the engine's clock is
 * moved past each delay instead of sleeping. Whoever is made to wait is told for how long.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class LoginThrottlingHttpTest {

  static final String USER = "luolong-lingdaoxiaozu-ban";
  static final String OTHER = "jilin-lingdaoxiaozu-ban";
  static final String WEBAPP_USER = "anshan-lianxihuiyi-ban";

  @Autowired TestRestTemplate http;
  final ObjectMapper json = new ObjectMapper();
  long now = System.currentTimeMillis();

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldDelayButNeverLockAndSayHowLongToWait() {
    ProbeTable probes = new ProbeTable("Login throttling: a growing delay that always ends");
    clock(0);
    for (int attempt = 1; attempt <= 12; attempt++) {
      clock(attempt * 600); // ten minutes on: past every delay
      int failed = attempt;
      probes.probe(
          "wrong password, attempt " + failed,
          401,
          () -> basic(USER, "wrong", "/engine-rest/task").getStatusCode().value());
    }
    probes.probe(
        "right password right after the 12th wrong one (old limit: 10, locked for good)",
        401,
        () -> basic(USER, "demo", "/engine-rest/task").getStatusCode().value());
    probes.probe(
        "/engine-rest says to wait the longest delay",
        LoginDelays.message(java.time.Duration.ofMinutes(5)),
        () -> message(basic(USER, "demo", "/engine-rest/task")));
    probes.probe(
        "Retry-After (seconds)",
        "300",
        () -> basic(USER, "demo", "/engine-rest/task").getHeaders().getFirst("Retry-After"));
    clock(12 * 600 + 301);
    probes.probe(
        "right password once the delay is over",
        200,
        () -> basic(USER, "demo", "/engine-rest/task").getStatusCode().value());

    clock(20_000);
    probes.probe(
        "after a success: one wrong password on /api",
        401,
        () -> basic(USER, "wrong", "/api/audit/rounds").getStatusCode().value());
    probes.probe(
        "/api says to wait the first delay",
        LoginDelays.message(java.time.Duration.ofSeconds(3)),
        () -> message(basic(USER, "demo", "/api/audit/rounds")));
    clock(20_004);
    probes.probe(
        "/api lets the user in after 3 seconds",
        true,
        () ->
            basic(USER, "demo", "/api/audit/rounds?keyPrefix=luolong")
                .getStatusCode()
                .is2xxSuccessful());

    clock(30_000);
    for (int attempt = 1; attempt <= 11; attempt++) {
      clock(30_000 + attempt * 600);
      int failed = attempt;
      probes.probe(
          "admin: wrong password, attempt " + failed,
          401,
          () -> basic("admin", "wrong", "/engine-rest/user").getStatusCode().value());
    }
    clock(30_000 + 11 * 600 + 301);
    probes.probe(
        "admin logs in once the delay is over",
        200,
        () -> basic("admin", "admin", "/engine-rest/user").getStatusCode().value());

    probes.probe(
        "an unknown user: the usual answer, no delay",
        "",
        () -> message(basic("no-such-user", "demo", "/engine-rest/task")));
    probes.probe(
        "a delayed user does not slow another one down",
        200,
        () -> basic(OTHER, "demo", "/engine-rest/task").getStatusCode().value());
    probes.check();
  }

  @Test
  void shouldTellTheWebappLoginPageHowLongToWait() {
    ProbeTable probes = new ProbeTable("Login throttling on the Tasklist login page");
    clock(0);
    probes.probe(
        "Tasklist login, wrong password",
        401,
        () -> webappLogin(WEBAPP_USER, "wrong").getStatusCode().value());
    probes.probe(
        "Tasklist login, right password at once: the page's message",
        LoginDelays.message(java.time.Duration.ofSeconds(3)),
        () -> message(webappLogin(WEBAPP_USER, "demo")));
    clock(4);
    probes.probe(
        "Tasklist login after the delay",
        200,
        () -> webappLogin(WEBAPP_USER, "demo").getStatusCode().value());
    probes.probe(
        "a user without Tasklist access keeps the usual refusal",
        403,
        () -> webappLogin("auditor", "demo").getStatusCode().value());
    probes.check();
  }

  private void clock(long seconds) {
    ClockUtil.setCurrentTime(new Date(now + seconds * 1000));
  }

  private String message(ResponseEntity<String> response) {
    try {
      return response.getBody() == null
          ? ""
          : json.readTree(response.getBody()).path("message").asText();
    } catch (Exception e) {
      return "not JSON: " + response.getBody();
    }
  }

  private ResponseEntity<String> basic(String user, String password, String path) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, password, StandardCharsets.UTF_8);
    return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
  }

  /** Logs into Tasklist the way its login page does. */
  private ResponseEntity<String> webappLogin(String user, String password) {
    ResponseEntity<String> page = http.getForEntity("/camunda/app/tasklist/", String.class);
    List<String> cookies = page.getHeaders().getOrDefault(HttpHeaders.SET_COOKIE, List.of());
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    headers.set(
        HttpHeaders.COOKIE,
        String.join("; ", cookies.stream().map(c -> c.split(";", 2)[0]).toList()));
    cookies.stream()
        .filter(c -> c.startsWith("XSRF-TOKEN="))
        .findFirst()
        .ifPresent(
            c -> headers.set("X-XSRF-TOKEN", c.split(";", 2)[0].substring("XSRF-TOKEN=".length())));
    LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("username", user);
    form.add("password", password);
    return http.exchange(
        "/camunda/api/admin/auth/user/default/login/tasklist",
        HttpMethod.POST,
        new HttpEntity<>(form, headers),
        String.class);
  }
}
