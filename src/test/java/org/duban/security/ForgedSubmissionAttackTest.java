package org.duban.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.duban.forms.FormField;
import org.duban.forms.TaskForms;
import org.duban.names.ProcessKeys;
import org.duban.names.RoundElements;
import org.duban.names.RoundVariables;
import org.duban.round.RoundFixture;
import org.duban.testsupport.DemoHttp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * A unit that wants to look better, over HTTP against the running application with the demo data:
 * every way it could write into the round from its own task (REST complete, submit-form, the
 * request Tasklist sends, the task and execution variable endpoints, BPMN events), with every
 * routing or state variable the round holds, and an office's forged starts. Each probe must be
 * refused with 4xx and leave the round's variables, tasks, history and notices exactly as before.
 * The table (probe, expected, actual, round unchanged?) is printed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForgedSubmissionAttackTest {

  static final String UNIT = RoundFixture.POLICE; // 市公安局: the attacker, on its own co-unit task
  static final String REPORTED =
      "wuzhong-jianchayuan"; // a co-unit whose report and evidence are filed
  static final String SUPERVISOR = RoundFixture.SUPERVISOR;
  static final String DEMO_ROUND = "wuzhong-2022/一.4-展会/2025";

  @Autowired TestRestTemplate rest;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired FormService forms;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired TaskForms taskForms;
  final ObjectMapper json = new ObjectMapper();
  final List<String[]> table = new ArrayList<>();
  DemoHttp http;

  String roundId;
  String ownTask;
  String ownExecution;
  String reportedEvidence;

  @BeforeAll
  void setUp() {
    http = new DemoHttp(rest);
    roundId =
        runtime
            .createProcessInstanceQuery()
            // the round, not the deliveries that carry its key
            .processDefinitionKey(RoundFixture.KEY)
            .processInstanceBusinessKey(DEMO_ROUND)
            .singleResult()
            .getId();
    Task own = task(UNIT);
    ownTask = own.getId();
    ownExecution = own.getExecutionId();
    forms.submitTaskForm(
        task(REPORTED).getId(),
        Map.of(
            "progress",
            "检察院进展",
            "completionStatus",
            "DONE",
            "evidence1",
            Variables.fileValue("检察院材料.pdf")
                .file("%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII))
                .mimeType("application/pdf")
                .create()));
    RoundFixture.runContinuations(management);
    reportedEvidence =
        history
            .createHistoricVariableInstanceQuery()
            .processInstanceId(roundId)
            .variableName("evidence1")
            .includeDeleted()
            .list()
            .stream()
            .filter(v -> v.getValue() != null)
            .findFirst()
            .orElseThrow()
            .getId();
  }

  @Test
  void everyForgedWriteIsRefusedAndLeavesTheRoundAsItWas() throws Exception {
    HttpHeaders tasklist = http.webappSession(UNIT, "demo", "tasklist");
    for (String name : forgeable()) {
      Map<String, Object> forged = report();
      forged.put(
          name,
          name.startsWith(RoundVariables.EVIDENCE_PREFIX)
              ? Map.of(
                  "type",
                  "File",
                  "value",
                  Base64.getEncoder()
                      .encodeToString("%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII)),
                  "valueInfo",
                  Map.of("filename", "第四份.pdf", "mimetype", "application/pdf"))
              : Map.of("value", forgedValue(name), "type", "String"));
      Map<String, Object> body = Map.of("variables", forged);
      probe(
          "complete + " + name,
          "400",
          () -> http.status(UNIT, HttpMethod.POST, taskPath("/complete"), body));
      probe(
          "submit-form + " + name,
          "400",
          () -> http.status(UNIT, HttpMethod.POST, taskPath("/submit-form"), body));
      probe(
          "Tasklist submit + " + name,
          "400",
          () ->
              http.inSession(
                      tasklist,
                      HttpMethod.POST,
                      "/camunda/api/engine/engine/default/task/" + ownTask + "/submit-form",
                      body,
                      true)
                  .getStatusCode()
                  .value());
    }
    Map<String, Object> jsonProgress = report();
    jsonProgress.put("progress", Map.of("value", "{\"a\":1}", "type", "Json"));
    probe(
        "complete, progress as Json",
        "400",
        () ->
            http.status(
                UNIT, HttpMethod.POST, taskPath("/complete"), Map.of("variables", jsonProgress)));
    Map<String, Object> serialized = report();
    serialized.put(
        "completionStatus",
        Map.of(
            "value",
            "rO0ABXQABERPTkU=",
            "type",
            "Object",
            "valueInfo",
            Map.of(
                "objectTypeName", "java.lang.String",
                "serializationDataFormat", "application/x-java-serialized-object")));
    probe(
        "complete, completionStatus as a serialized Java object",
        "400",
        () ->
            http.status(
                UNIT, HttpMethod.POST, taskPath("/complete"), Map.of("variables", serialized)));
    Map<String, Object> mapProgress = report();
    mapProgress.put("progress", Map.of("value", Map.of("a", 1)));
    probe(
        "complete, progress as an untyped JSON object",
        "400",
        () ->
            http.status(
                UNIT, HttpMethod.POST, taskPath("/complete"), Map.of("variables", mapProgress)));
    // the demo round asks for no indicator: a value for one is refused, naming it
    for (String values : List.of("{\"有效注册商标量\":15000}", "{\"有效注册商标量\":\"很多\"}")) {
      Map<String, Object> indicators = report();
      indicators.put("indicatorValues", Map.of("value", values, "type", "String"));
      probe(
          "complete + indicatorValues " + values,
          "400",
          () -> {
            ResponseEntity<String> answer =
                http.exchange(
                    UNIT, HttpMethod.POST, taskPath("/complete"), Map.of("variables", indicators));
            return answer.getBody() != null
                    && answer.getBody().contains("「指标完成值」中的「有效注册商标量」不是本轮次的指标")
                ? answer.getStatusCode().value()
                : -answer.getStatusCode().value();
          });
    }
    probe(
        "complete with variables in return + leadUnit",
        "400",
        () ->
            http.status(
                UNIT,
                HttpMethod.POST,
                taskPath("/complete"),
                Map.of("variables", withForged("leadUnit"), "withVariablesInReturn", true)));

    Map<String, Object> forgedLead = Map.of("value", UNIT, "type", "String");
    probe(
        "PUT task variable leadUnit",
        "400",
        () -> http.status(UNIT, HttpMethod.PUT, taskPath("/variables/leadUnit"), forgedLead));
    probe(
        "PUT task-local unitDue",
        "400",
        () ->
            http.status(
                UNIT,
                HttpMethod.PUT,
                taskPath("/localVariables/unitDue"),
                Map.of("value", "2099-12-31T00:00:00.000+0800", "type", "Date")));
    probe(
        "POST task variables (modify supervisorGroup)",
        "400",
        () ->
            http.status(
                UNIT,
                HttpMethod.POST,
                taskPath("/variables"),
                Map.of("modifications", Map.of("supervisorGroup", forgedLead))));
    probe(
        "POST task-local variables (targets = [])",
        "400",
        () ->
            http.status(
                UNIT,
                HttpMethod.POST,
                taskPath("/localVariables"),
                Map.of(
                    "modifications", Map.of("targets", Map.of("value", "[]", "type", "String")))));
    probe(
        "DELETE task variable coUnits",
        "400",
        () -> http.status(UNIT, HttpMethod.DELETE, taskPath("/variables/coUnits"), null));
    probe(
        "BPMN error from its task",
        "400",
        () ->
            http.status(
                UNIT,
                HttpMethod.POST,
                taskPath("/bpmnError"),
                Map.of("errorCode", "done", "variables", Map.of("leadUnit", forgedLead))));
    probe(
        "BPMN escalation from its task",
        "400",
        () ->
            http.status(
                UNIT, HttpMethod.POST, taskPath("/bpmnEscalation"), Map.of("escalationCode", "x")));
    probe(
        "resolve with variables",
        "400",
        () ->
            http.status(
                UNIT,
                HttpMethod.POST,
                taskPath("/resolve"),
                Map.of("variables", Map.of("leadUnit", forgedLead))));
    probe(
        "PUT round variable leadUnit",
        "403",
        () ->
            http.status(
                UNIT,
                HttpMethod.PUT,
                "/engine-rest/process-instance/" + roundId + "/variables/leadUnit",
                forgedLead));
    probe(
        "PUT execution-local unitDue",
        "403",
        () ->
            http.status(
                UNIT,
                HttpMethod.PUT,
                "/engine-rest/execution/" + ownExecution + "/localVariables/unitDue",
                Map.of("value", "2099-12-31T00:00:00.000+0800", "type", "Date")));
    probe(
        "POST execution-local variables",
        "403",
        () ->
            http.status(
                UNIT,
                HttpMethod.POST,
                "/engine-rest/execution/" + ownExecution + "/localVariables",
                Map.of("modifications", Map.of("unit", forgedLead))));
    probe(
        "correlate a message with variables",
        "4xx",
        () ->
            http.status(
                UNIT,
                HttpMethod.POST,
                "/engine-rest/message",
                Map.of(
                    "messageName",
                    "x",
                    "processInstanceId",
                    roundId,
                    "processVariables",
                    Map.of("leadUnit", forgedLead))));
    probe(
        "download another unit's evidence",
        "403",
        () -> http.status(UNIT, HttpMethod.GET, "/api/evidence/" + reportedEvidence, null));
    probe(
        "office files a unit's report",
        "400",
        () ->
            http.status(
                SUPERVISOR, HttpMethod.POST, taskPath("/complete"), Map.of("variables", report())));

    String start = "/engine-rest/process-definition/key/" + RoundFixture.KEY + "/start";
    Map<String, Object> year2024 = Map.of("value", 2024, "type", "Integer");
    probe(
        "start with a pre-set returnReason",
        "400",
        () ->
            http.status(
                SUPERVISOR,
                HttpMethod.POST,
                start,
                Map.of(
                    "variables", Map.of("year", year2024, "returnReason", Map.of("value", "x")))));
    probe(
        "start with a forged report",
        "400",
        () ->
            http.status(
                SUPERVISOR,
                HttpMethod.POST,
                start,
                Map.of(
                    "variables",
                    Map.of("year", year2024, RoundVariables.report(UNIT), Map.of("value", "{}")))));
    probe(
        "start with year 4294969318",
        "400",
        () ->
            http.status(
                SUPERVISOR,
                HttpMethod.POST,
                start,
                Map.of("variables", Map.of("year", Map.of("value", 4294969318L, "type", "Long")))));
    probe(
        "start with leadDueDate 2020-01-01",
        "400",
        () ->
            http.status(
                SUPERVISOR,
                HttpMethod.POST,
                start,
                Map.of(
                    "variables",
                    Map.of("year", year2024, "leadDueDate", Map.of("value", "2020-01-01")))));
    probe(
        "start skipping the opening listener",
        "400",
        () ->
            http.status(
                SUPERVISOR,
                HttpMethod.POST,
                start,
                Map.of("variables", Map.of("year", year2024), "skipCustomListeners", true)));
    probe(
        "start at the review task",
        "400",
        () ->
            http.status(
                SUPERVISOR,
                HttpMethod.POST,
                start,
                Map.of(
                    "variables",
                    Map.of("year", year2024),
                    "startInstructions",
                    List.of(
                        Map.of(
                            "type", "startBeforeActivity", "activityId", RoundElements.REVIEW)))));

    print();
    assertThat(table).as("probes").hasSizeGreaterThan(60);
    assertThat(
            table.stream()
                .filter(row -> !matches(row[1], row[2]) || !row[3].equals("yes"))
                .toList())
        .as("probes answered otherwise than expected, or that changed the round")
        .isEmpty();

    ResponseEntity<String> refusal =
        http.exchange(
            UNIT,
            HttpMethod.POST,
            taskPath("/complete"),
            Map.of("variables", withForged(RoundVariables.LEAD_UNIT)));
    assertThat(refusal.getBody())
        .as("the refusal names the field and what the step takes")
        .contains("leadUnit")
        .contains("progress(工作进展)");

    // evidence is served as a download of the type detected on upload, never rendered
    ResponseEntity<String> download =
        http.exchange(REPORTED, HttpMethod.GET, "/api/evidence/" + reportedEvidence, null);
    assertThat(download.getStatusCode().value()).isEqualTo(200);
    assertThat(download.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(download.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
        .startsWith("attachment");
    assertThat(String.valueOf(download.getHeaders().getContentType())).isEqualTo("application/pdf");

    // the genuine report still goes through, and the round records what the system decides
    ResponseEntity<String> genuine =
        http.exchange(UNIT, HttpMethod.POST, taskPath("/complete"), Map.of("variables", report()));
    assertThat(genuine.getStatusCode().value()).as(genuine.getBody()).isEqualTo(204);
    RoundFixture.runContinuations(management);
    JsonNode filed =
        json.readTree(
            (String)
                history
                    .createHistoricVariableInstanceQuery()
                    .processInstanceId(roundId)
                    .variableName(RoundVariables.REPORT)
                    .list()
                    .stream()
                    .filter(
                        v ->
                            v.getValue() != null
                                && ((String) v.getValue()).contains("\"unit\":\"" + UNIT + "\""))
                    .findFirst()
                    .orElseThrow()
                    .getValue());
    assertThat(filed.path("submittedBy").asText()).isEqualTo(UNIT);
    assertThat(filed.path("onTime").asBoolean()).isTrue();
    assertThat(runtime.getVariable(roundId, RoundVariables.LEAD_UNIT)).isEqualTo(RoundFixture.LEAD);
    assertThat(runtime.getVariable(roundId, RoundVariables.SUPERVISOR_GROUP)).isEqualTo(SUPERVISOR);
  }

  /**
   * Every variable the round holds in any scope, and the ones its code reads, less what the report
   * form declares.
   */
  private Set<String> forgeable() {
    Set<String> names =
        new TreeSet<>(
            List.of(
                RoundVariables.LEAD_UNIT,
                RoundVariables.SUPERVISOR_GROUP,
                RoundVariables.FINAL_YEAR,
                RoundVariables.UNIT_DUE,
                RoundVariables.UNIT,
                RoundVariables.UNIT_NAME,
                RoundVariables.STAGE,
                RoundVariables.CO_UNITS,
                RoundVariables.REPORT_DUE,
                RoundVariables.CO_UNIT_DUE,
                RoundVariables.TARGETS,
                RoundVariables.TARGET_RESULTS,
                RoundVariables.RETURN_COUNT,
                RoundVariables.RETURN_REASON,
                RoundVariables.REVIEW_DECISION,
                RoundVariables.OUTCOME,
                RoundVariables.WARNING,
                RoundVariables.report(REPORTED),
                RoundVariables.report("wuzhong-sifaju"),
                RoundVariables.REPORT,
                // names the round filed a report under before it became one variable
                "submittedBy",
                "submittedAt",
                "evidenceFiles",
                RoundVariables.evidence(4)));
    runtime
        .createVariableInstanceQuery()
        .processInstanceIdIn(roundId)
        .list()
        .forEach(v -> names.add(v.getName()));
    taskForms.of(RoundElements.reportTask(RoundElements.CO_UNIT)).stream()
        .map(FormField::name)
        .forEach(names::remove);
    return names;
  }

  private static String forgedValue(String name) {
    return switch (name) {
      case RoundVariables.UNIT_DUE, RoundVariables.REPORT_DUE, RoundVariables.CO_UNIT_DUE ->
          "2099-12-31";
      case RoundVariables.FINAL_YEAR -> "true";
      default -> UNIT;
    };
  }

  private Map<String, Object> report() {
    Map<String, Object> vars = new HashMap<>();
    vars.put("progress", Map.of("value", "公安局本年度进展", "type", "String"));
    vars.put("completionStatus", Map.of("value", "DONE", "type", "String"));
    return vars;
  }

  private Map<String, Object> withForged(String name) {
    Map<String, Object> vars = report();
    vars.put(name, Map.of("value", UNIT, "type", "String"));
    return vars;
  }

  private String taskPath(String rest) {
    return "/engine-rest/task/" + ownTask + rest;
  }

  private void probe(String probe, String expected, Supplier<Integer> call) {
    String before = state();
    String actual;
    try {
      actual = String.valueOf(call.get());
    } catch (RuntimeException e) {
      actual = "error: " + e.getMessage();
    }
    table.add(new String[] {probe, expected, actual, state().equals(before) ? "yes" : "NO"});
  }

  private static boolean matches(String expected, String actual) {
    return expected.equals("4xx") ? actual.startsWith("4") : expected.equals(actual);
  }

  /**
   * What a forged write could change: every variable of the round, its open tasks, its history, its
   * notices.
   */
  private String state() {
    List<String> vars = new ArrayList<>();
    for (VariableInstance v :
        runtime
            .createVariableInstanceQuery()
            .processInstanceIdIn(roundId)
            .disableBinaryFetching()
            .disableCustomObjectDeserialization()
            .list()) {
      vars.add(
          v.getExecutionId()
              + "/"
              + v.getTaskId()
              + "/"
              + v.getName()
              + "="
              + v.getTypeName()
              + ":"
              + ("file".equals(v.getTypeName()) ? "file" : String.valueOf(v.getValue())));
    }
    vars.sort(null);
    List<String> open =
        tasks.createTaskQuery().processInstanceId(roundId).list().stream()
            .map(
                t ->
                    t.getId()
                        + "|"
                        + t.getTaskDefinitionKey()
                        + "|"
                        + t.getAssignee()
                        + "|"
                        + t.getDueDate()
                        + "|"
                        + t.getFollowUpDate())
            .sorted()
            .toList();
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("variables", vars);
    state.put("tasks", open);
    state.put(
        "history details", history.createHistoricDetailQuery().processInstanceId(roundId).count());
    state.put(
        "rounds",
        history
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey(RoundFixture.KEY)
            .count());
    state.put(
        "notices",
        history
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey(ProcessKeys.notice(RoundFixture.PLAN))
            .count());
    return state.toString();
  }

  private void print() {
    StringBuilder out =
        new StringBuilder("\n| probe | expected | actual | round unchanged |\n|---|---|---|---|\n");
    for (String[] row : table) {
      out.append("| ").append(String.join(" | ", row)).append(" |\n");
    }
    System.out.println(out);
  }

  private Task task(String group) {
    return tasks
        .createTaskQuery()
        .processInstanceId(roundId)
        .taskCandidateGroup(group)
        .includeAssignedTasks()
        .taskDefinitionKey(RoundElements.reportTask(RoundElements.CO_UNIT))
        .singleResult();
  }
}
