package org.duban.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.duban.names.ProcessKeys;
import org.duban.names.RoundVariables;
import org.duban.round.RoundFixture;
import org.duban.testsupport.DemoHttp;
import org.duban.testsupport.PdfText;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The 审计 view's resources over HTTP with the demo users: what each caller may see of a finished
 * Wuzhong round (the auditor everything, Wuzhong's office its own plan, Quanzhou's office and a
 * unit nothing), the round's history as people read it, the evidence check against stored bytes
 * that were tampered with, and the exported dossier in each format.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditHttpTest {

  static final String AUDITOR = "auditor";
  static final String OFFICE = RoundFixture.SUPERVISOR;
  static final String OTHER_OFFICE = "quanzhou-lingdaoxiaozu-ban";
  static final String UNIT = RoundFixture.POLICE;

  @Autowired TestRestTemplate http;
  @Autowired ProcessEngine engine;
  @Autowired HistoryService history;
  @Autowired RuntimeService runtime;
  @Autowired JdbcTemplate jdbc;
  final ObjectMapper json = new ObjectMapper();
  DemoHttp demo;
  String roundId;
  String quanzhouRound;
  String evidenceId;
  String recordedSha;

  @BeforeAll
  void workARound() throws Exception {
    demo = new DemoHttp(http);
    roundId = FinishedRound.work(engine);
    quanzhouRound =
        runtime
            .startProcessInstanceByKey(
                ProcessKeys.round("quanzhou-2024", "一.1"), Map.of("year", 2025))
            .getId();
    JsonNode police =
        find(demo.get(AUDITOR, "/api/audit/rounds/" + roundId).path("evidence"), "unit", UNIT);
    evidenceId = police.path("variableId").asText();
    recordedSha = police.path("sha256").asText();
  }

  @Test
  @Order(1)
  void shouldFindRoundsByPlanTaskYearUnitOutcomeAndState() {
    JsonNode all = demo.get(AUDITOR, "/api/audit/rounds");
    assertThat(keys(all)).contains(FinishedRound.KEY, "wuzhong-2022/一.4-展会/2025");
    assertThat(keys(all)).anyMatch(k -> k.startsWith("quanzhou-2024/"));
    assertThat(keys(all)).as("rounds only, never their notices").doesNotHaveDuplicates();

    JsonNode finished =
        demo.get(
            AUDITOR,
            "/api/audit/rounds?plan=wuzhong-2022&task=一.4-展会&year=2024&unit="
                + UNIT
                + "&outcome=COMPLETED&state=finished");
    assertThat(finished).hasSize(1);
    JsonNode round = finished.get(0);
    assertThat(round.path("processInstanceId").asText()).isEqualTo(roundId);
    assertThat(round.path("outcomeLabel").asText()).isEqualTo("办结");
    assertThat(round.path("stateLabel").asText()).isEqualTo("已结束");
    assertThat(round.path("year").asInt()).isEqualTo(2024);
    assertThat(round.path("endTime").asText())
        .as("local time, to the minute")
        .isEqualTo("2024-12-05 09:00");

    assertThat(keys(demo.get(AUDITOR, "/api/audit/rounds?state=running")))
        .doesNotContain(FinishedRound.KEY)
        .contains("wuzhong-2022/一.4-展会/2025");
    assertThat(demo.get(AUDITOR, "/api/audit/rounds?plan=wuzhong-2022&outcome=CLOSED_OUT"))
        .isEmpty();
    assertThat(demo.get(AUDITOR, "/api/audit/rounds?year=2024&unit=no-such-unit")).isEmpty();
    assertThat(keys(demo.get(AUDITOR, "/api/audit/rounds?keyPrefix=wuzhong-2022/")))
        .contains(FinishedRound.KEY)
        .allMatch(k -> k.startsWith("wuzhong-2022/"));
    assertThat(demo.status(AUDITOR, HttpMethod.GET, "/api/audit/rounds?state=deleted", null))
        .isEqualTo(400);
  }

  @Test
  @Order(2)
  void shouldAnswerEachCallerOnlyWhatItMayRead() {
    List<String> paths =
        List.of(
            "/api/audit/rounds/" + roundId,
            "/api/audit/rounds/" + roundId + "/dossier?format=pdf",
            "/api/audit/rounds/" + roundId + "/dossier?format=json",
            "/api/audit/evidence/" + evidenceId + "/verification");
    for (String path : paths) {
      assertThat(demo.status(null, HttpMethod.GET, path, null))
          .as("anonymous " + path)
          .isEqualTo(401);
      assertThat(demo.status(AUDITOR, HttpMethod.GET, path, null))
          .as("auditor " + path)
          .isEqualTo(200);
      assertThat(demo.status(OFFICE, HttpMethod.GET, path, null))
          .as("office " + path)
          .isEqualTo(200);
      assertThat(demo.status(OTHER_OFFICE, HttpMethod.GET, path, null))
          .as("Quanzhou's office " + path)
          .isEqualTo(404);
      assertThat(demo.status(UNIT, HttpMethod.GET, path, null))
          .as("the unit that filed the file " + path)
          .isEqualTo(404);
    }
    assertThat(demo.status(null, HttpMethod.GET, "/api/audit/rounds", null)).isEqualTo(401);
    assertThat(keys(demo.get(OTHER_OFFICE, "/api/audit/rounds")))
        .as("Quanzhou's office finds its own rounds only")
        .isNotEmpty()
        .allMatch(k -> k.startsWith("quanzhou-2024/"));
    assertThat(demo.get(OTHER_OFFICE, "/api/audit/rounds?plan=wuzhong-2022")).isEmpty();
    assertThat(keys(demo.get(OFFICE, "/api/audit/rounds")))
        .contains(FinishedRound.KEY)
        .allMatch(k -> k.startsWith("wuzhong-2022/"));
    assertThat(demo.get(UNIT, "/api/audit/rounds")).as("a unit reads no history").isEmpty();
    assertThat(
            demo.status(
                OFFICE, HttpMethod.GET, "/api/audit/rounds/" + quanzhouRound + "/dossier", null))
        .isEqualTo(404);
    assertThat(
            demo.status(
                OTHER_OFFICE,
                HttpMethod.GET,
                "/api/audit/dossier?plan=wuzhong-2022&format=json",
                null))
        .isEqualTo(200);
    assertThat(
            parse(
                    demo.exchange(
                            OTHER_OFFICE,
                            HttpMethod.GET,
                            "/api/audit/dossier?plan=wuzhong-2022&format=json",
                            null)
                        .getBody())
                .path("rounds"))
        .as("a filtered export holds only what the caller may read")
        .isEmpty();
    // not a file of a filed report, or no such variable: nothing to verify
    String year = variableId(roundId, "year");
    assertThat(
            demo.status(
                AUDITOR, HttpMethod.GET, "/api/audit/evidence/" + year + "/verification", null))
        .isEqualTo(404);
    assertThat(demo.status(AUDITOR, HttpMethod.GET, "/api/audit/evidence/nope/verification", null))
        .isEqualTo(404);
  }

  /**
   * History keeps the round's facts but not the engine's bookkeeping (TechnicalHistoryFilter): no
   * multi-instance counters, no timers armed and removed, no continuation's creation; the reports,
   * the steps that ran and the delivery attempts are there.
   */
  @Test
  @Order(3)
  void shouldKeepTheFactsButNotTheBookkeeping() {
    for (String counter :
        List.of("loopCounter", "nrOfInstances", "nrOfActiveInstances", "nrOfCompletedInstances")) {
      assertThat(
              history
                  .createHistoricVariableInstanceQuery()
                  .processInstanceIdIn(roundId)
                  .variableName(counter)
                  .count())
          .as(counter)
          .isZero();
    }
    assertThat(
            history
                .createHistoricVariableInstanceQuery()
                .processInstanceIdIn(roundId)
                .variableName(RoundVariables.REPORT)
                .includeDeleted()
                .count())
        .as("each unit's filed report, and the lead's returned first version")
        .isGreaterThanOrEqualTo(10);
    assertThat(history.createHistoricJobLogQuery().processInstanceId(roundId).creationLog().count())
        .as("no creation of a timer or of a continuation is kept")
        .isZero();
    assertThat(history.createHistoricJobLogQuery().processInstanceId(roundId).successLog().list())
        .as("each continuation that ran, and each rung that fired, is kept")
        .extracting(log -> log.getJobDefinitionType())
        .contains("async-continuation");
    assertThat(history.createHistoricJobLogQuery().processInstanceId(roundId).deletionLog().count())
        .as("timers removed unfired leave no trace")
        .isZero();
    assertThat(
            history
                .createHistoricJobLogQuery()
                .processDefinitionKey(ProcessKeys.delivery("wuzhong-2022"))
                .successLog()
                .count())
        .as("delivery attempts stay in the job log")
        .isPositive();
  }

  @Test
  @Order(3)
  void shouldWriteNothingForAnyoneAnywhere() {
    for (HttpMethod write : List.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE)) {
      for (String path :
          List.of(
              "/api/audit/rounds",
              "/api/audit/rounds/" + roundId,
              "/api/audit/evidence/" + evidenceId + "/verification")) {
        assertThat(demo.status(AUDITOR, write, path, Map.of()))
            .as(write + " " + path)
            .isIn(405, 403);
      }
    }
  }

  @Test
  @Order(4)
  void shouldTellTheRoundsHistoryInLocalTimeAndChinese() {
    JsonNode round = demo.get(OFFICE, "/api/audit/rounds/" + roundId);
    assertThat(round.path("zone").asText()).isEqualTo("Asia/Shanghai");
    JsonNode steps = round.path("steps");
    List<String> names = new ArrayList<>();
    steps.forEach(s -> names.add(s.path("name").asText()));
    assertThat(names).anyMatch(n -> n.startsWith("市公安局:"));
    JsonNode reviews = all(steps, "activityId", "userTask_supervisorReview");
    assertThat(reviews).hasSize(2);
    assertThat(reviews.get(0).path("decisions").path("审核结论").asText()).isEqualTo("退回");
    assertThat(reviews.get(0).path("decisions").path("退回理由").asText())
        .isEqualTo(FinishedRound.RETURN_REASON);
    assertThat(reviews.get(1).path("decisions").path("审核结论").asText()).isEqualTo("办结");
    assertThat(reviews.get(1).path("decisions").path("工作评价").asText()).isEqualTo("优秀");
    assertThat(reviews.get(1).path("handler").asText()).contains(OFFICE);
    assertThat(reviews.get(1).path("endTime").asText()).isEqualTo("2024-12-05 09:00");
    JsonNode police = find(steps, "name", null, n -> n.startsWith("市公安局:"));
    assertThat(police.path("dueDate").asText()).startsWith("2024-12-05");
    assertThat(police.path("late").asBoolean()).isFalse();
    assertThat(police.path("status").asText()).isEqualTo("已完成");
    assertThat(police.path("handler").asText()).contains(UNIT + "-handler");

    JsonNode lead = all(round.path("reports"), "unit", RoundFixture.LEAD);
    assertThat(lead).as("the returned version and the one that stayed").hasSize(2);
    assertThat(lead.get(0).path("current").asBoolean()).isFalse();
    assertThat(lead.get(1).path("current").asBoolean()).isTrue();
    assertThat(lead.get(1).path("progress").asText()).contains("查处案件 2 起");
    assertThat(lead.get(1).path("stageLabel").asText()).isEqualTo("牵头单位汇总报送");
    assertThat(lead.get(0).path("submittedAt").asText()).isEqualTo("2024-11-20 09:00");
    assertThat(round.path("reports")).hasSize(RoundFixture.CO_UNITS.size() + 2);

    JsonNode evidence = round.path("evidence");
    assertThat(find(evidence, "fileName", FinishedRound.SECOND_FILE).path("unit").asText())
        .isEqualTo(RoundFixture.LEAD);
    assertThat(recordedSha).hasSize(64);
    assertThat(find(evidence, "unit", UNIT).path("downloadUrl").asText())
        .isEqualTo("/api/evidence/" + evidenceId);

    assertThat(round.path("notices")).isNotEmpty();
    assertThat(round.path("notices").get(0).path("typeLabel").asText()).isEqualTo("通报表扬");
    assertThat(round.path("notices").get(0).path("statusLabel").asText()).isEqualTo("已签发");
    assertThat(round.path("operations"))
        .anySatisfy(o -> assertThat(o.path("operationLabel").asText()).isEqualTo("完成"));
    assertThat(round.path("changes"))
        .anySatisfy(c -> assertThat(c.path("variableName").asText()).isEqualTo("reviewDecision"));
    assertThat(round.toString()).doesNotContain("T01:00:00").doesNotContain("Z\"");
  }

  @Test
  @Order(5)
  void shouldExportTheDossierAsPdfJsonAndCsv() throws Exception {
    ResponseEntity<byte[]> pdf = bytes(AUDITOR, "/api/audit/rounds/" + roundId + "/dossier");
    assertThat(pdf.getHeaders().getContentType().toString()).isEqualTo("application/pdf");
    assertThat(pdf.getHeaders().getContentDisposition().getFilename()).endsWith(".pdf");
    assertThat(pdf.getHeaders().getCacheControl()).isEqualTo("no-store");
    // kept for a look at the printed layout (pdftoppm target/documents/audit-dossier.pdf)
    java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "documents"));
    java.nio.file.Files.write(
        java.nio.file.Path.of("target", "documents", "audit-dossier.pdf"), pdf.getBody());
    String text = PdfText.of(pdf.getBody());
    assertThat(text)
        .contains("审计档案")
        .contains("市公安局")
        .contains("办理步骤")
        .contains("牵头单位汇总报送")
        .contains(recordedSha)
        .contains("审核结论:退回")
        .contains("工作评价:优秀")
        .contains("通报表扬")
        .contains("导出人")
        .contains("auditor");

    ResponseEntity<byte[]> json =
        bytes(AUDITOR, "/api/audit/rounds/" + roundId + "/dossier?format=json");
    JsonNode export = this.json.readTree(json.getBody());
    assertThat(export.path("exportedBy").asText()).contains("auditor");
    assertThat(export.path("generatedAt").asText()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
    assertThat(export.path("rounds")).hasSize(1);
    assertThat(export.path("rounds").get(0).path("round").path("businessKey").asText())
        .isEqualTo(FinishedRound.KEY);

    ResponseEntity<byte[]> csv =
        bytes(AUDITOR, "/api/audit/rounds/" + roundId + "/dossier?format=csv");
    assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
    byte[] body = csv.getBody();
    assertThat(new byte[] {body[0], body[1], body[2]})
        .as("UTF-8 BOM, so WPS and Excel read Chinese")
        .isEqualTo(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    String table = new String(body, StandardCharsets.UTF_8);
    assertThat(table).contains("业务编号").contains("佐证材料").contains(recordedSha).contains("市公安局");

    ResponseEntity<byte[]> set =
        bytes(OFFICE, "/api/audit/dossier?plan=wuzhong-2022&year=2024&format=pdf");
    assertThat(PdfText.of(set.getBody())).contains(FinishedRound.KEY).contains(recordedSha);
    assertThat(demo.status(AUDITOR, HttpMethod.GET, "/api/audit/dossier?format=docx", null))
        .isEqualTo(400);
  }

  @Test
  @Order(6)
  void shouldVerifyTheStoredBytesAndSeeTheyWereTamperedWith() {
    JsonNode untouched = demo.get(AUDITOR, "/api/audit/evidence/" + evidenceId + "/verification");
    assertThat(untouched.path("match").asBoolean()).isTrue();
    assertThat(untouched.path("result").asText()).isEqualTo("一致");
    assertThat(untouched.path("recordedSha256").asText()).isEqualTo(recordedSha);
    assertThat(untouched.path("actualSha256").asText()).isEqualTo(recordedSha);
    assertThat(untouched.path("fileName").asText()).isEqualTo("工作总结.pdf");

    FinishedRound.tamper(
        jdbc, evidenceId, "%PDF-1.4\n% altered\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));

    JsonNode tampered = demo.get(OFFICE, "/api/audit/evidence/" + evidenceId + "/verification");
    assertThat(tampered.path("match").asBoolean()).isFalse();
    assertThat(tampered.path("result").asText()).isEqualTo("不一致");
    assertThat(tampered.path("recordedSha256").asText()).isEqualTo(recordedSha);
    assertThat(tampered.path("actualSha256").asText()).hasSize(64).isNotEqualTo(recordedSha);
  }

  private ResponseEntity<byte[]> bytes(String user, String path) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, "demo", StandardCharsets.UTF_8);
    ResponseEntity<byte[]> response =
        http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
    assertThat(response.getStatusCode().value()).as(path).isEqualTo(200);
    return response;
  }

  private String variableId(String processInstanceId, String name) {
    return history
        .createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId)
        .variableName(name)
        .singleResult()
        .getId();
  }

  private JsonNode parse(String body) {
    try {
      return json.readTree(body);
    } catch (Exception e) {
      throw new IllegalStateException(body, e);
    }
  }

  private static List<String> keys(JsonNode rounds) {
    assertThat(rounds.isArray()).as(rounds.toString()).isTrue();
    List<String> keys = new ArrayList<>();
    rounds.forEach(r -> keys.add(r.path("businessKey").asText()));
    return keys;
  }

  private static JsonNode find(JsonNode items, String field, String value) {
    return find(items, field, value, value::equals);
  }

  private static JsonNode find(
      JsonNode items, String field, String value, java.util.function.Predicate<String> test) {
    for (JsonNode item : items) {
      if (test.test(item.path(field).asText())) {
        return item;
      }
    }
    throw new AssertionError("no " + field + " " + value + " in " + items);
  }

  private JsonNode all(JsonNode items, String field, String value) {
    var found = json.createArrayNode();
    items.forEach(
        item -> {
          if (value.equals(item.path(field).asText())) {
            found.add(item);
          }
        });
    return found;
  }
}
