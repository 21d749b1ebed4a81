package org.duban.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.duban.names.ProcessKeys;
import org.duban.round.RoundFixture;
import org.duban.testsupport.DemoHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
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
 * Who may do what, over HTTP against the running application with the demo users: a role × action
 * matrix with the expected answer in each cell. The matrix is printed, and every cell must hold.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest {

  static final String UNIT_A = RoundFixture.POLICE; // 市公安局, co-unit of the demo round
  static final String UNIT_B = "wuzhong-sifaju"; // 市司法局, another co-unit
  static final String LEAD = RoundFixture.LEAD; // 市市场监管局(知识产权局)
  static final String SUPERVISOR = RoundFixture.SUPERVISOR; // Wuzhong's coordinating office
  static final String OTHER_SUPERVISOR = "quanzhou-lingdaoxiaozu-ban";
  static final String AUDITOR = "auditor";
  static final String ADMIN = "admin";
  static final String QUANZHOU_TASK_KEY = ProcessKeys.round("quanzhou-2024", "一.1");
  static final String PLAN_DOCUMENT =
      """
      示范市知识产权工作方案(2026-2028年)
      二、主要任务
      1.强化知识产权创造。培育高价值专利。
      责任单位:市知识产权局、科技局
      """;

  @Autowired TestRestTemplate http;
  DemoHttp demo;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired FormService forms;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  final ObjectMapper json = new ObjectMapper();
  final List<String[]> matrix = new ArrayList<>();

  String roundId;
  String taskA;
  String taskB;
  String evidenceOfA;
  String quanzhouRound;

  /**
   * The demo round with unit A's report filed, and a Quanzhou round, so there is something to
   * guard.
   */
  @BeforeAll
  void setUp() throws Exception {
    demo = new DemoHttp(http);
    ProcessInstance round =
        runtime
            .createProcessInstanceQuery()
            // the round, not the deliveries that carry its key
            .processDefinitionKey(RoundFixture.KEY)
            .processInstanceBusinessKey("wuzhong-2022/一.4-展会/2025")
            .singleResult();
    roundId = round.getId();
    taskA = task(UNIT_A).getId();
    taskB = task(UNIT_B).getId();
    forms.submitTaskForm(
        taskA,
        Map.of(
            "progress",
            "公安局进展",
            "completionStatus",
            "DONE",
            "evidence1",
            Variables.fileValue("公安局材料.pdf")
                .file("%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII))
                .mimeType("application/pdf")
                .create()));
    taskA = null;
    runJobs();
    for (String unit : RoundFixture.CO_UNITS) {
      if (!unit.equals(UNIT_A) && !unit.equals(UNIT_B)) {
        forms.submitTaskForm(
            task(unit).getId(), Map.of("progress", unit, "completionStatus", "ON_TRACK"));
      }
    }
    runJobs();
    quanzhouRound =
        runtime.startProcessInstanceByKey(QUANZHOU_TASK_KEY, Map.of("year", 2025)).getId();
  }

  @Test
  void everyRoleMayDoExactlyWhatItsOfficeNeeds() throws Exception {
    // anonymous callers and wrong passwords
    for (String path :
        List.of(
            "/engine-rest/task",
            "/engine-rest/process-definition",
            "/engine-rest/history/process-instance",
            "/api/audit/rounds?keyPrefix=wuzhong",
            "/api/evidence/x")) {
      cell("anonymous", "GET " + path, 401, () -> status(null, HttpMethod.GET, path, null));
    }
    // (a failed login delays that user's next one: use a user no later cell needs)
    cell(
        "wuzhong-jianchayuan",
        "GET /engine-rest/task with a wrong password",
        401,
        () -> status("wuzhong-jianchayuan:wrong", HttpMethod.GET, "/engine-rest/task", null));
    cell(
        "no-such-user",
        "GET /engine-rest/task (same answer as a wrong password)",
        401,
        () -> status("no-such-user:demo", HttpMethod.GET, "/engine-rest/task", null));

    // unit staff: their own task only
    cell(
        UNIT_B,
        "list tasks: sees only its own",
        "[" + taskB + "]",
        () -> ids(get(UNIT_B, "/engine-rest/task")));
    cell(
        "zhangwei",
        "a configured user of unit B lists unit B's tasks",
        "[" + taskB + "]",
        () -> ids(get("zhangwei:Zhang-Wei-2026!", "/engine-rest/task")));
    cell(
        UNIT_A,
        "list tasks after submitting: nothing of unit B",
        "[]",
        () -> ids(get(UNIT_A, "/engine-rest/task")));
    cell(
        UNIT_A,
        "read variables of unit B's task",
        403,
        () -> status(UNIT_A, HttpMethod.GET, "/engine-rest/task/" + taskB + "/variables", null));
    cell(
        UNIT_A,
        "claim unit B's task",
        403,
        () ->
            status(
                UNIT_A,
                HttpMethod.POST,
                "/engine-rest/task/" + taskB + "/claim",
                Map.of("userId", UNIT_A)));
    cell(
        UNIT_A,
        "complete unit B's task",
        403,
        () ->
            status(
                UNIT_A,
                HttpMethod.POST,
                "/engine-rest/task/" + taskB + "/complete",
                Map.of("variables", Map.of())));
    cell(
        UNIT_B,
        "read unit A's report from its own task",
        "false",
        () ->
            String.valueOf(
                get(UNIT_B, "/engine-rest/task/" + taskB + "/variables")
                    .has("report_wuzhong_gonganju")));
    cell(
        UNIT_B,
        "download unit A's evidence",
        403,
        () -> status(UNIT_B, HttpMethod.GET, evidencePath(), null));
    cell(
        UNIT_A,
        "download its own evidence",
        200,
        () -> status(UNIT_A, HttpMethod.GET, evidencePath(), null));
    // units read no history, and the engine's REST API finds a task to comment on through history:
    // refused as before
    cell(
        UNIT_B,
        "comment on its own task (no history read: unchanged)",
        400,
        () ->
            status(
                UNIT_B,
                HttpMethod.POST,
                "/engine-rest/task/" + taskB + "/comment/create",
                Map.of("message", "司法局说明")));
    cell(
        UNIT_A,
        "comment on unit B's task",
        400,
        () ->
            status(
                UNIT_A,
                HttpMethod.POST,
                "/engine-rest/task/" + taskB + "/comment/create",
                Map.of("message", "越权评论")));
    cell(
        UNIT_B,
        "set its own task's due date",
        403,
        () ->
            status(
                UNIT_B,
                HttpMethod.PUT,
                "/engine-rest/task/" + taskB,
                Map.of("name", "x", "due", "2030-01-01T00:00:00.000+0800")));
    cell(
        UNIT_B,
        "start a round",
        403,
        () ->
            status(
                UNIT_B,
                HttpMethod.POST,
                "/engine-rest/process-definition/key/" + RoundFixture.KEY + "/start",
                Map.of("variables", Map.of("year", Map.of("value", 2023)))));
    cell(
        UNIT_B,
        "read history of the round",
        "[]",
        () ->
            ids(get(UNIT_B, "/engine-rest/history/process-instance?processInstanceId=" + roundId)));
    cell(UNIT_B, "open Tasklist", 200, () -> webappLogin(UNIT_B, "tasklist"));
    cell(UNIT_B, "open Cockpit", 403, () -> webappLogin(UNIT_B, "cockpit"));
    cell(UNIT_B, "open Admin", 403, () -> webappLogin(UNIT_B, "admin"));
    cell(
        UNIT_B,
        "Tasklist session: claim its task without the CSRF token",
        403,
        () -> webappClaim(UNIT_B, taskB, false));
    cell(
        UNIT_B,
        "Tasklist session: claim its task with the CSRF token",
        204,
        () -> webappClaim(UNIT_B, taskB, true));

    // the lead: its task with every co-unit report, and nothing else
    String leadTask =
        tasks
                    .createTaskQuery()
                    .processInstanceId(roundId)
                    .taskCandidateGroup(LEAD)
                    .includeAssignedTasks()
                    .singleResult()
                == null
            ? null
            : "opened";
    cell(
        LEAD,
        "list tasks before the co-units are all in",
        "[]",
        () -> ids(get(LEAD, "/engine-rest/task")));
    forms.submitTaskForm(taskB, Map.of("progress", "司法局进展", "completionStatus", "DONE"));
    runJobs();
    String leadTaskId = task(LEAD).getId();
    cell(
        LEAD,
        "list tasks: only the lead task",
        "[" + leadTaskId + "]",
        () -> ids(get(LEAD, "/engine-rest/task")));
    cell(
        LEAD,
        "read co-unit reports of its task",
        "true",
        () ->
            String.valueOf(
                get(LEAD, "/engine-rest/task/" + leadTaskId + "/variables")
                        .has("report_wuzhong_gonganju")
                    && get(LEAD, "/engine-rest/task/" + leadTaskId + "/variables")
                        .has("report_wuzhong_sifaju")));
    cell(
        LEAD,
        "download a co-unit's evidence",
        200,
        () -> status(LEAD, HttpMethod.GET, evidencePath(), null));
    cell(
        LEAD,
        "see the Quanzhou round",
        "[]",
        () -> ids(get(LEAD, "/engine-rest/process-instance?processInstanceIds=" + quanzhouRound)));
    cell(LEAD, "open Cockpit", 403, () -> webappLogin(LEAD, "cockpit"));
    cell(
        LEAD,
        "comment on its own task (no history read: unchanged)",
        400,
        () ->
            status(
                LEAD,
                HttpMethod.POST,
                "/engine-rest/task/" + leadTaskId + "/comment/create",
                Map.of("message", "牵头单位说明")));

    // supervisors: their plan, and only their plan
    cell(
        SUPERVISOR,
        "see rounds of its plan",
        "[" + roundId + "]",
        () ->
            ids(
                get(
                    SUPERVISOR,
                    "/engine-rest/process-instance?processDefinitionKey=" + RoundFixture.KEY)));
    cell(
        SUPERVISOR,
        "see a Quanzhou round",
        "[]",
        () ->
            ids(
                get(
                    SUPERVISOR,
                    "/engine-rest/process-instance?processInstanceIds=" + quanzhouRound)));
    cell(
        SUPERVISOR,
        "read Quanzhou history",
        "[]",
        () ->
            ids(
                get(
                    SUPERVISOR,
                    "/engine-rest/history/process-instance?processInstanceId=" + quanzhouRound)));
    cell(
        SUPERVISOR,
        "list Quanzhou definitions",
        "[]",
        () -> ids(get(SUPERVISOR, "/engine-rest/process-definition?keyLike=quanzhou%25")));
    cell(
        SUPERVISOR,
        "delete the Quanzhou round",
        403,
        () ->
            status(
                SUPERVISOR,
                HttpMethod.DELETE,
                "/engine-rest/process-instance/" + quanzhouRound,
                null));
    cell(
        SUPERVISOR,
        "delete history of its own round",
        403,
        () ->
            status(
                SUPERVISOR,
                HttpMethod.DELETE,
                "/engine-rest/history/process-instance/" + roundId,
                null));
    cell(
        SUPERVISOR,
        "start a round of its plan",
        200,
        () ->
            status(
                SUPERVISOR,
                HttpMethod.POST,
                "/engine-rest/process-definition/key/" + RoundFixture.KEY + "/start",
                Map.of("variables", Map.of("year", Map.of("value", 2023, "type", "Integer")))));
    cell(
        SUPERVISOR,
        "start a Quanzhou round (its definition does not exist for them)",
        404,
        () ->
            status(
                SUPERVISOR,
                HttpMethod.POST,
                "/engine-rest/process-definition/key/" + QUANZHOU_TASK_KEY + "/start",
                Map.of("variables", Map.of("year", Map.of("value", 2024, "type", "Integer")))));
    cell(
        SUPERVISOR,
        "audit view of its round",
        200,
        () -> status(SUPERVISOR, HttpMethod.GET, "/api/audit/rounds/" + roundId, null));
    cell(
        SUPERVISOR,
        "audit view of a Quanzhou round",
        404,
        () -> status(SUPERVISOR, HttpMethod.GET, "/api/audit/rounds/" + quanzhouRound, null));
    cell(
        OTHER_SUPERVISOR,
        "download Wuzhong evidence",
        403,
        () -> status(OTHER_SUPERVISOR, HttpMethod.GET, evidencePath(), null));
    cell(SUPERVISOR, "open Cockpit", 200, () -> webappLogin(SUPERVISOR, "cockpit"));
    cell(
        SUPERVISOR,
        "comment on the lead's task of its plan",
        200,
        () ->
            status(
                SUPERVISOR,
                HttpMethod.POST,
                "/engine-rest/task/" + leadTaskId + "/comment/create",
                Map.of("message", "督办意见")));
    cell(
        SUPERVISOR,
        "attach a link to the lead's task of its plan",
        200,
        () -> attach(SUPERVISOR, leadTaskId));
    cell(SUPERVISOR, "open Admin", 403, () -> webappLogin(SUPERVISOR, "admin"));
    HttpHeaders session = webappSession(SUPERVISOR, "tasklist");
    cell(
        SUPERVISOR,
        "Tasklist session: POST /api/plans/import without the CSRF token",
        403,
        () -> apiWithSession(session, HttpMethod.POST, "/api/plans/import", PLAN_DOCUMENT, null));
    cell(
        SUPERVISOR,
        "Tasklist session: POST /api/plans/import with a wrong token",
        403,
        () ->
            apiWithSession(
                session, HttpMethod.POST, "/api/plans/import", PLAN_DOCUMENT, "not-the-token"));
    cell(
        SUPERVISOR,
        "Tasklist session: POST /api/plans/import with the session's token",
        200,
        () ->
            apiWithSession(
                session,
                HttpMethod.POST,
                "/api/plans/import",
                PLAN_DOCUMENT,
                session.getFirst("X-XSRF-TOKEN")));
    cell(
        SUPERVISOR,
        "Tasklist session: GET /api/audit/rounds/{id} needs no token",
        200,
        () -> apiWithSession(session, HttpMethod.GET, "/api/audit/rounds/" + roundId, null, null));
    cell(
        SUPERVISOR,
        "HTTP Basic: POST /api/plans/import (no session, no token)",
        200,
        () -> {
          HttpHeaders headers = new HttpHeaders();
          headers.setBasicAuth(SUPERVISOR, "demo", StandardCharsets.UTF_8);
          headers.setContentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8));
          return http.exchange(
                  "/api/plans/import",
                  HttpMethod.POST,
                  new HttpEntity<>(PLAN_DOCUMENT, headers),
                  String.class)
              .getStatusCode()
              .value();
        });

    // auditors: read everything, change nothing
    cell(
        AUDITOR,
        "read history of a Wuzhong round",
        "[" + roundId + "]",
        () ->
            ids(
                get(
                    AUDITOR,
                    "/engine-rest/history/process-instance?processInstanceId=" + roundId)));
    cell(
        AUDITOR,
        "read history of a Quanzhou round",
        "[" + quanzhouRound + "]",
        () ->
            ids(
                get(
                    AUDITOR,
                    "/engine-rest/history/process-instance?processInstanceId=" + quanzhouRound)));
    cell(
        AUDITOR,
        "audit view of any round",
        200,
        () -> status(AUDITOR, HttpMethod.GET, "/api/audit/rounds/" + quanzhouRound, null));
    cell(
        AUDITOR,
        "variable history (every write)",
        200,
        () ->
            status(
                AUDITOR,
                HttpMethod.GET,
                "/engine-rest/history/variable-instance?processInstanceId=" + roundId,
                null));
    cell(
        AUDITOR,
        "download evidence",
        200,
        () -> status(AUDITOR, HttpMethod.GET, evidencePath(), null));
    cell(
        AUDITOR,
        "complete the lead's task",
        403,
        () ->
            status(
                AUDITOR,
                HttpMethod.POST,
                "/engine-rest/task/" + leadTaskId + "/complete",
                Map.of("variables", Map.of())));
    cell(
        AUDITOR,
        "claim the lead's task",
        403,
        () ->
            status(
                AUDITOR,
                HttpMethod.POST,
                "/engine-rest/task/" + leadTaskId + "/claim",
                Map.of("userId", AUDITOR)));
    cell(
        AUDITOR,
        "set a variable",
        403,
        () ->
            status(
                AUDITOR,
                HttpMethod.PUT,
                "/engine-rest/process-instance/" + roundId + "/variables/outcome",
                Map.of("value", "COMPLETED", "type", "String")));
    cell(
        AUDITOR,
        "start a round",
        403,
        () ->
            status(
                AUDITOR,
                HttpMethod.POST,
                "/engine-rest/process-definition/key/" + RoundFixture.KEY + "/start",
                Map.of("variables", Map.of("year", Map.of("value", 2022, "type", "Integer")))));
    cell(
        AUDITOR,
        "delete a round",
        403,
        () -> status(AUDITOR, HttpMethod.DELETE, "/engine-rest/process-instance/" + roundId, null));
    cell(
        AUDITOR,
        "delete history",
        403,
        () ->
            status(
                AUDITOR,
                HttpMethod.DELETE,
                "/engine-rest/history/process-instance/" + quanzhouRound,
                null));
    cell(
        AUDITOR,
        "comment on the lead's task",
        403,
        () ->
            status(
                AUDITOR,
                HttpMethod.POST,
                "/engine-rest/task/" + leadTaskId + "/comment/create",
                Map.of("message", "审计意见")));
    cell(
        AUDITOR,
        "comment: the refusal says why",
        AuditorsReadOnly.MESSAGE,
        () ->
            message(
                exchange(
                    AUDITOR,
                    HttpMethod.POST,
                    "/engine-rest/task/" + leadTaskId + "/comment/create",
                    Map.of("message", "审计意见"))));
    cell(AUDITOR, "attach a link to the lead's task", 403, () -> attach(AUDITOR, leadTaskId));
    String leadAttachment =
        tasks
            .createAttachment("url", leadTaskId, null, "牵头单位材料", null, "https://example.org/a.pdf")
            .getId();
    cell(
        AUDITOR,
        "delete an attachment of the lead's task",
        403,
        () ->
            status(
                AUDITOR,
                HttpMethod.DELETE,
                "/engine-rest/task/" + leadTaskId + "/attachment/" + leadAttachment,
                null));
    cell(
        AUDITOR,
        "the attachment is still there",
        "true",
        () -> String.valueOf(tasks.getAttachment(leadAttachment) != null));
    cell(AUDITOR, "open Cockpit", 200, () -> webappLogin(AUDITOR, "cockpit"));
    cell(AUDITOR, "open Tasklist", 403, () -> webappLogin(AUDITOR, "tasklist"));

    // administrators: identity management
    cell(ADMIN, "open Admin", 200, () -> webappLogin(ADMIN, "admin"));
    cell(
        ADMIN,
        "create a user",
        204,
        () ->
            status(
                ADMIN + ":admin",
                HttpMethod.POST,
                "/engine-rest/user/create",
                Map.of(
                    "profile",
                    Map.of("id", "new-user", "firstName", "新", "lastName", "用户"),
                    "credentials",
                    Map.of("password", "Str0ng-Passw0rd!"))));
    cell(
        UNIT_B,
        "create a user",
        403,
        () ->
            status(
                UNIT_B,
                HttpMethod.POST,
                "/engine-rest/user/create",
                Map.of(
                    "profile",
                    Map.of("id", "sneaky", "firstName", "x", "lastName", "y"),
                    "credentials",
                    Map.of("password", "Str0ng-Passw0rd!"))));
    cell(
        UNIT_B,
        "grant itself an authorization",
        403,
        () ->
            status(
                UNIT_B,
                HttpMethod.POST,
                "/engine-rest/authorization/create",
                Map.of(
                    "type",
                    1,
                    "permissions",
                    List.of("ALL"),
                    "userId",
                    UNIT_B,
                    "resourceType",
                    8,
                    "resourceId",
                    "*")));

    print();
    List<String[]> wrong = matrix.stream().filter(row -> !row[2].equals(row[3])).toList();
    assertThat(wrong).as("cells whose actual answer differs from the expected one").isEmpty();
    assertThat(leadTask).as("the lead's task opens only when every co-unit has reported").isNull();
  }

  private void cell(String role, String action, Object expected, Supplier<Object> actual) {
    String got;
    try {
      got = String.valueOf(actual.get());
    } catch (RuntimeException e) {
      got = "error: " + e.getMessage();
    }
    matrix.add(new String[] {role, action, String.valueOf(expected), got});
  }

  private void print() {
    StringBuilder out =
        new StringBuilder("\n| role | action | expected | actual |\n|---|---|---|---|\n");
    for (String[] row : matrix) {
      out.append("| ").append(String.join(" | ", row)).append(" |\n");
    }
    System.out.println(out);
  }

  /** Unit A's evidence file, as history keeps it (the only file of the round). */
  private String evidencePath() {
    return "/api/evidence/"
        + history
            .createHistoricVariableInstanceQuery()
            .processInstanceId(roundId)
            .variableName("evidence1")
            .list()
            .stream()
            .filter(v -> v.getValue() != null)
            .findFirst()
            .orElseThrow()
            .getId();
  }

  private Task task(String group) {
    return tasks
        .createTaskQuery()
        .processInstanceId(roundId)
        .taskCandidateGroup(group)
        .includeAssignedTasks()
        .singleResult();
  }

  private void runJobs() {
    RoundFixture.runContinuations(management);
  }

  private String ids(JsonNode array) {
    if (!array.isArray()) {
      return array.toString(); // a refusal: {"status":401}
    }
    List<String> ids = new ArrayList<>();
    array.forEach(node -> ids.add(node.get("id").asText()));
    return ids.toString();
  }

  private JsonNode get(String user, String path) {
    return demo.get(user, path);
  }

  private String message(ResponseEntity<String> response) {
    try {
      return json.readTree(response.getBody()).path("message").asText();
    } catch (Exception e) {
      return response.getStatusCode() + " " + response.getBody();
    }
  }

  private int status(String user, HttpMethod method, String path, Object body) {
    return demo.status(user, method, path, body);
  }

  private ResponseEntity<String> exchange(
      String user, HttpMethod method, String path, Object body) {
    return demo.exchange(user, method, path, body);
  }

  /**
   * Adds a link attachment to a task over REST, as Tasklist's "add attachment" does; the status.
   */
  private int attach(String user, String taskId) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, "demo", StandardCharsets.UTF_8);
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("attachment-name", "材料链接");
    parts.add("attachment-type", "url");
    parts.add("url", "https://example.org/report.pdf");
    return http.exchange(
            "/engine-rest/task/" + taskId + "/attachment/create",
            HttpMethod.POST,
            new HttpEntity<>(parts, headers),
            String.class)
        .getStatusCode()
        .value();
  }

  /**
   * A call to /api on the strength of a webapp session cookie, as a form's script would make it;
   * the status.
   */
  private int apiWithSession(
      HttpHeaders session, HttpMethod method, String path, String body, String token) {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.COOKIE, session.getFirst(HttpHeaders.COOKIE));
    if (token != null) {
      headers.set("X-XSRF-TOKEN", token);
    }
    headers.setContentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8));
    return http.exchange(path, method, new HttpEntity<>(body, headers), String.class)
        .getStatusCode()
        .value();
  }

  /**
   * Claims a task through the webapps' engine API with a logged-in Tasklist session, as Tasklist
   * does.
   */
  private int webappClaim(String user, String taskId, boolean withCsrfToken) {
    return demo.inSession(
            webappSession(user, "tasklist"),
            HttpMethod.POST,
            "/camunda/api/engine/engine/default/task/" + taskId + "/claim",
            Map.of("userId", user),
            withCsrfToken)
        .getStatusCode()
        .value();
  }

  private HttpHeaders webappSession(String user, String app) {
    return demo.webappSession(user, "demo", app);
  }

  /**
   * Logs into a webapp the way its login page does; 200, or 403 when the user may not use that app.
   */
  private int webappLogin(String user, String app) {
    String password = user.equals(ADMIN) ? "admin" : "demo";
    ResponseEntity<String> page = http.getForEntity("/camunda/app/" + app + "/", String.class);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    String cookies =
        String.join(
            "; ",
            page.getHeaders().getOrDefault(HttpHeaders.SET_COOKIE, List.of()).stream()
                .map(c -> c.split(";", 2)[0])
                .toList());
    headers.set(HttpHeaders.COOKIE, cookies);
    page.getHeaders().getOrDefault(HttpHeaders.SET_COOKIE, List.of()).stream()
        .filter(c -> c.startsWith("XSRF-TOKEN="))
        .findFirst()
        .ifPresent(
            c -> headers.set("X-XSRF-TOKEN", c.split(";", 2)[0].substring("XSRF-TOKEN=".length())));
    LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("username", user);
    form.add("password", password);
    return http.exchange(
            "/camunda/api/admin/auth/user/default/login/" + app,
            HttpMethod.POST,
            new HttpEntity<>(form, headers),
            String.class)
        .getStatusCode()
        .value();
  }

  @AfterAll
  void cleanUp() {
    runtime
        .createProcessInstanceQuery()
        .list()
        .forEach(p -> runtime.deleteProcessInstance(p.getId(), "test", true, true));
  }
}
