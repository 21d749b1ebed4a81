package org.duban.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.oversight.OversightScenario.*;
import static org.duban.round.RoundFixture.POLICE;
import static org.duban.round.RoundFixture.SUPERVISOR;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.duban.round.RoundFixture;
import org.duban.testsupport.DemoHttp;
import org.duban.testsupport.PdfText;
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
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The supervisors' views over HTTP, as each role gets them: Wuzhong's office sees Wuzhong,
 * Quanzhou's office nothing of it (not even when naming it), the auditor every plan, a unit is
 * refused, and nobody without a login gets anything. Exports are read back as Excel, CSV and PDF
 * readers would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OversightHttpTest {

  static final String WUZHONG = RoundFixture.PLAN;
  static final String AUDITOR = "auditor";
  static final List<String> RESOURCES =
      List.of(
          "/api/oversight/plans",
          "/api/oversight/board?plan=" + WUZHONG + "&year=2025",
          "/api/oversight/overdue",
          "/api/oversight/notices",
          "/api/oversight/targets?plan=" + WUZHONG + "&year=2025");

  @Autowired TestRestTemplate http;
  @Autowired ProcessEngine engine;
  @Autowired OversightQueries queries;
  @Autowired IdentityService identity;
  DemoHttp demo;
  OversightScenario scenario;

  @BeforeAll
  void play() {
    demo = new DemoHttp(http);
    scenario = OversightScenario.play(engine);
  }

  @AfterAll
  void reset() {
    new RoundFixture(engine).clear();
    ClockUtil.reset();
  }

  @Test
  void shouldAskForALoginAndRefuseUnits() {
    for (String path : RESOURCES) {
      assertThat(demo.status(null, HttpMethod.GET, path, null)).as(path).isEqualTo(401);
      ResponseEntity<String> unit = demo.exchange(POLICE, HttpMethod.GET, path, null);
      assertThat(unit.getStatusCode().value()).as(path).isEqualTo(403);
      assertThat(unit.getBody()).contains("督办视图只供规划的督办单位和审计人员查看");
    }
    assertThat(documentAs(POLICE, scenario.criticism.getId()).getStatusCode().value())
        .isEqualTo(403);
  }

  @Test
  void shouldShowEachSupervisorItsOwnPlansAndTheAuditorEvery() {
    assertThat(ids(demo.get(SUPERVISOR, "/api/oversight/plans"))).containsExactly(WUZHONG);
    assertThat(ids(demo.get(QUANZHOU_OFFICE, "/api/oversight/plans"))).containsExactly(QUANZHOU);
    assertThat(ids(demo.get(AUDITOR, "/api/oversight/plans")))
        .contains(WUZHONG, QUANZHOU)
        .hasSizeGreaterThan(2);
  }

  @Test
  void shouldLightTheBoardOfTheRound() {
    for (String user : List.of(SUPERVISOR, AUDITOR)) {
      JsonNode board = demo.get(user, "/api/oversight/board?plan=" + WUZHONG + "&year=2025");
      JsonNode cells = row(board, RoundFixture.TASK).get("cells");
      assertThat(cells.get(POLICE).get("light").asText()).as(user).isEqualTo("CRITICISED");
      assertThat(cells.get(POLICE).get("colour").asText()).isEqualTo("red");
      assertThat(cells.get(SIFAJU).get("light").asText()).isEqualTo("OVERDUE");
      assertThat(cells.get(SIFAJU).get("daysOverdue").asLong()).isEqualTo(6);
      assertThat(cells.get(SIFAJU).get("taskId").asText()).isNotBlank();
      assertThat(cells.get("wuzhong-gonganju").get("roundId").asText())
          .isEqualTo(scenario.round.getId());
      assertThat(cells.get("wuzhong-sifaju").get("due").asText()).isEqualTo("2025-12-05");
      assertThat(cells.get("wuzhong-jianchayuan").get("light").asText()).isEqualTo("ON_TIME");
      assertThat(cells.get(RoundFixture.LEAD).get("light").asText())
          .as("the lead's stage has not opened")
          .isEqualTo("WAITING");
      assertThat(board.get("totals").get("lights").get("ON_TIME").asInt()).isEqualTo(6);
      JsonNode police = unit(board, POLICE);
      assertThat(police.get("late").asInt()).isEqualTo(1);
      assertThat(police.get("onTimeRate").asInt()).isZero();
      assertThat(police.get("notices").asInt())
          .as("reminder, overdue notice and the issued criticism")
          .isEqualTo(3);
      assertThat(unit(board, "wuzhong-jianchayuan").get("onTimeRate").asInt()).isEqualTo(100);
    }
    assertThat(
            demo.status(
                QUANZHOU_OFFICE,
                HttpMethod.GET,
                "/api/oversight/board?plan=" + WUZHONG + "&year=2025",
                null))
        .isEqualTo(404);
    assertThat(
            demo.status(SUPERVISOR, HttpMethod.GET, "/api/oversight/board?plan=no-such-plan", null))
        .isEqualTo(404);
    ResponseEntity<String> malformed =
        demo.exchange(
            SUPERVISOR, HttpMethod.GET, "/api/oversight/board?plan=" + WUZHONG + "&year=x", null);
    assertThat(malformed.getStatusCode().value()).isEqualTo(400);
    assertThat(malformed.getBody()).contains("年度应为数字");
    JsonNode quanzhou =
        demo.get(QUANZHOU_OFFICE, "/api/oversight/board?plan=" + QUANZHOU + "&year=2025");
    assertThat(quanzhou.get("totals").get("rounds").asInt()).isEqualTo(1);
  }

  @Test
  void shouldListThePlansTargetsOfTheYearToItsOfficeOnly() {
    JsonNode rows =
        demo.get(QUANZHOU_OFFICE, "/api/oversight/targets?plan=" + QUANZHOU + "&year=2026");
    assertThat(rows)
        .anySatisfy(
            r -> {
              assertThat(r.get("taskNumber").asText()).isEqualTo("一.3");
              assertThat(r.get("result").get("indicator").asText()).isEqualTo("每万人口高价值发明专利拥有量");
              assertThat(r.get("result").get("targetValue").decimalValue())
                  .isEqualByComparingTo("6");
              assertThat(r.get("result").get("verdictLabel").asText())
                  .as("no round, no report")
                  .isEqualTo("无目标值");
            });
    assertThat(
            demo.status(
                SUPERVISOR,
                HttpMethod.GET,
                "/api/oversight/targets?plan=" + QUANZHOU + "&year=2026",
                null))
        .isEqualTo(404);
  }

  @Test
  void shouldListExactlyTheOverdueUnitInTheLedger() throws Exception {
    JsonNode ledger = demo.get(SUPERVISOR, "/api/oversight/overdue");
    assertThat(ledger).hasSize(1);
    JsonNode row = ledger.get(0);
    assertThat(row.get("unit").asText()).isEqualTo(SIFAJU);
    assertThat(row.get("unitName").asText()).isEqualTo("市司法局");
    assertThat(row.get("handlerName").asText()).isEqualTo("张伟(zhangwei)");
    assertThat(row.get("due").asText()).isEqualTo("2025-12-05");
    assertThat(row.get("daysOverdue").asLong()).isEqualTo(6);
    assertThat(row.get("rung").asText()).isEqualTo("通报批评");
    assertThat(row.get("proposals").asText()).isEqualTo("通报批评(待签发)");
    assertThat(row.get("year").asInt()).isEqualTo(2025);
    assertThat(demo.get(SUPERVISOR, "/api/oversight/overdue?year=2024")).isEmpty();
    assertThat(demo.get(SUPERVISOR, "/api/oversight/overdue?unit=" + POLICE)).isEmpty();
    assertThat(demo.get(SUPERVISOR, "/api/oversight/overdue?unit=" + SIFAJU)).hasSize(1);
    assertThat(demo.get(AUDITOR, "/api/oversight/overdue?plan=" + WUZHONG)).hasSize(1);

    for (JsonNode other : demo.get(QUANZHOU_OFFICE, "/api/oversight/overdue")) {
      assertThat(other.get("planId").asText()).isEqualTo(QUANZHOU);
    }
    assertThat(
            demo.status(
                QUANZHOU_OFFICE, HttpMethod.GET, "/api/oversight/overdue?plan=" + WUZHONG, null))
        .isEqualTo(404);

    // the bean the benchmark calls, under the caller's own authentication
    identity.setAuthentication(QUANZHOU_OFFICE, List.of(QUANZHOU_OFFICE));
    try {
      assertThat(queries.overdue(OverdueFilter.all())).noneMatch(r -> r.planId().equals(WUZHONG));
    } finally {
      identity.clearAuthentication();
    }

    byte[] xlsx = bytes(SUPERVISOR, "/api/oversight/overdue?format=xlsx");
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      List<List<String>> rows = rows(book);
      assertThat(rows.get(0)).startsWith("规划", "任务", "年度", "责任单位", "经办人员", "截止日期", "逾期天数");
      assertThat(rows).hasSize(2);
      assertThat(rows.get(1)).contains("市司法局", "张伟(zhangwei)", "2025-12-05", "通报批评(待签发)");
    }
    byte[] csv = bytes(SUPERVISOR, "/api/oversight/overdue?format=csv");
    assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
    assertThat(new String(csv, StandardCharsets.UTF_8)).contains("市司法局").contains("张伟(zhangwei)");
  }

  @Test
  void shouldRegisterTheNoticesAndPrintTheIssuedCriticism() throws Exception {
    JsonNode register = demo.get(SUPERVISOR, "/api/oversight/notices?plan=" + WUZHONG);
    JsonNode criticism = notice(register, scenario.criticism.getId());
    assertThat(criticism.get("typeLabel").asText()).isEqualTo("通报批评");
    assertThat(criticism.get("status").asText()).isEqualTo("ISSUED");
    assertThat(criticism.get("unitName").asText()).isEqualTo("市公安局");
    assertThat(criticism.get("reason").asText()).contains("经催办仍未报送");
    assertThat(criticism.get("issuedBy").asText()).startsWith(WUZHONG_OFFICE_NAME);
    assertThat(criticism.get("document").asBoolean()).isTrue();
    assertThat(criticism.get("date").asText()).startsWith("2025-12-11");
    assertThat(notice(register, scenario.reminder.getId()).get("document").asBoolean()).isFalse();
    assertThat(demo.get(SUPERVISOR, "/api/oversight/notices?type=CRITICISM&status=PROPOSED"))
        .singleElement()
        .satisfies(n -> assertThat(n.get("unit").asText()).isEqualTo(SIFAJU));
    assertThat(demo.get(AUDITOR, "/api/oversight/notices?unit=" + POLICE)).hasSize(3);
    for (JsonNode other : demo.get(QUANZHOU_OFFICE, "/api/oversight/notices")) {
      assertThat(other.get("planId").asText()).isEqualTo(QUANZHOU);
    }
    assertThat(
            demo.status(
                QUANZHOU_OFFICE, HttpMethod.GET, "/api/oversight/notices?plan=" + WUZHONG, null))
        .isEqualTo(404);

    ResponseEntity<byte[]> pdf = documentAs(SUPERVISOR, scenario.criticism.getId());
    assertThat(pdf.getStatusCode().value()).isEqualTo(200);
    assertThat(pdf.getHeaders().getContentType().toString()).isEqualTo("application/pdf");
    assertThat(pdf.getHeaders().getContentDisposition().getType()).isEqualTo("inline");
    // the reader wraps long lines: compare without line breaks
    String text = PdfText.of(pdf.getBody()).replaceAll("\\s+", "");
    assertThat(text)
        .contains("关于对市公安局的通报批评")
        .contains("市公安局:报送截止日期2025-12-05已过6天")
        .contains("经催办仍未报送")
        .contains(WUZHONG_OFFICE_NAME)
        .contains("2025年12月11日")
        .contains("记录编号:" + scenario.criticism.getId());
    assertThat(documentAs(AUDITOR, scenario.criticism.getId()).getStatusCode().value())
        .isEqualTo(200);
    assertThat(documentAs(QUANZHOU_OFFICE, scenario.criticism.getId()).getStatusCode().value())
        .as("another plan's office learns nothing, not even that it exists")
        .isEqualTo(404);
    assertThat(documentAs(SUPERVISOR, scenario.reminder.getId()).getStatusCode().value())
        .as("a reminder is no document")
        .isEqualTo(404);

    byte[] xlsx = bytes(SUPERVISOR, "/api/oversight/notices?format=xlsx");
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      List<List<String>> rows = rows(book);
      assertThat(rows.get(0))
          .containsExactly("日期", "类别", "状态", "单位", "经办人员", "任务", "年度", "事由", "发出单位");
      assertThat(rows).anySatisfy(r -> assertThat(r).contains("通报批评", "已签发", "市公安局"));
    }
    byte[] csv = bytes(SUPERVISOR, "/api/oversight/notices?format=csv");
    assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
  }

  @Test
  void shouldAnswerTheCockpitSessionWithoutCsrfForReads() {
    HttpHeaders session = demo.webappSession(SUPERVISOR, "demo", "cockpit");
    ResponseEntity<String> board =
        demo.inSession(
            session,
            HttpMethod.GET,
            "/api/oversight/board?plan=" + WUZHONG + "&year=2025",
            null,
            false);
    assertThat(board.getStatusCode().value()).isEqualTo(200);
    assertThat(board.getBody()).contains("CRITICISED");
  }

  private ResponseEntity<byte[]> documentAs(String user, String noticeId) {
    return http.exchange(
        "/api/oversight/notices/" + noticeId + "/document.pdf",
        HttpMethod.GET,
        new HttpEntity<>(basic(user)),
        byte[].class);
  }

  private byte[] bytes(String user, String path) {
    ResponseEntity<byte[]> response =
        http.exchange(path, HttpMethod.GET, new HttpEntity<>(basic(user)), byte[].class);
    assertThat(response.getStatusCode().value()).as(path).isEqualTo(200);
    return response.getBody();
  }

  private static HttpHeaders basic(String user) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, "demo", StandardCharsets.UTF_8);
    return headers;
  }

  private static List<String> ids(JsonNode plans) {
    List<String> ids = new ArrayList<>();
    plans.forEach(p -> ids.add(p.get("id").asText()));
    return ids;
  }

  private static JsonNode row(JsonNode board, String taskNumber) {
    for (JsonNode row : board.get("tasks")) {
      if (row.get("taskNumber").asText().equals(taskNumber)) {
        return row;
      }
    }
    throw new AssertionError("no row " + taskNumber + " in " + board);
  }

  private static JsonNode unit(JsonNode board, String unit) {
    for (JsonNode u : board.get("units")) {
      if (u.get("unit").asText().equals(unit)) {
        return u;
      }
    }
    throw new AssertionError("no unit " + unit);
  }

  private static JsonNode notice(JsonNode register, String id) {
    for (JsonNode n : register) {
      if (n.get("noticeId").asText().equals(id)) {
        return n;
      }
    }
    throw new AssertionError("no notice " + id + " in " + register);
  }

  private static List<List<String>> rows(XSSFWorkbook book) {
    List<List<String>> rows = new ArrayList<>();
    for (Row row : book.getSheetAt(0)) {
      List<String> cells = new ArrayList<>();
      row.forEach(c -> cells.add(c.toString()));
      rows.add(cells);
    }
    return rows;
  }
}
