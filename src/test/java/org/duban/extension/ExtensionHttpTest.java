package org.duban.extension;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.duban.names.DeliveryVariables;
import org.duban.names.ExtensionElements;
import org.duban.names.ExtensionVariables;
import org.duban.names.ProcessKeys;
import org.duban.names.RoundElements;
import org.duban.round.RoundFixture;
import org.duban.schedule.Deadlines;
import org.duban.testsupport.DemoHttp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Extension requests over HTTP against the running demo: 市公安局 asks for more time on its task of the
 * demo round and the office decides, while other logins try what they should not (ask for someone
 * else's task, decide their own request, start the extension process with forged dates, write its
 * variables). Each refusal answers 4xx with a Chinese message and changes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExtensionHttpTest {

  static final String POLICE = RoundFixture.POLICE;
  static final String OTHER_UNIT = "wuzhong-sifaju";
  static final String OFFICE = RoundFixture.SUPERVISOR;
  static final String DEMO_ROUND = "wuzhong-2022/一.4-展会/2025";
  static final String EXTENSIONS = "/api/extensions";

  @Autowired TestRestTemplate rest;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired Deadlines deadlines;
  final ObjectMapper json = new ObjectMapper();
  DemoHttp http;
  String roundId;
  String policeTask;
  Date policeDue;
  String proposed;

  @BeforeAll
  void setUp() {
    http = new DemoHttp(rest);
    roundId =
        runtime
            .createProcessInstanceQuery()
            .processDefinitionKey(RoundFixture.KEY)
            .processInstanceBusinessKey(DEMO_ROUND)
            .singleResult()
            .getId();
    Task police = task(POLICE);
    policeTask = police.getId();
    policeDue = police.getDueDate();
    proposed = deadlines.day(policeDue).plusDays(10).toString();
  }

  @Test
  @Order(1)
  void anotherUnitCannotAskForThePolicesTask() throws Exception {
    ResponseEntity<String> answer = post(OTHER_UNIT, request(policeTask, proposed));

    assertThat(answer.getStatusCode().value()).isEqualTo(403);
    assertThat(message(answer)).isEqualTo("只能为本单位的报送任务申请延期:该任务不属于您所在的单位");
    assertThat(requestCount()).isZero();
  }

  @Test
  @Order(2)
  void theOfficeCannotAskInAUnitsName() throws Exception {
    ResponseEntity<String> answer = post(OFFICE, request(policeTask, proposed));

    assertThat(answer.getStatusCode().value()).isEqualTo(403);
    assertThat(message(answer)).contains("不属于您所在的单位");
    assertThat(requestCount()).isZero();
  }

  @Test
  @Order(3)
  void nothingOpensWithoutALogin() {
    assertThat(http.status(null, HttpMethod.POST, EXTENSIONS, request(policeTask, proposed)))
        .isEqualTo(401);
    assertThat(http.status(null, HttpMethod.GET, EXTENSIONS + "?plan=wuzhong-2022", null))
        .isEqualTo(401);
  }

  @Test
  @Order(4)
  void aRequestCarriesNoFieldTheSystemRecords() throws Exception {
    Map<String, Object> forged = request(policeTask, proposed);
    forged.put(ExtensionVariables.GRANTED_DUE, proposed);
    forged.put(ExtensionVariables.STATUS, "APPROVED");

    ResponseEntity<String> answer = post(POLICE, forged);

    assertThat(answer.getStatusCode().value()).isEqualTo(400);
    assertThat(message(answer)).startsWith("延期申请未提交:不接受字段「");
    assertThat(requestCount()).isZero();
  }

  @Test
  @Order(5)
  void nobodyStartsTheExtensionProcessOverRestWithForgedDates() {
    Map<String, Object> variables = new HashMap<>();
    variables.put(ExtensionVariables.UNIT_TASK_ID, typed(policeTask));
    variables.put(ExtensionVariables.SUPERVISOR_GROUP, typed(POLICE));
    variables.put(ExtensionVariables.STATUS, typed("APPROVED"));
    variables.put(ExtensionVariables.GRANTED_DUE, typed("2099-12-31"));
    String start =
        "/engine-rest/process-definition/key/" + ProcessKeys.extension("wuzhong-2022") + "/start";

    for (String user : new String[] {POLICE, OTHER_UNIT, OFFICE}) {
      assertThat(http.status(user, HttpMethod.POST, start, Map.of("variables", variables)))
          .as("%s starts the extension process (a unit does not even see it)", user)
          .isIn(403, 404);
    }
    assertThat(requestCount()).isZero();
    assertThat(task(POLICE).getDueDate()).isEqualTo(policeDue);
  }

  @Test
  @Order(6)
  void theUnitAsksBeforeItsDueDate() throws Exception {
    ResponseEntity<String> answer = post(POLICE, request(policeTask, proposed));

    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(201);
    assertThat(message(answer)).isEqualTo("延期申请已提交,请等待督办单位审批");
    JsonNode allowance = http.get(POLICE, EXTENSIONS + "/allowance?taskId=" + policeTask);
    assertThat(allowance.path("asked").asInt()).isEqualTo(1);
    assertThat(allowance.path("allowed").asInt()).isEqualTo(1);
    assertThat(allowance.path("pending").asBoolean()).isTrue();
    assertThat(allowance.path("requests").get(0).path("proposedDue").asText()).isEqualTo(proposed);
    assertThat(
            http.get(OTHER_UNIT, EXTENSIONS + "/allowance?taskId=" + policeTask)
                .path("status")
                .asInt())
        .isEqualTo(403);
  }

  @Test
  @Order(7)
  void theUnitCannotDecideItsOwnRequestNorWriteIntoIt() {
    String decision = decisionTask().getId();
    Map<String, Object> approve =
        Map.of(
            "variables",
            Map.of(
                ExtensionVariables.DECISION, typed("APPROVED"),
                ExtensionVariables.NEW_DUE,
                    typed(deadlines.day(policeDue).plusDays(25).toString())));

    for (String user : new String[] {POLICE, OTHER_UNIT}) {
      for (String action : new String[] {"/complete", "/submit-form"}) {
        assertThat(
                http.status(
                    user, HttpMethod.POST, "/engine-rest/task/" + decision + action, approve))
            .as("%s %s on the office's decision", user, action)
            .isIn(403, 404);
      }
      assertThat(
              http.status(
                  user,
                  HttpMethod.PUT,
                  "/engine-rest/process-instance/"
                      + decisionTask().getProcessInstanceId()
                      + "/variables/"
                      + ExtensionVariables.GRANTED_DUE,
                  typed("2099-12-31")))
          .isIn(403, 404);
      assertThat(
              http.status(
                  user,
                  HttpMethod.POST,
                  "/engine-rest/task/" + decision + "/claim",
                  Map.of("userId", user)))
          .isIn(403, 404);
    }
    assertThat(decisionTask()).as("still waiting for the office").isNotNull();
    assertThat(task(POLICE).getDueDate()).isEqualTo(policeDue);
  }

  @Test
  @Order(8)
  void theOfficeCannotSlipARecordedFieldIntoItsDecision() {
    Map<String, Object> forged =
        Map.of(
            "variables",
            Map.of(
                ExtensionVariables.DECISION, typed("APPROVED"),
                ExtensionVariables.GRANTED_DUE, typed("2099-12-31")));

    assertThat(
            http.status(
                OFFICE,
                HttpMethod.POST,
                "/engine-rest/task/" + decisionTask().getId() + "/submit-form",
                forged))
        .isEqualTo(400);
    assertThat(task(POLICE).getDueDate()).isEqualTo(policeDue);
  }

  @Test
  @Order(9)
  void theOfficeApprovesAndTheUnitIsTold() {
    Map<String, Object> approve =
        Map.of("variables", Map.of(ExtensionVariables.DECISION, typed("APPROVED")));

    assertThat(
            http.status(
                OFFICE,
                HttpMethod.POST,
                "/engine-rest/task/" + decisionTask().getId() + "/submit-form",
                approve))
        .isEqualTo(204);

    assertThat(deadlines.day(task(POLICE).getDueDate())).isEqualTo(LocalDate.parse(proposed));
    assertThat(
            history
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey(ProcessKeys.delivery("wuzhong-2022"))
                .variableValueEquals(DeliveryVariables.EVENT, "EXTENSION")
                .variableValueEquals(DeliveryVariables.RECIPIENT, POLICE)
                .count())
        .as("the decision is sent to the unit")
        .isEqualTo(1);
    ResponseEntity<String> again =
        post(POLICE, request(policeTask, deadlines.day(policeDue).plusDays(15).toString()));
    assertThat(again.getStatusCode().value()).isEqualTo(400);
  }

  @Test
  @Order(10)
  void theOfficeAndAuditorsReadTheRequestsAndUnitsDoNot() {
    JsonNode office = http.get(OFFICE, EXTENSIONS + "?plan=wuzhong-2022");
    assertThat(office).hasSize(1);
    assertThat(office.get(0).path("status").asText()).isEqualTo("APPROVED");
    assertThat(office.get(0).path("grantedDue").asText()).isEqualTo(proposed);
    assertThat(office.get(0).path("decidedBy").asText()).isEqualTo(OFFICE);
    assertThat(http.get("auditor", EXTENSIONS + "?plan=wuzhong-2022")).hasSize(1);
    assertThat(http.get(POLICE, EXTENSIONS + "?plan=wuzhong-2022")).isEmpty();
    assertThat(http.get("quanzhou-lingdaoxiaozu-ban", EXTENSIONS + "?plan=wuzhong-2022")).isEmpty();

    JsonNode dossier = http.get(OFFICE, "/api/audit/rounds/" + roundId);
    assertThat(dossier.path("extensions")).hasSize(1);
    assertThat(dossier.path("extensions").get(0).path("outcomeNote").asText())
        .startsWith("已批准延期:报送截止日期由 ");
    assertThat(http.get("auditor", "/api/audit/rounds/" + roundId).path("extensions")).hasSize(1);
  }

  // ------------------------------------------------------------------ helpers

  private ResponseEntity<String> post(String user, Map<String, Object> body) {
    return http.exchange(user, HttpMethod.POST, EXTENSIONS, body);
  }

  private static Map<String, Object> request(String taskId, String proposedDue) {
    Map<String, Object> body = new HashMap<>();
    body.put("taskId", taskId);
    body.put("reason", "展会推迟举办,执法数据待汇总");
    body.put("proposedDue", proposedDue);
    return body;
  }

  private static Map<String, Object> typed(String value) {
    return Map.of("value", value, "type", "String");
  }

  private String message(ResponseEntity<String> answer) throws Exception {
    return json.readTree(answer.getBody()).path("message").asText();
  }

  private long requestCount() {
    return history
        .createHistoricProcessInstanceQuery()
        .processDefinitionKey(ProcessKeys.extension("wuzhong-2022"))
        .count();
  }

  private Task decisionTask() {
    return tasks
        .createTaskQuery()
        .processDefinitionKey(ProcessKeys.extension("wuzhong-2022"))
        .taskDefinitionKey(ExtensionElements.DECIDE)
        .singleResult();
  }

  private Task task(String unit) {
    return tasks
        .createTaskQuery()
        .processInstanceId(roundId)
        .taskDefinitionKey(RoundElements.reportTask(RoundElements.CO_UNIT))
        .taskCandidateGroup(unit)
        .singleResult();
  }
}
