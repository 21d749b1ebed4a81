package org.duban.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.duban.evidence.EvidenceController;
import org.duban.evidence.EvidencePolicy;
import org.duban.round.RoundFixture;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The demo round worked end to end over the engine's REST API on a running server, as scripts and
 * other systems would: every call logs in with HTTP Basic as the demo user of the unit concerned.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RestRoundHttpTest {

  static final String POLICE = RoundFixture.POLICE;
  static final String LEAD = RoundFixture.LEAD;
  static final String SUPERVISOR = RoundFixture.SUPERVISOR;
  static final byte[] PDF =
      "%PDF-1.4\n% 展会执法检查记录\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"
          .getBytes(StandardCharsets.UTF_8);

  @LocalServerPort int port;
  @Autowired TestRestTemplate http;
  @Autowired ManagementService management;
  final ObjectMapper json = new ObjectMapper();

  @Test
  @Order(1)
  void shouldRefuseAnonymousCallersAndWrongPasswords() {
    for (String path :
        List.of(
            "/engine-rest/task",
            "/engine-rest/process-definition",
            "/engine-rest/history/process-instance",
            "/api/evidence/any",
            "/api/forms/settings")) {
      assertThat(http.getForEntity(path, String.class).getStatusCode())
          .as(path)
          .isEqualTo(HttpStatus.UNAUTHORIZED);
    }
    // (the engine then delays that user's next login for a few seconds: use one no later step
    // needs)
    assertThat(call("auditor", "wrong", HttpMethod.GET, "/engine-rest/task", null).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(call("nobody", "demo", HttpMethod.GET, "/engine-rest/task", null).getStatusCode())
        .as("an unknown user gets the same answer")
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  @Order(2)
  void shouldCarryTheDemoRoundFromCoUnitsThroughTheLeadToTheSupervisor() throws Exception {
    // a co-unit's handler finds the task in the unit's inbox, claims it and submits a report with a
    // file
    JsonNode policeTasks = get(POLICE, "/engine-rest/task");
    assertThat(policeTasks).hasSize(1);
    String policeTask = policeTasks.get(0).get("id").asText();
    assertThat(policeTasks.get(0).get("name").asText()).startsWith("市公安局:2025年度");
    assertThat(
            send(
                    POLICE,
                    HttpMethod.POST,
                    "/engine-rest/task/" + policeTask + "/claim",
                    Map.of("userId", POLICE))
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);

    ResponseEntity<String> rejected =
        send(
            POLICE,
            HttpMethod.POST,
            "/engine-rest/task/" + policeTask + "/submit-form",
            form("", "ON_TRACK", "记录.pdf", PDF));
    assertThat(rejected.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json.readTree(rejected.getBody()).get("message").asText()).contains("「工作进展」为必填项");

    ResponseEntity<String> submitted =
        send(
            POLICE,
            HttpMethod.POST,
            "/engine-rest/task/" + policeTask + "/submit-form",
            form("完成全市 3 场展会的知识产权执法检查", "DONE", "展会执法检查记录.pdf", PDF));
    assertThat(submitted.getStatusCode()).as(submitted.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(get(POLICE, "/engine-rest/task")).as("done: the unit's inbox is empty").isEmpty();

    // the other co-units report too, each as its own user
    for (String unit : RoundFixture.CO_UNITS) {
      if (!unit.equals(POLICE)) {
        String task = get(unit, "/engine-rest/task").get(0).get("id").asText();
        assertThat(
                send(
                        unit,
                        HttpMethod.POST,
                        "/engine-rest/task/" + task + "/submit-form",
                        form(unit + " 年度进展", "ON_TRACK", null, null))
                    .getStatusCode())
            .isEqualTo(HttpStatus.NO_CONTENT);
      }
    }
    runJobs();

    // the lead sees its task with every co-unit report, and may open the police's evidence
    JsonNode leadTasks = get(LEAD, "/engine-rest/task");
    assertThat(leadTasks).hasSize(1);
    String leadTask = leadTasks.get(0).get("id").asText();
    JsonNode vars = get(LEAD, "/engine-rest/task/" + leadTask + "/variables");
    JsonNode policeReport =
        json.readTree(vars.get("report_wuzhong_gonganju").get("value").asText());
    assertThat(policeReport.get("progress").asText()).isEqualTo("完成全市 3 场展会的知识产权执法检查");
    assertThat(policeReport.get("submittedBy").asText()).isEqualTo(POLICE);
    assertThat(policeReport.get("submittedByName").asText()).isEqualTo("市公安局经办人员(" + POLICE + ")");
    JsonNode evidence = policeReport.get("evidence").get(0);
    assertThat(evidence.get("fileName").asText()).isEqualTo("展会执法检查记录.pdf");
    assertThat(evidence.get("sha256").asText()).isEqualTo(EvidencePolicy.sha256(PDF));
    String evidencePath = "/api/evidence/" + evidence.get("variableId").asText();

    ResponseEntity<byte[]> download = download(LEAD, evidencePath);
    assertThat(download.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(download.getBody()).isEqualTo(PDF);
    assertThat(download.getHeaders().getFirst(EvidenceController.SHA256_HEADER))
        .isEqualTo(EvidencePolicy.sha256(PDF));
    assertThat(download("wuzhong-sifaju", evidencePath).getStatusCode())
        .as("another co-unit may not read the police's evidence")
        .isEqualTo(HttpStatus.FORBIDDEN);

    assertThat(
            send(
                    LEAD,
                    HttpMethod.POST,
                    "/engine-rest/task/" + leadTask + "/submit-form",
                    form("汇总:建立展会知识产权保护工作机制,各单位按分工推进", "DONE", null, null))
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    runJobs();

    // the supervisor reviews, with the reports and the evidence in reach
    JsonNode reviews =
        get(SUPERVISOR, "/engine-rest/task?taskDefinitionKey=userTask_supervisorReview");
    assertThat(reviews).hasSize(1);
    String review = reviews.get(0).get("id").asText();
    assertThat(
            get(SUPERVISOR, "/engine-rest/task/" + review + "/variables")
                .has("report_wuzhong_gonganju"))
        .isTrue();
    assertThat(download(SUPERVISOR, evidencePath).getBody()).isEqualTo(PDF);

    Map<String, Object> decision =
        Map.of(
            "variables",
            Map.of(
                "reviewDecision", Map.of("value", "ACCEPT", "type", "String"),
                "reviewRating", Map.of("value", "GOOD", "type", "String")));
    assertThat(
            send(
                    SUPERVISOR,
                    HttpMethod.POST,
                    "/engine-rest/task/" + review + "/submit-form",
                    decision)
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    JsonNode finished =
        get(
            SUPERVISOR,
            "/engine-rest/history/process-instance?processInstanceBusinessKey="
                + "wuzhong-2022/一.4-展会/2025");
    assertThat(finished.get(0).get("state").asText()).isEqualTo("COMPLETED");
  }

  @Test
  @Order(3)
  void shouldLetTheSupervisorStartARoundWithOnlyAYearAndRefuseTheSameRoundTwice() throws Exception {
    String start = "/engine-rest/process-definition/key/" + RoundFixture.KEY + "/start";
    Map<String, Object> year =
        Map.of("variables", Map.of("year", Map.of("value", 2024, "type", "Integer")));

    ResponseEntity<String> started = send(SUPERVISOR, HttpMethod.POST, start, year);
    assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(json.readTree(started.getBody()).get("businessKey").asText())
        .isEqualTo("wuzhong-2022/一.4-展会/2024");

    ResponseEntity<String> again = send(SUPERVISOR, HttpMethod.POST, start, year);
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json.readTree(again.getBody()).get("message").asText()).contains("2024 年度轮次已经存在");

    assertThat(
            send(
                    POLICE,
                    HttpMethod.POST,
                    start,
                    Map.of("variables", Map.of("year", Map.of("value", 2023))))
                .getStatusCode())
        .as("a unit cannot start rounds")
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(start)
        .as("the REST key is the readable ASCII one")
        .endsWith("/key/wuzhong-2022_1-4-zhanhui/start");
  }

  @Test
  @Order(4)
  void shouldServeTheFormsTheServersEvidenceLimitsAndChoices() throws Exception {
    JsonNode settings = get(POLICE, "/api/forms/settings");
    JsonNode evidence = settings.get("evidence");
    assertThat(evidence.get("maxFiles").asInt()).isEqualTo(3);
    assertThat(evidence.get("maxBytes").asLong()).isEqualTo(10L * 1024 * 1024);
    assertThat(evidence.get("maxSize").asText()).isEqualTo("10 MB");
    assertThat(evidence.get("accept").asText())
        .isEqualTo(".pdf,.ofd,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.jpg,.jpeg,.png");
    assertThat(evidence.get("help").asText())
        .isEqualTo("可上传 PDF、OFD、Word、Excel、PowerPoint、JPEG、PNG 文件,每个不超过 10 MB,最多 3 个。");
    assertThat(options(settings, "completionStatus"))
        .containsExactly("DONE=已完成", "ON_TRACK=按计划推进", "BEHIND=进度滞后", "NOT_STARTED=尚未启动");
    assertThat(options(settings, "rating"))
        .containsExactly("EXCELLENT=优秀", "GOOD=良好", "FAIR=一般", "POOR=差");
    assertThat(options(settings, "reviewDecision"))
        .containsExactly("ACCEPT=办结", "RETURN=退回牵头单位", "CLOSE_OUT=销号(规划末年,任务完成)");
    assertThat(settings.get("reviewDecision").findValuesAsText("finalYearOnly"))
        .containsExactly("false", "false", "true");
    assertThat(settings.get("commendationRule").asText())
        .contains("「优秀」")
        .contains("「已完成」或「按计划推进」");
  }

  private static List<String> options(JsonNode settings, String name) {
    List<String> options = new java.util.ArrayList<>();
    settings
        .get(name)
        .forEach(o -> options.add(o.get("value").asText() + "=" + o.get("label").asText()));
    return options;
  }

  private Map<String, Object> form(String progress, String status, String fileName, byte[] file) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("progress", Map.of("value", progress, "type", "String"));
    variables.put("completionStatus", Map.of("value", status, "type", "String"));
    if (file != null) {
      variables.put(
          "evidence1",
          Map.of(
              "value",
              Base64.getEncoder().encodeToString(file),
              "type",
              "File",
              "valueInfo",
              Map.of("filename", fileName, "mimeType", "application/pdf")));
    }
    return Map.of("variables", variables);
  }

  /** The job executor is off in tests: run the async continuations (the co-unit join) here. */
  private void runJobs() {
    for (int pass = 0; pass < 20; pass++) {
      List<Job> due = management.createJobQuery().executable().messages().list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> management.executeJob(job.getId()));
    }
  }

  private JsonNode get(String user, String path) throws Exception {
    ResponseEntity<String> response = call(user, "demo", HttpMethod.GET, path, null);
    assertThat(response.getStatusCode())
        .as("GET %s as %s: %s", path, user, response.getBody())
        .isEqualTo(HttpStatus.OK);
    return json.readTree(response.getBody());
  }

  private ResponseEntity<String> send(String user, HttpMethod method, String path, Object body) {
    return call(user, "demo", method, path, body);
  }

  private ResponseEntity<String> call(
      String user, String password, HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, password, StandardCharsets.UTF_8);
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
  }

  private ResponseEntity<byte[]> download(String user, String path) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, "demo", StandardCharsets.UTF_8);
    return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
  }
}
